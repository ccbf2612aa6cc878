/**
 * The API parameters of address sets (members, moderators, owners, subscribers of aliases and
 * lists): the whole set, or additions to / removals from it, and their access policy.
 */
import { z } from 'zod';
import { ACCESS_POLICIES } from '../../common/access-policies';
import type { SetChange } from '../model/lists/members';
import { f } from './fields';

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

export function changeOf(input: Record<string, unknown>, params: SetParams): SetChange {
  const pick = (name?: string) => (name ? (input[name] as string[] | undefined) : undefined);
  return { replace: pick(params.replace), add: pick(params.add), remove: pick(params.remove) };
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
