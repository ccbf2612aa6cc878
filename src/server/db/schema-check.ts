/**
 * Refuses to start on a database that lacks an iRedMail table or column the server uses:
 * better one clear message at start than a failing request later, in the middle of a write.
 */
import type { Queryable } from './database';
import { IREDMAIL_TABLES, type IredmailDatabase } from './iredmail-tables';
import { type Dialect, isAnyOf, raw, sql } from './sql';

/** Where iRedMail's installer puts each group of tables; the hint of the error message. */
const WHERE: Record<IredmailDatabase, string> = {
  vmail: "iRedMail's `vmail` database (samples/iredmail/iredmail.pgsql)",
  amavisd: "iRedMail's `amavisd` database (samples/amavisd/amavisd.pgsql)",
  iredapd: "iRedAPD's `iredapd` database (SQL/iredapd.pgsql)",
};

export async function verifyIredmailSchema(q: Queryable, dialect: Dialect): Promise<void> {
  const wanted = Object.values(IREDMAIL_TABLES).flatMap((tables) => Object.keys(tables));
  // The tables the server's unqualified names resolve to: through search_path on PostgreSQL,
  // in the connection's database on MySQL.
  const visible = dialect === 'postgres' ? raw('= ANY(current_schemas(false))') : raw('= DATABASE()');
  const rows = await q.query<{ t: string; c: string }>(
    sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns
         WHERE table_schema ${visible} AND table_name ${isAnyOf(wanted)}`,
  );
  const present = new Set(rows.map((r) => `${r.t}.${r.c}`));
  const presentTables = new Set(rows.map((r) => r.t));
  const problems: string[] = [];
  for (const [database, tables] of Object.entries(IREDMAIL_TABLES) as [
    IredmailDatabase,
    Record<string, readonly string[]>,
  ][]) {
    for (const [table, columns] of Object.entries(tables)) {
      if (!presentTables.has(table)) {
        problems.push(`table ${table} is missing (iRedMail keeps it in ${WHERE[database]})`);
        continue;
      }
      const missing = columns.filter((c) => !present.has(`${table}.${c}`));
      if (missing.length > 0) problems.push(`table ${table} lacks column(s) ${missing.join(', ')}`);
    }
  }
  if (problems.length > 0)
    throw new Error(
      `the database is not an iRedMail database the server can use: ${problems.join('; ')}. ` +
        "The server never creates or alters iRedMail's tables in a database iRedMail made: apply iRedMail's own " +
        'upgrade scripts, and make the amavisd and iredapd tables reachable from the one database the server is given ' +
        '(README: "An existing iRedMail database").',
    );
}
