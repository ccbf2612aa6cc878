/**
 * iRedAPD greylisting. `greylisting` holds on/off per (account, sender); the API only writes the
 * sender `@.` row of an account, with iRedAPD's priorities (user 100, domain 60, global 0).
 * `greylisting_whitelists` are per-account senders never greylisted; `greylisting_whitelist_domains`
 * are domains whose SPF/MX hosts iRedAPD's cron job whitelists (server-wide).
 */
import { type Queryable, iredapd } from '../../db/database';
import type { PolicyTarget } from './target';
import { THROTTLE_PRIORITY } from './throttle';
import { excluded, insertSkippingDuplicates, isAnyOf, onDuplicateSkip, onDuplicateUpdate, sql } from '../../db/sql';

export type GreylistingStatus = 'enabled' | 'disabled';

const ANY_SENDER = '@.';

export interface GreylistingRow {
  account: string;
  sender: string;
  status: GreylistingStatus;
}

const statusOf = (active: number): GreylistingStatus => (Number(active) === 1 ? 'enabled' : 'disabled');

/** Every `greylisting` row, grouped by account. */
export async function readAllGreylisting(q: Queryable): Promise<Record<string, GreylistingRow[]>> {
  const rows = await iredapd(q).query<{ account: string; sender: string; active: number }>(
    sql`SELECT account, sender, active FROM greylisting ORDER BY account, sender`,
  );
  const out: Record<string, GreylistingRow[]> = {};
  for (const r of rows) {
    const account = r.account.toLowerCase();
    (out[account] ??= []).push({ account, sender: r.sender.toLowerCase(), status: statusOf(r.active) });
  }
  return out;
}

/** The account's own on/off setting, or null when it has none (it inherits). */
export async function readGreylistingStatus(q: Queryable, account: string): Promise<GreylistingStatus | null> {
  const [row] = await iredapd(q).query<{ active: number }>(
    sql`SELECT active FROM greylisting WHERE account = ${account} AND sender = ${ANY_SENDER}`,
  );
  return row ? statusOf(row.active) : null;
}

export async function writeGreylistingStatus(
  tx: Queryable,
  target: PolicyTarget,
  status: GreylistingStatus,
): Promise<void> {
  const policyd = iredapd(tx);
  await policyd.query(sql`INSERT INTO greylisting (account, priority, sender, sender_priority, active) VALUES (${target.account},
      ${THROTTLE_PRIORITY[target.scope]}, ${ANY_SENDER}, 0, ${status === 'enabled' ? 1 : 0})
     ${onDuplicateUpdate(
       'account, sender',
       sql`priority = ${excluded('priority')}, sender_priority = 0, active = ${excluded('active')}`,
     )}`);
}

/** Removes every greylisting row of the account (any sender): it inherits again. */
export async function deleteGreylisting(tx: Queryable, account: string): Promise<void> {
  await iredapd(tx).query(sql`DELETE FROM greylisting WHERE account = ${account}`);
}

export async function readGreylistingWhitelist(q: Queryable, account: string): Promise<string[]> {
  const rows = await iredapd(q).query<{ sender: string }>(
    sql`SELECT sender FROM greylisting_whitelists WHERE account = ${account}`,
  );
  return rows.map((r) => r.sender.toLowerCase()).sort();
}

/** Applies removals first, then additions: a sender in both ends up listed. */
export async function changeGreylistingWhitelist(
  tx: Queryable,
  account: string,
  change: { replace?: readonly string[]; add?: readonly string[]; remove?: readonly string[] },
): Promise<void> {
  const policyd = iredapd(tx);
  if (change.replace) await policyd.query(sql`DELETE FROM greylisting_whitelists WHERE account = ${account}`);
  if (change.remove?.length) {
    await policyd.query(
      sql`DELETE FROM greylisting_whitelists WHERE account = ${account} AND sender ${isAnyOf([...change.remove])}`,
    );
  }
  for (const sender of [...(change.replace ?? []), ...(change.add ?? [])]) {
    await policyd.query(
      sql`${insertSkippingDuplicates} INTO greylisting_whitelists (account, sender) VALUES (${account},
          ${sender}) ${onDuplicateSkip('account, sender')}`,
    );
  }
}

export async function readWhitelistedSpfDomains(q: Queryable): Promise<string[]> {
  const rows = await iredapd(q).query<{ domain: string }>(sql`SELECT domain FROM greylisting_whitelist_domains`);
  return rows.map((r) => r.domain.toLowerCase()).sort();
}

/** Same order as the whitelist: removals, then additions. */
export async function changeWhitelistedSpfDomains(
  tx: Queryable,
  change: { replace?: readonly string[]; add?: readonly string[]; remove?: readonly string[] },
): Promise<void> {
  const policyd = iredapd(tx);
  if (change.replace) await policyd.query(sql`DELETE FROM greylisting_whitelist_domains`);
  if (change.remove?.length)
    await policyd.query(sql`DELETE FROM greylisting_whitelist_domains WHERE domain ${isAnyOf([...change.remove])}`);
  for (const domain of [...(change.replace ?? []), ...(change.add ?? [])]) {
    await policyd.query(
      sql`${insertSkippingDuplicates} INTO greylisting_whitelist_domains (domain) VALUES (${domain}) ${onDuplicateSkip('domain')}`,
    );
  }
}

/** 2099-12-31 23:59:59 UTC: iRedAPD's cleanup job keeps a cache row this far in the future. */
const FOREVER = 4102444799;

/** Exempts a client IP from iRedAPD's sender-score check. */
export async function whitelistSenderScore(tx: Queryable, ip: string): Promise<void> {
  const policyd = iredapd(tx);
  await policyd.query(sql`INSERT INTO senderscore_cache (client_address, score, time) VALUES (${ip}, 100, ${FOREVER})
     ${onDuplicateUpdate('client_address', sql`score = 100, time = ${excluded('time')}`)}`);
}
