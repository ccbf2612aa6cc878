/**
 * A first start interrupted half-way, its connection lost as when the server is killed: on MariaDB,
 * which commits each DDL statement at once and so keeps what ran, and on PostgreSQL, which rolls
 * the whole migration back. The next start completes it, to the schema and rows an uninterrupted
 * start makes, and the API works. On an empty database it makes vmail's tables (a half-made
 * `mailbox` is not taken for iRedMail's); on a database iRedMail made it adopts them, checked.
 */
import { DEFAULT_SETTINGS } from '../../src/server/config';
import type { Database, Queryable, Row } from '../../src/server/db/database';
import { MIGRATIONS, VMAIL_ORIGIN, migrate } from '../../src/server/db/migrate';
import { connectMysql } from '../../src/server/db/mysql';
import { connectPostgres } from '../../src/server/db/postgres';
import { visibleSchema } from '../../src/server/db/schema-check';
import { type Sql, sql } from '../../src/server/db/sql';
import { startServer } from '../../src/server/server';
import { ApiSession } from '../support/api';
import { createServerDatabase } from '../support/iredmail-database';
import { schemaOf } from '../support/schema-of';
import { scratchMysqlDatabase, scratchPostgresDatabase } from '../support/scratch-databases';
import { tcpProxy } from '../support/tcp-proxy';
import { TEST_ADMIN } from '../support/test-server';

/** The backends a connection can be cut on (PGlite runs in-process, and rolls back like PostgreSQL). */
const CUTTABLE = ['mysql', 'postgres'] as const;
type Cuttable = (typeof CUTTABLE)[number];

/** Where a first start is cut: right after the `nth` (default 1st) statement whose text matches. */
interface Cut {
  what: string;
  after: RegExp;
  nth?: number;
}

const RECORD = /^INSERT INTO iredadmin_api_migrations/;

/** The cut of the hole this file was written for: on MariaDB the traces of a database iRedMail made. */
const AFTER_OUR_MAILBOX: Cut = {
  what: "in 001: vmail's mailbox made, 001 not recorded",
  after: /^CREATE TABLE IF NOT EXISTS mailbox /,
};

const ON_EMPTY: Cut[] = [
  {
    what: 'our migrations table made, who made vmail not yet recorded',
    after: /^CREATE TABLE IF NOT EXISTS iredadmin_api_migrations/,
  },
  { what: 'in 001: its first table made', after: /^CREATE TABLE IF NOT EXISTS admin / },
  AFTER_OUR_MAILBOX,
  { what: "in 002: amavisd's default policy inserted", after: /^INSERT INTO policy / },
  { what: 'in 007: a mailbox column reshaped', after: /^ALTER TABLE mailbox / },
  { what: "every migration run, the last ones' records not committed", after: RECORD, nth: MIGRATIONS.length + 1 },
];

const ON_IREDMAIL: Cut[] = [
  {
    what: 'our migrations table made, the adoption not yet recorded',
    after: /^CREATE TABLE IF NOT EXISTS iredadmin_api_migrations/,
  },
  { what: "001's adoption recorded, not committed", after: RECORD, nth: 2 },
  {
    what: 'our first own table made (on MariaDB, committing the adoption)',
    after: /^CREATE TABLE IF NOT EXISTS iredadmin_api_sessions /,
  },
];

const settings = { ...DEFAULT_SETTINGS, enableApi: true };

function connect(backend: Cuttable, url: string): Database {
  return backend === 'mysql' ? connectMysql(url) : connectPostgres(url);
}

/** An empty database, and its URL. */
async function emptyDatabase(backend: Cuttable): Promise<{ db: Database; url: string }> {
  const url = backend === 'mysql' ? await scratchMysqlDatabase('cut') : await scratchPostgresDatabase('cut');
  return { db: connect(backend, url), url };
}

/**
 * Migrates the database at `url` through a proxy that drops the connection right after the cut's
 * statement returns: the database server keeps what was committed and rolls back the rest.
 */
async function interruptedFirstStart(backend: Cuttable, url: string, cut: Cut): Promise<void> {
  const proxy = await tcpProxy(url);
  const db = connect(backend, proxy.url);
  let seen = 0;
  const cutAfter = (tx: Queryable): Queryable => {
    const cutting: Queryable = {
      dialect: tx.dialect,
      database: () => cutting,
      async query<T extends Row>(statement: string | Sql, params?: readonly unknown[]): Promise<T[]> {
        const rows = await tx.query<T>(statement, params);
        const text = typeof statement === 'string' ? statement : statement.render(tx.dialect).text;
        if (cut.after.test(text) && ++seen === (cut.nth ?? 1)) await proxy.cut();
        return rows;
      },
    };
    return cutting;
  };
  try {
    await expect(
      migrate({ ...db, transaction: (work) => db.transaction((tx) => work(cutAfter(tx))) }),
    ).rejects.toThrow();
    expect(seen).toBe(cut.nth ?? 1);
  } finally {
    await proxy.cut();
    await db.close().catch(() => undefined);
  }
}

/** What a start leaves: the whole schema, ours included, the migrations recorded and the rows migrations insert. */
async function madeBy(db: Database) {
  return {
    schema: await schemaOf(db, 'all'),
    recorded: await db.query(sql`SELECT version, name, adopted FROM iredadmin_api_migrations ORDER BY version`),
    policies: await db.query(sql`SELECT policy_name FROM policy ORDER BY id`),
    policyUsers: await db.query(sql`SELECT priority, policy_id FROM users ORDER BY id`),
    greylisting: await db.query(sql`SELECT account, sender, active FROM greylisting ORDER BY id`),
  };
}

async function tablesOf(db: Database): Promise<string[]> {
  const rows = await db.query<{ t: string }>(
    sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema ${visibleSchema(db.dialect)} ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

/** The API on `db` works: its first admin makes a domain and a user in it, and reads the user back. */
async function expectWorkingApi(db: Database): Promise<void> {
  const server = await startServer({ settings, db, admin: TEST_ADMIN });
  try {
    const api = new ApiSession(server.url);
    expect(await api.login(TEST_ADMIN.email, TEST_ADMIN.password)).toMatchObject({ _success: true });
    await api.ok('POST', '/api/domain/resumed.example', {});
    await api.ok('POST', '/api/user/jane@resumed.example', { password: 'Resumed!pw123', name: 'Jane' });
    expect(await api.ok('GET', '/api/user/jane@resumed.example')).toMatchObject({ name: 'Jane' });
  } finally {
    await server.close();
  }
}

describe.each(CUTTABLE)('a first start on an empty database interrupted on %s', (backend) => {
  let clean: Awaited<ReturnType<typeof madeBy>>;

  beforeAll(async () => {
    const { db } = await emptyDatabase(backend);
    try {
      await migrate(db);
      clean = await madeBy(db);
    } finally {
      await db.close();
    }
  });

  test.each(ON_EMPTY)('$what: the next start completes it, as an uninterrupted start would have', async (cut) => {
    const { db, url } = await emptyDatabase(backend);
    try {
      await interruptedFirstStart(backend, url, cut);
      await migrate(db);
      expect(await madeBy(db)).toEqual(clean);
      await expectWorkingApi(db);
    } finally {
      await db.close();
    }
  });

  test("interrupted in 001 it leaves a mailbox without 001's record on MariaDB, nothing on PostgreSQL", async () => {
    const { db, url } = await emptyDatabase(backend);
    try {
      await interruptedFirstStart(backend, url, AFTER_OUR_MAILBOX);
      if (backend === 'mysql') {
        // What a database iRedMail made would show too, but for the record of who made vmail's tables.
        expect(await tablesOf(db)).toEqual(expect.arrayContaining(['admin', 'mailbox', 'iredadmin_api_migrations']));
        expect(await db.query(sql`SELECT version, adopted FROM iredadmin_api_migrations`)).toEqual([
          { version: VMAIL_ORIGIN, adopted: 0 },
        ]);
      } else expect(await tablesOf(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe.each(CUTTABLE)('a first start on a database iRedMail made interrupted on %s', (backend) => {
  let clean: Awaited<ReturnType<typeof madeBy>>;

  beforeAll(async () => {
    const { db } = await createServerDatabase(backend, ['vmail', 'amavisd', 'iredapd']);
    try {
      await migrate(db);
      clean = await madeBy(db);
    } finally {
      await db.close();
    }
  });

  test.each(ON_IREDMAIL)(
    "$what: the next start adopts iRedMail's tables, as an uninterrupted start would have",
    async (cut) => {
      const { db, url } = await createServerDatabase(backend, ['vmail', 'amavisd', 'iredapd']);
      try {
        await interruptedFirstStart(backend, url, cut);
        await migrate(db);
        expect(await madeBy(db)).toEqual(clean);
        expect(clean.recorded).toContainEqual(expect.objectContaining({ version: 1, adopted: 1 }));
        await expectWorkingApi(db);
      } finally {
        await db.close();
      }
    },
  );

  test.each(ON_IREDMAIL)("$what: the next start still checks iRedMail's tables", async (cut) => {
    const { db, url } = await createServerDatabase(backend, ['vmail', 'amavisd', 'iredapd']);
    try {
      await interruptedFirstStart(backend, url, cut);
      await db.exec('ALTER TABLE mailbox DROP COLUMN maildir');
      await expect(migrate(db)).rejects.toThrow(/table mailbox lacks column\(s\) maildir/);
    } finally {
      await db.close();
    }
  });
});
