/**
 * The `target` of throttles and spam policies: `global`, a domain name, or an email address —
 * validated at plan time, compared in canonical form, and turned into the client's PolicyTarget.
 */
import type { PolicyTarget } from '../../client';
import { normalizeDomain, normalizeEmail } from '../../common/mail-names';
import type { Validator } from '../framework';

const GLOBAL = 'global';

const isGlobal = (v: string): boolean => v.trim().toLowerCase() === GLOBAL;

export const policyTargetName: Validator<string> = (v) => {
  if (isGlobal(v)) return undefined;
  const ok = v.includes('@') ? normalizeEmail(v) : normalizeDomain(v);
  return ok
    ? undefined
    : `"${v}" is not a target: use "global", a domain name such as example.com, or an email address such as user@example.com.`;
};

/** `global`, the canonical domain, or the canonical email (so `Example.COM` is `example.com`). */
export const canonicalTarget = (v: string): string => {
  if (isGlobal(v)) return GLOBAL;
  return (v.includes('@') ? normalizeEmail(v) : normalizeDomain(v)) ?? v;
};

export function policyTarget(v: string): PolicyTarget {
  const target = canonicalTarget(v);
  if (target === GLOBAL) return { global: true };
  return target.includes('@') ? { user: target } : { domain: target };
}

/** Throws a message naming the accepted forms when `v` is not a target (for import IDs). */
export function parseTarget(v: string): string {
  const problem = policyTargetName(v);
  if (problem) throw new Error(problem);
  return canonicalTarget(v);
}

/** An import ID `<target>/<direction>` (throttles, white/blacklists): the target in canonical form. */
export function parseTargetAndDirection(
  id: string,
  directions: readonly string[],
): { target: string; direction: string } {
  const slash = id.lastIndexOf('/');
  if (slash < 0) throw new Error(`"${id}" has no "/<direction>".`);
  const direction = id.slice(slash + 1);
  if (!directions.includes(direction))
    throw new Error(`"${direction}" is not a direction: use ${directions.join(' or ')}.`);
  return { target: parseTarget(id.slice(0, slash)), direction };
}
