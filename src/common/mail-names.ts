/**
 * Domain names and email addresses as iRedMail stores them: lower-case, IDN as punycode.
 * An address extension (`user+Tag@…`) keeps its case, as iRedAdmin-Pro does. Shared by the
 * server (request validation), the client (what goes on the wire) and the provider (plan-time
 * validation); depends on nothing else.
 */
import { domainToASCII } from 'node:url';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The local part iRedAdmin-Pro's account routes match (`<mail>` in /api/user/<mail>, /api/alias/<mail>…):
 * it starts with a letter, digit, `_`, `-` or `#`, and goes on with those or `. + = / &`. An address
 * outside it can be neither created nor reached there (404), so RFC 5322's other characters
 * (`! $ % ' * ? ^ \` { | } ~`) are refused here too. Stricter than the product on dots: not last and
 * never two in a row (Postfix and most mail clients refuse those addresses).
 */
const LOCAL_PART = /^[a-z0-9_#-][a-z0-9_#+=/&-]*(\.[a-z0-9_#+=/&-]+)*$/i;

/** The local-part rule in words, for messages that name the fix. */
export const LOCAL_PART_RULE =
  'the part before @ may hold letters, digits and _ - # . + = / & (starting with a letter, digit, _, - or #; ' +
  'a dot neither last nor doubled)';

/** The canonical (punycode, lower-case) form of a domain name, or null when it is not one. */
export function normalizeDomain(raw: string): string | null {
  const trimmed = raw.trim().replace(/\.$/, '');
  if (trimmed.length === 0 || trimmed.length > 253 || /[\s/\\@]/.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null;
  return ascii;
}

/** The canonical form of an email address, or null when it is not one. */
export function normalizeEmail(raw: string): string | null {
  const trimmed = raw.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at > 64) return null;
  const local = trimmed.slice(0, at);
  const domain = normalizeDomain(trimmed.slice(at + 1));
  if (!domain || !LOCAL_PART.test(local)) return null;
  const plus = local.indexOf('+');
  const canonicalLocal = plus < 0 ? local.toLowerCase() : local.slice(0, plus).toLowerCase() + local.slice(plus);
  const email = `${canonicalLocal}@${domain}`;
  return email.length <= 255 ? email : null;
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * An IDN domain name in punycode, the form the API and iRedMail's tables use (`bücher.example` →
 * `xn--bcher-kva.example`). ASCII input, and anything that is no domain name, comes back as given:
 * judging it is the validator's job.
 */
export function punycodeDomain(raw: string): string {
  return NON_ASCII.test(raw) ? domainToASCII(raw.trim()) || raw : raw;
}

/** An email address with its domain part in punycode (the local part as given). */
export function punycodeEmail(raw: string): string {
  const at = raw.lastIndexOf('@');
  return at < 0 ? raw : `${raw.slice(0, at)}@${punycodeDomain(raw.slice(at + 1))}`;
}
