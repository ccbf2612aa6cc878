/**
 * Schemas as TypeScript data: what a provider, resource or data source
 * accepts. Keyed records rather than lists, for comfortable literals:
 *   { block: { attributes: { id: { type: t.string, computed: true } } } }
 */
import { t, type CtyType, type ObjectType } from './cty/types';

export type StringKind = 'plain' | 'markdown';

export interface SchemaAttribute {
  /** The attribute's value type; give this or `nestedType`. */
  readonly type?: CtyType;
  /** Nested attributes (protocol 6 only), instead of `type`. */
  readonly nestedType?: NestedAttributes;
  readonly description?: string;
  readonly descriptionKind?: StringKind;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  /** Masks the value in Terraform's output; it is still stored in state. */
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
  /** Never stored (Terraform ≥ 1.11): plan and apply must answer null for it. */
  readonly writeOnly?: boolean;
}

export interface NestedAttributes {
  readonly nesting: 'single' | 'list' | 'set' | 'map';
  readonly attributes: Readonly<Record<string, SchemaAttribute>>;
}

export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly blockTypes?: Readonly<Record<string, SchemaNestedBlock>>;
  readonly description?: string;
  readonly descriptionKind?: StringKind;
  readonly deprecated?: boolean;
}

export interface SchemaNestedBlock {
  readonly nesting: 'single' | 'list' | 'set' | 'map' | 'group';
  readonly block: SchemaBlock;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface Schema {
  /** Bump when the stored shape changes; UpgradeResourceState receives the old number. */
  readonly version?: number;
  readonly block: SchemaBlock;
}

export interface FunctionParameter {
  readonly name: string;
  readonly type: CtyType;
  readonly allowNullValue?: boolean;
  readonly allowUnknownValues?: boolean;
  readonly description?: string;
  readonly descriptionKind?: StringKind;
}

export interface FunctionDefinition {
  readonly parameters: readonly FunctionParameter[];
  readonly variadicParameter?: FunctionParameter;
  readonly returnType: CtyType;
  readonly summary?: string;
  readonly description?: string;
  readonly descriptionKind?: StringKind;
  readonly deprecationMessage?: string;
}

const impliedTypes = new WeakMap<SchemaBlock, ObjectType>();

/**
 * The object type of a block's values: what its DynamicValues decode to. Worked out once per
 * block (schemas are fixed once served), so the codec's per-type preparations are reused too.
 */
export function impliedType(block: SchemaBlock): ObjectType {
  let type = impliedTypes.get(block);
  if (!type) {
    type = typeOfBlock(block);
    impliedTypes.set(block, type);
  }
  return type;
}

function typeOfBlock(block: SchemaBlock): ObjectType {
  const attributes: Record<string, CtyType> = {};
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) attributes[name] = attributeType(attribute);
  for (const [name, nested] of Object.entries(block.blockTypes ?? {})) {
    const element = impliedType(nested.block);
    switch (nested.nesting) {
      case 'single':
      case 'group':
        attributes[name] = element;
        break;
      case 'list':
        attributes[name] = t.list(element);
        break;
      case 'set':
        attributes[name] = t.set(element);
        break;
      case 'map':
        attributes[name] = t.map(element);
        break;
    }
  }
  return t.object(attributes);
}

function attributeType(attribute: SchemaAttribute): CtyType {
  if (attribute.type) return attribute.type;
  if (!attribute.nestedType) throw new Error('a schema attribute needs `type` or `nestedType`');
  const element: CtyType = t.object(
    Object.fromEntries(Object.entries(attribute.nestedType.attributes).map(([name, a]) => [name, attributeType(a)])),
  );
  switch (attribute.nestedType.nesting) {
    case 'single':
      return element;
    case 'list':
      return t.list(element);
    case 'set':
      return t.set(element);
    case 'map':
      return t.map(element);
  }
}
