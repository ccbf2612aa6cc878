/**
 * Who may change a white/blacklist or a greylisting setting (iRedAdmin-Pro's rules for these
 * routes): `global` is a global admin's; a domain's or a user's belongs to the admins of that
 * domain. The account need not exist: iRedAdmin-Pro writes these settings for any name, and
 * amavisd/iRedAPD simply never match one that receives no mail.
 */
import type { Actor } from '../auth/actor';
import type { Queryable } from '../db/database';
import type { PolicyTarget } from './spam-policy-and-throttle-target';

export async function authorizeSetting(q: Queryable, actor: Actor, target: PolicyTarget): Promise<void> {
  if (target.scope === 'global') actor.requireGlobal();
  else await actor.requireDomain(q, target.domain);
}
