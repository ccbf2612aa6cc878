/** What the API areas share on top of their fields: paths, forms under wire names, reading an account. */
import { z } from 'zod';
import type { ApiCaller } from '../api-caller';
import type { CallSite } from '../errors';
import { nullIfGone } from '../errors';
import type { FormParams, FormValue } from '../form';
import type { HttpMethod } from '../http-types';
import { pathSegment, toWireParams } from '../form';
import type { WireString } from './fields';
import { count, domainName, emailAddress, emailList, type memberGroupFields } from './fields';
import { rowsByName } from '../read-snapshots';

/**
 * The API's parameter names where they differ from the input's keys (`passwordHash` →
 * `password_hash`); every other key goes on the wire as it is. The compiler refuses unknown keys.
 */
export type WireRenames<S extends z.ZodObject> = { readonly [K in keyof z.output<S>]?: string };

/** Validates input with its schema and renames the keys to the API's parameter names. */
export function formFrom<S extends z.ZodObject>(
  caller: ApiCaller,
  site: CallSite,
  schema: S,
  renamed: WireRenames<S> | ((key: string) => string),
  input: z.input<S>,
): Record<string, FormValue> {
  const parsed = caller.parseInput(site, schema, input) as Record<string, FormValue>;
  const renames: Readonly<Record<string, string | undefined>> | ((key: string) => string) = renamed;
  const wireName = typeof renames === 'function' ? renames : (key: string) => renames[key] ?? key;
  return toWireParams(parsed, Object.fromEntries(Object.keys(schema.shape).map((key) => [key, wireName(key)])));
}

/**
 * Refuses a key that replaces a whole set together with the keys that edit it (`members` with
 * `addMember`/`removeMember`): which one should win is the caller's to say.
 */
export function replacesOrEdits<S extends z.ZodObject>(
  schema: S,
  rules: { readonly [K in keyof z.output<S>]?: readonly (keyof z.output<S> & string)[] },
): S {
  return schema.check(...replacementChecks(rules));
}

function replacementChecks(rules: Readonly<Record<string, readonly string[] | undefined>>) {
  return Object.entries(rules).map(([key, edits = []]) =>
    z.refine<Record<string, unknown>>((v) => v[key] === undefined || edits.every((edit) => v[edit] === undefined), {
      message: `${key} conflicts with ${edits.join('/')}`,
      path: [key],
    }),
  );
}

/** A member group's update: `fields` plus `addMember`/`removeMember`, which `members` must not go with. */
export function memberGroupUpdate<F extends typeof memberGroupFields>(fields: F) {
  const schema = z.strictObject({ ...fields, addMember: emailList.optional(), removeMember: emailList.optional() });
  return schema.check(...replacementChecks({ members: ['addMember', 'removeMember'] }));
}

/** A list of names: plain strings, or rows carrying the name under `key` (`email_only`, `name_only` answers). */
export function namesIn(key: string) {
  return z.array(z.union([z.string(), z.looseObject({ [key]: z.string() }).transform((row) => row[key] as string)]));
}

/** Validates a path parameter and puts it into a URL path segment. */
export function segment(caller: ApiCaller, site: CallSite, schema: WireString, value: string): string {
  return pathSegment(caller.parseInput(site, schema, value));
}

/** `site.path` with its `<mail>` the address (checked first under that site), e.g. `/api/user/jane@example.com`. */
export function pathWithMail(caller: ApiCaller, site: CallSite, email: string): string {
  const address = segment(caller, site, emailAddress, email);
  return site.path.replace('<mail>', () => address);
}

/** `<base>/<mail>` (e.g. `/api/user/jane@example.com`), the address checked before it goes into the URL. */
export function mailPath(caller: ApiCaller, method: HttpMethod, base: string, email: string): string {
  return pathWithMail(caller, { method, path: `${base}/<mail>` }, email);
}

/** `<base>/<domain>` (e.g. `/api/users/example.com`), the name checked before it goes into the URL. */
export function domainPath(caller: ApiCaller, method: HttpMethod, base: string, domain: string): string {
  return `${base}/${segment(caller, { method, path: `${base}/<domain>` }, domainName, domain)}`;
}

/** `<path>/keep_mailbox_days/<days>` when `days` is given (deleting a user or a domain), else `path`. */
export function keepingMailboxes(caller: ApiCaller, site: CallSite, path: string, days: number | undefined): string {
  return days === undefined ? path : `${path}/keep_mailbox_days/${caller.parseInput(site, count, days)}`;
}

/** A list whose rows may stand in for single GETs (batched reads, read-snapshots.ts). */
export interface ListedRead {
  /** The kind of list, e.g. `users`; `scope` is which one of them, e.g. the domain. */
  kind: string;
  scope: string;
  /** The list's URL path, e.g. `/api/users/example.com`. */
  path: string;
  /** The row key holding an object's name, and the name to look up. */
  nameKey: string;
  name: string;
  /** Keys the single GET answers that a row must carry to stand in for it. */
  required: (row: Record<string, unknown>) => readonly string[];
  /** Turns a list row into the single GET's shape where the two differ. */
  reshape?: (row: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The GET path of an email-keyed account (`/api/user/<mail>`) and the list of its domain
 * (`/api/users/<domain>`) whose row may answer instead.
 */
export function inDomainList(
  caller: ApiCaller,
  paths: { one: string; list: string },
  email: string,
  row: Pick<ListedRead, 'nameKey' | 'required' | 'reshape'>,
): { path: string; fromList: ListedRead } {
  const address = caller.parseInput({ method: 'GET', path: `${paths.one}/<mail>` }, emailAddress, email);
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return {
    path: `${paths.one}/${pathSegment(address)}`,
    fromList: { kind: paths.list, scope: domain, path: `${paths.list}/${pathSegment(domain)}`, name: address, ...row },
  };
}

/**
 * GETs one account and parses its `_data`; `null` when the API says it does not exist (the
 * provider's drift detection relies on that). Other failures propagate. With `fromList` (and
 * batched reads on), a row of that list answers instead when it can.
 */
export async function readAccount<S extends z.ZodType>(
  caller: ApiCaller,
  spec: { path: string; params?: FormParams; notFoundCodes?: readonly string[]; fromList?: ListedRead },
  schema: S,
): Promise<z.infer<S> | null> {
  const { fromList, ...get } = spec;
  if (fromList) {
    const row = await caller.snapshots.row(fromList.kind, fromList.scope, fromList.name, async () => {
      const envelope = await caller.call({ method: 'GET', path: fromList.path });
      return rowsByName(envelope._data, fromList.nameKey, fromList.required);
    });
    if (row) return caller.parseData({ method: 'GET', path: get.path }, schema, fromList.reshape?.(row) ?? row);
  }
  return nullIfGone(async () => {
    const envelope = await caller.call({ method: 'GET', ...get });
    return caller.parseData({ method: 'GET', path: get.path }, schema, envelope._data);
  });
}

/** The secret values of an input (plain password, stored hash), to scrub from error messages. */
export function secretsOf(input: object): string[] {
  const { password, passwordHash } = input as { password?: unknown; passwordHash?: unknown };
  return [password, passwordHash].filter((value): value is string => typeof value === 'string' && value !== '');
}
