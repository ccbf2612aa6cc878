import { type Database, PG_INSUFFICIENT_PRIVILEGE, pgErrorCode, type Queryable } from './database';
import { vmail } from './migrations/001-vmail';
import { policy } from './migrations/002-policy';
import { api } from './migrations/003-api';
import { mailingLists } from './migrations/004-mailing-lists';
import { greylisting } from './migrations/005-greylisting';
import { accountChangeNotifications } from './migrations/006-account-change-notifications';
import { columnTypes } from './migrations/types';
import { iredmailShape } from './migrations/007-iredmail-shape';
import { attemptKeys } from './migrations/008-attempt-keys';
import { subscribersWithoutListKey } from './migrations/009-subscribers-without-list-key';
import { sessionPasswordFingerprints } from './migrations/010-session-password-fingerprints';
import { iredmailColumnTypes } from './migrations/011-iredmail-column-types';
import { viewChangeNotifications } from './migrations/012-view-change-notifications';
import { cheaperViewChangeNotifications } from './migrations/013-cheaper-view-change-notifications';
import { iredmailIndexes, refuseDuplicateKeys } from './migrations/014-iredmail-indexes';
import { attemptWindowIndex } from './migrations/015-attempt-window-index';
import { verifyIredmailSchema } from './schema-check';
import { SEPARATE_DATABASE_SETTING, separateDatabases } from './split';
import { isIredmailTableTrigger, reconcileChangeTriggers } from './change-triggers';
import { splitStatements } from './split-statements';
import { type Dialect, raw, sql, transactionLock } from './sql';

interface Migration {
  version: number;
  name: string;
  ddl: (dialect: Dialect) => string;
  /**
   * Creates or reshapes iRedMail's own tables, not ours. On a database iRedMail made, such a
   * migration is recorded as adopted and never run: iRedMail's tables are left exactly as they are.
   */
  iredmailTables?: true;
  /** Runs before the DDL, when it runs: throws to refuse the database, before anything is changed. */
  precondition?: (tx: Queryable) => Promise<void>;
}

/** Ordered, append-only: a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'vmail', ddl: vmail, iredmailTables: true },
  { version: 2, name: 'amavisd policy and iRedAPD throttle', ddl: policy, iredmailTables: true },
  { version: 3, name: 'api sessions', ddl: api },
  { version: 4, name: 'mailing list subscribers', ddl: mailingLists },
  { version: 5, name: 'iRedAPD greylisting and sender score', ddl: greylisting, iredmailTables: true },
  // Ours: triggers that NOTIFY our session cache. Those on iRedMail's tables stay on a database
  // iRedMail made only with CHANGE_TRIGGERS (reconciled at every start: change-triggers.ts).
  { version: 6, name: 'account change notifications', ddl: accountChangeNotifications },
  { version: 7, name: "vmail in iRedMail's current shape", ddl: iredmailShape, iredmailTables: true },
  { version: 8, name: 'attempt counters per account', ddl: attemptKeys },
  { version: 9, name: 'list subscribers without a key on maillists', ddl: subscribersWithoutListKey },
  { version: 10, name: 'session password fingerprints', ddl: sessionPasswordFingerprints },
  { version: 11, name: "iRedMail's column types on MySQL", ddl: iredmailColumnTypes, iredmailTables: true },
  // Ours: triggers that NOTIFY our view cache, all on iRedMail's tables: reconciled like 006's.
  { version: 12, name: 'view change notifications', ddl: viewChangeNotifications },
  // Ours: 012's trigger function, reading the columns its triggers name instead of the whole row.
  { version: 13, name: 'cheaper view change notifications', ddl: cheaperViewChangeNotifications },
  {
    version: 14,
    name: "iRedMail's keys and indexes",
    ddl: iredmailIndexes,
    iredmailTables: true,
    precondition: refuseDuplicateKeys,
  },
  { version: 15, name: 'attempt counters by window start', ddl: attemptWindowIndex },
];

export interface MigrateOptions {
  /**
   * On a database iRedMail made: keep migration 006's NOTIFY triggers on iRedMail's `admin`,
   * `mailbox` and `domain_admins`, and 012's on the tables the cached views read (CHANGE_TRIGGERS).
   * Off, none of ours stays on iRedMail's tables.
   * A database our migrations made always has them.
   */
  changeTriggers?: boolean;
}

/**
 * Brings the schema up to date, serialized across servers starting at once on one database: our
 * own tables always, iRedMail's only when we made them. On a database iRedMail made (its
 * `mailbox` table is there before our first migration), iRedMail's tables are only checked,
 * never created or altered. Either way the server refuses to start when a table or column it
 * uses is missing (see schema-check.ts).
 * On PostgreSQL it is one transaction; MySQL commits each DDL statement by itself, so there a
 * migration interrupted half-way is finished by the next start (every statement is IF NOT EXISTS),
 * and who made vmail's tables is recorded before any of them is made (VMAIL_ORIGIN).
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<number[]> {
  return migrateOnce(db, options).catch((error: unknown) => {
    if (pgErrorCode(error) !== PG_INSUFFICIENT_PRIVILEGE || !(error instanceof Error)) throw error;
    throw new Error(`${error.message}: ${PRIVILEGE_HINT[db.dialect]}`, { cause: error });
  });
}

/** What a start refused for a missing privilege tells the operator (README, "Roles and privileges"). */
const PRIVILEGE_HINT: Record<Dialect, string> = {
  postgres:
    "the role of --database must own the vmail database and iRedMail's tables in it (iRedMail's vmailadmin does), " +
    'and the roles of --amavisd-database and --iredapd-database may at least SELECT ' +
    'their tables; see the README, "Roles and privileges"',
  mysql:
    "the role of --database needs, beside iRedMail's SELECT, INSERT, UPDATE, DELETE on the vmail database, " +
    'GRANT CREATE, ALTER, INDEX, REFERENCES ON vmail.* (for the tables of its own it keeps there), and the roles of ' +
    '--amavisd-database and --iredapd-database may at least SELECT their tables; see the README, "Roles and privileges"',
};

async function migrateOnce(db: Database, options: MigrateOptions): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(transactionLock('iredadmin_api_migrations'));
    const recorded = (await hasTable(tx, db.dialect, 'iredadmin_api_migrations'))
      ? await recordedMigrations(tx, db.dialect)
      : new Map<number, boolean>();
    // Whether iRedMail made vmail's tables: decided by the first start and recorded. Databases an
    // earlier version migrated hold it only as migration 001's record.
    const iredmailMadeTables =
      recorded.get(1) ?? recorded.get(VMAIL_ORIGIN) ?? (await recordVmailOrigin(tx, db.dialect));
    if (!iredmailMadeTables) refuseSeparateDatabases(tx);
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (recorded.has(m.version)) continue;
      const adopt = m.iredmailTables === true && iredmailMadeTables;
      if (!adopt) {
        await m.precondition?.(tx);
        for (const statement of splitStatements(m.ddl(db.dialect)))
          if (!(iredmailMadeTables && isIredmailTableTrigger(statement))) await tx.query(raw(statement));
      }
      await tx.query(
        sql`INSERT INTO iredadmin_api_migrations (version, name, adopted) VALUES (${m.version}, ${m.name}, ${adopt ? 1 : 0})`,
      );
      applied.push(m.version);
    }
    // On a database iRedMail made, our triggers on its tables follow the setting (the migrations
    // above left them out): added here when wanted, removed if an earlier version put them there.
    if (iredmailMadeTables) await reconcileChangeTriggers(tx, options.changeTriggers === true);
    await verifyIredmailSchema(tx);
    return applied;
  });
}

/**
 * The version of the record, before migration 001's, of who made vmail's tables: adopted = 1 when
 * iRedMail did, 0 when our migrations make them. Not a migration: nothing runs for it.
 *
 * MySQL commits each DDL statement at once, so a first start interrupted in migration 001 leaves
 * some of vmail's tables, `mailbox` perhaps among them, and no record of 001: the same traces as
 * a start interrupted on a database iRedMail made. This record tells the next start which it was.
 */
export const VMAIL_ORIGIN = 0;

/** version → adopted, of every migration recorded (and of VMAIL_ORIGIN, when recorded). */
async function recordedMigrations(tx: Queryable, dialect: Dialect): Promise<Map<number, boolean>> {
  // A table made before adoption existed lacks the column.
  await tx.query(raw(`ALTER TABLE iredadmin_api_migrations ADD COLUMN IF NOT EXISTS ${adoptedColumn(dialect)}`));
  const rows = await tx.query<{ version: number; adopted: number }>(
    raw('SELECT version, adopted FROM iredadmin_api_migrations'),
  );
  return new Map(rows.map((r) => [r.version, Number(r.adopted) === 1]));
}

/** 1 when the migration's tables were iRedMail's and it was recorded without running. */
const adoptedColumn = (dialect: Dialect) => `adopted ${columnTypes(dialect).flag} NOT NULL DEFAULT 0`;

/**
 * The first start's decision, made where no start recorded it yet: whether iRedMail made vmail's
 * tables (its `mailbox` is there). A start of this version records it before any DDL of ours on
 * vmail runs (on MySQL, the first such statement commits the INSERT before it runs), so no
 * `mailbox` of ours can be there yet; only a first start of an earlier version, interrupted in
 * 001 on MySQL, left one without any record, and that one is taken for iRedMail's and verified.
 */
async function recordVmailOrigin(tx: Queryable, dialect: Dialect): Promise<boolean> {
  const iredmailMade = await hasTable(tx, dialect, 'mailbox');
  // A database iRedMail made is checked before anything of ours is written: MySQL commits DDL
  // at once, and a refused start must leave nothing behind.
  if (iredmailMade) await verifyIredmailSchema(tx);
  else refuseSeparateDatabases(tx);
  await tx.query(
    raw(`CREATE TABLE IF NOT EXISTS iredadmin_api_migrations (
      version INT PRIMARY KEY, name TEXT NOT NULL,
      applied ${columnTypes(dialect).createdNow}, ${adoptedColumn(dialect)})`),
  );
  const name = iredmailMade ? "vmail's tables made by iRedMail (adopted)" : "vmail's tables made by this server";
  await tx.query(
    sql`INSERT INTO iredadmin_api_migrations (version, name, adopted) VALUES (${VMAIL_ORIGIN}, ${name}, ${iredmailMade ? 1 : 0})`,
  );
  return iredmailMade;
}

/**
 * amavisd's and iRedAPD's databases of their own are iRedMail's installer layout: only beside a
 * vmail database iRedMail made (whose tables are adopted). On a vmail database this server made,
 * iRedMail's tables were created in it, amavisd's and iRedAPD's included.
 */
function refuseSeparateDatabases(tx: Queryable): void {
  const apart = separateDatabases(tx);
  if (apart.length === 0) return;
  const flags = apart.map((name) => `${SEPARATE_DATABASE_SETTING[name].flag} (${SEPARATE_DATABASE_SETTING[name].env})`);
  throw new Error(
    `${flags.join(' and ')} name databases iRedMail's installer made, beside its vmail database, but the database ` +
      'given with --database has no iRedMail tables of its own (it is empty or was made by this server, which keeps ' +
      'all tables in it): give --database the vmail database iRedMail made, or leave those settings out',
  );
}

/** Whether `name` resolves to a table: through search_path on PostgreSQL, in the current database on MySQL. */
async function hasTable(tx: Queryable, dialect: Dialect, name: string): Promise<boolean> {
  const [row] = await tx.query<{ found: number }>(
    dialect === 'postgres'
      ? sql`SELECT COUNT(*)::int AS found FROM (SELECT to_regclass(${name}) AS t) r WHERE t IS NOT NULL`
      : sql`SELECT COUNT(*) AS found FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ${name}`,
  );
  return Number(row?.found) > 0;
}
