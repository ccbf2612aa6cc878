/** The type Terraform would give a plain value placed in a `dynamic` slot. */
import { t, type CtyType } from './types';
import { Decimal, Dynamic, isRecord, type CtyValue } from './values';

export function inferType(value: CtyValue): CtyType {
  if (value instanceof Dynamic) return value.type;
  if (typeof value === 'string') return t.string;
  if (typeof value === 'boolean') return t.bool;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof Decimal) return t.number;
  if (Array.isArray(value)) return t.tuple((value as readonly CtyValue[]).map(inferType));
  if (isRecord(value)) {
    const attributes: Record<string, CtyType> = {};
    for (const [name, attribute] of Object.entries(value)) attributes[name] = inferType(attribute);
    return t.object(attributes);
  }
  // null or unknown: the type is itself not decided.
  return t.dynamic;
}
