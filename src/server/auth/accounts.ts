/**
 * Who may log in to the API: separate admins (`admin` table; global when `domain_admins`
 * has their row for domain `ALL`) and mail users flagged `isadmin` / `isglobaladmin`.
 */
import type { Queryable } from '../db/database';

export interface AdminAccount {
  username: string;
  passwordHash: string;
  active: boolean;
  isGlobal: boolean;
  kind: 'admin' | 'mailbox';
}

export async function findAdminAccount(q: Queryable, username: string): Promise<AdminAccount | null> {
  const rows = await q.query<{ password: string; active: number; is_global: boolean; kind: 'admin' | 'mailbox' }>(
    `SELECT a.password, a.active, 'admin' AS kind,
            EXISTS (SELECT 1 FROM domain_admins d WHERE d.username = a.username AND d.domain = 'ALL') AS is_global
       FROM admin a WHERE a.username = $1
     UNION ALL
     SELECT m.password, m.active, 'mailbox' AS kind,
            (m.isglobaladmin = 1 OR EXISTS (SELECT 1 FROM domain_admins d WHERE d.username = m.username AND d.domain = 'ALL')) AS is_global
       FROM mailbox m WHERE m.username = $1 AND (m.isadmin = 1 OR m.isglobaladmin = 1)
     LIMIT 1`,
    [username],
  );
  const row = rows[0];
  if (!row) return null;
  return { username, passwordHash: row.password, active: row.active === 1, isGlobal: row.is_global, kind: row.kind };
}

/** Domains a normal admin manages (global admins manage every domain). */
export async function managedDomains(q: Queryable, username: string): Promise<string[]> {
  const rows = await q.query<{ domain: string }>(
    "SELECT domain FROM domain_admins WHERE username = $1 AND domain <> 'ALL' ORDER BY domain",
    [username],
  );
  return rows.map((r) => r.domain);
}
