/**
 * amavisd white/blacklists. The local account is a `users` row (`@.`, `@domain` or the mail;
 * priority 0/5/10), each listed address a `mailaddr` row (priority by its form). Inbound lists
 * are `wblist` (rid = local recipient, sid = outside sender), outbound ones `outbound_wblist`
 * (sid = local sender, rid = outside recipient); `wb` is `W` or `B` (anything else, such as a
 * score, counts as black, as iRedAdmin-Pro reports it).
 */
import { type Queryable, amavisd } from '../../db/database';
import { MAILADDR_PRIORITY, type SenderAddress } from '../../../common/sender-addresses';
import type { PolicyTarget } from './target';
import { PRIORITY } from './spam-policy';

import {
  WBLIST_DIRECTIONS,
  WBLIST_KINDS,
  type WblistDirection,
  type WblistKind,
} from '../../../common/wblist-vocabulary';
import { excluded, isAnyOf, onDuplicateUpdate, raw, sql, textOfBytes } from '../../db/sql';

export { WBLIST_DIRECTIONS, WBLIST_KINDS, type WblistDirection, type WblistKind };

/** Table and which of its columns holds the local account (the other holds the listed address). */
const TABLES: Record<WblistDirection, { table: string; local: 'rid' | 'sid'; listed: 'rid' | 'sid' }> = {
  inbound: { table: 'wblist', local: 'rid', listed: 'sid' },
  outbound: { table: 'outbound_wblist', local: 'sid', listed: 'rid' },
};

const bytes = (text: string) => Buffer.from(text, 'utf8');
const kindCondition = (kind: WblistKind) => (kind === 'whitelist' ? "wb = 'W'" : "wb <> 'W'");

/** The list's addresses, sorted; [] when the account has none (nothing is created). */
export async function readWblist(
  q: Queryable,
  account: string,
  direction: WblistDirection,
  kind: WblistKind,
): Promise<string[]> {
  const { table, local, listed } = TABLES[direction];
  const rows = await amavisd(q).query<{ address: string }>(
    sql`SELECT ${textOfBytes('m.email')} AS address
       FROM users u JOIN ${raw(table)} w ON w.${raw(local)} = u.id JOIN mailaddr m ON m.id = w.${raw(listed)}
      WHERE u.email = ${bytes(account)} AND w.${raw(kindCondition(kind))}`,
  );
  return rows.map((r) => r.address).sort();
}

/**
 * Adds addresses to one list. A row for the same account and address in the same direction is
 * replaced, so an address moves between white and black. Creates the `users` row when missing.
 */
export async function addToWblist(tx: Queryable, list: WblistOf, addresses: readonly SenderAddress[]): Promise<void> {
  const { userId, table, local, listed, kind } = await openWblist(tx, list);
  const amavis = amavisd(tx);
  for (const address of addresses) {
    const addressId = await ensureMailaddr(tx, address);
    await amavis.query(sql`INSERT INTO ${raw(table)} (${raw(local)}, ${raw(listed)}, wb) VALUES (${userId}, ${addressId},
        ${kind === 'whitelist' ? 'W' : 'B'})
       ${onDuplicateUpdate('rid, sid', sql`wb = ${excluded('wb')}`)}`);
  }
}

/** Removes the given addresses from one list only (the other list keeps its rows). */
export async function removeFromWblist(tx: Queryable, list: WblistOf, addresses: readonly string[]): Promise<void> {
  const { userId, table, local, listed, kind } = await openWblist(tx, list);
  await amavisd(tx).query(
    sql`DELETE FROM ${raw(table)} WHERE ${raw(local)} = ${userId} AND ${raw(kindCondition(kind))}
        AND ${raw(listed)} IN (SELECT id FROM mailaddr WHERE email ${isAnyOf(addresses.map(bytes))})`,
  );
}

/** Empties one list of the account. */
export async function clearWblist(tx: Queryable, list: WblistOf): Promise<void> {
  const { userId, table, local, kind } = await openWblist(tx, list);
  await amavisd(tx).query(
    sql`DELETE FROM ${raw(table)} WHERE ${raw(local)} = ${userId} AND ${raw(kindCondition(kind))}`,
  );
}

/** One of an account's four lists: inbound or outbound, white or black. */
export interface WblistOf {
  target: PolicyTarget;
  direction: WblistDirection;
  kind: WblistKind;
}

/** The list's table and columns, with the account's `users` row id (created when missing). */
async function openWblist(tx: Queryable, list: WblistOf) {
  const userId = await ensureUsersRow(tx, list.target);
  return { userId, kind: list.kind, ...TABLES[list.direction] };
}

/**
 * The account's `users` row (policy 0 = none, so amavisd falls through to lower-priority policies
 * until a spam policy is set). An existing row keeps its policy. Upserts make concurrent calls converge.
 */
async function ensureUsersRow(tx: Queryable, target: PolicyTarget): Promise<number> {
  const [row] = await amavisd(tx).query<{
    id: number;
  }>(sql`INSERT INTO users (email, priority, policy_id) VALUES (${bytes(target.account)}, ${PRIORITY[target.scope]}, 0)
     ${onDuplicateUpdate('email', sql`priority = ${excluded('priority')}`)} RETURNING id`);
  return row!.id;
}

/** The address's `mailaddr` row; an existing row is left as it is. */
async function ensureMailaddr(tx: Queryable, address: SenderAddress): Promise<number> {
  const [row] = await amavisd(tx).query<{
    id: number;
  }>(sql`INSERT INTO mailaddr (email, priority) VALUES (${bytes(address.address)}, ${MAILADDR_PRIORITY[address.form]})
     ${onDuplicateUpdate('email', sql`email = ${excluded('email')}`)} RETURNING id`);
  return row!.id;
}
