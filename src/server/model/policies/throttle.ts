/**
 * iRedAPD throttles: one `throttle` row per (account, kind). iRedAPD picks the row with the
 * highest priority, so the priority must follow its convention (user 100, domain 60,
 * global 0). Limits: N > 0 a limit, 0 unlimited, -1 inherit from a lower-priority row.
 */
import { type Queryable, iredapd } from '../../db/database';
import type { PolicyTarget } from './target';
import { sql, transactionLock } from '../../db/sql';

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
  const rows = await iredapd(q).query<
    Record<string, unknown>
  >(sql`SELECT account, kind, priority, period, msg_size, max_msgs, max_quota, max_rcpts
       FROM throttle WHERE account = ${account} AND kind = ${kind} ORDER BY priority DESC, id LIMIT 1`);
  const row = rows[0];
  if (!row) return null;
  if (kind === 'inbound') delete row.max_rcpts;
  return row;
}

/**
 * Update-or-insert. iRedAPD's PostgreSQL schema has no unique key on (account, kind) (its MySQL
 * one does), so concurrent writers of one pair are serialized with a transaction-scoped advisory
 * lock taken before looking, on every backend alike.
 */
export async function writeThrottle(
  tx: Queryable,
  target: PolicyTarget,
  kind: ThrottleKind,
  limits: ThrottleLimits,
): Promise<void> {
  await lockThrottle(tx, target.account, kind);
  const { period, msg_size, max_msgs, max_quota, max_rcpts } = limits;
  const priority = THROTTLE_PRIORITY[target.scope];
  // Looked up, then updated or inserted: the lock above makes that safe (and MariaDB has no UPDATE … RETURNING).
  const policyd = iredapd(tx);
  const existing = await policyd.query(
    sql`SELECT id FROM throttle WHERE account = ${target.account} AND kind = ${kind}`,
  );
  if (existing.length) {
    await policyd.query(
      sql`UPDATE throttle SET period = ${period}, msg_size = ${msg_size}, max_msgs = ${max_msgs}, max_quota = ${max_quota},
          max_rcpts = ${max_rcpts}, priority = ${priority}
        WHERE account = ${target.account} AND kind = ${kind}`,
    );
    return;
  }
  await policyd.query(
    sql`INSERT INTO throttle (account, kind, period, msg_size, max_msgs, max_quota, max_rcpts, priority)
     VALUES (${target.account}, ${kind}, ${period}, ${msg_size}, ${max_msgs}, ${max_quota}, ${max_rcpts}, ${priority})`,
  );
}

/** Removes the (account, kind) throttle and iRedAPD's counters for it. */
export async function deleteThrottle(tx: Queryable, account: string, kind: ThrottleKind): Promise<void> {
  await lockThrottle(tx, account, kind);
  const policyd = iredapd(tx);
  await policyd.query(
    sql`DELETE FROM throttle_tracking WHERE tid IN (SELECT id FROM throttle WHERE account = ${account} AND kind = ${kind})`,
  );
  await policyd.query(sql`DELETE FROM throttle WHERE account = ${account} AND kind = ${kind}`);
}

async function lockThrottle(tx: Queryable, account: string, kind: ThrottleKind): Promise<void> {
  await tx.query(transactionLock(`throttle|${account}|${kind}`));
}
