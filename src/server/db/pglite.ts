import { PGlite } from '@electric-sql/pglite';
import { type Database, OID, type Row, isoDateTime, postgresStatement } from './database';
import type { Sql } from './sql';

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
  const run = async (target: Pick<PGlite, 'query'>, statement: string | Sql, params?: readonly unknown[]) => {
    const { text, values } = postgresStatement(statement, params);
    return normalizeRows(await target.query(text, values)) as never[];
  };
  return {
    kind: 'pglite',
    dialect: 'postgres',
    query: (statement, params) => run(db, statement, params),
    transaction: (work) => db.transaction((tx) => work({ query: (statement, params) => run(tx, statement, params) })),
    async exec(script) {
      await db.exec(script);
    },
    // One process, one database: a NOTIFY reaches the listener in the same process, before the
    // committing statement's promise resolves, and there is no connection to lose.
    listen: (channel, deliver) => db.listen(channel, deliver),
    close: () => db.close(),
  };
}

/** PGlite hands timestamps back as Dates whatever the parsers say; give them the text form pg gives. */
function normalizeRows(result: { rows: unknown[] }): Row[] {
  const rows = result.rows as Row[];
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (value instanceof Date) row[key] = value.toISOString().slice(0, 19);
    }
  }
  return rows;
}
