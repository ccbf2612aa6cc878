import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { connectPostgres } from './postgres';

/**
 * Opens the database named by `location` and brings its schema up to date:
 * a `postgres://` / `postgresql://` URL, a PGlite data directory, or `memory` (the default).
 */
export async function openDatabase(location = 'memory'): Promise<Database> {
  const db = /^postgres(ql)?:\/\//.test(location) ? connectPostgres(location) : await openPglite(location);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
