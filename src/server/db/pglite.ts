import { PGlite } from '@electric-sql/pglite';
import { Database, OID, isoDateTime } from './database';

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
    async query(sql, params) {
      return (await db.query(sql, params as unknown[] | undefined)).rows as never[];
    },
    transaction: (work) =>
      db.transaction((tx) => work({ query: async (sql, params) => (await tx.query(sql, params as unknown[] | undefined)).rows as never[] })),
    async exec(script) {
      await db.exec(script);
    },
    close: () => db.close(),
  };
}
