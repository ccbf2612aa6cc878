/**
 * Between protocol values (CtyValue: may be unknown, numbers may be big) and the plain typed
 * values resources work with; plus equality in each attribute's canonical form.
 */
import { Decimal, isRecord, newRecord, Unknown, type CtyValue } from '../protocol';
import type { AnyAttribute, AttributeKind } from './attributes';

export type Plain = string | number | boolean | string[] | Record<string, string>;
/** A plain value, null, or not yet known (during plan). */
export type PlanValue = Plain | null | typeof Unknown;

/** A decoded attribute value as plain data; throws a message when a number does not fit a JS number. */
export function fromCty(kind: AttributeKind, value: CtyValue): PlanValue {
  if (value === null || value === Unknown) return value;
  switch (kind) {
    case 'string':
      return String(value);
    case 'bool':
      return value === true;
    case 'number': {
      if (typeof value === 'number') return value;
      const n = Number(value instanceof Decimal ? value.text : String(value));
      if (!Number.isSafeInteger(n) && !Number.isFinite(n)) throw new Error('number out of range');
      return n;
    }
    case 'stringSet':
    case 'stringList':
      if (!Array.isArray(value)) return null;
      // An unknown element makes the whole collection unknown for our purposes.
      if (value.some((v) => v === Unknown)) return Unknown;
      return value.filter((v): v is string => typeof v === 'string');
    case 'stringMap': {
      if (!isRecord(value)) return null;
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === Unknown) return Unknown;
        if (typeof v === 'string') out[k] = v;
      }
      return out;
    }
  }
}

export function toCty(value: PlanValue): CtyValue {
  if (value === null || value === Unknown) return value;
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'object') {
    const record = newRecord();
    for (const [k, v] of Object.entries(value)) record[k] = v;
    return record;
  }
  return value;
}

export function normalized(spec: AnyAttribute<never>, value: PlanValue): PlanValue {
  if (value === null || value === Unknown) return value;
  let out = value;
  if (spec.normalize) out = (spec.normalize as (v: Plain) => Plain)(out);
  // Sets carry no order and no duplicates: sort for stable state and comparisons.
  if (spec.kind === 'stringSet' && Array.isArray(out)) out = [...new Set(out)].sort();
  return out;
}

export function sameValue(a: PlanValue, b: PlanValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === Unknown || b === Unknown) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return sameValue(ka, kb) && ka.every((k) => a[k] === b[k]);
  }
  return false;
}
