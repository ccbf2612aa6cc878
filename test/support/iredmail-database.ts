/**
 * A database made the way iRedMail's installer makes it, from iRedMail's own schema files
 * (test/fixtures/iredmail, see NOTICE.md there), on PGlite or in the run's PostgreSQL cluster.
 * All three groups of tables go into one database: the layout the server supports (README,
 * "An existing iRedMail database"). Nothing is migrated: the caller starts the server on it.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/server/db/database';
import { openPglite } from '../../src/server/db/pglite';
import { connectPostgres } from '../../src/server/db/postgres';
import type { Backend } from './test-server';

const FIXTURES = join(__dirname, '..', 'fixtures', 'iredmail');

/** The installer's files per database, in its order (functions/postgresql.sh, amavisd.sh, iredapd.sh). */
export const IREDMAIL_PGSQL = {
  vmail: ['vmail/iredmail.pgsql', 'vmail/used_quota_triggers_dovecot_2.4.pgsql'],
  amavisd: ['amavisd/amavisd.pgsql', 'amavisd/default_spam_policy.sql'],
  iredapd: ['iredapd/iredapd.pgsql', 'iredapd/enable_global_greylisting.sql'],
} as const;

export type IredmailPart = keyof typeof IREDMAIL_PGSQL;

function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** iRedMail's add_first_domain_and_user.sql with its placeholders filled in, as the installer does. */
export function firstDomainAndUser(values: {
  domain: string;
  email: string;
  passwordHash: string;
  name: string;
  maildir: string;
}): string {
  return fixture('vmail/add_first_domain_and_user.pgsql.sql')
    .replace(/^\\c .*$/m, '')
    .replaceAll('PH_FIRST_DOMAIN', values.domain)
    .replaceAll('PH_TRANSPORT', 'dovecot')
    .replaceAll('PH_DOMAIN_ADMIN_EMAIL', values.email)
    .replaceAll('PH_DOMAIN_ADMIN_PASSWD_HASH', values.passwordHash)
    .replaceAll('PH_DOMAIN_ADMIN_NAME', values.name)
    .replaceAll('PH_DOMAIN_ADMIN_MAILDIR_HASH_PART', values.maildir);
}

/** A new database holding iRedMail's tables (the parts asked for), not migrated by us. */
export async function createIredmailDatabase(
  backend: Backend,
  parts: readonly IredmailPart[] = ['vmail', 'amavisd', 'iredapd'],
): Promise<Database> {
  if (backend === 'mysql') throw new Error('iRedMail database from the MySQL schema files: not built yet');
  const db = backend === 'pglite' ? await openPglite('memory') : connectPostgres(await createClusterDatabase());
  // amavisd's database is set so by the installer: bytea (users.email) comes back in escape form.
  await db.exec("SET bytea_output TO 'escape'");
  for (const part of parts) for (const file of IREDMAIL_PGSQL[part]) await db.exec(fixture(file));
  return db;
}

async function createClusterDatabase(): Promise<string> {
  const clusterUrl = process.env.IREDADMIN_TEST_PG_URL;
  if (!clusterUrl)
    throw new Error('IREDADMIN_TEST_PG_URL is not set: run the tests through jest (global-setup starts PostgreSQL)');
  const name = `iredmail_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.query(`ALTER DATABASE ${name} SET bytea_output TO 'escape'`);
  } finally {
    await admin.end();
  }
  return clusterUrl.replace(/\/[^/]*$/, `/${name}`);
}
