/**
 * Everything that refers to a mail address outside its own row: forwardings (as either side),
 * moderators, list subscriptions, admin rights, bcc and relay settings, throttles, spam policies,
 * white/blacklists and greylisting.
 * A deleted account takes all of it; a deleted domain takes what its accounts own and the
 * references its own accounts hold, never what other domains hold (see domains/deletion.ts).
 */
import { type Queryable, amavisd, iredapd } from '../db/database';
import { isAnyOf, raw, sql } from '../db/sql';

export async function removeAddressTraces(tx: Queryable, addresses: readonly string[]): Promise<void> {
  await removeOwnTraces(tx, addresses);
  await removeReferencesTo(tx, addresses);
}

/** What the accounts themselves hold: their forwardings, moderators, rights, bcc, relay, quota use and policies. */
export async function removeOwnTraces(tx: Queryable, addresses: readonly string[]): Promise<void> {
  if (addresses.length === 0) return;
  await deleteWhereAnyOf(tx, OWN_ROWS, addresses);
  await removePolicyTraces(tx, [...addresses]);
}

/** Table and the column naming the account itself. */
const OWN_ROWS: readonly (readonly [string, string])[] = [
  ['forwardings', 'address'],
  ['moderators', 'address'],
  ['domain_admins', 'username'],
  ['sender_bcc_user', 'username'],
  ['recipient_bcc_user', 'username'],
  ['sender_relayhost', 'account'],
  ['used_quota', 'username'],
  // A list's subscribers (no key ties them to maillists: migration 009).
  ['iredadmin_api_maillist_subscribers', 'address'],
];

/**
 * What other accounts hold that names these addresses: forwardings and memberships to them,
 * moderators, bcc targets, subscriptions.
 */
async function removeReferencesTo(tx: Queryable, addresses: readonly string[]): Promise<void> {
  if (addresses.length === 0) return;
  await deleteWhereAnyOf(tx, REFERENCES, addresses);
}

/** Table and the column naming another account. */
const REFERENCES: readonly (readonly [string, string])[] = [
  ['forwardings', 'forwarding'],
  ['moderators', 'moderator'],
  ['sender_bcc_user', 'bcc_address'],
  ['recipient_bcc_user', 'bcc_address'],
  ['iredadmin_api_maillist_subscribers', 'subscriber'],
];

/** Deletes, in order, the rows of each table whose column holds one of the addresses. */
async function deleteWhereAnyOf(
  tx: Queryable,
  columns: readonly (readonly [string, string])[],
  addresses: readonly string[],
): Promise<void> {
  for (const [table, column] of columns) {
    await tx.query(sql`DELETE FROM ${raw(table)} WHERE ${raw(column)} ${isAnyOf([...addresses])}`);
  }
}

/**
 * Throttles, spam policies, white/blacklists and greylisting of accounts (`user@d`) or domains
 * (`@d`): iRedAPD's rows, then amavisd's, each in its own database when they have their own.
 */
export async function removePolicyTraces(tx: Queryable, accounts: string[]): Promise<void> {
  const policyd = iredapd(tx);
  await policyd.query(
    sql`DELETE FROM throttle_tracking WHERE tid IN (SELECT id FROM throttle WHERE account ${isAnyOf(accounts)})`,
  );
  await policyd.query(sql`DELETE FROM throttle WHERE account ${isAnyOf(accounts)}`);
  await policyd.query(sql`DELETE FROM greylisting WHERE account ${isAnyOf(accounts)}`);
  await policyd.query(sql`DELETE FROM greylisting_whitelists WHERE account ${isAnyOf(accounts)}`);
  const amavis = amavisd(tx);
  const emails = accounts.map((a) => Buffer.from(a, 'utf8'));
  await amavis.query(sql`DELETE FROM wblist WHERE rid IN (SELECT id FROM users WHERE email ${isAnyOf(emails)})`);
  await amavis.query(
    sql`DELETE FROM outbound_wblist WHERE sid IN (SELECT id FROM users WHERE email ${isAnyOf(emails)})`,
  );
  await amavis.query(sql`DELETE FROM users WHERE email ${isAnyOf(emails)}`);
  await amavis.query(sql`DELETE FROM policy WHERE policy_name ${isAnyOf(accounts)} AND policy_name <> '@.'`);
}

/** Moves an account's throttles (iRedAPD) and spam policy (amavisd) to its new address. */
export async function renamePolicyRows(tx: Queryable, from: string, to: string): Promise<void> {
  await iredapd(tx).query(sql`UPDATE throttle SET account = ${to} WHERE account = ${from}`);
  const amavis = amavisd(tx);
  await amavis.query(
    sql`UPDATE users SET email = ${Buffer.from(to, 'utf8')} WHERE email = ${Buffer.from(from, 'utf8')}`,
  );
  await amavis.query(sql`UPDATE policy SET policy_name = ${to} WHERE policy_name = ${from}`);
}
