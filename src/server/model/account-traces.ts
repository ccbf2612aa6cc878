/**
 * Everything that refers to a mail address outside its own row: forwardings (as either side),
 * moderators, list subscriptions, admin rights, bcc and relay settings, throttles, spam policies,
 * white/blacklists and greylisting.
 * A deleted account takes all of it; a deleted domain takes what its accounts own and the
 * references its own accounts hold, never what other domains hold (see domains/deletion.ts).
 */
import type { Queryable } from '../db/database';

export async function removeAddressTraces(tx: Queryable, addresses: readonly string[]): Promise<void> {
  await removeOwnTraces(tx, addresses);
  await removeReferencesTo(tx, addresses);
}

/** What the accounts themselves hold: their forwardings, moderators, rights, bcc, relay, quota use and policies. */
export async function removeOwnTraces(tx: Queryable, addresses: readonly string[]): Promise<void> {
  if (addresses.length === 0) return;
  const list = [...addresses];
  await tx.query('DELETE FROM forwardings WHERE address = ANY($1)', [list]);
  await tx.query('DELETE FROM moderators WHERE address = ANY($1)', [list]);
  await tx.query('DELETE FROM domain_admins WHERE username = ANY($1)', [list]);
  await tx.query('DELETE FROM sender_bcc_user WHERE username = ANY($1)', [list]);
  await tx.query('DELETE FROM recipient_bcc_user WHERE username = ANY($1)', [list]);
  await tx.query('DELETE FROM sender_relayhost WHERE account = ANY($1)', [list]);
  await tx.query('DELETE FROM used_quota WHERE username = ANY($1)', [list]);
  await removePolicyTraces(tx, list);
}

/**
 * What other accounts hold that names these addresses: forwardings and memberships to them,
 * moderators, bcc targets, subscriptions.
 */
async function removeReferencesTo(tx: Queryable, addresses: readonly string[]): Promise<void> {
  if (addresses.length === 0) return;
  const list = [...addresses];
  await tx.query('DELETE FROM forwardings WHERE forwarding = ANY($1)', [list]);
  await tx.query('DELETE FROM moderators WHERE moderator = ANY($1)', [list]);
  await tx.query('DELETE FROM sender_bcc_user WHERE bcc_address = ANY($1)', [list]);
  await tx.query('DELETE FROM recipient_bcc_user WHERE bcc_address = ANY($1)', [list]);
  await tx.query('DELETE FROM iredadmin_api_maillist_subscribers WHERE subscriber = ANY($1)', [list]);
}

/** Throttles, spam policies, white/blacklists and greylisting of accounts (`user@d`) or domains (`@d`). */
export async function removePolicyTraces(tx: Queryable, accounts: string[]): Promise<void> {
  await tx.query('DELETE FROM throttle_tracking WHERE tid IN (SELECT id FROM throttle WHERE account = ANY($1))', [
    accounts,
  ]);
  await tx.query('DELETE FROM throttle WHERE account = ANY($1)', [accounts]);
  const emails = accounts.map((a) => Buffer.from(a, 'utf8'));
  await tx.query('DELETE FROM wblist WHERE rid IN (SELECT id FROM users WHERE email = ANY($1))', [emails]);
  await tx.query('DELETE FROM outbound_wblist WHERE sid IN (SELECT id FROM users WHERE email = ANY($1))', [emails]);
  await tx.query('DELETE FROM greylisting WHERE account = ANY($1)', [accounts]);
  await tx.query('DELETE FROM greylisting_whitelists WHERE account = ANY($1)', [accounts]);
  await tx.query('DELETE FROM users WHERE email = ANY($1)', [emails]);
  await tx.query("DELETE FROM policy WHERE policy_name = ANY($1) AND policy_name <> '@.'", [accounts]);
}
