/**
 * iRedMail keeps a deleted mailbox on disk and records it in deleted_mailboxes; a cron job
 * removes it after delete_date. No keep_mailbox_days: delete_date stays NULL (kept).
 */
import type { Queryable } from '../../db/database';
import { daysFromToday, type Sql, sql } from '../../db/sql';
import { ApiFailure } from '../../errors';

/** A century: past it, CURRENT_DATE + days leaves the date range (and 99999999999 overflowed the integer). */
const MAX_KEEP_MAILBOX_DAYS = 36_500;

/**
 * The `<n>` of …/keep_mailbox_days/<n>: a whole number of days, 0…MAX_KEEP_MAILBOX_DAYS, or
 * INVALID_KEEP_MAILBOX_DAYS.
 */
export function keepMailboxDays(raw: string | undefined): number {
  const text = (raw ?? '').trim();
  const days = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!(days >= 0 && days <= MAX_KEEP_MAILBOX_DAYS)) throw new ApiFailure('INVALID_KEEP_MAILBOX_DAYS');
  return days;
}

/** Records the mailboxes matching `where` (a condition on `mailbox m`) as deleted by `admin`. */
export async function recordDeletedMailboxes(
  tx: Queryable,
  where: Sql,
  keepMailboxDays: number | null,
  admin: string,
): Promise<void> {
  await tx.query(
    sql`INSERT INTO deleted_mailboxes (username, domain, maildir, bytes, messages, admin, delete_date)
     SELECT m.username, m.domain,
            m.storagebasedirectory || '/' || m.storagenode || '/' || m.maildir,
            COALESCE(q.bytes, 0), COALESCE(q.messages, 0), ${admin}, ${daysFromToday(keepMailboxDays)}
       FROM mailbox m LEFT JOIN used_quota q ON q.username = m.username
      WHERE ${where}`,
  );
}
