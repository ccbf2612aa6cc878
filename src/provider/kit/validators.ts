/** Plan-time checks and canonical forms for iRedAdmin values; messages say what to write instead. */
import { LOCAL_PART_RULE, normalizeDomain, normalizeEmail } from '../../common/mail-names';
import type { ReplaceWhen, Validator } from '../framework';

export const domainName: Validator<string> = (v) =>
  normalizeDomain(v)
    ? undefined
    : `"${v}" is not a domain name. Use a fully qualified name such as example.com (IDN names are fine).`;

/** How to write an address iRedAdmin-Pro takes. */
const EMAIL_FIX = `Use the form user@example.com; ${LOCAL_PART_RULE}.`;

export const emailAddress: Validator<string> = (v) =>
  normalizeEmail(v) ? undefined : `"${v}" is not an email address. ${EMAIL_FIX}`;

/** The API reads an empty text parameter as "not given", so `""` could never clear a value: refuse it at plan time. */
export const notEmpty: Validator<string> = (v) =>
  v === ''
    ? 'The API cannot clear this value (an empty string means "not given"). Remove the attribute to keep the ' +
      "server's value, or give a value."
    : undefined;

/**
 * Free text the server stores exactly as given, or it would store something else (or fail) after
 * the plan promised this: it trims white space, cannot store a NUL and refuses more than `max`
 * characters. A create failing at apply leaves the resource tainted, and fixing the value later
 * would plan a replacement (for a user: a new, empty mailbox), so these fail at plan.
 */
export const storedText =
  (max: number): Validator<string> =>
  (v) => {
    if (v === '') return notEmpty(v);
    if (v.trim() !== v) return 'The server trims leading and trailing white space: remove it from the value.';
    if (v.includes('\0')) return 'The value holds a NUL character, which the server cannot store: remove it.';
    if (v.length > max) return `The server takes at most ${max} characters; this value has ${v.length}.`;
    return undefined;
  };

export const emailOrEmpty: Validator<string> = (v) => (v === '' ? undefined : emailAddress(v));

export const emailSet: Validator<string[]> = (list) => {
  const bad = list.filter((v) => !normalizeEmail(v));
  return bad.length ? `Not email addresses: ${bad.map((b) => `"${b}"`).join(', ')}. ${EMAIL_FIX}` : undefined;
};

export const wholeNumber: Validator<number> = (v) =>
  Number.isInteger(v) && v >= 0 ? undefined : `${v} is not allowed: use a whole number ≥ 0 (0 means unlimited).`;

export const oneOf =
  (allowed: readonly string[]): Validator<string> =>
  (v) =>
    allowed.includes(v) ? undefined : `"${v}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}.`;

export const subsetOf =
  (allowed: readonly string[]): Validator<string[]> =>
  (list) => {
    const bad = list.filter((v) => !allowed.includes(v));
    return bad.length
      ? `Unknown value(s) ${bad.map((b) => `"${b}"`).join(', ')}; allowed: ${allowed.join(', ')}.`
      : undefined;
  };

export const languageCode: Validator<string> = (v) =>
  /^[a-z]{2}(_[A-Z]{2})?$/.test(v) ? undefined : `"${v}" is not a language code. Use a code such as en_US or de.`;

/** Canonical forms, so `Example.COM` in a config is not a change from `example.com` on the server. */
export const canonicalDomain = (v: string): string => normalizeDomain(v) ?? v;
export const canonicalEmail = (v: string): string => normalizeEmail(v) ?? v;
export const canonicalEmails = (list: string[]): string[] => list.map(canonicalEmail);

/** The domain part of an address, in canonical form. */
const domainPartOf = (email: string): string => canonicalEmail(email).slice(canonicalEmail(email).lastIndexOf('@') + 1);

/**
 * iRedAdmin-Pro's change_email renames within a domain only (another domain: PERMISSION_DENIED): a
 * move is a replacement.
 */
export const replacedWhenDomainChanges: ReplaceWhen<string> = {
  when: (prior, planned) => domainPartOf(prior) !== domainPartOf(planned),
  note: 'Moving it to another domain replaces the object (the API renames only within a domain).',
};
