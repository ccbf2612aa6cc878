/**
 * Rows of separate admins (the `admin` table) and their global right (a `domain_admins` row for `ALL`).
 * Callers hold the transaction and decide what changes; these functions only store it.
 */
import type { Queryable } from '../../db/database';
import { endSessions } from '../../auth/sessions';
import { newRow } from '../../db/new-rows';
import { insertSkippingDuplicates, now, onDuplicateSkip, sql, typed } from '../../db/sql';
import { ALL_DOMAINS, insertDomainAdminRow } from '../domain-admin-rows';

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
    sql`${insertSkippingDuplicates} INTO ${newRow('admin', { ...row, passwordlastchange: now })}
      ${onDuplicateSkip('username')} RETURNING username`,
  );
  return inserted.length > 0;
}

/**
 * The separate admin's settings column (NULL in iRedMail's MySQL schema when never written),
 * row-locked for the rest of the transaction; null when there is no such admin.
 */
export async function lockSeparateAdmin(tx: Queryable, email: string): Promise<{ settings: string | null } | null> {
  const rows = await tx.query<{ settings: string | null }>(
    sql`SELECT settings FROM admin WHERE username = ${email} FOR UPDATE`,
  );
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
  await tx.query(sql`UPDATE admin SET
         name = COALESCE(${changes.name}, name), password = COALESCE(${changes.password}, password),
         passwordlastchange = CASE WHEN ${typed(changes.password, 'text')} IS NULL THEN passwordlastchange ELSE ${now} END,
         language = COALESCE(${changes.language}, language), active = COALESCE(${changes.active}, active),
           settings = ${changes.settings}, modified = ${now}
       WHERE username = ${email}`);
}

/** The account has the `domain_admins` row for `ALL`. */
export async function hasGlobalRow(q: Queryable, email: string): Promise<boolean> {
  const rows = await q.query(sql`SELECT 1 FROM domain_admins WHERE username = ${email} AND domain = 'ALL'`);
  return rows.length > 0;
}

/** Grants (adds the `ALL` row) or revokes (removes it) a separate admin's global right. */
export async function setGlobalRow(tx: Queryable, email: string, global: boolean): Promise<void> {
  if (global) await insertDomainAdminRow(tx, email, ALL_DOMAINS);
  else await tx.query(sql`DELETE FROM domain_admins WHERE username = ${email} AND domain = 'ALL'`);
}

/** Deletes the admin with its rights and sessions; nothing happens to an address that is no admin. */
export async function deleteSeparateAdmin(tx: Queryable, email: string): Promise<void> {
  const gone = await tx.query(sql`DELETE FROM admin WHERE username = ${email} RETURNING username`);
  if (!gone.length) return;
  await tx.query(sql`DELETE FROM domain_admins WHERE username = ${email}`);
  await endSessions(tx, [email]);
}
