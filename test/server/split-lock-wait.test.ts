/**
 * A write spanning iRedMail's databases that meets a row held locked in amavisd's database (by a
 * write breaking split.ts's lock order, or by another program): neither deadlock detector sees a
 * wait across two databases, so without a bound it would hang with vmail's rows locked. It fails
 * after the lock timeout instead, leaves vmail as it was, and goes through once the row is free.
 */
import type { Database, OpenTransaction } from '../../src/server/db/database';
import { connectMysql } from '../../src/server/db/mysql';
import { connectPostgres } from '../../src/server/db/postgres';
import { sql } from '../../src/server/db/sql';
import { splitDatabase } from '../../src/server/db/split';
import { closeIredmailDatabases, createIredmailDatabases, type IredmailDatabases } from '../support/iredmail-database';

const LOCK_TIMEOUT_MS = 1000;
/** MariaDB retries a lock wait timeout as it does a deadlock (mysql.ts: 5 attempts). */
const ATTEMPTS = { postgres: 1, mysql: 5 } as const;

describe.each(['postgres', 'mysql'] as const)('a row locked in amavisd during a split write, on %s', (backend) => {
  let dbs: IredmailDatabases;
  let split: Database;
  beforeAll(async () => {
    dbs = await createIredmailDatabases(backend);
    split = splitDatabase(dbs.vmail.db, { amavisd: dbs.amavisd.db }, { lockTimeoutMs: LOCK_TIMEOUT_MS });
  });
  afterAll(async () => {
    await closeIredmailDatabases(dbs);
  });

  const domains = () => dbs.vmail.db.query(sql`SELECT domain FROM domain WHERE domain = 'locked.example'`);
  /** Adds a domain in vmail, then changes the global spam policy in amavisd: one write across both. */
  const write = () =>
    split.transaction(async (tx) => {
      await tx.query(sql`INSERT INTO domain (domain, description) VALUES ('locked.example', '')`);
      await tx.database('amavisd').query(sql`UPDATE policy SET spam_tag2_level = 6.5 WHERE policy_name = '@.'`);
    });

  test('fails after the lock timeout, naming the database, and vmail is left as it was', async () => {
    const holder: OpenTransaction = await dbs.amavisd.db.begin!();
    try {
      await holder.query(sql`UPDATE policy SET spam_tag2_level = spam_tag2_level WHERE policy_name = '@.'`);
      const started = Date.now();
      await expect(write()).rejects.toThrow(`the amavisd database kept a row locked longer than ${LOCK_TIMEOUT_MS} ms`);
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS * ATTEMPTS[backend] - 100);
      expect(waited).toBeLessThan(LOCK_TIMEOUT_MS * ATTEMPTS[backend] + 5000);
      expect(await domains()).toEqual([]);
    } finally {
      await holder.rollback();
    }
  });

  test('once the row is free the same write goes through in both databases', async () => {
    await write();
    expect(await domains()).toEqual([{ domain: 'locked.example' }]);
    expect(
      await dbs.amavisd.db.query(sql`SELECT spam_tag2_level AS level FROM policy WHERE policy_name = '@.'`),
    ).toEqual([{ level: 6.5 }]);
  });
});

/**
 * The lock wait limit is the split transaction's own: a pooled connection of amavisd's database
 * that served one (committed or rolled back) answers later, unrelated statements with the
 * server's default. MariaDB has no transaction-scoped setting, so this is what keeps its 5 s off
 * everything else.
 */
describe.each(['postgres', 'mysql'] as const)('the lock wait limit of a split transaction, on %s', (backend) => {
  let dbs: IredmailDatabases;
  /** amavisd's database through a pool of one connection: every statement meets the same one. */
  let amavisd: Database;
  let split: Database;
  beforeAll(async () => {
    dbs = await createIredmailDatabases(backend);
    amavisd = backend === 'mysql' ? connectMysql(dbs.amavisd.url, 1) : connectPostgres(dbs.amavisd.url, 1);
    split = splitDatabase(dbs.vmail.db, { amavisd }, { lockTimeoutMs: LOCK_TIMEOUT_MS });
  });
  afterAll(async () => {
    await amavisd?.close();
    await closeIredmailDatabases(dbs);
  });

  /** The connection, its lock wait limit now, and the server's default for it. */
  const LOCK_WAIT = {
    mysql: sql`SELECT CONNECTION_ID() AS connection, @@SESSION.innodb_lock_wait_timeout AS now,
      @@GLOBAL.innodb_lock_wait_timeout AS server_default`,
    postgres: sql`SELECT pg_backend_pid() AS connection, current_setting('lock_timeout') AS now,
      reset_val AS server_default FROM pg_settings WHERE name = 'lock_timeout'`,
  }[backend];
  /** The limit split.ts sets, as each database reports it. */
  const LIMITED = { mysql: LOCK_TIMEOUT_MS / 1000, postgres: `${LOCK_TIMEOUT_MS / 1000}s` }[backend];
  type LockWait = { connection: number; now: unknown; server_default: unknown };

  test.each(['committed', 'rolled back'] as const)('is gone once the transaction is %s', async (ending) => {
    const [before] = await amavisd.query<LockWait>(LOCK_WAIT);
    let inside: LockWait | undefined;
    const transaction = split.transaction(async (tx) => {
      [inside] = await tx.database('amavisd').query<LockWait>(LOCK_WAIT);
      if (ending === 'rolled back') throw new Error('the work failed');
    });
    if (ending === 'committed') await transaction;
    else await expect(transaction).rejects.toThrow('the work failed');
    const [after] = await amavisd.query<LockWait>(LOCK_WAIT);

    expect(inside).toMatchObject({ connection: before?.connection, now: LIMITED });
    expect(after).toEqual({ ...before, now: before?.server_default });
  });
});
