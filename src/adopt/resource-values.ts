/**
 * Reads an object the way `terraform import` does (the resource's own import-ID parser, read and
 * attribute mappings), then keeps the attributes a person would write: those that differ from
 * what the server gives a new object. Every kept value is the one import puts in state, so the
 * written configuration plans with no changes.
 */
import type { IRedAdminClient } from '../client';
import { isComputed, type AnyAttribute, type Issue, type SomeResource } from '../provider/framework';
import { normalized, sameValue, type Plain, type PlanValue } from '../provider/framework/values';
import { RESOURCES } from '../provider/resources';
import type { AdoptedType } from './model';

type Row = Record<string, PlanValue>;

/** A resource definition seen through plain rows (the framework erases value types the same way). */
interface LooseResource {
  readonly typeName: string;
  readonly attributes: Readonly<Record<string, AnyAttribute<never>>>;
  importId(id: string): Record<string, unknown>;
  read(client: IRedAdminClient, values: Row): Promise<unknown>;
  validate?(values: Row): Issue[];
}

export function resourceDefinition(type: AdoptedType): LooseResource {
  const found = RESOURCES.find((r: SomeResource<IRedAdminClient>) => r.typeName === type);
  if (!found) throw new Error(`the provider has no resource ${type}`);
  return found as unknown as LooseResource;
}

/** The object's state after `terraform import <id>`, or null when the server has no such object. */
export async function readAsImport(client: IRedAdminClient, type: AdoptedType, importId: string): Promise<Row | null> {
  const definition = resourceDefinition(type);
  const identifying = definition.importId(importId);
  const base: Row = {};
  for (const [attr, spec] of Object.entries(definition.attributes)) {
    base[attr] = (identifying[attr] as PlanValue | undefined) ?? (spec.default as PlanValue | undefined) ?? null;
  }
  const data = await definition.read(client, base);
  if (data === null) return null;
  const row: Row = {};
  for (const [attr, spec] of Object.entries(definition.attributes)) {
    const read = spec.read as ((d: unknown) => PlanValue | undefined) | undefined;
    const value = read && !spec.writeOnly ? read(data) : undefined;
    row[attr] = value === undefined ? (base[attr] ?? null) : normalized(spec, value);
  }
  return row;
}

/** Values a new object gets on the server, per attribute; a function sees the whole object. */
export type Defaults = Readonly<Record<string, PlanValue | ((row: Row) => PlanValue)>>;

const isEmpty = (v: PlanValue): boolean =>
  v === null || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0);

/**
 * The attributes worth writing: identifying ones always; others when they differ from the
 * attribute's declared default, from `defaults`, or (without either) from the empty value. A
 * value the resource would refuse at plan time is left out (unset optional attributes keep the
 * server's value), as is anything the configuration cannot hold (passwords, destroy-time options).
 */
export function configFrom(type: AdoptedType, state: Row, defaults: Defaults = {}): Record<string, Plain> {
  const definition = resourceDefinition(type);
  const config: Record<string, Plain> = {};
  for (const [attr, spec] of Object.entries(definition.attributes)) {
    const value = state[attr] ?? null;
    if (value === null || typeof value === 'symbol' || spec.sensitive || spec.writeOnly) continue;
    if (spec.required) {
      config[attr] = value;
      continue;
    }
    if (!spec.read) continue;
    if (isDefault(spec, value, defaults[attr], state)) continue;
    const validators = (spec.validators ?? []) as readonly ((v: Plain) => string | undefined)[];
    if (validators.some((check) => check(value) !== undefined)) continue;
    config[attr] = value;
  }
  return dropRefused(definition, config);
}

function isDefault(
  spec: AnyAttribute<never>,
  value: PlanValue,
  given: Defaults[string] | undefined,
  state: Row,
): boolean {
  const byDefault = typeof given === 'function' ? given(state) : given;
  if (byDefault !== undefined) return sameValue(value, normalized(spec, byDefault));
  if (spec.default !== undefined) return sameValue(value, normalized(spec, spec.default as PlanValue));
  // Left out, an attribute that is not computed means "none" (a server value would be drift): write any value.
  return isComputed(spec) && isEmpty(value);
}

/** Leaves out attributes the resource's cross-attribute checks refuse, until none is refused. */
function dropRefused(definition: LooseResource, config: Record<string, Plain>): Record<string, Plain> {
  if (!definition.validate) return config;
  for (let pass = 0; pass < 5; pass++) {
    const values: Row = {};
    for (const attr of Object.keys(definition.attributes)) values[attr] = config[attr] ?? null;
    const refused = definition
      .validate(values)
      .map((issue) => issue.attribute)
      .filter((a): a is string => !!a && a in config && !definition.attributes[a]?.required);
    if (!refused.length) return config;
    for (const attr of refused) delete config[attr];
  }
  return config;
}
