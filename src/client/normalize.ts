/**
 * Tolerant readers for `_data`: the product returns SQL rows whose values arrive as numbers or
 * numeric strings, flags as 1/0, Y/N or yes/no, lists as arrays or comma strings, and `settings`
 * as an object (or, from older servers, the raw `key:value;key2:value2` string). These schemas
 * accept every spelling and produce one typed value; unknown fields are kept as they came.
 */
import { z } from 'zod';
import { LIST_SETTINGS } from '../common/settings-keys';

const TRUE_WORDS = new Set(['1', 'y', 'yes', 'true', 'on', 'active']);
const FALSE_WORDS = new Set(['0', 'n', 'no', 'false', 'off', 'disabled', '']);

export function toBoolean(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : value;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return value;
}

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function toNumber(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() === '') return null;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim());
  return value;
}

export function toList(value: unknown): unknown {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
  return value;
}

/** Parses the `settings` column string (`key:value;key2:value2`) into an object. */
export function parseSettingsString(text: string): Record<string, string> {
  const entries: [string, string][] = [];
  for (const pair of text.split(';')) {
    const colon = pair.indexOf(':');
    if (colon <= 0) continue;
    entries.push([pair.slice(0, colon).trim(), pair.slice(colon + 1).trim()]);
  }
  // fromEntries defines own properties, so a key such as `__proto__` stays data, not a prototype.
  return Object.fromEntries(entries);
}

/** A flag; `null` stays `null` (a column with no value). */
export const flag = z.preprocess(toBoolean, z.boolean().nullable());
/** A number (integers and decimals); `null` and `''` become `null`. */
export const num = z.preprocess(toNumber, z.number().nullable());
/** A list of strings; `null`, absent and `''` become `[]`. */
export const list = z.preprocess(toList, z.array(z.string()));
/** Text; numbers are turned into their decimal text (a numeric employee id, say). */
export const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().nullable());
/** Datetimes stay ISO strings (the product's format); some servers send epoch seconds. */
export const timestamp = z.union([z.string(), z.number()]).nullable();

const NUMBER_SETTINGS = [
  'default_user_quota',
  'max_user_quota',
  'min_passwd_length',
  'max_passwd_length',
  'create_max_domains',
  'create_max_users',
  'create_max_lists',
  'create_max_aliases',
  'create_max_quota',
] as const;

const settingsObject = z.looseObject({
  ...Object.fromEntries(NUMBER_SETTINGS.map((key) => [key, num.optional()])),
  ...Object.fromEntries(LIST_SETTINGS.map((key) => [key, list.optional()])),
  // `create_max_quota` comes with its unit (`create_quota_unit`: TB/GB/MB).
  create_quota_unit: z.string().optional(),
} as Record<(typeof NUMBER_SETTINGS)[number], z.ZodOptional<typeof num>> &
  Record<(typeof LIST_SETTINGS)[number], z.ZodOptional<typeof list>> & {
    create_quota_unit: z.ZodOptional<z.ZodString>;
  });

/** The `settings` column as an object, known keys typed; `''`/`null` become `{}`. */
export const settings = z.preprocess((value) => {
  if (value === null || value === undefined || value === '') return {};
  return typeof value === 'string' ? parseSettingsString(value) : value;
}, settingsObject);

export type Settings = z.infer<typeof settingsObject>;

/**
 * Keys the client never hands back even if a server sends them: the real product returns password
 * hashes from list endpoints, and they have no business in logs or Terraform state.
 */
const SECRET_KEYS = ['password', 'userPassword', 'userpassword'];

function withoutSecrets(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of SECRET_KEYS) delete copy[key];
  return copy;
}

/** A tolerant account row: the given known fields typed, every other field kept, secrets dropped. */
export function accountRow<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess(withoutSecrets, z.looseObject(shape));
}

/** An `accountRow` whose every known field may be absent: policy rows name no key the product always sends. */
export function optionalFieldsRow<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess(withoutSecrets, z.looseObject(shape).partial());
}

/** Turns a zod failure into `field: message` pairs that never quote the offending value. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
