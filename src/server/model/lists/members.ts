/**
 * Address sets of aliases and mailing lists (members, moderators, owners, subscribers):
 * the API parameters that replace a set or add to / remove from it, and the rules they share.
 */
import { z } from 'zod';
import { f } from '../../http/fields';

/** Who may send to an alias or list. Stored lower-case, as iRedAPD compares them. */
export const ACCESS_POLICIES = [
  'public',
  'domain',
  'subdomain',
  'membersonly',
  'moderatorsonly',
  'membersandmoderatorsonly',
] as const;
export type AccessPolicy = (typeof ACCESS_POLICIES)[number];

/** Case-insensitive, so LDAP-edition spellings (`membersOnly`) are accepted too. */
export const accessPolicyField = () => f.oneOf(ACCESS_POLICIES, 'INVALID_ACCESS_POLICY');

/**
 * A comma list of addresses. Empty means "not given": generic clients send every parameter,
 * so an empty `members=` beside `addMember=x` must not wipe the set or conflict.
 */
export const addressList = (code: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), f.emailList(code));

/** The parameter names of one address set: the whole set, and the changes to it. */
export interface SetParams {
  replace?: string;
  add?: string;
  remove?: string;
}

export interface SetChange {
  replace?: string[];
  add?: string[];
  remove?: string[];
}

export function changeOf(input: Record<string, unknown>, params: SetParams): SetChange {
  const pick = (name?: string) => (name ? (input[name] as string[] | undefined) : undefined);
  return { replace: pick(params.replace), add: pick(params.add), remove: pick(params.remove) };
}

export function isChange(change: SetChange): boolean {
  return change.replace !== undefined || change.add !== undefined || change.remove !== undefined;
}

/** `addMember` → `ADD_MEMBER`, `add_subscribers` → `ADD_SUBSCRIBERS`. */
const codeName = (param: string) => param.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * Zod refinement: the whole set conflicts with changes to it
 * (CONFLICT_MEMBERS_AND_ADD_MEMBER, CONFLICT_MEMBERS_AND_REMOVE_MEMBER, …).
 */
export function rejectSetConflicts(params: SetParams) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (!params.replace || value[params.replace] === undefined) return;
    for (const other of [params.add, params.remove]) {
      if (other && value[other] !== undefined) {
        ctx.addIssue({ code: 'custom', message: `CONFLICT_${codeName(params.replace)}_AND_${codeName(other)}` });
      }
    }
  };
}

/** The set after the change: replaced, or extended and then reduced (remove wins over add). */
export function applyChange(current: readonly string[], change: SetChange): string[] {
  const result = new Set(change.replace ?? current);
  for (const address of change.add ?? []) result.add(address);
  for (const address of change.remove ?? []) result.delete(address);
  return [...result].sort();
}

/** Addresses the change would newly put into the set (used to refuse the account itself). */
export function incoming(change: SetChange): string[] {
  return [...(change.replace ?? []), ...(change.add ?? [])];
}
