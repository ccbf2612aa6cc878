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
import { raw, sql } from '../../db/sql';

export async function deleteDomain(
  tx: Queryable,
  domain: string,
  keepMailboxDays: number | null,
  admin: string,
): Promise<void> {
  const exists = await tx.query(sql`SELECT 1 FROM domain WHERE domain = ${domain} FOR UPDATE`);
  if (!exists.length) return; // iRedAdmin-Pro reports success for a domain that does not exist
  const addresses = (
    await tx.query<{ address: string }>(sql`SELECT username AS address FROM mailbox WHERE domain = ${domain}
       UNION SELECT address FROM alias WHERE domain = ${domain}
       UNION SELECT address FROM maillists WHERE domain = ${domain}
       UNION SELECT address FROM forwardings WHERE domain = ${domain}`)
  ).map((r) => r.address);
  const sessionHolders = await tx.query<{ username: string }>(
    sql`SELECT username FROM mailbox WHERE domain = ${domain} UNION SELECT username FROM domain_admins WHERE domain = ${domain}`,
  );
  await endSessions(
    tx,
    sessionHolders.map((r) => r.username),
  );
  await recordDeletedMailboxes(tx, sql`m.domain = ${domain}`, keepMailboxDays, admin);
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
    await tx.query(sql`DELETE FROM ${raw(table)} WHERE domain = ${domain}`);
  }
  await tx.query(sql`DELETE FROM alias_domain WHERE alias_domain = ${domain} OR target_domain = ${domain}`);
  await tx.query(sql`DELETE FROM sender_relayhost WHERE account = ${`@${domain}`}`);
  await removePolicyTraces(tx, [`@${domain}`]);
  await tx.query(sql`DELETE FROM domain WHERE domain = ${domain}`);
}
