/**
 * Starts our API server for a test file on a fresh database: PGlite in memory, or a new
 * database in the run's PostgreSQL cluster or MariaDB server (see global-setup.ts). Start once per file.
 */
import { DEFAULT_SETTINGS, type ServerSettings } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { openDatabase } from '../../src/server/db/open';
import { type RunningServer, startServer } from '../../src/server/server';
import { scratchMysqlDatabase, scratchPostgresDatabase } from './scratch-databases';

export type Backend = 'pglite' | 'postgres' | 'mysql';
/** Backends of the end-to-end suites (provider, adopt, client, security): each run costs terraform time. */
export const BACKENDS: Backend[] = ['pglite', 'postgres'];
/** Backends of the server suite (test/server): every case on all three. */
export const SERVER_BACKENDS: Backend[] = [...BACKENDS, 'mysql'];

export interface TestServer {
  url: string;
  admin: { email: string; password: string };
  db: Database;
  server: RunningServer;
  close(): Promise<void>;
}

export const TEST_ADMIN = { email: 'postmaster@test.example', password: 'Adm1n!secret' };

/** The variables the provider and `iredadmin adopt` read to reach `server` as its global admin. */
export function adminEnv(server: TestServer): Record<string, string> {
  return {
    IREDADMIN_URL: server.url,
    IREDADMIN_USERNAME: server.admin.email,
    IREDADMIN_PASSWORD: server.admin.password,
  };
}

/** A new, empty, migrated database on the chosen backend. */
export async function createTestDatabase(backend: Backend): Promise<{ db: Database; url: string }> {
  if (backend === 'pglite') return { db: await openDatabase('memory'), url: 'memory' };
  if (backend === 'mysql') {
    const url = await scratchMysqlDatabase('t');
    return { db: await openDatabase(url), url };
  }
  const url = await scratchPostgresDatabase('t');
  return { db: await openDatabase(url), url };
}

export async function startTestServer(opts: {
  backend: Backend;
  settings?: Partial<ServerSettings>;
}): Promise<TestServer> {
  const { db } = await createTestDatabase(opts.backend);
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, enableApi: true, ...opts.settings };
  const server = await startServer({ settings, db, admin: TEST_ADMIN });
  return {
    url: server.url,
    admin: TEST_ADMIN,
    db: heardByServer(db, server),
    server,
    async close() {
      await server.close();
      await db.close();
    },
  };
}

/**
 * `db` whose statements the server has heard of when they return: a test that changes a row
 * with SQL and then GETs it through the API sees the change, as a user of psql would once the
 * NOTIFY arrived (on PostgreSQL that takes a moment; the server's view cache answers until then).
 */
function heardByServer(db: Database, server: RunningServer): Database {
  const query = (async (statement, params) => {
    const rows = await db.query(statement, params);
    await server.changesHeard();
    return rows;
  }) as Database['query'];
  return {
    ...db,
    query,
    async transaction(work) {
      const result = await db.transaction(work);
      await server.changesHeard();
      return result;
    },
  };
}
