/**
 * Who a spam policy or a throttle belongs to: the whole server, one domain, or one mail user.
 * amavisd (`users.email`) and iRedAPD (`throttle.account`) spell them the same way:
 * `@.`, `@domain`, `user@domain`.
 */
import type { Queryable } from '../../db/database';
import type { Actor } from '../../auth/actor';
import { ApiFailure } from '../../errors';
import { lockDomain } from '../domains/rows';
import { sql } from '../../db/sql';

export type PolicyTarget =
  | { scope: 'global'; account: '@.' }
  | { scope: 'domain'; domain: string; account: string }
  | { scope: 'user'; domain: string; email: string; account: string };

export const GLOBAL_TARGET: PolicyTarget = { scope: 'global', account: '@.' };

/**
 * Permission and existence checks. Writing is a global admin's at every scope: a normal admin
 * writing its own domain's or users' throttles and spam policies would lift the limits a global
 * admin set. A normal admin reads those of the domains it manages (PERMISSION_DENIED before
 * NO_SUCH_*, so it learns nothing about other domains). With `lock`, the domain row is locked
 * for the rest of the transaction so a concurrent domain or user deletion cannot leave
 * settings behind for an account that no longer exists.
 */
export async function authorizeTarget(
  q: Queryable,
  actor: Actor,
  target: PolicyTarget,
  opts: { write: boolean },
): Promise<void> {
  if (target.scope === 'global') {
    actor.requireGlobal();
    return;
  }
  if (opts.write) actor.requireGlobal();
  await actor.requireDomain(q, target.domain);
  const domainExists = opts.write
    ? (await lockDomain(q, target.domain)) !== null
    : (await q.query(sql`SELECT 1 FROM domain WHERE domain = ${target.domain}`)).length > 0;
  if (target.scope === 'domain') {
    if (!domainExists) throw new ApiFailure('NO_SUCH_DOMAIN');
    return;
  }
  const mailbox = await q.query(sql`SELECT 1 FROM mailbox WHERE username = ${target.email}`);
  if (!domainExists || !mailbox.length) throw new ApiFailure('NO_SUCH_ACCOUNT');
}
