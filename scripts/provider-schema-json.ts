/**
 * The provider's schema as `terraform providers schema -json` prints it, straight from the
 * definitions (no terraform, no provider process): what @cdktf/provider-generator reads.
 */
import {
  typeToJson,
  type GetProviderSchemaResponse,
  type Schema,
  type SchemaAttribute,
  type SchemaBlock,
} from '../src/provider/protocol';
import { providerSchema } from '../src/provider/framework';
import { iredadminProvider } from '../src/provider/iredadmin/provider';

export const PROVIDER_FQN = 'registry.terraform.io/iredadmin/iredadmin';

export interface JsonAttribute {
  type?: unknown;
  nested_type?: { attributes: Record<string, JsonAttribute>; nesting_mode: string };
  description?: string;
  description_kind?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  write_only?: boolean;
}
export interface JsonBlock {
  attributes: Record<string, JsonAttribute>;
  block_types?: Record<string, { nesting_mode: string; block: JsonBlock; min_items?: number; max_items?: number }>;
  description?: string;
  description_kind?: string;
  deprecated?: boolean;
}
export interface JsonSchema {
  version: number;
  block: JsonBlock;
}
export interface ProviderSchemaDocument {
  format_version: '1.0';
  provider_schemas: Record<
    string,
    {
      provider: JsonSchema;
      resource_schemas: Record<string, JsonSchema>;
      data_source_schemas: Record<string, JsonSchema>;
    }
  >;
  provider_versions: Record<string, string>;
}

// Terraform omits false flags and empty fields; so do we, so the document reads the same.
const flag = (name: string, value: boolean | undefined) => (value ? { [name]: true } : {});
const kind = (k: string | undefined) => (k ? { description_kind: k } : {});

function attribute(a: SchemaAttribute): JsonAttribute {
  return {
    ...(a.type ? { type: typeToJson(a.type) } : {}),
    ...(a.nestedType
      ? {
          nested_type: {
            attributes: mapValues(a.nestedType.attributes, attribute),
            nesting_mode: a.nestedType.nesting,
          },
        }
      : {}),
    ...(a.description !== undefined ? { description: a.description } : {}),
    ...kind(a.descriptionKind),
    ...flag('required', a.required),
    ...flag('optional', a.optional),
    ...flag('computed', a.computed),
    ...flag('sensitive', a.sensitive),
    ...flag('deprecated', a.deprecated),
    ...flag('write_only', a.writeOnly),
  };
}

function block(b: SchemaBlock): JsonBlock {
  return {
    attributes: mapValues(b.attributes ?? {}, attribute),
    ...(Object.keys(b.blockTypes ?? {}).length > 0
      ? {
          block_types: mapValues(b.blockTypes ?? {}, (n) => ({
            nesting_mode: n.nesting,
            block: block(n.block),
            ...(n.minItems ? { min_items: n.minItems } : {}),
            ...(n.maxItems ? { max_items: n.maxItems } : {}),
          })),
        }
      : {}),
    ...(b.description !== undefined ? { description: b.description } : {}),
    ...kind(b.descriptionKind),
    ...flag('deprecated', b.deprecated),
  };
}

const schema = (s: Schema): JsonSchema => ({ version: s.version ?? 0, block: block(s.block) });

/** Keys sorted, so the generated code does not depend on definition order. */
function mapValues<A, B>(record: Readonly<Record<string, A>>, f: (a: A) => B): Record<string, B> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, f(record[k]!)]),
  );
}

export function schemaDocument(response: GetProviderSchemaResponse, version: string): ProviderSchemaDocument {
  if (!response.provider) throw new Error('the GetProviderSchema answer has no provider schema');
  return {
    format_version: '1.0',
    provider_schemas: {
      [PROVIDER_FQN]: {
        provider: schema(response.provider),
        resource_schemas: mapValues(response.resourceSchemas ?? {}, schema),
        data_source_schemas: mapValues(response.dataSourceSchemas ?? {}, schema),
      },
    },
    provider_versions: { [PROVIDER_FQN]: version },
  };
}

/** Our provider's document at the given version. */
export function iredadminSchemaDocument(version: string): ProviderSchemaDocument {
  return schemaDocument(providerSchema(iredadminProvider), version);
}
