/**
 * A database made the way iRedMail's installer makes it, from iRedMail's own schema files
 * (test/fixtures/iredmail, see NOTICE.md there), on PGlite or in the run's PostgreSQL cluster.
 * On MariaDB from iRedMail's MySQL files. The three groups of tables go into one database, or
 * (createIredmailDatabases) into three, as iRedMail's installer lays them out (README, "An
 * existing iRedMail database"). Nothing is migrated: the caller starts the server on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../src/server/db/database';
import type { Dialect } from '../../src/server/db/sql';
import { connectMysql } from '../../src/server/db/mysql';
import { openPglite } from '../../src/server/db/pglite';
import { connectPostgres } from '../../src/server/db/postgres';
import type { Backend } from './test-server';
import { scratchMysqlDatabase, scratchPostgresDatabase } from './scratch-databases';

/** As iRedMail's init_vmail_db.sql creates its databases. */
const IREDMAIL_MYSQL_CHARSET = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci';

const FIXTURES = join(__dirname, '..', 'fixtures', 'iredmail');

/** The installer's files per database, in its order (functions/postgresql.sh, mysql.sh, amavisd.sh, iredapd.sh). */
const IREDMAIL_SQL = {
  postgres: {
    vmail: ['vmail/iredmail.pgsql', 'vmail/used_quota_triggers_dovecot_2.4.pgsql'],
    amavisd: ['amavisd/amavisd.pgsql', 'amavisd/default_spam_policy.sql'],
    iredapd: ['iredapd/iredapd.pgsql', 'iredapd/enable_global_greylisting.sql'],
  },
  mysql: {
    vmail: ['vmail/iredmail.mysql'],
    amavisd: ['amavisd/amavisd.mysql', 'amavisd/default_spam_policy.sql'],
    iredapd: ['iredapd/iredapd.mysql', 'iredapd/enable_global_greylisting.sql'],
  },
} as const;

export type IredmailPart = keyof typeof IREDMAIL_SQL.postgres;

function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** iRedMail's add_first_domain_and_user.sql with its placeholders filled in, as the installer does. */
export function firstDomainAndUser(
  dialect: Dialect,
  values: {
    domain: string;
    email: string;
    passwordHash: string;
    name: string;
    maildir: string;
  },
): string {
  return fixture(`vmail/add_first_domain_and_user.${dialect === 'postgres' ? 'pgsql' : 'mysql'}.sql`)
    .replace(/^(\\c|USE) .*$/m, '')
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
  if (backend === 'pglite') {
    const db = await openPglite('memory');
    await loadParts(db, parts);
    return db;
  }
  return (await createServerDatabase(backend, parts)).db;
}

/** iRedMail's three databases, each open with its URL. */
export type IredmailDatabases = Record<IredmailPart, { db: Database; url: string }>;

/** A database of each part on the run's PostgreSQL cluster or MariaDB server: iRedMail installer's layout. */
export async function createIredmailDatabases(backend: Exclude<Backend, 'pglite'>): Promise<IredmailDatabases> {
  return {
    vmail: await createServerDatabase(backend, ['vmail']),
    amavisd: await createServerDatabase(backend, ['amavisd']),
    iredapd: await createServerDatabase(backend, ['iredapd']),
  };
}

/** Closes what createIredmailDatabases opened (nothing when it never ran). */
export async function closeIredmailDatabases(dbs: IredmailDatabases | undefined): Promise<void> {
  if (dbs) await Promise.all(Object.values(dbs).map(({ db }) => db.close()));
}

/** One database on the run's PostgreSQL cluster or MariaDB server holding the parts asked for, and its URL. */
export async function createServerDatabase(
  backend: Exclude<Backend, 'pglite'>,
  parts: readonly IredmailPart[],
): Promise<{ db: Database; url: string }> {
  const url =
    backend === 'mysql'
      ? await scratchMysqlDatabase('iredmail', IREDMAIL_MYSQL_CHARSET)
      : await scratchPostgresDatabase('iredmail', ["bytea_output TO 'escape'"]);
  const db = backend === 'mysql' ? connectMysql(url) : connectPostgres(url);
  await loadParts(db, parts);
  return { db, url };
}

async function loadParts(db: Database, parts: readonly IredmailPart[]): Promise<void> {
  if (db.dialect === 'mysql') {
    for (const part of parts)
      for (const file of IREDMAIL_SQL.mysql[part])
        for (const statement of mysqlStatements(fixture(file))) await db.exec(statement);
    return;
  }
  // amavisd's database is set so by the installer: bytea (users.email) comes back in escape form.
  await db.exec("SET bytea_output TO 'escape'");
  for (const part of parts) for (const file of IREDMAIL_SQL.postgres[part]) await db.exec(fixture(file));
}

/** The statements of a file the `mysql` client would run, its `DELIMITER` switches honoured. */
function mysqlStatements(script: string): string[] {
  const statements: string[] = [];
  let delimiter = ';';
  let current = '';
  for (const line of script.split('\n')) {
    const switched = /^\s*DELIMITER\s+(\S+)\s*$/i.exec(line);
    if (switched) {
      delimiter = switched[1]!;
      continue;
    }
    current += `${line}\n`;
    if (
      line
        .replace(/--\s.*$|--$/, '')
        .trimEnd()
        .endsWith(delimiter)
    ) {
      statements.push(current.trimEnd().slice(0, -delimiter.length));
      current = '';
    }
  }
  return [...statements, current].filter((s) => s.replace(/^\s*--.*$/gm, '').trim() !== '');
}
