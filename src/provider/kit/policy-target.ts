/**
 * The `target` of throttles and spam policies: `global`, a domain name, or an email address —
 * validated at plan time, compared in canonical form, and turned into the client's PolicyTarget.
 */
import type { PolicyTarget } from '../../client';
import { normalizeDomain, normalizeEmail } from '../../common/mail-names';
import { attributesFor, type AttributeSpec, type Sample, type Validator } from '../framework';
import { emailAddress, oneOf } from './validators';

const GLOBAL = 'global';

const isGlobal = (v: string): boolean => v.trim().toLowerCase() === GLOBAL;

const policyTargetName: Validator<string> = (v) => {
  if (isGlobal(v)) return undefined;
  if (v.includes('@')) return emailAddress(v);
  return normalizeDomain(v)
    ? undefined
    : `"${v}" is not a target: use "global", a domain name such as example.com, or an email address such as ` +
        'user@example.com.';
};

/** `global`, the canonical domain, or the canonical email (so `Example.COM` is `example.com`). */
const canonicalTarget = (v: string): string => {
  if (isGlobal(v)) return GLOBAL;
  return (v.includes('@') ? normalizeEmail(v) : normalizeDomain(v)) ?? v;
};

export function policyTarget(v: string): PolicyTarget {
  const target = canonicalTarget(v);
  if (target === GLOBAL) return { global: true };
  return target.includes('@') ? { user: target } : { domain: target };
}

/** Throws a message naming the accepted forms when `v` is not a target (for import IDs). */
function parseTarget(v: string): string {
  const problem = policyTargetName(v);
  if (problem) throw new Error(problem);
  return canonicalTarget(v);
}

/** An import ID `<target>/<direction>` (throttles, white/blacklists): the target in canonical form. */
function parseTargetAndDirection(id: string, directions: readonly string[]): { target: string; direction: string } {
  const slash = id.lastIndexOf('/');
  if (slash < 0) throw new Error(`"${id}" has no "/<direction>".`);
  const direction = id.slice(slash + 1);
  if (!directions.includes(direction))
    throw new Error(`"${direction}" is not a direction: use ${directions.join(' or ')}.`);
  return { target: parseTarget(id.slice(0, slash)), direction };
}

const checkedTarget = { required: true, validators: [policyTargetName], normalize: canonicalTarget } as const;

const TARGET_SAMPLES: readonly [Sample<'string'>, Sample<'string'>] = [(c) => c.domain, (c) => c.user];

/** The `target` of a resource: changing it replaces the resource. */
export const targetAttribute = <Data>(spec: {
  readonly description: string;
  readonly errorCodes: readonly string[];
}): AttributeSpec<'string', Data> =>
  attributesFor<Data>().string({
    ...checkedTarget,
    samples: TARGET_SAMPLES,
    requiresReplace: true,
    ...spec,
  });

const TARGET_LOOKUP = '`global`, a domain name or an email address.';

/** The `target` a data source looks up (one that is not made from its resource: see `dataSourceOf`). */
export const targetLookup = <Data>(): AttributeSpec<'string', Data> =>
  attributesFor<Data>().string({ ...checkedTarget, description: TARGET_LOOKUP });

const TARGET_FORMS = '`global`, a domain name (`example.com`) or an email address (`user@example.com`)';

const targetIdentity = (v: { target: string | null }) => v.target ?? '';

/** A resource keyed by its target alone (spam policy, greylisting). */
export const byTarget = {
  identity: targetIdentity,
  /** `identity`, `importId` and `importIdFormat` of a resource definition. */
  resource: {
    identity: targetIdentity,
    importId: (id: string) => ({ target: parseTarget(id) }),
    importIdFormat: TARGET_FORMS,
  },
  /** What a data source says about its lookup (`dataSourceOf`). */
  lookup: { target: TARGET_LOOKUP },
};

/** A resource keyed by target and direction (throttles, white/blacklists): `<target>/<direction>`. */
export function byTargetAndDirection(directions: readonly string[]) {
  const checked = { required: true, validators: [oneOf(directions)] } as const;
  const identity = (v: { target: string | null; direction: string | null }) => `${v.target ?? ''}/${v.direction ?? ''}`;
  return {
    /** What a data source says about its lookups (`dataSourceOf`). */
    lookup: { target: TARGET_LOOKUP, direction: `${directions.map((d) => `\`${d}\``).join(' or ')}.` },
    /** `identity`, `importId` and `importIdFormat` of a resource definition. */
    resource: {
      identity,
      importId: (id: string) => parseTargetAndDirection(id, directions),
      importIdFormat: '`<target>/<direction>`: `global/inbound`, `example.com/outbound`, `user@example.com/inbound`',
    },
    /** The resource's `direction`: changing it replaces the resource. */
    direction: <Data>(spec: {
      readonly description: string;
      readonly samples: readonly [string, string];
      readonly errorCodes?: readonly string[];
    }): AttributeSpec<'string', Data> => attributesFor<Data>().string({ ...checked, requiresReplace: true, ...spec }),
  };
}
