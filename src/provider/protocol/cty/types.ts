/**
 * Terraform's value types (cty) as TypeScript data, and their JSON form
 * (what a schema attribute's `type` bytes and a dynamic value's type carry).
 */

export type PrimitiveType = 'string' | 'number' | 'bool';

export type CtyType =
  | PrimitiveType
  /** Any type, decided at run time; values then travel with their type. */
  | 'dynamic'
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: CtyType }
  | {
      readonly kind: 'object';
      readonly attributes: Readonly<Record<string, CtyType>>;
      /** Attributes that may be omitted in a type constraint (function parameters only). */
      readonly optional?: readonly string[];
    }
  | { readonly kind: 'tuple'; readonly elements: readonly CtyType[] };

export type ObjectType = Extract<CtyType, { kind: 'object' }>;

/** Builders, so type literals read like Terraform's: `t.list(t.string)`. */
export const t = {
  string: 'string' as const,
  number: 'number' as const,
  bool: 'bool' as const,
  dynamic: 'dynamic' as const,
  list: (element: CtyType): CtyType => ({ kind: 'list', element }),
  set: (element: CtyType): CtyType => ({ kind: 'set', element }),
  map: (element: CtyType): CtyType => ({ kind: 'map', element }),
  object: (attributes: Record<string, CtyType>, optional?: readonly string[]): ObjectType =>
    optional && optional.length > 0 ? { kind: 'object', attributes, optional } : { kind: 'object', attributes },
  tuple: (elements: readonly CtyType[]): CtyType => ({ kind: 'tuple', elements }),
};

/** The cty JSON form of a type: `"string"`, `["list","string"]`, `["object",{...}]`. */
export function typeToJson(type: CtyType): unknown {
  if (typeof type === 'string') return type;
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return [type.kind, typeToJson(type.element)];
    case 'tuple':
      return ['tuple', type.elements.map(typeToJson)];
    case 'object': {
      const attributes: Record<string, unknown> = {};
      for (const name of Object.keys(type.attributes).sort()) attributes[name] = typeToJson(type.attributes[name]);
      return type.optional && type.optional.length > 0
        ? ['object', attributes, [...type.optional].sort()]
        : ['object', attributes];
    }
  }
}

export function typeToJsonBytes(type: CtyType): Buffer {
  return Buffer.from(JSON.stringify(typeToJson(type)), 'utf8');
}

export function typeFromJson(json: unknown): CtyType {
  if (json === 'string' || json === 'number' || json === 'bool' || json === 'dynamic') return json;
  if (Array.isArray(json) && json.length >= 2 && typeof json[0] === 'string') {
    const [kind, arg, extra] = json as [string, unknown, unknown];
    switch (kind) {
      case 'list':
      case 'set':
      case 'map':
        return { kind, element: typeFromJson(arg) };
      case 'tuple':
        if (!Array.isArray(arg)) break;
        return { kind: 'tuple', elements: arg.map(typeFromJson) };
      case 'object': {
        if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) break;
        const attributes: Record<string, CtyType> = Object.create(null) as Record<string, CtyType>;
        for (const [name, value] of Object.entries(arg)) attributes[name] = typeFromJson(value);
        const optional = Array.isArray(extra) ? extra.filter((x): x is string => typeof x === 'string') : undefined;
        return t.object(attributes, optional);
      }
      default:
        break;
    }
  }
  throw new Error(`not a cty type: ${JSON.stringify(json)}`);
}

export function typeFromJsonBytes(bytes: Uint8Array | string): CtyType {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  return typeFromJson(JSON.parse(text));
}

/** Human name, for error messages: `list of string`. */
export function typeName(type: CtyType): string {
  if (typeof type === 'string') return type;
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${type.kind} of ${typeName(type.element)}`;
    case 'tuple':
      return `tuple of ${type.elements.length}`;
    case 'object':
      return 'object';
  }
}
