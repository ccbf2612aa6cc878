/**
 * LDIF text (RFC 2849) and DN escaping (RFC 4514). Every value that is not a SAFE-STRING is
 * written base64-encoded (`attr:: …`), so no value can start a new line, attribute or entry:
 * names with CR/LF, leading spaces, colons or non-ASCII text cannot inject anything.
 */
import { parseSettings } from '../settings-column';

export type LdifValue = string | number | null | undefined;

export interface LdifEntry {
  dn: string;
  /** Attribute name → values; empty, null and undefined values are left out. */
  attributes: Array<[string, LdifValue | LdifValue[]]>;
}

/** RFC 2849 SAFE-STRING, minus trailing spaces (which some parsers strip). */
const SAFE_STRING = /^(?:[\x01-\x09\x0b\x0c\x0e-\x1f\x21-\x39\x3b\x3d-\x7f][\x01-\x09\x0b\x0c\x0e-\x7f]*)?$/;

function line(name: string, value: string): string {
  if (SAFE_STRING.test(value) && !value.endsWith(' ')) return `${name}: ${value}`;
  return `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
}

export function renderEntry(entry: LdifEntry): string {
  const lines = [line('dn', entry.dn)];
  for (const [name, raw] of entry.attributes) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      if (value === null || value === undefined || value === '') continue;
      lines.push(line(name, String(value)));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Entries separated by blank lines. No `version: 1` header, so exports can be concatenated. */
export function renderLdif(entries: LdifEntry[]): string {
  return entries.map(renderEntry).join('\n');
}

/** One RDN value, escaped as RFC 4514 requires (`user+tag@…` → `user\+tag@…`). */
export function escapeDnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/\0/g, '\\00')
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

/** `YYYYMMDDHHMMSSZ` for an ISO datetime, or undefined for iRedMail's "never" (year 9999). */
export function generalizedTime(iso: string | null | undefined): string | undefined {
  if (!iso || iso.startsWith('9999')) return undefined;
  const digits = iso.replace(/[^0-9]/g, '').slice(0, 14);
  return digits.length === 14 ? `${digits}Z` : undefined;
}

/** Whole days since 1970-01-01 (shadowLastChange). */
export function daysSinceEpoch(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(`${iso.replace(' ', 'T')}Z`);
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : undefined;
}

/** iRedMail's `active` column as LDAP's accountStatus. */
export function accountStatus(active: unknown): 'active' | 'disabled' {
  return Number(active) === 1 ? 'active' : 'disabled';
}

/** The SQL `settings` column (`k:v;k2:v2`) as LDAP accountSetting values (`k:v`). */
export function accountSettings(raw: string | null | undefined): string[] {
  return Object.entries(parseSettings(raw)).map(([k, v]) => `${k}:${v}`);
}
