/**
 * Who may log in to the API: separate admins (`admin` table; global when `domain_admins`
 * has their row for domain `ALL`) and mail users flagged `isadmin` / `isglobaladmin`.
 */
import type { Queryable } from '../db/database';
import { equalsExactly, sql, type Sql } from '../db/sql';

export interface AdminAccount {
  username: string;
  passwordHash: string;
  active: boolean;
  isGlobal: boolean;
  kind: 'admin' | 'mailbox';
}

export type AccountRow = { password: string; active: number; is_global: number; kind: 'admin' | 'mailbox' };

/**
 * The account behind exactly `username`, on MySQL too (an SQL expression: a parameter, or a column of an outer
 * query, so the session lookup can resolve token and account in one statement).
 */
export function adminAccountSql(username: Sql): Sql {
  return sql`SELECT a.password, a.active, a.created, 'admin' AS kind,
            CASE WHEN EXISTS (SELECT 1 FROM domain_admins d WHERE d.username = a.username AND d.domain = 'ALL') THEN 1
              ELSE 0 END AS is_global
       FROM admin a WHERE ${equalsExactly('a.username', username)}
     UNION ALL
     SELECT m.password, m.active, m.created, 'mailbox' AS kind,
            CASE WHEN m.isglobaladmin = 1 OR EXISTS (SELECT 1 FROM domain_admins d WHERE d.username = m.username
              AND d.domain = 'ALL') THEN 1 ELSE 0 END AS is_global
       FROM mailbox m WHERE ${equalsExactly('m.username', username)} AND (m.isadmin = 1 OR m.isglobaladmin = 1)
     LIMIT 1`;
}

export function accountFromRow(username: string, row: AccountRow): AdminAccount {
  return {
    username,
    passwordHash: row.password,
    active: row.active === 1,
    isGlobal: row.is_global === 1,
    kind: row.kind,
  };
}

export async function findAdminAccount(q: Queryable, username: string): Promise<AdminAccount | null> {
  const rows = await q.query<AccountRow>(adminAccountSql(sql`${username}`));
  return rows[0] ? accountFromRow(username, rows[0]) : null;
}
