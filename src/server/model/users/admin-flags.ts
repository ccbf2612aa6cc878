/**
 * Admin rights of mail users: `mailbox.isadmin` says "has domain_admins rows", `isglobaladmin`
 * plus a domain_admins row for `ALL` makes a global admin (iRedMail reads both).
 */
import type { Queryable } from '../../db/database';

export async function setMailboxGlobalAdmin(tx: Queryable, user: string, global: boolean): Promise<void> {
  if (global) {
    await tx.query("INSERT INTO domain_admins (username, domain) VALUES ($1, 'ALL') ON CONFLICT DO NOTHING", [user]);
    await tx.query('UPDATE mailbox SET isglobaladmin = 1, isadmin = 1 WHERE username = $1', [user]);
  } else {
    await tx.query("DELETE FROM domain_admins WHERE username = $1 AND domain = 'ALL'", [user]);
    await tx.query('UPDATE mailbox SET isglobaladmin = 0 WHERE username = $1', [user]);
    await refreshMailboxAdminFlag(tx, user);
  }
}

/** `isadmin` = 1 while the mail user still manages some domain (or is global). */
export async function refreshMailboxAdminFlag(tx: Queryable, user: string): Promise<void> {
  await tx.query(
    `UPDATE mailbox SET isadmin = CASE WHEN isglobaladmin = 1
       OR EXISTS (SELECT 1 FROM domain_admins WHERE username = $1) THEN 1 ELSE 0 END
     WHERE username = $1`,
    [user],
  );
}
