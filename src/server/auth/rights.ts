/**
 * Who may change whom. A normal admin may change an account only when every right that account
 * holds is within its own: no global rights, and no domain it administers that the actor does
 * not. Otherwise a normal admin could reset the password of a wider admin, log in as it and
 * act on domains that are not its own.
 */
import type { Queryable } from '../db/database';
import { ApiFailure } from '../errors';
import type { Actor } from './actor';
import { sql, type Sql } from '../db/sql';

/**
 * SQL condition: the account `usernameSql` holds a right outside the admin `actorSql` (both SQL
 * expressions). A global account always does: the actor has no `ALL` row to match.
 */
export function holdsRightsBeyondSql(usernameSql: Sql, actorSql: Sql): Sql {
  return sql`(EXISTS (SELECT 1 FROM mailbox g WHERE g.username = ${usernameSql} AND g.isglobaladmin = 1)
       OR EXISTS (SELECT 1 FROM domain_admins theirs WHERE theirs.username = ${usernameSql}
                    AND NOT EXISTS (SELECT 1 FROM domain_admins mine WHERE mine.username = ${actorSql} AND mine.domain = theirs.domain)))`;
}

export async function holdsRightsBeyond(q: Queryable, actor: Actor, email: string): Promise<boolean> {
  if (actor.isGlobal) return false;
  const rows = await q.query<{ beyond: number }>(
    sql`SELECT CASE WHEN ${holdsRightsBeyondSql(sql`${email}`, sql`${actor.username}`)} THEN 1 ELSE 0 END AS beyond`,
  );
  return rows[0]?.beyond === 1;
}

/** A global admin: a `domain_admins` row for `ALL`, or a mail user with `isglobaladmin`. */
async function isGlobalAdminAccount(q: Queryable, email: string): Promise<boolean> {
  const rows = await q.query(sql`SELECT 1 FROM domain_admins WHERE username = ${email} AND domain = 'ALL'
     UNION ALL SELECT 1 FROM mailbox WHERE username = ${email} AND isglobaladmin = 1 LIMIT 1`);
  return rows.length > 0;
}

/**
 * Refuses a normal admin's change to an account with wider rights: `globalCode` when the account
 * is a global admin (the real product's code for that case), PERMISSION_DENIED otherwise.
 */
export async function assertRightsWithin(
  q: Queryable,
  actor: Actor,
  email: string,
  globalCode = 'PERMISSION_DENIED',
): Promise<void> {
  if (actor.isGlobal || !(await holdsRightsBeyond(q, actor, email))) return;
  throw new ApiFailure((await isGlobalAdminAccount(q, email)) ? globalCode : 'PERMISSION_DENIED');
}
