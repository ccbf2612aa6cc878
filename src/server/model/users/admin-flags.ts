/**
 * Admin rights of mail users: `mailbox.isadmin` says "has domain_admins rows", `isglobaladmin`
 * plus a domain_admins row for `ALL` makes a global admin (iRedMail reads both).
 */
import type { Queryable } from '../../db/database';
import { sql } from '../../db/sql';
import { ALL_DOMAINS, insertDomainAdminRow } from '../domain-admin-rows';

export async function setMailboxGlobalAdmin(tx: Queryable, user: string, global: boolean): Promise<void> {
  if (global) {
    await insertDomainAdminRow(tx, user, ALL_DOMAINS);
    await tx.query(sql`UPDATE mailbox SET isglobaladmin = 1, isadmin = 1 WHERE username = ${user}`);
  } else {
    await tx.query(sql`DELETE FROM domain_admins WHERE username = ${user} AND domain = 'ALL'`);
    await tx.query(sql`UPDATE mailbox SET isglobaladmin = 0 WHERE username = ${user}`);
    await refreshMailboxAdminFlag(tx, user);
  }
}

/** `isadmin` = 1 while the mail user still manages some domain (or is global). */
export async function refreshMailboxAdminFlag(tx: Queryable, user: string): Promise<void> {
  await tx.query(sql`UPDATE mailbox SET isadmin = CASE WHEN isglobaladmin = 1
       OR EXISTS (SELECT 1 FROM domain_admins WHERE username = ${user}) THEN 1 ELSE 0 END
     WHERE username = ${user}`);
}
