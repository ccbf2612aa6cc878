/**
 * Domain names and email addresses as iRedMail stores them: lower-case, IDN as punycode.
 * An address extension (`user+Tag@…`) keeps its case, as iRedAdmin-Pro does. Shared by the
 * server (request validation) and the provider (plan-time validation); depends on nothing else.
 */
import { domainToASCII } from 'node:url';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;

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
