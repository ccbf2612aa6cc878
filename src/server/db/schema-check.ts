/**
 * Refuses to start on a database that lacks an iRedMail table or column the server uses:
 * better one clear message at start than a failing request later, in the middle of a write.
 * Each group of tables is checked in the database the server reaches it in (split.ts).
 */
import type { Queryable } from './database';
import { IREDMAIL_TABLES, type IredmailDatabase } from './iredmail-tables';
import { type Dialect, isAnyOf, raw, type Sql, sql } from './sql';
import { SEPARATE_DATABASE_SETTING } from './split';

/** Where iRedMail's installer puts each group of tables; the hint of the error message. */
const WHERE: Record<IredmailDatabase, string> = {
  vmail: "iRedMail's `vmail` database (samples/iredmail/iredmail.pgsql)",
  amavisd: "iRedMail's `amavisd` database (samples/amavisd/amavisd.pgsql)",
  iredapd: "iRedAPD's `iredapd` database (SQL/iredapd.pgsql)",
};

export async function verifyIredmailSchema(q: Queryable): Promise<void> {
  const problems: string[] = [];
  for (const [database, tables] of Object.entries(IREDMAIL_TABLES) as [
    IredmailDatabase,
    Record<string, readonly string[]>,
  ][]) {
    const home = q.database(database);
    const setting =
      database === 'vmail' || home === q.database('vmail') ? undefined : SEPARATE_DATABASE_SETTING[database];
    const present = await columnsIn(home, Object.keys(tables));
    const presentTables = new Set([...present].map((column) => column.split('.')[0]));
    if (setting && presentTables.size === 0) {
      problems.push(
        `the database given with ${setting.flag} (${setting.env}) holds none of its tables: it is not ${WHERE[database]}`,
      );
      continue;
    }
    const given = setting ? ` from the database given with ${setting.flag}` : '';
    for (const [table, columns] of Object.entries(tables)) {
      if (!presentTables.has(table)) {
        problems.push(`table ${table} is missing${given} (iRedMail keeps it in ${WHERE[database]})`);
        continue;
      }
      const missing = columns.filter((c) => !present.has(`${table}.${c}`));
      if (missing.length > 0) problems.push(`table ${table}${given} lacks column(s) ${missing.join(', ')}`);
    }
  }
  if (problems.length > 0)
    throw new Error(
      `the database is not an iRedMail database the server can use: ${problems.join('; ')}. ` +
        "The server never creates or alters iRedMail's tables in a database iRedMail made: apply iRedMail's own " +
        "upgrade scripts, and give amavisd's and iRedAPD's databases with --amavisd-database and --iredapd-database " +
        'when their tables are not in the one given with --database (README: "An existing iRedMail database").',
    );
}

/**
 * `= <the schema the connection's unqualified names resolve to>`, for `table_schema`: through
 * search_path on PostgreSQL, the connection's database on MySQL.
 */
export function visibleSchema(dialect: Dialect): Sql {
  return raw(dialect === 'postgres' ? '= ANY(current_schemas(false))' : '= DATABASE()');
}

/** `table.column` of the given tables the connection's unqualified names resolve to. */
async function columnsIn(q: Queryable, tables: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ t: string; c: string }>(
    sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns
         WHERE table_schema ${visibleSchema(q.dialect)} AND table_name ${isAnyOf(tables)}`,
  );
  return new Set(rows.map((r) => `${r.t}.${r.c}`));
}
