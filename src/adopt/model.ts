/** What `adopt` found on the server, independent of the output format. */
import type { Plain } from '../provider/framework/values';

/** The resource types adopt writes, in the order they appear in a file. */
export const ADOPTED_TYPES = [
  'iredadmin_domain',
  'iredadmin_user',
  'iredadmin_alias',
  'iredadmin_maillist',
  'iredadmin_admin',
  'iredadmin_domain_admins',
  'iredadmin_throttle',
  'iredadmin_spampolicy',
  'iredadmin_wblist',
  'iredadmin_greylisting',
] as const;
export type AdoptedType = (typeof ADOPTED_TYPES)[number];

/** One server object as its resource would hold it after `terraform import`. */
export interface AdoptedObject {
  readonly type: AdoptedType;
  /** What `terraform import` takes for it. */
  readonly importId: string;
  /** The file it goes to: a domain name, or null for objects of no domain (global policies, separate admins). */
  readonly domain: string | null;
  /** Stable, unique, valid identifier (filled in by `assignNames`). */
  name: string;
  /** The attributes worth writing: those that differ from the server's defaults. */
  readonly config: Readonly<Record<string, Plain>>;
}

export interface Inventory {
  /** Adopted domains, sorted. */
  readonly domains: readonly string[];
  readonly objects: readonly AdoptedObject[];
  /** Things a person should know (skipped objects, limits of the API). */
  readonly notes: readonly string[];
}

/** The local part and domain of an address. */
export function splitAddress(email: string): { local: string; domain: string } {
  const at = email.lastIndexOf('@');
  return { local: email.slice(0, at), domain: email.slice(at + 1) };
}

/** Code-point order: the same on every machine and locale (names and files must not depend on either). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
