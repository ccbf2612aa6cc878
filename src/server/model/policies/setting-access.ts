/**
 * Who may change a white/blacklist or a greylisting setting (iRedAdmin-Pro's rules for these
 * routes): `global` is a global admin's; a domain's or a user's belongs to the admins of that
 * domain. The account need not exist: iRedAdmin-Pro writes these settings for any name, and
 * amavisd/iRedAPD simply never match one that receives no mail.
 */
import type { Actor } from '../../auth/actor';
import { assertRightsWithin } from '../../auth/rights';
import type { Queryable } from '../../db/database';
import { ApiFailure } from '../../errors';
import { getDomain } from '../domains/rows';
import { parseSettings, settingList } from '../settings-column';
import type { PolicyTarget } from './target';

export async function authorizeSetting(q: Queryable, actor: Actor, target: PolicyTarget): Promise<void> {
  if (target.scope === 'global') actor.requireGlobal();
  else await actor.requireDomain(q, target.domain);
}

/**
 * authorizeSetting for a write, plus the locks a normal admin must not lift: the `profile` (wblist
 * or greylisting) disabled for the domain (domain scope) or its users (user scope), and a user
 * whose rights reach beyond the actor's own.
 */
export async function authorizeSettingWrite(
  q: Queryable,
  actor: Actor,
  target: PolicyTarget,
  profile: 'wblist' | 'greylisting',
): Promise<void> {
  await authorizeSetting(q, actor, target);
  if (actor.isGlobal || target.scope === 'global') return;
  const settings = parseSettings((await getDomain(q, target.domain))?.settings);
  const disabledKey = target.scope === 'domain' ? 'disabled_domain_profiles' : 'disabled_user_profiles';
  if (settingList(settings, disabledKey).includes(profile)) throw new ApiFailure('PERMISSION_DENIED');
  if (target.scope === 'user')
    await assertRightsWithin(q, actor, target.email, 'PERMISSION_DENIED_UPDATE_GLOBAL_ADMIN_PROFILE');
}
