/**
 * Deleting a mail user: the mailbox is recorded in deleted_mailboxes (iRedMail's cron job
 * removes it from disk after delete_date), then every row that refers to the address goes.
 */
import type { Queryable } from '../../db/database';
import { removeAddressTraces } from '../account-traces';
import { recordDeletedMailboxes } from './deleted-mailboxes';
import { endSessions } from '../../auth/sessions';
import { sql } from '../../db/sql';

export async function deleteMailbox(
  tx: Queryable,
  email: string,
  keepMailboxDays: number | null,
  admin: string,
): Promise<void> {
  await recordDeletedMailboxes(tx, sql`m.username = ${email}`, keepMailboxDays, admin);
  // Per-user alias addresses point at the user, so removeAddressTraces takes them too.
  await removeAddressTraces(tx, [email]);
  await endSessions(tx, [email]);
  await tx.query(sql`DELETE FROM mailbox WHERE username = ${email}`);
}
