/**
 * The database roles iRedMail's installer creates for its three databases, recreated on a test's
 * databases (createIredmailDatabases makes their tables as the cluster's superuser), so the server
 * can be started through them instead of the superuser. README, "Roles and privileges", says the
 * same in prose; a change here is a change there.
 *
 * PostgreSQL (iRedMail's functions/postgresql.sh, amavisd.sh, iredapd.sh): each role owns its
 * database, and its tables, as the installer runs each schema file connected as that role.
 * MariaDB/MySQL (samples/mysql/sql/init_vmail_db.sql, functions/amavisd.sh, iredapd.sh):
 * `vmailadmin` may SELECT, INSERT, UPDATE, DELETE on `vmail.*`, `amavisd` the same on
 * `amavisd.*`, `iredapd` ALL on `iredapd.*`.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/server/db/database';
import type { IredmailPart } from './iredmail-database';

type Part = { db: Database; url: string };

/** What MySQL's installer grants each role on its database, `db.*`. */
const MYSQL_INSTALLER_GRANTS: Record<IredmailPart, string> = {
  vmail: 'SELECT, INSERT, UPDATE, DELETE',
  amavisd: 'SELECT, INSERT, UPDATE, DELETE',
  iredapd: 'ALL',
};

/**
 * What the server needs on MySQL's `vmail` beyond the installer's grants: it creates and later
 * alters its own `iredadmin_api_*` tables there (README gives this GRANT).
 */
export const MYSQL_VMAIL_EXTRA_GRANT = 'CREATE, ALTER, INDEX, REFERENCES';

const roleName = (part: string) => `${part}_${randomBytes(4).toString('hex')}`;
const databaseOf = (url: string) => new URL(url).pathname.slice(1);
const asRole = (url: string, role: string) => url.replace(/\/\/[^@/]*@/, `//${role}@`);

/** A MySQL account that may log in from the test's host, however MariaDB names it. */
async function mysqlUser(db: Database, role: string, grants: string[]): Promise<void> {
  for (const host of ['localhost', '127.0.0.1']) {
    await db.exec(`CREATE USER '${role}'@'${host}'`);
    for (const grant of grants) await db.exec(`${grant} TO '${role}'@'${host}'`);
  }
}

/**
 * The URL of a new role for `part` made as iRedMail's installer makes it; on MySQL's vmail with
 * `MYSQL_VMAIL_EXTRA_GRANT` too unless `installerOnly`.
 */
export async function installerRole(
  part: IredmailPart,
  { db, url }: Part,
  { installerOnly = false } = {},
): Promise<string> {
  const role = roleName(part);
  if (db.dialect === 'mysql') {
    const on = `ON ${databaseOf(url)}.*`;
    const grants = [`GRANT ${MYSQL_INSTALLER_GRANTS[part]} ${on}`];
    if (part === 'vmail' && !installerOnly) grants.push(`GRANT ${MYSQL_VMAIL_EXTRA_GRANT} ${on}`);
    await mysqlUser(db, role, grants);
    return asRole(url, role);
  }
  await db.exec(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  await db.exec(`ALTER DATABASE ${databaseOf(url)} OWNER TO ${role}`);
  // The installer creates the tables as the role; here they were made by the superuser.
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
  );
  for (const { name } of tables) await db.exec(`ALTER TABLE public.${name} OWNER TO ${role}`);
  return asRole(url, role);
}

/**
 * The URL of a new role that may only do `privileges` (e.g. `SELECT`) on the rows of the database's
 * tables; on PostgreSQL, one that may insert also gets `USAGE` on the id sequences (README).
 */
export async function rowsOnlyRole(part: IredmailPart, { db, url }: Part, privileges = 'SELECT'): Promise<string> {
  const role = roleName(`${part}_rows`);
  if (db.dialect === 'mysql') {
    await mysqlUser(db, role, [`GRANT ${privileges} ON ${databaseOf(url)}.*`]);
  } else {
    await db.exec(`CREATE ROLE ${role} LOGIN`);
    await db.exec(`GRANT ${privileges} ON ALL TABLES IN SCHEMA public TO ${role}`);
    if (privileges.includes('INSERT')) await db.exec(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  }
  return asRole(url, role);
}
