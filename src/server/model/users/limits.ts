/**
 * Quota and count rules for mailboxes: the domain's per-user maximum and total quota, and
 * the creating admin's own limits (create_max_users, create_max_quota in its unit) shared by all
 * domains a normal admin manages. Quotas are MB; 0 means unlimited.
 */
import type { Queryable } from '../../db/database';
import type { Actor } from '../../auth/actor';
import { ApiFailure } from '../../errors';
import { lockAdminSettings, limitOf, quotaLimitMb } from '../admins/accounts';
import type { DomainRow } from '../domains/rows';
import { parseSettings } from '../settings-column';
import { asNumber, distinctFrom, sql } from '../../db/sql';

/** The domain's largest allowed mailbox quota (settings `max_user_quota`); 0 = none. */
function maxUserQuota(domain: DomainRow): number {
  const fromSettings = Number(parseSettings(domain.settings).max_user_quota);
  return Number.isFinite(fromSettings) && fromSettings > 0 ? fromSettings : 0;
}

/** The domain's total quota (the API's `quota`, MB), kept in the `maxquota` column; 0 = none. */
function domainQuota(domain: DomainRow): number {
  return Number(domain.maxquota) > 0 ? Number(domain.maxquota) : 0;
}

/**
 * The quota of a new mailbox when the client sent none: the domain's default, else its
 * per-user maximum, else (a domain with a total quota) what is left of it — as iRedAdmin does.
 */
export async function defaultQuota(q: Queryable, domain: DomainRow): Promise<number> {
  const fromSettings = Number(parseSettings(domain.settings).default_user_quota);
  if (Number.isFinite(fromSettings) && fromSettings > 0) return fromSettings;
  const max = maxUserQuota(domain);
  if (max > 0) return max;
  const total = domainQuota(domain);
  if (total > 0) return Math.max(0, total - (await allocatedQuota(q, domain.domain, null)));
  return 0;
}

async function allocatedQuota(q: Queryable, domain: string, except: string | null): Promise<number> {
  const rows = await q.query<{ n: number }>(
    sql`SELECT ${asNumber('COALESCE(SUM(quota), 0)')} AS n FROM mailbox WHERE domain = ${domain} AND ${distinctFrom('username', except)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * The quota a mailbox gets when `quota` was asked for in the (locked) domain. Like the real
 * product, a quota above what the domain allows is clamped, not refused: to the domain's per-user
 * maximum, and to what is left of its total quota (`user` is the mailbox being changed, whose
 * current quota is not counted); 0 (unlimited) counts as above any limit. Only a domain with no
 * quota left at all refuses (EXCEEDED_DOMAIN_QUOTA_SIZE): 0 would mean unlimited.
 */
export async function quotaWithinDomain(
  q: Queryable,
  domain: DomainRow,
  quota: number,
  user: string | null,
): Promise<number> {
  let allowed = quota;
  const max = maxUserQuota(domain);
  if (max > 0 && (allowed === 0 || allowed > max)) allowed = max;
  const total = domainQuota(domain);
  if (total > 0) {
    const left = total - (await allocatedQuota(q, domain.domain, user));
    if (left <= 0) throw new ApiFailure('EXCEEDED_DOMAIN_QUOTA_SIZE');
    if (allowed === 0 || allowed > left) allowed = left;
  }
  return allowed;
}

/**
 * A normal admin's own limits, counted over every domain it manages:
 * EXCEED_LIMIT_USERS (create_max_users) and EXCEED_LIMIT_QUOTA (create_max_quota in create_quota_unit).
 * `addingUsers` is 1 for a create, 0 for a quota change of `user`.
 */
export async function assertAdminLimits(
  tx: Queryable,
  actor: Actor,
  addingUsers: number,
  quota: number,
  user: string | null,
): Promise<void> {
  if (actor.isGlobal) return;
  const settings = await lockAdminSettings(tx, actor.username);
  const maxUsers = limitOf(settings, 'create_max_users');
  const maxQuota = quotaLimitMb(settings);
  if (maxUsers === null && maxQuota === null) return;
  const rows = await tx.query<{
    users: number;
    quota: number;
  }>(sql`SELECT COUNT(*) AS users, ${asNumber('COALESCE(SUM(quota), 0)')} AS quota FROM mailbox
      WHERE domain IN (SELECT domain FROM domain_admins WHERE username = ${actor.username}) AND ${distinctFrom('username', user)}`);
  const used = rows[0] ?? { users: 0, quota: 0 };
  const otherUsers = Number(used.users) + (user ? 1 : 0);
  if (maxUsers !== null && addingUsers > 0 && otherUsers + addingUsers > maxUsers)
    throw new ApiFailure('EXCEED_LIMIT_USERS');
  // An unlimited mailbox would escape a limited admin's quota budget.
  if (maxQuota !== null && (quota === 0 || Number(used.quota) + quota > maxQuota))
    throw new ApiFailure('EXCEED_LIMIT_QUOTA');
}
