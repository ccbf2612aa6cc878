/**
 * Rows of separate admins (the `admin` table) and their global right (a `domain_admins` row for `ALL`).
 * Callers hold the transaction and decide what changes; these functions only store it.
 */
import type { Queryable } from '../../db/database';
import { endSessions } from '../../auth/sessions';

/** The columns a new `admin` row is given. */
export interface NewAdminRow {
  username: string;
  password: string;
  name: string;
  language: string;
  active: number;
  settings: string;
}

/** Inserts the admin; false when the address is taken already (by a concurrent create, say). */
export async function insertAdmin(tx: Queryable, row: NewAdminRow): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO admin (username, password, name, language, active, settings) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING username`,
    [row.username, row.password, row.name, row.language, row.active, row.settings],
  );
  return inserted.length > 0;
}

/** The separate admin's settings column, row-locked for the rest of the transaction; null when there is none. */
export async function lockSeparateAdmin(tx: Queryable, email: string): Promise<{ settings: string } | null> {
  const rows = await tx.query<{ settings: string }>('SELECT settings FROM admin WHERE username = $1 FOR UPDATE', [
    email,
  ]);
  return rows[0] ?? null;
}

/** Column changes of PUT /api/admin: null keeps a column as it is; `settings` is always written. */
export interface AdminColumnChanges {
  name: string | null;
  /** A new stored password (hash); its change time is set with it. */
  password: string | null;
  language: string | null;
  active: number | null;
  settings: string;
}

export async function updateAdminRow(tx: Queryable, email: string, changes: AdminColumnChanges): Promise<void> {
  await tx.query(
    `UPDATE admin SET
         name = COALESCE($2, name), password = COALESCE($3, password),
         passwordlastchange = CASE WHEN $3::text IS NULL THEN passwordlastchange ELSE NOW()::timestamp END,
         language = COALESCE($4, language), active = COALESCE($5, active), settings = $6, modified = NOW()::timestamp
       WHERE username = $1`,
    [email, changes.name, changes.password, changes.language, changes.active, changes.settings],
  );
}

/** The account has the `domain_admins` row for `ALL`. */
export async function hasGlobalRow(q: Queryable, email: string): Promise<boolean> {
  const rows = await q.query("SELECT 1 FROM domain_admins WHERE username = $1 AND domain = 'ALL'", [email]);
  return rows.length > 0;
}

/** Grants (adds the `ALL` row) or revokes (removes it) a separate admin's global right. */
export async function setGlobalRow(tx: Queryable, email: string, global: boolean): Promise<void> {
  if (global)
    await tx.query("INSERT INTO domain_admins (username, domain) VALUES ($1, 'ALL') ON CONFLICT DO NOTHING", [email]);
  else await tx.query("DELETE FROM domain_admins WHERE username = $1 AND domain = 'ALL'", [email]);
}

/** Deletes the admin with its rights and sessions; nothing happens to an address that is no admin. */
export async function deleteSeparateAdmin(tx: Queryable, email: string): Promise<void> {
  const gone = await tx.query('DELETE FROM admin WHERE username = $1 RETURNING username', [email]);
  if (!gone.length) return;
  await tx.query('DELETE FROM domain_admins WHERE username = $1', [email]);
  await endSessions(tx, [email]);
}
