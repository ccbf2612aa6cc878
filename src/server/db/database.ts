import type { IredmailDatabase } from './iredmail-tables';
import type { Dialect, Sql } from './sql';

/**
 * The storage seam: a tiny interface that node-postgres, PGlite and mysql2 satisfy, so every
 * query is plain parameterized SQL and no ORM is needed. A statement is either an `Sql` from the
 * `sql` tagged template (portable: rendered for the backend's dialect) or PostgreSQL text with
 * `$n` parameters (PostgreSQL and PGlite only).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterized statement and returns its rows. */
  query<T extends Row = Row>(statement: string | Sql, params?: readonly unknown[]): Promise<T[]>;
  /** How statements are rendered (PGlite speaks `postgres`); for the rare statement each dialect writes its own way. */
  readonly dialect: Dialect;
  /**
   * Where the tables of one of iRedMail's databases are reached: amavisd's and iRedAPD's tables
   * may live in databases of their own (--amavisd-database, --iredapd-database; see split.ts).
   * In a transaction, that database's statements join the same unit of work. Where all three
   * are one database, this Queryable itself.
   */
  database(name: IredmailDatabase): Queryable;
}

/** A transaction the caller ends itself, with `commit` or `rollback` (once). */
export interface OpenTransaction extends Queryable {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface BeginOptions {
  /**
   * How long a statement waits for a row lock before it fails (PG_LOCK_NOT_AVAILABLE; MySQL's
   * lock wait timeout, in whole seconds), for this transaction only.
   */
  lockTimeoutMs?: number;
}

export type Unlisten = () => Promise<void>;

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Opens a transaction the caller ends: how a transaction spanning databases holds each one's
   * open until all can commit (split.ts). PostgreSQL and MariaDB; PGlite is always one database.
   */
  begin?(options?: BeginOptions): Promise<OpenTransaction>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Delivers the payload of every NOTIFY on `channel` committed by any connection (any server
   * instance on the same database) until the returned stop is called. `lost` is called once when
   * delivery can no longer be promised (the listening connection broke): the caller must then
   * stop trusting what the notifications kept fresh. Absent where the database has no NOTIFY.
   */
  listen?(channel: string, deliver: (payload: string) => void, lost: (error: unknown) => void): Promise<Unlisten>;
  /** How many connections listen through `listen` on this database, every server instance's. */
  countListeners?(): Promise<number>;
  /** `postgres`, `pglite` or `mysql` (MariaDB or MySQL), for logs and diagnostics. */
  readonly kind: 'postgres' | 'pglite' | 'mysql';
}

/**
 * The transaction a driver hands out: `query` runs on its one connection, `end` commits or rolls
 * back and gives the connection back (once: later calls do nothing).
 */
export function openTransaction(
  dialect: Dialect,
  query: Queryable['query'],
  end: (how: 'commit' | 'rollback') => Promise<void>,
): OpenTransaction {
  let ended = false;
  const endOnce = async (how: 'commit' | 'rollback') => {
    if (ended) return;
    ended = true;
    await end(how);
  };
  const tx: OpenTransaction = {
    dialect,
    query,
    database: () => tx,
    commit: () => endOnce('commit'),
    rollback: () => endOnce('rollback'),
  };
  return tx;
}

/**
 * `Database.transaction` on top of `begin`: commits when `work` resolves, rolls back when it
 * throws, and runs it again while `retry` says the failure was the database's choice of victim.
 */
async function runTransaction<T>(
  begin: () => Promise<OpenTransaction>,
  work: (tx: Queryable) => Promise<T>,
  retry: (error: unknown, attempt: number) => boolean = () => false,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const tx = await begin();
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback();
      if (!retry(error, attempt)) throw error;
    }
  }
}

/** What a pooled driver provides; `pooledDatabase` adds the rest of `Database`. */
interface PooledParts extends Omit<Database, 'database' | 'transaction' | 'begin'> {
  begin(options?: BeginOptions): Promise<OpenTransaction>;
  /** Whether a failed transaction is run again (the database chose it as a deadlock victim). */
  retry?: (error: unknown, attempt: number) => boolean;
}

/** A database served by a pool of connections (PostgreSQL, MariaDB): one database of the three. */
export function pooledDatabase({ retry, ...parts }: PooledParts): Database {
  const db: Database = {
    ...parts,
    database: () => db,
    transaction: (work) => runTransaction(parts.begin, work, retry),
  };
  return db;
}

/** PostgreSQL text and parameters of a statement (for the two PostgreSQL drivers). */
export function postgresStatement(
  statement: string | Sql,
  params?: readonly unknown[],
): { text: string; values: unknown[] } {
  if (typeof statement === 'string') return { text: statement, values: params ? [...params] : [] };
  return statement.render('postgres');
}

/** PostgreSQL error codes we translate into API answers (the MySQL driver maps its own errors onto them). */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK = '40P01';
export const PG_INSUFFICIENT_PRIVILEGE = '42501';
export const PG_LOCK_NOT_AVAILABLE = '55P03';

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Type OIDs whose text form we keep as-is (identical results from both drivers). */
export const OID = { int8: 20, timestamp: 1114, timestamptz: 1184, date: 1082, numeric: 1700 } as const;

/** `2026-01-02 03:04:05.678` → `2026-01-02T03:04:05` (Python's isoformat of a naive datetime, as iRedAdmin answers). */
export function isoDateTime(text: string): string {
  return text.replace(' ', 'T').replace(/\.\d+$/, '');
}

/** amavisd's tables (policy, users, mailaddr, wblist, outbound_wblist), wherever they are. */
export const amavisd = (q: Queryable): Queryable => q.database('amavisd');
/** iRedAPD's tables (throttle, throttle_tracking, greylisting*, senderscore_cache), wherever they are. */
export const iredapd = (q: Queryable): Queryable => q.database('iredapd');
