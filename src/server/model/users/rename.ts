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
import { removePolicyTraces } from '../account-traces';
import { domainOf } from '../../../common/mail-names';
import { endSessions } from '../../auth/sessions';

export async function renameMailbox(tx: Queryable, from: string, to: string): Promise<void> {
  const toDomain = domainOf(to);
  await moveForwardings(tx, from, to, toDomain);
  await moveModerators(tx, from, to, toDomain);
  await moveSubscriptions(tx, from, to, toDomain);

  await tx.query(
    `DELETE FROM domain_admins WHERE username = $1 AND domain IN (SELECT domain FROM domain_admins WHERE username = $2)`,
    [from, to],
  );
  await tx.query('UPDATE domain_admins SET username = $2, modified = NOW()::timestamp WHERE username = $1', [from, to]);

  for (const table of ['sender_bcc_user', 'recipient_bcc_user']) {
    await tx.query(`DELETE FROM ${table} WHERE username = $1`, [to]);
    await tx.query(`UPDATE ${table} SET username = $2, domain = $3 WHERE username = $1`, [from, to, toDomain]);
  }
  for (const table of ['sender_bcc_user', 'recipient_bcc_user', 'sender_bcc_domain', 'recipient_bcc_domain']) {
    await tx.query(`UPDATE ${table} SET bcc_address = $2 WHERE bcc_address = $1`, [from, to]);
  }
  await tx.query('DELETE FROM sender_relayhost WHERE account = $1', [to]);
  await tx.query('UPDATE sender_relayhost SET account = $2 WHERE account = $1', [from, to]);
  await tx.query('DELETE FROM used_quota WHERE username = $1', [to]);
  await tx.query('UPDATE used_quota SET username = $2, domain = $3 WHERE username = $1', [from, to, toDomain]);

  await removePolicyTraces(tx, [to]);
  await tx.query('UPDATE throttle SET account = $2 WHERE account = $1', [from, to]);
  await tx.query('UPDATE users SET email = $2 WHERE email = $1', [Buffer.from(from, 'utf8'), Buffer.from(to, 'utf8')]);
  await tx.query('UPDATE policy SET policy_name = $2 WHERE policy_name = $1', [from, to]);

  await endSessions(tx, [from]);
  await tx.query('UPDATE mailbox SET username = $2, domain = $3, modified = NOW()::timestamp WHERE username = $1', [
    from,
    to,
    toDomain,
  ]);
}

/** Rewrites both sides at once; a moved row whose new (address, forwarding) already exists is dropped. */
async function moveForwardings(tx: Queryable, from: string, to: string, toDomain: string): Promise<void> {
  const image = (col: 'address' | 'forwarding', alias = 'f') =>
    `CASE WHEN ${alias}.${col} = $1 THEN $2 ELSE ${alias}.${col} END`;
  await tx.query(
    `DELETE FROM forwardings f WHERE (f.address = $1 OR f.forwarding = $1)
        AND EXISTS (SELECT 1 FROM forwardings g WHERE g.id <> f.id
                       AND g.address = ${image('address')} AND g.forwarding = ${image('forwarding')})`,
    [from, to],
  );
  await tx.query(
    `UPDATE forwardings SET
       address = CASE WHEN address = $1 THEN $2 ELSE address END,
       domain = CASE WHEN address = $1 THEN $3 ELSE domain END,
       forwarding = CASE WHEN forwarding = $1 THEN $2 ELSE forwarding END,
       dest_domain = CASE WHEN forwarding = $1 THEN $3 ELSE dest_domain END
     WHERE address = $1 OR forwarding = $1`,
    [from, to, toDomain],
  );
}

async function moveModerators(tx: Queryable, from: string, to: string, toDomain: string): Promise<void> {
  await tx.query(
    `DELETE FROM moderators m WHERE m.moderator = $1
        AND EXISTS (SELECT 1 FROM moderators o WHERE o.address = m.address AND o.moderator = $2)`,
    [from, to],
  );
  await tx.query('UPDATE moderators SET moderator = $2, dest_domain = $3 WHERE moderator = $1', [from, to, toDomain]);
}

/** Mailing-list subscriptions held by the user follow it (a duplicate of one held by the new address is dropped). */
async function moveSubscriptions(tx: Queryable, from: string, to: string, toDomain: string): Promise<void> {
  await tx.query(
    `DELETE FROM iredadmin_api_maillist_subscribers s WHERE s.subscriber = $1
        AND EXISTS (SELECT 1 FROM iredadmin_api_maillist_subscribers t WHERE t.address = s.address AND t.subscriber = $2)`,
    [from, to],
  );
  await tx.query(
    'UPDATE iredadmin_api_maillist_subscribers SET subscriber = $2, dest_domain = $3 WHERE subscriber = $1',
    [from, to, toDomain],
  );
}
