/**
 * Throwaway databases on the test run's own PostgreSQL cluster and MariaDB server (started by
 * jest's global-setup): each call makes a new, empty database with a random name and returns
 * its URL.
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';

/** A new database on the test PostgreSQL cluster; `settings` are ALTER DATABASE … SET clauses. */
export async function scratchPostgresDatabase(prefix: string, settings: readonly string[] = []): Promise<string> {
  const clusterUrl = testServerUrl('IREDADMIN_TEST_PG_URL', 'PostgreSQL');
  const name = scratchName(prefix);
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    for (const setting of settings) await admin.query(`ALTER DATABASE ${name} SET ${setting}`);
  } finally {
    await admin.end();
  }
  return withDatabase(clusterUrl, name);
}

/** A new database on the test MariaDB server; `options` follow CREATE DATABASE's name. */
export async function scratchMysqlDatabase(prefix: string, options = 'CHARACTER SET utf8mb4'): Promise<string> {
  const serverUrl = testServerUrl('IREDADMIN_TEST_MYSQL_URL', 'MariaDB');
  const name = scratchName(prefix);
  const admin = await mysql.createConnection({ uri: serverUrl });
  try {
    await admin.query(`CREATE DATABASE ${name} ${options}`);
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}

function testServerUrl(variable: string, what: string): string {
  const url = process.env[variable];
  if (!url) throw new Error(`${variable} is not set: run the tests through jest (global-setup starts ${what})`);
  return url;
}

const scratchName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;
const withDatabase = (serverUrl: string, name: string) => serverUrl.replace(/\/[^/]*$/, `/${name}`);
