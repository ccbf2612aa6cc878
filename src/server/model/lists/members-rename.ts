/**
 * When an alias (or any account) changes its address, everything that points AT it is
 * rewritten: its memberships in aliases and forwardings, moderator rights, mailing list
 * subscriptions, bcc targets, and the throttle / spam-policy / relay rows keyed by it.
 * A row that would duplicate one already naming the new address is dropped first
 * (the unique keys would refuse the rewrite otherwise).
 */
import type { Queryable } from '../../db/database';
import { domainOf } from '../../../common/mail-names';

export async function renameReferences(tx: Queryable, oldAddress: string, newAddress: string): Promise<void> {
  const params = [oldAddress, newAddress, domainOf(newAddress)];

  await tx.query(
    `DELETE FROM forwardings f WHERE f.forwarding = $1
       AND EXISTS (SELECT 1 FROM forwardings g WHERE g.address = f.address AND g.forwarding = $2)`,
    params.slice(0, 2),
  );
  await tx.query('UPDATE forwardings SET forwarding = $2, dest_domain = $3 WHERE forwarding = $1', params);

  await tx.query(
    `DELETE FROM moderators m WHERE m.moderator = $1
       AND EXISTS (SELECT 1 FROM moderators n WHERE n.address = m.address AND n.moderator = $2)`,
    params.slice(0, 2),
  );
  await tx.query('UPDATE moderators SET moderator = $2, dest_domain = $3 WHERE moderator = $1', params);

  await tx.query(
    `DELETE FROM iredadmin_api_maillist_subscribers s WHERE s.subscriber = $1
       AND EXISTS (SELECT 1 FROM iredadmin_api_maillist_subscribers t WHERE t.address = s.address AND t.subscriber = $2)`,
    params.slice(0, 2),
  );
  await tx.query(
    'UPDATE iredadmin_api_maillist_subscribers SET subscriber = $2, dest_domain = $3 WHERE subscriber = $1',
    params,
  );

  for (const table of ['sender_bcc_domain', 'recipient_bcc_domain', 'sender_bcc_user', 'recipient_bcc_user']) {
    await tx.query(`UPDATE ${table} SET bcc_address = $2 WHERE bcc_address = $1`, params.slice(0, 2));
  }
  await renameKeyedRows(tx, oldAddress, newAddress);
}

/** Rows whose key is the address itself: relay, throttles, spam policy. */
async function renameKeyedRows(tx: Queryable, oldAddress: string, newAddress: string): Promise<void> {
  await tx.query('UPDATE sender_relayhost SET account = $2 WHERE account = $1', [oldAddress, newAddress]);
  await tx.query('UPDATE throttle SET account = $2 WHERE account = $1', [oldAddress, newAddress]);
  await tx.query('UPDATE users SET email = $2 WHERE email = $1', [Buffer.from(oldAddress), Buffer.from(newAddress)]);
  await tx.query('UPDATE policy SET policy_name = $2 WHERE policy_name = $1', [oldAddress, newAddress]);
}
