/**
 * The MariaDB backend's driver and dialect seam: migrations, parameter rendering, arrays of
 * subqueries, upserts, error codes and transaction locks behave as on PostgreSQL.
 */
import { PG_UNIQUE_VIOLATION, pgErrorCode, type Database } from '../../src/server/db/database';
import { MIGRATIONS, VMAIL_ORIGIN } from '../../src/server/db/migrate';
import {
  arrayOf,
  asNumber,
  distinctFrom,
  epochOf,
  now,
  typed,
  excluded,
  insertSkippingDuplicates,
  isAnyOf,
  onDuplicateSkip,
  onDuplicateUpdate,
  secondsFromNow,
  sql,
  transactionLock,
} from '../../src/server/db/sql';
import { type Backend, createTestDatabase } from '../support/test-server';

describe.each<Backend>(['mysql', 'postgres', 'pglite'])('the SQL seam on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = (await createTestDatabase(backend)).db;
  });
  afterAll(() => db?.close());

  test('every migration is applied once', async () => {
    const rows = await db.query<{ version: number }>(
      sql`SELECT version FROM iredadmin_api_migrations ORDER BY version`,
    );
    expect(rows.map((r) => r.version)).toEqual([VMAIL_ORIGIN, ...MIGRATIONS.map((m) => m.version)]);
    const seeded = await db.query<{ email: Buffer }>(sql`SELECT email FROM users WHERE priority = ${0}`);
    expect(seeded.map((r) => Buffer.from(r.email).toString())).toEqual(['@.']);
  });

  test('values, lists, arrays of subqueries and timestamps read back alike', async () => {
    await db.query(sql`INSERT INTO domain (domain, description) VALUES (${'a.example'}, ${'it\'s "quoted"'})`);
    await db.query(sql`INSERT INTO domain_admins (username, domain) VALUES (${'x@a.example'}, ${'a.example'})`);
    await db.query(sql`INSERT INTO domain_admins (username, domain) VALUES (${'b@a.example'}, ${'a.example'})`);
    const rows = await db.query(
      sql`SELECT d.domain, d.description, d.created, d.maxquota,
        ${arrayOf('admins', 'username', 'FROM domain_admins WHERE domain = d.domain')},
        ${arrayOf('none', 'username', "FROM domain_admins WHERE domain = 'nowhere'")}
        FROM domain d WHERE d.domain ${isAnyOf(['a.example', 'b.example'])} AND NOT (d.domain ${isAnyOf([])})`,
    );
    expect(rows).toEqual([
      {
        domain: 'a.example',
        description: 'it\'s "quoted"',
        created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
        maxquota: 0,
        admins: ['b@a.example', 'x@a.example'],
        none: [],
      },
    ]);
    expect(await db.query(sql`SELECT domain FROM domain WHERE domain ${isAnyOf([])}`)).toEqual([]);
  });

  test('an insert skipping duplicates returns only the row it wrote; an upsert updates in place', async () => {
    const insert = (name: string) =>
      db.query(
        sql`${insertSkippingDuplicates} INTO admin (username, name) VALUES (${'p@a.example'}, ${name}) ${onDuplicateSkip('username')} RETURNING username`,
      );
    expect(await insert('first')).toEqual([{ username: 'p@a.example' }]);
    expect(await insert('second')).toEqual([]);
    const upsert = () =>
      db.query<{ failures: number }>(
        sql`INSERT INTO iredadmin_api_login_failures (client, failures) VALUES (${'10.0.0.1'}, 1)
          ${onDuplicateUpdate('client', sql`failures = iredadmin_api_login_failures.failures + ${excluded('failures')}`)}
          RETURNING failures`,
      );
    expect(await upsert()).toEqual([{ failures: 1 }]);
    expect(await upsert()).toEqual([{ failures: 2 }]);
    const [soon] = await db.query<{ later: number }>(
      sql`SELECT CASE WHEN ${secondsFromNow(60)} > ${secondsFromNow(30, '-')} THEN 1 ELSE 0 END AS later`,
    );
    expect(soon?.later).toBe(1);
  });

  test('casts and operators the dialects spell differently', async () => {
    await db.query(
      sql`INSERT INTO mailbox (username, domain, quota, passwordlastchange) VALUES (${'m@a.example'}, ${'a.example'}, ${5}, ${'1970-01-02 00:00:00'})`,
    );
    const [row] = await db.query(
      sql`SELECT ${asNumber('COALESCE(SUM(quota), 0)')} AS total, ${asNumber(epochOf('MAX(passwordlastchange)'))} AS epoch,
        CASE WHEN ${typed(null, 'int')} IS NULL THEN 1 ELSE 0 END AS unset,
        CASE WHEN ${typed(true, 'boolean')} THEN 1 ELSE 0 END AS yes,
        CASE WHEN ${distinctFrom('MAX(username)', null)} AND NOT ${distinctFrom('MAX(username)', 'm@a.example')} THEN 1 ELSE 0 END AS distinct_ok,
        CASE WHEN MAX(created) <= ${now} THEN 1 ELSE 0 END AS past
        FROM mailbox WHERE domain = ${'a.example'}`,
    );
    expect(row).toEqual({ total: 5, epoch: 86400, unset: 1, yes: 1, distinct_ok: 1, past: 1 });
    const [seed] = await db.query(sql`SELECT priority FROM users WHERE email = ${Buffer.from('@.')}`);
    expect(seed).toEqual({ priority: 0 });
  });

  test('a duplicate key is reported as a unique violation', async () => {
    const add = () => db.query(sql`INSERT INTO alias (address, domain) VALUES (${'dup@a.example'}, ${'a.example'})`);
    await add();
    const error = await add().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(pgErrorCode(error)).toBe(PG_UNIQUE_VIOLATION);
  });

  test('a rolled-back transaction leaves nothing; a transaction lock serializes', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(sql`INSERT INTO alias (address, domain) VALUES (${'gone@a.example'}, ${'a.example'})`);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.query(sql`SELECT address FROM alias WHERE address = ${'gone@a.example'}`)).toEqual([]);
    if (backend === 'pglite') return; // one connection: nothing runs concurrently
    const order: string[] = [];
    let releaseFirst = () => {};
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstLocked = () => {};
    const locked = new Promise<void>((resolve) => {
      firstLocked = resolve;
    });
    const first = db.transaction(async (tx) => {
      await tx.query(transactionLock('k'));
      firstLocked();
      await firstHolds;
      order.push('first done');
    });
    await locked;
    const second = db.transaction(async (tx) => {
      await tx.query(transactionLock('k'));
      order.push('second locked');
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first done', 'second locked']);
  });
});

test('PostgreSQL text statements are refused on MySQL rather than guessed at', async () => {
  const { db } = await createTestDatabase('mysql');
  try {
    await expect(db.query('SELECT 1 FROM domain WHERE domain = $1', ['x'])).rejects.toThrow(/not ported to MySQL/);
  } finally {
    await db.close();
  }
});
