/**
 * Who a spam policy or a throttle belongs to: the whole server, one domain, or one mail user.
 * amavisd (`users.email`) and iRedAPD (`throttle.account`) spell them the same way:
 * `@.`, `@domain`, `user@domain`.
 */
import type { Queryable } from '../db/database';
import type { Actor } from '../auth/actor';
import { ApiFailure } from '../http/failure';
import { domainParam, emailParam } from '../http/fields';
import { lockDomain } from './domains';
import { domainOf } from './names';

export type PolicyTarget =
  | { scope: 'global'; account: '@.' }
  | { scope: 'domain'; domain: string; account: string }
  | { scope: 'user'; domain: string; email: string; account: string };

export const GLOBAL_TARGET: PolicyTarget = { scope: 'global', account: '@.' };

export function domainTarget(raw: string): PolicyTarget {
  const domain = domainParam(raw);
  return { scope: 'domain', domain, account: `@${domain}` };
}

export function userTarget(raw: string): PolicyTarget {
  const email = emailParam(raw);
  return { scope: 'user', domain: domainOf(email), email, account: email };
}

/** One URL segment: `global`, a domain name, or an email address (throttle URLs). */
export function targetFromSegment(raw: string): PolicyTarget {
  if (raw.trim().toLowerCase() === 'global') return GLOBAL_TARGET;
  return raw.includes('@') ? userTarget(raw) : domainTarget(raw);
}

/**
 * Permission and existence checks. Global settings are a global admin's; a domain's or a
 * user's belong to the admins of that domain (PERMISSION_DENIED before NO_SUCH_*, so a
 * normal admin learns nothing about other domains). With `lock`, the domain row is locked
 * for the rest of the transaction so a concurrent domain or user deletion cannot leave
 * settings behind for an account that no longer exists.
 */
export async function authorizeTarget(q: Queryable, actor: Actor, target: PolicyTarget, opts: { write: boolean }): Promise<void> {
  if (target.scope === 'global') {
    actor.requireGlobal();
    return;
  }
  await actor.requireDomain(q, target.domain);
  const domainExists = opts.write
    ? (await lockDomain(q, target.domain)) !== null
    : (await q.query('SELECT 1 FROM domain WHERE domain = $1', [target.domain])).length > 0;
  if (target.scope === 'domain') {
    if (!domainExists) throw new ApiFailure('NO_SUCH_DOMAIN');
    return;
  }
  const rows = await q.query<{ global_admin: boolean }>(
    `SELECT (m.isglobaladmin = 1 OR EXISTS (
               SELECT 1 FROM domain_admins d WHERE d.username = m.username AND d.domain = 'ALL')) AS global_admin
       FROM mailbox m WHERE m.username = $1`,
    [target.email],
  );
  const mailbox = rows[0];
  if (!domainExists || !mailbox) throw new ApiFailure('NO_SUCH_ACCOUNT');
  // As for the mailbox profile itself: a normal admin may not change a global admin's settings.
  if (opts.write && mailbox.global_admin && !actor.isGlobal) throw new ApiFailure('PERMISSION_DENIED_UPDATE_GLOBAL_ADMIN_PROFILE');
}
