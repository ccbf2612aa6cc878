/**
 * Policy settings kept per target — `global`, a domain or a user — in the URL: spam policies,
 * throttles, white/blacklists, greylisting. A spam policy and a throttle are one whole setting a
 * target has or has not: read back as a row or `null`, written whole from camelCase input.
 */
import type { z } from 'zod';
import type { ApiCaller } from '../api-caller';
import type { Envelope } from '../envelope';
import type { CallSite } from '../errors';
import { formFrom, segment } from './common';
import { domainName, emailAddress } from './fields';

/** Scope of a policy setting (spam policies, throttles, white/blacklists, greylisting). */
export type PolicyTarget = { global: true } | { domain: string } | { user: string };

export function targetSegment(caller: ApiCaller, site: CallSite, target: PolicyTarget): string {
  if ('global' in target) return 'global';
  if ('domain' in target) return segment(caller, site, domainName, target.domain);
  return segment(caller, site, emailAddress, target.user);
}

/** Wire names of the settings that spell every parameter in snake_case (`maxMsgs` → `max_msgs`). */
function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * GETs a target's setting (spam policy, throttle): `null` when none is set (the API answers
 * nothing, `null` or `{}` where `answer` finds it), else the row `schema` reads.
 */
export async function readSetting<S extends z.ZodType>(
  caller: ApiCaller,
  path: string,
  schema: S,
  answer: (envelope: Envelope) => unknown = (envelope) => envelope._data,
): Promise<z.infer<S> | null> {
  const data = answer(await caller.call({ method: 'GET', path }));
  const unset = data === undefined || data === null || (typeof data === 'object' && Object.keys(data).length === 0);
  return unset ? null : caller.parseData({ method: 'GET', path }, schema, data);
}

/**
 * Writes a target's whole setting: `input` checked by `schema`, each key sent in snake_case
 * (`maxMsgs` → `max_msgs`). Safe to retry whatever the method: the same values twice leave the same state.
 */
export async function writeSetting<S extends z.ZodObject>(
  caller: ApiCaller,
  site: CallSite,
  schema: S,
  input: z.input<S>,
): Promise<void> {
  const params = formFrom(caller, site, schema, snakeCase, input);
  await caller.call({ ...site, params, idempotent: true });
}
