/**
 * Translation between the wire objects of tfplugin6 (snake_case, enums as
 * numbers) and the plain TypeScript types handlers see.
 */
import type { RawDynamicValue } from '../cty/dynamic-value';
import { typeToJsonBytes } from '../cty/types';
import type { AttributePath, Diagnostic } from '../diagnostics';
import type { ClientCapabilities, DeferredReason, RawState, ServerCapabilities } from '../handlers';
import type {
  FunctionDefinition,
  FunctionParameter,
  NestedAttributes,
  Schema,
  SchemaAttribute,
  SchemaBlock,
  StringKind,
} from '../schema';
import type { WireMessage, WireValue } from './protobuf';

const EMPTY = Buffer.alloc(0);

// Readers that apply proto3 defaults to absent fields.
export const str = (v: WireValue | undefined): string => (typeof v === 'string' ? v : '');
export const num = (v: WireValue | undefined): number => (typeof v === 'number' ? v : 0);
const bool = (v: WireValue | undefined): boolean => v === true;
export const bytes = (v: WireValue | undefined): Uint8Array => (v instanceof Uint8Array ? v : EMPTY);
const msg = (v: WireValue | undefined): WireMessage =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) ? (v as WireMessage) : {};
export const list = (v: WireValue | undefined): WireValue[] => (Array.isArray(v) ? v : []);

export function dynamicIn(v: WireValue | undefined): RawDynamicValue {
  const m = msg(v);
  const out: { msgpack?: Uint8Array; json?: Uint8Array } = {};
  if (m.msgpack instanceof Uint8Array && m.msgpack.length > 0) out.msgpack = m.msgpack;
  if (m.json instanceof Uint8Array && m.json.length > 0) out.json = m.json;
  return out;
}

export function dynamicOut(v: RawDynamicValue | undefined): WireMessage | undefined {
  if (!v) return undefined;
  return { ...(v.msgpack ? { msgpack: v.msgpack } : {}), ...(v.json ? { json: v.json } : {}) };
}

export function rawStateIn(v: WireValue | undefined): RawState {
  const m = msg(v);
  const json = bytes(m.json);
  const flatmap = m.flatmap as Record<string, string> | undefined;
  return { ...(json.length > 0 ? { json } : {}), ...(flatmap && Object.keys(flatmap).length > 0 ? { flatmap } : {}) };
}

export function clientCapabilitiesIn(v: WireValue | undefined): ClientCapabilities {
  const m = msg(v);
  return {
    deferralAllowed: bool(m.deferral_allowed),
    writeOnlyAttributesAllowed: bool(m.write_only_attributes_allowed),
  };
}

export function serverCapabilitiesOut(c: ServerCapabilities | undefined): WireMessage | undefined {
  if (!c) return undefined;
  return {
    plan_destroy: c.planDestroy === true,
    get_provider_schema_optional: c.getProviderSchemaOptional === true,
    move_resource_state: c.moveResourceState === true,
  };
}

const DEFERRED: Record<DeferredReason, number> = {
  resource_config_unknown: 1,
  provider_config_unknown: 2,
  absent_prereq: 3,
};
export const deferredOut = (reason: DeferredReason | undefined): WireMessage | undefined =>
  reason ? { reason: DEFERRED[reason] } : undefined;

export function pathOut(path: AttributePath): WireMessage {
  return {
    steps: path.steps.map((step): WireMessage => {
      if ('attributeName' in step) return { attribute_name: step.attributeName };
      if ('elementKeyString' in step) return { element_key_string: step.elementKeyString };
      return { element_key_int: step.elementKeyInt };
    }),
  };
}

function diagnosticOut(d: Diagnostic): WireMessage {
  return {
    severity: d.severity === 'error' ? 1 : 2,
    summary: d.summary,
    ...(d.detail ? { detail: d.detail } : {}),
    ...(d.attribute && !d.attribute.isEmpty ? { attribute: pathOut(d.attribute) } : {}),
  };
}

export const diagnosticsOut = (ds: readonly Diagnostic[] | undefined): WireMessage[] => (ds ?? []).map(diagnosticOut);

const stringKind = (k: StringKind | undefined): number => (k === 'markdown' ? 1 : 0);

function attributeOut(name: string, a: SchemaAttribute): WireMessage {
  return {
    name,
    ...(a.type ? { type: typeToJsonBytes(a.type) } : {}),
    ...(a.nestedType ? { nested_type: nestedOut(a.nestedType) } : {}),
    description: a.description ?? '',
    required: a.required === true,
    optional: a.optional === true,
    computed: a.computed === true,
    sensitive: a.sensitive === true,
    description_kind: stringKind(a.descriptionKind),
    deprecated: a.deprecated === true,
    write_only: a.writeOnly === true,
  };
}

const NESTING: Record<NestedAttributes['nesting'] | 'group', number> = { single: 1, list: 2, set: 3, map: 4, group: 5 };

function nestedOut(n: NestedAttributes): WireMessage {
  return {
    attributes: Object.entries(n.attributes).map(([name, a]) => attributeOut(name, a)),
    nesting: NESTING[n.nesting],
  };
}

function blockOut(b: SchemaBlock, version = 0): WireMessage {
  return {
    version,
    attributes: Object.entries(b.attributes ?? {}).map(([name, a]) => attributeOut(name, a)),
    block_types: Object.entries(b.blockTypes ?? {}).map(([typeName, nb]) => ({
      type_name: typeName,
      block: blockOut(nb.block),
      nesting: NESTING[nb.nesting],
      min_items: nb.minItems ?? 0,
      max_items: nb.maxItems ?? 0,
    })),
    description: b.description ?? '',
    description_kind: stringKind(b.descriptionKind),
    deprecated: b.deprecated === true,
  };
}

export function schemaOut(s: Schema | undefined): WireMessage | undefined {
  if (!s) return undefined;
  return { version: s.version ?? 0, block: blockOut(s.block, s.version ?? 0) };
}

export function schemaMapOut(m: Readonly<Record<string, Schema>> | undefined): Record<string, WireMessage> {
  const out: Record<string, WireMessage> = {};
  for (const [name, s] of Object.entries(m ?? {})) out[name] = schemaOut(s) as WireMessage;
  return out;
}

function parameterOut(p: FunctionParameter): WireMessage {
  return {
    name: p.name,
    type: typeToJsonBytes(p.type),
    allow_null_value: p.allowNullValue === true,
    allow_unknown_values: p.allowUnknownValues === true,
    description: p.description ?? '',
    description_kind: stringKind(p.descriptionKind),
  };
}

function functionOut(f: FunctionDefinition): WireMessage {
  return {
    parameters: f.parameters.map(parameterOut),
    ...(f.variadicParameter ? { variadic_parameter: parameterOut(f.variadicParameter) } : {}),
    return: { type: typeToJsonBytes(f.returnType) },
    summary: f.summary ?? '',
    description: f.description ?? '',
    description_kind: stringKind(f.descriptionKind),
    deprecation_message: f.deprecationMessage ?? '',
  };
}

export function functionMapOut(
  m: Readonly<Record<string, FunctionDefinition>> | undefined,
): Record<string, WireMessage> {
  const out: Record<string, WireMessage> = {};
  for (const [name, f] of Object.entries(m ?? {})) out[name] = functionOut(f);
  return out;
}

export function timestampOut(date: Date | undefined): WireMessage | undefined {
  if (!date) return undefined;
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
}

export const optionalBytesIn = (v: WireValue | undefined): Uint8Array | undefined =>
  v instanceof Uint8Array ? v : undefined;
