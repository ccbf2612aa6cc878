/**
 * Deleting a domain removes everything under it, recording its mailboxes in deleted_mailboxes,
 * and ends the sessions of its accounts and of its admins. References that other domains hold to
 * its addresses (forwardings, alias and list members, moderators, bcc targets, subscriptions)
 * are theirs and stay: deleting one domain never changes another silently. Mail to those
 * addresses bounces until the other domain's admin removes them.
 */
import type { Queryable } from '../../db/database';
import { endSessions } from '../../auth/sessions';
import { removeOwnTraces, removePolicyTraces } from '../account-traces';
import { recordDeletedMailboxes } from '../users/deleted-mailboxes';

export async function deleteDomain(
  tx: Queryable,
  domain: string,
  keepMailboxDays: number | null,
  admin: string,
): Promise<void> {
  const exists = await tx.query('SELECT 1 FROM domain WHERE domain = $1 FOR UPDATE', [domain]);
  if (!exists.length) return; // iRedAdmin-Pro reports success for a domain that does not exist
  const addresses = (
    await tx.query<{ address: string }>(
      `SELECT username AS address FROM mailbox WHERE domain = $1
       UNION SELECT address FROM alias WHERE domain = $1
       UNION SELECT address FROM maillists WHERE domain = $1
       UNION SELECT address FROM forwardings WHERE domain = $1`,
      [domain],
    )
  ).map((r) => r.address);
  const sessionHolders = await tx.query<{ username: string }>(
    'SELECT username FROM mailbox WHERE domain = $1 UNION SELECT username FROM domain_admins WHERE domain = $1',
    [domain],
  );
  await endSessions(
    tx,
    sessionHolders.map((r) => r.username),
  );
  await recordDeletedMailboxes(tx, 'domain = $1', [domain], keepMailboxDays, admin);
  await removeOwnTraces(tx, addresses);
  for (const table of [
    'mailbox',
    'alias',
    'maillists',
    'forwardings',
    'moderators',
    'domain_admins',
    'sender_bcc_domain',
    'recipient_bcc_domain',
    'sender_bcc_user',
    'recipient_bcc_user',
    'used_quota',
  ]) {
    await tx.query(`DELETE FROM ${table} WHERE domain = $1`, [domain]);
  }
  await tx.query('DELETE FROM alias_domain WHERE alias_domain = $1 OR target_domain = $1', [domain]);
  await tx.query('DELETE FROM sender_relayhost WHERE account = $1', [`@${domain}`]);
  await removePolicyTraces(tx, [`@${domain}`]);
  await tx.query('DELETE FROM domain WHERE domain = $1', [domain]);
}
