import type { Database } from './database';
import { type MigrateOptions, migrate } from './migrate';
import { connectMysql } from './mysql';
import { openPglite } from './pglite';
import { connectPostgres } from './postgres';
import { SEPARATE_DATABASE_SETTING, type SeparateDatabase, splitDatabase } from './split';

/** URLs of amavisd's and iRedAPD's databases when they are not the main one (iRedMail's installer layout). */
export type SeparateDatabaseUrls = Partial<Record<SeparateDatabase, string>>;

/**
 * Opens the database named by `location` and brings its schema up to date: a `postgres://` /
 * `postgresql://` URL, a `mysql://` / `mariadb://` URL, a PGlite data directory, or `memory`
 * (the default). `separate` names amavisd's and iRedAPD's databases when iRedMail keeps them
 * apart; they are only checked, never migrated (see migrate.ts). `options` are migrate's (change
 * triggers on a database iRedMail made).
 */
export async function openDatabase(
  location = 'memory',
  separate: SeparateDatabaseUrls = {},
  options: MigrateOptions = {},
): Promise<Database> {
  const urls = separateUrls(location, separate);
  const opened: Database[] = [];
  try {
    const vmail = await connect(location);
    opened.push(vmail);
    const others: Partial<Record<SeparateDatabase, Database>> = {};
    for (const [name, url] of urls) opened.push((others[name] = await connect(url)));
    const db = urls.length > 0 ? splitDatabase(vmail, others) : vmail;
    await migrate(db, options);
    return db;
  } catch (error) {
    await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
    throw error;
  }
}

/** The separate databases actually apart from the main one, refused where they cannot work. */
function separateUrls(location: string, separate: SeparateDatabaseUrls): [SeparateDatabase, string][] {
  const main = serverKind(location);
  const urls = (Object.entries(separate) as [SeparateDatabase, string | undefined][]).filter(
    (entry): entry is [SeparateDatabase, string] => !!entry[1] && entry[1] !== location,
  );
  for (const [name, url] of urls) {
    const { flag, env } = SEPARATE_DATABASE_SETTING[name];
    const kind = serverKind(url);
    if (kind === 'pglite')
      throw new Error(`${flag} (${env}) must be a postgres://, mysql:// or mariadb:// URL, got "${redact(url)}"`);
    if (main === 'pglite')
      throw new Error(
        `${flag} (${env}) needs --database postgres://… or mysql://…: embedded PGlite keeps all of iRedMail's tables in one database`,
      );
    if (kind !== main)
      throw new Error(
        `${flag} (${env}) is a ${kind} URL but --database is ${main}: iRedMail keeps its three databases on one server`,
      );
  }
  return urls;
}

function serverKind(location: string): 'postgres' | 'mysql' | 'pglite' {
  if (/^postgres(ql)?:\/\//.test(location)) return 'postgres';
  if (/^(mysql|mariadb):\/\//.test(location)) return 'mysql';
  return 'pglite';
}

/** A URL fit for an error message: its password replaced. */
function redact(url: string): string {
  return url.replace(/:[^:@/]*@/, ':***@');
}

function connect(location: string): Database | Promise<Database> {
  const kind = serverKind(location);
  if (kind === 'postgres') return connectPostgres(location);
  if (kind === 'mysql') return connectMysql(location);
  return openPglite(location);
}
