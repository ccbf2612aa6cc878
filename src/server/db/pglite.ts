import { PGlite, type Results } from '@electric-sql/pglite';
import { type Database, OID, type Queryable, type Row, isoDateTime, postgresStatement } from './database';
import { type RunStatement, pgliteProtocol } from './pglite-protocol';

/**
 * Embedded PostgreSQL (WASM). `location` is a data directory, or `memory` for a throwaway
 * database. Start-up takes seconds: open it once per process, never per request.
 */
export async function openPglite(location = 'memory'): Promise<Database> {
  const db = new PGlite(location === 'memory' ? undefined : location, {
    parsers: {
      [OID.int8]: (v: string) => Number(v),
      [OID.timestamp]: (v: string) => isoDateTime(v),
      [OID.timestamptz]: (v: string) => isoDateTime(v),
      [OID.date]: (v: string) => v,
    },
  });
  await db.waitReady;
  const statements = pgliteProtocol(db);
  const query =
    (run: RunStatement): Queryable['query'] =>
    async (statement, params) => {
      const { text, values } = postgresStatement(statement, params);
      return normalizeRows(await run(text, values)) as never[];
    };
  const database: Database = {
    kind: 'pglite',
    dialect: 'postgres',
    query: query(statements.run),
    // PGlite is always one database: iRedMail's amavisd and iRedAPD tables live in it too.
    database: () => database,
    transaction: (work) =>
      statements.transaction((run) => {
        const tx: Queryable = { dialect: 'postgres', query: query(run), database: () => tx };
        return work(tx);
      }),
    async exec(script) {
      await db.exec(script);
    },
    // One process, one database: a NOTIFY reaches the listener in the same process, before the
    // committing statement's promise resolves, and there is no connection to lose.
    listen: (channel, deliver) => db.listen(channel, deliver),
    close: () => db.close(),
  };
  return database;
}

/**
 * PGlite hands timestamps and dates back as Dates whatever the parsers say; give them the text
 * form pg gives (`YYYY-MM-DDTHH:MM:SS`, a DATE column `YYYY-MM-DD`).
 */
function normalizeRows(result: Pick<Results, 'rows' | 'fields'>): Row[] {
  const rows = result.rows as Row[];
  const dates = new Set(result.fields.filter((f) => f.dataTypeID === OID.date).map((f) => f.name));
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (value instanceof Date) row[key] = value.toISOString().slice(0, dates.has(key) ? 10 : 19);
    }
  }
  return rows;
}
