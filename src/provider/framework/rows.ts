/**
 * A resource's values as one record per object ("row"), in both directions: protocol
 * DynamicValues ⇄ rows of plain values, using the definition's attributes plus `id`.
 */
import {
  decodeDynamicValue,
  encodeDynamicValue,
  isRecord,
  isUnknown,
  newRecord,
  t,
  upgradeJsonValue,
  type CtyType,
  type ObjectType,
  type RawDynamicValue,
} from '../protocol';
import { ctyTypeOf, type AnyAttribute, type Attributes } from './attributes';
import { fromCty, normalized, toCty, type PlanValue } from './values';

export type Row = Record<string, PlanValue>;

export const ID = 'id';

export function objectType(attributes: Attributes<never>, withId: boolean): ObjectType {
  const types: Record<string, CtyType> = {};
  for (const [name, spec] of Object.entries(attributes)) types[name] = ctyTypeOf(spec.kind);
  if (withId) types[ID] = t.string;
  return t.object(types);
}

const entries = new WeakMap<Attributes<never>, readonly (readonly [string, AnyAttribute<never>])[]>();

/** `Object.entries(attributes)`, worked out once per definition: rows are read on every call. */
export function attributeEntries(attributes: Attributes<never>): readonly (readonly [string, AnyAttribute<never>])[] {
  let list = entries.get(attributes);
  if (!list) {
    list = Object.entries(attributes);
    entries.set(attributes, list);
  }
  return list;
}

/**
 * The values a definition's handlers see: in each attribute's canonical form (`normalize`, sets
 * sorted), an unknown as null. So a handler never canonicalizes what the engine already did.
 */
export function canonicalRow(row: Row, attributes: Attributes<never>): Row {
  const out: Row = {};
  for (const [name, spec] of attributeEntries(attributes)) {
    const value = row[name] ?? null;
    out[name] = isUnknown(value) ? null : normalized(spec, value);
  }
  return out;
}

export function decodeRow(
  raw: RawDynamicValue | undefined,
  attributes: Attributes<never>,
  type: ObjectType,
): Row | null {
  const value = decodeDynamicValue(raw, type);
  if (!isRecord(value)) return null;
  const row: Row = {};
  for (const [name, spec] of attributeEntries(attributes)) row[name] = fromCty(spec.kind, value[name] ?? null);
  if (ID in type.attributes) row[ID] = fromCty('string', value[ID] ?? null);
  return row;
}

export function encodeRow(row: Row | null, type: ObjectType): RawDynamicValue {
  if (!row) return encodeDynamicValue(null, type);
  const record = newRecord();
  for (const name of Object.keys(type.attributes)) record[name] = toCty(row[name] ?? null);
  return encodeDynamicValue(record, type);
}

/**
 * A state written by an older schema: `step` (if any) first, then keep the attributes we still
 * have, null for new ones. Without a step, state already in the current shape passes as it is.
 */
export function upgradeJsonState(
  json: Uint8Array,
  type: ObjectType,
  step?: (state: Record<string, unknown>) => Record<string, unknown>,
): RawDynamicValue {
  if (!step) return upgradeJsonValue(json, type);
  const parsed: unknown = JSON.parse(Buffer.from(json).toString('utf8'));
  const stored = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  const old = step(stored);
  const filled: Record<string, unknown> = {};
  for (const name of Object.keys(type.attributes)) filled[name] = old[name] ?? null;
  const value = decodeDynamicValue({ json: Buffer.from(JSON.stringify(filled)) }, type);
  return encodeDynamicValue(value, type);
}
