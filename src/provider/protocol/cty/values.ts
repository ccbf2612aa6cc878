/**
 * How Terraform values look once decoded: plain JS values, plus three small
 * markers for what plain JS cannot say.
 *
 * - null: a null of any type.
 * - `Unknown`: "known only after apply" (any msgpack extension on the wire,
 *   including refined unknowns, whose refinements we drop: that is always safe).
 * - strings, booleans.
 * - numbers (Terraform numbers are arbitrary precision). Choice: a JS `number`
 *   whenever it holds the value exactly (every safe integer and every decimal
 *   that a double prints back identically, e.g. 0.1); a `bigint` for integers
 *   beyond 2^53; a `Decimal` (the exact decimal text) for anything else. So no
 *   digit is ever lost silently, and everyday values stay plain numbers.
 * - lists, sets and tuples: arrays (a set's order carries no meaning).
 * - maps and objects: records (null-prototype objects, so any key is safe).
 * - a value of type `dynamic`: a `Dynamic` carrying its concrete type. When
 *   encoding, a plain value in a dynamic slot gets a type inferred from it.
 */
import type { CtyType } from './types';

export const Unknown: unique symbol = Symbol.for('terraform.unknown');
export type Unknown = typeof Unknown;

export function isUnknown(value: unknown): value is Unknown {
  return value === Unknown;
}

/** A Terraform number that a JS number cannot hold exactly. */
export class Decimal {
  constructor(readonly text: string) {
    if (!/^-?(\d+)(\.\d+)?([eE][-+]?\d+)?$/.test(text)) throw new Error(`not a decimal number: ${text}`);
  }
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

/** A value whose type was only decided at run time (schema type `dynamic`). */
export class Dynamic {
  constructor(
    readonly type: CtyType,
    readonly value: CtyValue,
  ) {}
}

export type CtyNumber = number | bigint | Decimal;

export type CtyValue =
  | null
  | Unknown
  | string
  | boolean
  | CtyNumber
  | Dynamic
  | readonly CtyValue[]
  | { readonly [key: string]: CtyValue };

export type CtyRecord = { readonly [key: string]: CtyValue };

export function isRecord(value: CtyValue | undefined): value is CtyRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Decimal) &&
    !(value instanceof Dynamic)
  );
}

/** A record without a prototype, so keys such as `__proto__` are just keys. */
export function newRecord(): Record<string, CtyValue> {
  return Object.create(null) as Record<string, CtyValue>;
}
