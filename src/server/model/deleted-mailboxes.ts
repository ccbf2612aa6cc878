/**
 * iRedMail keeps a deleted mailbox on disk and records it in deleted_mailboxes; a cron job
 * removes it after delete_date. No keep_mailbox_days: delete_date stays NULL (kept).
 */
import type { Queryable } from '../db/database';

export async function recordDeletedMailboxes(
  tx: Queryable,
  where: string,
  params: unknown[],
  keepMailboxDays: number | null,
  admin: string,
): Promise<void> {
  const n = params.length;
  await tx.query(
    `INSERT INTO deleted_mailboxes (username, domain, maildir, bytes, messages, admin, delete_date)
     SELECT m.username, m.domain,
            m.storagebasedirectory || '/' || m.storagenode || '/' || m.maildir,
            COALESCE(q.bytes, 0), COALESCE(q.messages, 0), $${n + 1},
            CASE WHEN $${n + 2}::int IS NULL THEN NULL ELSE CURRENT_DATE + $${n + 2}::int END
       FROM mailbox m LEFT JOIN used_quota q ON q.username = m.username
      WHERE m.${where}`,
    [...params, admin, keepMailboxDays],
  );
}
