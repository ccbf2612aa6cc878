/**
 * When an alias (or any account) changes its address, everything that points AT it is
 * rewritten: its memberships in aliases and forwardings, moderator rights, mailing list
 * subscriptions, bcc targets, and the throttle / spam-policy / relay rows keyed by it.
 * A row that would duplicate one already naming the new address is dropped first
 * (the unique keys would refuse the rewrite otherwise).
 */
import type { Queryable } from '../../db/database';
import { domainOf } from '../../../common/mail-names';
import { renamePolicyRows } from '../account-traces';
import { raw, sql } from '../../db/sql';

export async function renameReferences(tx: Queryable, oldAddress: string, newAddress: string): Promise<void> {
  const newDomain = domainOf(newAddress);
  // No alias on the deleted table: MariaDB's single-table DELETE takes none.
  await tx.query(
    sql`DELETE FROM forwardings WHERE forwardings.forwarding = ${oldAddress}
       AND EXISTS (SELECT 1 FROM forwardings g WHERE g.address = forwardings.address AND g.forwarding = ${newAddress})`,
  );
  await tx.query(
    sql`UPDATE forwardings SET forwarding = ${newAddress}, dest_domain = ${newDomain} WHERE forwarding = ${oldAddress}`,
  );

  await tx.query(
    sql`DELETE FROM moderators WHERE moderators.moderator = ${oldAddress}
       AND EXISTS (SELECT 1 FROM moderators n WHERE n.address = moderators.address AND n.moderator = ${newAddress})`,
  );
  await tx.query(
    sql`UPDATE moderators SET moderator = ${newAddress}, dest_domain = ${newDomain} WHERE moderator = ${oldAddress}`,
  );

  await tx.query(
    sql`DELETE FROM iredadmin_api_maillist_subscribers WHERE iredadmin_api_maillist_subscribers.subscriber = ${oldAddress}
       AND EXISTS (SELECT 1 FROM iredadmin_api_maillist_subscribers t
                    WHERE t.address = iredadmin_api_maillist_subscribers.address AND t.subscriber = ${newAddress})`,
  );
  await tx.query(
    sql`UPDATE iredadmin_api_maillist_subscribers SET subscriber = ${newAddress}, dest_domain = ${newDomain}
        WHERE subscriber = ${oldAddress}`,
  );

  for (const table of ['sender_bcc_domain', 'recipient_bcc_domain', 'sender_bcc_user', 'recipient_bcc_user']) {
    await tx.query(sql`UPDATE ${raw(table)} SET bcc_address = ${newAddress} WHERE bcc_address = ${oldAddress}`);
  }
  await renameKeyedRows(tx, oldAddress, newAddress);
}

/** Rows whose key is the address itself: relay, throttles, spam policy. */
async function renameKeyedRows(tx: Queryable, oldAddress: string, newAddress: string): Promise<void> {
  await tx.query(sql`UPDATE sender_relayhost SET account = ${newAddress} WHERE account = ${oldAddress}`);
  await renamePolicyRows(tx, oldAddress, newAddress);
}
