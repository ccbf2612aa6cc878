/** Starts the API server on a database: the programmatic entry point the CLI and tests share. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { ensureGlobalAdmin } from './bootstrap';
import type { ServerSettings } from './config';
import type { Database } from './db/database';
import { type SeparateDatabaseUrls, openDatabase } from './db/open';

export interface StartOptions {
  settings: ServerSettings;
  /** postgres:// or mysql:// URL, PGlite data directory, or `memory`. Ignored when `db` is given. */
  database?: string;
  /** amavisd's and iRedAPD's databases when iRedMail keeps them apart from `database`. Ignored when `db` is given. */
  separateDatabases?: SeparateDatabaseUrls;
  db?: Database;
  host?: string;
  port?: number;
  admin?: { email: string; password: string };
  /** Where unexpected errors are reported (default: stderr). */
  logError?: (message: string, error: unknown) => void;
  /** Where start-up notes go (default: stderr). */
  logNote?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: Database;
  /**
   * Resolves once every change committed so far (by anyone: another instance, psql) has reached
   * every instance's caches: after it, no instance answers from a view the change made stale.
   */
  changesHeard(): Promise<void>;
  /** Stops accepting requests, finishes those in flight, closes the database (if we opened it). */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const ownsDb = !options.db;
  const db =
    options.db ??
    (await openDatabase(options.database ?? 'memory', options.separateDatabases, {
      changeTriggers: options.settings.changeTriggers,
    }));
  // A read-only server writes nothing of iRedMail's, the bootstrap admin included.
  if (options.admin && !options.settings.readOnly)
    await ensureGlobalAdmin(db, options.admin.email, options.admin.password, options.settings.defaultPasswordScheme);
  const app = await buildApp({
    db,
    settings: options.settings,
    logError: options.logError,
    logNote: options.logNote,
  });
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    app,
    db,
    changesHeard: () => app.changesHeard(),
    async close() {
      await app.close();
      if (ownsDb) await db.close();
    },
  };
}
