/**
 * Zod field types for API parameters. Every parameter arrives as a string (or not at all);
 * an empty string means "not given" unless the field is `clearable`, where it means "clear".
 * A failed check throws the field's `_msg` code (the zod issue message).
 */
import { z } from 'zod';
import { ApiFailure } from '../errors';
import type { Input } from './input';
import { normalizeDomain, normalizeEmail } from '../../common/mail-names';

const YES = new Set(['yes', 'y', 'true', '1', 'on']);
const NO = new Set(['no', 'n', 'false', '0', 'off']);

/** Empty → undefined, so optional fields skip their checks. */
const given = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const f = {
  text: (code = 'INVALID_PARAMETER', max = 255) => z.preprocess(given, storableText(code, max).optional()),

  /** Present-but-empty means "clear": '' is kept, absent is undefined. */
  clearableText: (code = 'INVALID_PARAMETER', max = 255) => storableText(code, max).optional(),

  int: (code: string, min = 0, max = Number.MAX_SAFE_INTEGER) =>
    z.preprocess(
      given,
      z
        .string({ error: code })
        .trim()
        .regex(/^-?\d+$/, { error: code })
        .transform(Number)
        .pipe(z.number().int().min(min, { error: code }).max(max, { error: code }))
        .optional(),
    ),

  yesNo: (code = 'INVALID_PARAMETER') =>
    z.preprocess(
      given,
      z
        .string({ error: code })
        .transform((v, ctx) => {
          const w = v.trim().toLowerCase();
          if (YES.has(w)) return true;
          if (NO.has(w)) return false;
          ctx.addIssue({ code: 'custom', message: code });
          return z.NEVER;
        })
        .optional(),
    ),

  oneOf: <T extends string>(values: readonly T[], code: string) =>
    z.preprocess(
      (v) => (typeof v === 'string' ? given(v.trim().toLowerCase()) : v),
      z.enum(values as [T, ...T[]], { error: code }).optional(),
    ),

  email: (code = 'INVALID_MAIL') =>
    z.preprocess(given, z.string({ error: code }).transform(normalizedOrIssue(normalizeEmail, code)).optional()),

  domain: (code = 'INVALID_DOMAIN_NAME') =>
    z.preprocess(given, z.string({ error: code }).transform(normalizedOrIssue(normalizeDomain, code)).optional()),

  /** Comma (or space) separated emails, de-duplicated. Present-but-empty → []. */
  emailList: (code = 'INVALID_MAIL') => normalizedList(normalizeEmail, code),

  /** Comma separated words from a fixed vocabulary. Present-but-empty → []. */
  words: <T extends string>(allowed: readonly T[], code: string) =>
    z
      .string({ error: code })
      .transform((v, ctx) => {
        const out = new Set<T>();
        for (const item of splitList(v)) {
          const word = item.toLowerCase() as T;
          if (!allowed.includes(word)) {
            ctx.addIssue({ code: 'custom', message: code });
            return z.NEVER;
          }
          out.add(word);
        }
        return [...out];
      })
      .optional(),

  /** An email, or '' to clear; absent stays undefined. */
  clearableEmail: (code: string) =>
    z
      .string({ error: code })
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === '') return v;
        const email = normalizeEmail(v);
        if (email) return email;
        ctx.addIssue({ code: 'custom', message: code });
        return z.NEVER;
      }),

  /** A flag parameter whose presence alone matters (e.g. `removeAllAdmins=`). */
  present: () =>
    z
      .string()
      .optional()
      .transform((v) => v !== undefined),
};

/**
 * Most items one list parameter may carry (members, forwardings, senders, …). One request with
 * 20,000 members held the embedded database for seconds; larger sets go in parts (add…/remove…).
 */
const MAX_LIST_ITEMS = 1000;

/** The items of a comma (or space) separated list; TOO_MANY_LIST_ITEMS past MAX_LIST_ITEMS. */
/**
 * A comma (or space) separated list whose items `normalize` turns into their canonical form
 * (null = invalid: the whole field fails with `code`), de-duplicated. Present-but-empty → [].
 */
export function normalizedList(normalize: (item: string) => string | null | undefined, code: string) {
  return z
    .string({ error: code })
    .transform((v, ctx) => {
      const out = new Set<string>();
      for (const item of splitList(v)) {
        const canonical = normalize(item);
        if (!canonical) {
          ctx.addIssue({ code: 'custom', message: code });
          return z.NEVER;
        }
        out.add(canonical);
      }
      return [...out];
    })
    .optional();
}

export function splitList(value: string): string[] {
  const items = value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  // Thrown, not a zod issue: the refusal must not depend on which field's code comes first.
  if (items.length > MAX_LIST_ITEMS) throw new ApiFailure('TOO_MANY_LIST_ITEMS');
  return items;
}

/**
 * Trimmed text of at most `max` characters and no NUL: PostgreSQL cannot store one (the write
 * failed with a 500) and MariaDB would keep it, so the field's code refuses it on every backend.
 */
function storableText(code: string, max: number) {
  return z
    .string({ error: code })
    .trim()
    .max(max, { error: code })
    .refine((v) => !v.includes('\0'), { error: code });
}

/** A zod transform: the normalized value, or the field's code as an issue when `normalize` refuses it. */
function normalizedOrIssue(normalize: (raw: string) => string | null, code: string) {
  return (v: string, ctx: z.RefinementCtx) => {
    const value = normalize(v);
    if (value) return value;
    ctx.addIssue({ code: 'custom', message: code });
    return z.NEVER;
  };
}

/** Parses `input` with `schema`; the first failing field's code becomes the answer. */
export function parseInput<S extends z.ZodType>(schema: S, input: Input): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ApiFailure(issue && /^[A-Z_]+$/.test(issue.message) ? issue.message : 'INVALID_PARAMETER');
}

/** Parses one path segment that must be a domain name. */
export function domainParam(raw: string, code = 'INVALID_DOMAIN_NAME'): string {
  const domain = normalizeDomain(raw);
  if (!domain) throw new ApiFailure(code);
  return domain;
}

/** Parses one path segment that must be an email address. */
export function emailParam(raw: string, code = 'INVALID_MAIL'): string {
  const email = normalizeEmail(raw);
  if (!email) throw new ApiFailure(code);
  return email;
}
