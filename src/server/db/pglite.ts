import { PGlite } from '@electric-sql/pglite';
import { type Database, OID, type Row, isoDateTime } from './database';

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
  return {
    kind: 'pglite',
    query: async (sql, params) => normalizeRows(await db.query(sql, params as unknown[] | undefined)) as never[],
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async (sql, params) => normalizeRows(await tx.query(sql, params as unknown[] | undefined)) as never[],
        }),
      ),
    async exec(script) {
      await db.exec(script);
    },
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
