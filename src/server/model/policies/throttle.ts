/**
 * iRedAPD throttles: one `throttle` row per (account, kind). iRedAPD picks the row with the
 * highest priority, so the priority must follow its convention (user 100, domain 60,
 * global 0). Limits: N > 0 a limit, 0 unlimited, -1 inherit from a lower-priority row.
 */
import type { Queryable } from '../../db/database';
import type { PolicyTarget } from './target';

export const THROTTLE_KINDS = ['inbound', 'outbound'] as const;
export type ThrottleKind = (typeof THROTTLE_KINDS)[number];

export const THROTTLE_PRIORITY: Record<PolicyTarget['scope'], number> = { global: 0, domain: 60, user: 100 };

export interface ThrottleLimits {
  period: number;
  msg_size: number;
  max_msgs: number;
  max_quota: number;
  /** Recipients per period: outbound only. */
  max_rcpts: number;
}

/** The row as the API shows it (`setting`); `max_rcpts` only for outbound, where iRedAPD uses it. */
export async function readThrottle(
  q: Queryable,
  account: string,
  kind: ThrottleKind,
): Promise<Record<string, unknown> | null> {
  const rows = await q.query<Record<string, unknown>>(
    `SELECT account, kind, priority, period, msg_size, max_msgs, max_quota, max_rcpts
       FROM throttle WHERE account = $1 AND kind = $2 ORDER BY priority DESC, id LIMIT 1`,
    [account, kind],
  );
  const row = rows[0];
  if (!row) return null;
  if (kind === 'inbound') delete row.max_rcpts;
  return row;
}

/**
 * Update-or-insert. The table has no unique key on (account, kind), so concurrent writers
 * of one pair are serialized with a transaction-scoped advisory lock taken before looking.
 */
export async function writeThrottle(
  tx: Queryable,
  target: PolicyTarget,
  kind: ThrottleKind,
  limits: ThrottleLimits,
): Promise<void> {
  await lockThrottle(tx, target.account, kind);
  const values = [
    limits.period,
    limits.msg_size,
    limits.max_msgs,
    limits.max_quota,
    limits.max_rcpts,
    THROTTLE_PRIORITY[target.scope],
  ];
  const updated = await tx.query(
    `UPDATE throttle SET period = $3, msg_size = $4, max_msgs = $5, max_quota = $6, max_rcpts = $7, priority = $8
      WHERE account = $1 AND kind = $2 RETURNING id`,
    [target.account, kind, ...values],
  );
  if (updated.length) return;
  await tx.query(
    `INSERT INTO throttle (account, kind, period, msg_size, max_msgs, max_quota, max_rcpts, priority)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [target.account, kind, ...values],
  );
}

/** Removes the (account, kind) throttle and iRedAPD's counters for it. */
export async function deleteThrottle(tx: Queryable, account: string, kind: ThrottleKind): Promise<void> {
  await lockThrottle(tx, account, kind);
  await tx.query(
    'DELETE FROM throttle_tracking WHERE tid IN (SELECT id FROM throttle WHERE account = $1 AND kind = $2)',
    [account, kind],
  );
  await tx.query('DELETE FROM throttle WHERE account = $1 AND kind = $2', [account, kind]);
}

async function lockThrottle(tx: Queryable, account: string, kind: ThrottleKind): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`throttle|${account}|${kind}`]);
}
