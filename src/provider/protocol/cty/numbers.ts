/**
 * Exact handling of Terraform's arbitrary-precision numbers (see values.ts
 * for the representation we chose).
 */
import { Decimal, type CtyNumber } from './values';

/** A decimal as digits and a point position: value = ±0.DIGITS × 10^point. */
interface Canonical {
  negative: boolean;
  digits: string;
  point: number;
}

const DECIMAL_TEXT = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/;
/** Beyond this many digits an integer stays a Decimal rather than a huge bigint. */
const MAX_INTEGER_DIGITS = 400;

function canonical(text: string): Canonical | undefined {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const whole = m[2];
  const fraction = m[3] ?? '';
  const exponent = m[4] ? Number(m[4]) : 0;
  let digits = whole + fraction;
  let point = whole.length + exponent;
  const leading = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(leading);
  point -= leading;
  digits = digits.replace(/0+$/, '');
  if (digits === '') return { negative: false, digits: '', point: 0 };
  return { negative: m[1] === '-', digits, point };
}

const sameCanonical = (a: Canonical, b: Canonical): boolean =>
  a.negative === b.negative && a.digits === b.digits && a.point === b.point;

/** Parses decimal text (as sent in msgpack strings or JSON) into our number form. */
export function numberFromText(text: string): CtyNumber {
  const c = canonical(text);
  if (!c) throw new Error(`not a number: ${JSON.stringify(text)}`);
  if (c.digits === '') return 0;
  if (c.point >= c.digits.length && c.point <= MAX_INTEGER_DIGITS) {
    const big = BigInt((c.negative ? '-' : '') + c.digits + '0'.repeat(c.point - c.digits.length));
    return bigIntToCtyNumber(big);
  }
  const n = Number(text);
  if (Number.isFinite(n)) {
    const back = canonical(String(n));
    if (back && sameCanonical(c, back)) return n;
  }
  return new Decimal(text.trim().replace(/^\+/, ''));
}

export function bigIntToCtyNumber(value: bigint): CtyNumber {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** How a number goes into msgpack: as cty does, int if exact, else float if exact, else text. */
export type MsgpackNumber =
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'text'; value: string };

export function msgpackNumberForm(value: CtyNumber): MsgpackNumber {
  if (value instanceof Decimal) {
    const parsed = numberFromText(value.text);
    return parsed instanceof Decimal ? { kind: 'text', value: parsed.text } : msgpackNumberForm(parsed);
  }
  if (typeof value === 'bigint') {
    if (value >= INT64_MIN && value <= INT64_MAX) return { kind: 'int', value };
    const asFloat = Number(value);
    if (Number.isFinite(asFloat) && BigInt(asFloat) === value) return { kind: 'float', value: asFloat };
    return { kind: 'text', value: value.toString() };
  }
  if (Number.isNaN(value)) throw new Error('NaN is not a Terraform number');
  if (Number.isInteger(value)) {
    const big = BigInt(value);
    if (big >= INT64_MIN && big <= INT64_MAX) return { kind: 'int', value: big };
  }
  return { kind: 'float', value };
}
