import type { Database } from './database';
import { migrate } from './migrate';
import { connectMysql } from './mysql';
import { openPglite } from './pglite';
import { connectPostgres } from './postgres';

/**
 * Opens the database named by `location` and brings its schema up to date: a `postgres://` /
 * `postgresql://` URL, a `mysql://` / `mariadb://` URL, a PGlite data directory, or `memory`
 * (the default).
 */
export async function openDatabase(location = 'memory'): Promise<Database> {
  const db = await connect(location);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

function connect(location: string): Database | Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(location)) return connectPostgres(location);
  if (/^(mysql|mariadb):\/\//.test(location)) return connectMysql(location);
  return openPglite(location);
}
