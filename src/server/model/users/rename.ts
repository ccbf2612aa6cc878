/**
 * change_email for a mail user: every row that names the old address is rewritten to the
 * new one — the mailbox, both sides of `forwardings` (its forwardings and self row, its
 * per-user aliases, its memberships and catch-alls pointing at it), moderators, list subscriptions, admin
 * rights, bcc, relay, used quota, throttles and spam policy. The maildir stays where it is:
 * the mail on disk does not move.
 *
 * Stray rows already naming the new address (left behind by other tools) would collide with
 * unique keys; the moved rows win.
 */
import type { Queryable } from '../../db/database';
import { removePolicyTraces, renamePolicyRows } from '../account-traces';
import { domainOf } from '../../../common/mail-names';
import { endSessions } from '../../auth/sessions';
import { now, raw, sql } from '../../db/sql';

export async function renameMailbox(tx: Queryable, from: string, to: string): Promise<void> {
  const toDomain = domainOf(to);
  await moveForwardings(tx, from, to, toDomain);
  await moveModerators(tx, from, to, toDomain);
  await moveSubscriptions(tx, from, to, toDomain);

  await tx.query(
    sql`DELETE FROM domain_admins WHERE username = ${from} AND domain IN (SELECT domain FROM domain_admins WHERE username = ${to})`,
  );
  await tx.query(sql`UPDATE domain_admins SET username = ${to}, modified = ${now} WHERE username = ${from}`);

  for (const table of ['sender_bcc_user', 'recipient_bcc_user']) {
    await tx.query(sql`DELETE FROM ${raw(table)} WHERE username = ${to}`);
    await tx.query(sql`UPDATE ${raw(table)} SET username = ${to}, domain = ${toDomain} WHERE username = ${from}`);
  }
  for (const table of ['sender_bcc_user', 'recipient_bcc_user', 'sender_bcc_domain', 'recipient_bcc_domain']) {
    await tx.query(sql`UPDATE ${raw(table)} SET bcc_address = ${to} WHERE bcc_address = ${from}`);
  }
  await tx.query(sql`DELETE FROM sender_relayhost WHERE account = ${to}`);
  await tx.query(sql`UPDATE sender_relayhost SET account = ${to} WHERE account = ${from}`);
  await tx.query(sql`DELETE FROM used_quota WHERE username = ${to}`);
  await tx.query(sql`UPDATE used_quota SET username = ${to}, domain = ${toDomain} WHERE username = ${from}`);

  await removePolicyTraces(tx, [to]);
  await renamePolicyRows(tx, from, to);

  await endSessions(tx, [from]);
  await tx.query(
    sql`UPDATE mailbox SET username = ${to}, domain = ${toDomain}, modified = ${now} WHERE username = ${from}`,
  );
}

/** Rewrites both sides at once; a moved row whose new (address, forwarding) already exists is dropped. */
async function moveForwardings(tx: Queryable, from: string, to: string, toDomain: string): Promise<void> {
  // No alias on the deleted table: MariaDB's single-table DELETE takes none.
  const image = (col: 'address' | 'forwarding') =>
    sql`CASE WHEN forwardings.${raw(col)} = ${from} THEN ${to} ELSE forwardings.${raw(col)} END`;
  await tx.query(
    sql`DELETE FROM forwardings WHERE (forwardings.address = ${from} OR forwardings.forwarding = ${from})
        AND EXISTS (SELECT 1 FROM forwardings g WHERE g.id <> forwardings.id
                       AND g.address = ${image('address')} AND g.forwarding = ${image('forwarding')})`,
  );
  // domain before address, dest_domain before forwarding: MariaDB's later assignments see earlier ones.
  await tx.query(sql`UPDATE forwardings SET
       domain = CASE WHEN address = ${from} THEN ${toDomain} ELSE domain END,
       address = CASE WHEN address = ${from} THEN ${to} ELSE address END,
       dest_domain = CASE WHEN forwarding = ${from} THEN ${toDomain} ELSE dest_domain END,
       forwarding = CASE WHEN forwarding = ${from} THEN ${to} ELSE forwarding END
     WHERE address = ${from} OR forwarding = ${from}`);
}

async function moveModerators(tx: Queryable, from: string, to: string, toDomain: string): Promise<void> {
  await tx.query(sql`DELETE FROM moderators WHERE moderators.moderator = ${from}
        AND EXISTS (SELECT 1 FROM moderators o WHERE o.address = moderators.address AND o.moderator = ${to})`);
  await tx.query(sql`UPDATE moderators SET moderator = ${to}, dest_domain = ${toDomain} WHERE moderator = ${from}`);
}

/** Mailing-list subscriptions held by the user follow it (a duplicate of one held by the new address is dropped). */
async function moveSubscriptions(tx: Queryable, from: string, to: string, toDomain: string): Promise<void> {
  await tx.query(sql`DELETE FROM iredadmin_api_maillist_subscribers WHERE iredadmin_api_maillist_subscribers.subscriber = ${from}
        AND EXISTS (SELECT 1 FROM iredadmin_api_maillist_subscribers t
                     WHERE t.address = iredadmin_api_maillist_subscribers.address AND t.subscriber = ${to})`);
  await tx.query(
    sql`UPDATE iredadmin_api_maillist_subscribers SET subscriber = ${to}, dest_domain = ${toDomain} WHERE subscriber = ${from}`,
  );
}
