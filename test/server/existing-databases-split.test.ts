/**
 * The server on iRedMail's installer layout: `vmail`, `amavisd` and `iredapd` as three databases
 * (--database, --amavisd-database, --iredapd-database), each made from iRedMail's own schema
 * files and seeded with SQL as iRedMail's tools would. Reads and writes go to the database that
 * holds each table, a write spanning databases is all or nothing, and nothing of ours is
 * created outside vmail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { openDatabase } from '../../src/server/db/open';
import { visibleSchema } from '../../src/server/db/schema-check';
import { sql } from '../../src/server/db/sql';
import { type RunningServer, startServer } from '../../src/server/server';
import { ApiSession } from '../support/api';
import {
  closeIredmailDatabases,
  createIredmailDatabases,
  type IredmailDatabases,
  type IredmailPart,
} from '../support/iredmail-database';
import { installerRole, MYSQL_VMAIL_EXTRA_GRANT, rowsOnlyRole } from '../support/iredmail-roles';
import { POSTMASTER, seedIredmail } from '../support/iredmail-seed';
import { tcpProxy } from '../support/tcp-proxy';
import { createTestDatabase } from '../support/test-server';

const SPLIT_BACKENDS = ['postgres', 'mysql'] as const;
const settings = { ...DEFAULT_SETTINGS, enableApi: true };
const bytes = (text: string) => Buffer.from(text, 'utf8');

/** The tables a database holds, ours included. */
async function tablesOf(db: Database): Promise<string[]> {
  const rows = await db.query<{ t: string }>(
    sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema ${visibleSchema(db.dialect)} ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

/** How many rows each statement finds, by name, to compare before and after. */
async function countRows(checks: Record<string, [Database, ReturnType<typeof sql>]>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, [db, statement]] of Object.entries(checks)) counts[name] = (await db.query(statement)).length;
  return counts;
}

function separate(dbs: IredmailDatabases) {
  return { amavisd: dbs.amavisd.url, iredapd: dbs.iredapd.url };
}

/** Each database's URL through the role iRedMail's installer made for it (iredmail-roles.ts). */
async function installerRoles(dbs: IredmailDatabases): Promise<Record<IredmailPart, string>> {
  return {
    vmail: await installerRole('vmail', dbs.vmail),
    amavisd: await installerRole('amavisd', dbs.amavisd),
    iredapd: await installerRole('iredapd', dbs.iredapd),
  };
}

describe.each(SPLIT_BACKENDS)("iRedMail's three databases (vmail, amavisd, iredapd) on %s", (backend) => {
  let dbs: IredmailDatabases;
  let vmail: Database;
  let amavisd: Database;
  let iredapd: Database;
  let before: Record<'amavisd' | 'iredapd', string[]>;
  let roles: Record<IredmailPart, string>;
  let server: RunningServer;
  let api: ApiSession;

  beforeAll(async () => {
    dbs = await createIredmailDatabases(backend);
    ({ vmail, amavisd, iredapd } = { vmail: dbs.vmail.db, amavisd: dbs.amavisd.db, iredapd: dbs.iredapd.db });
    await seedIredmail({ vmail, amavisd, iredapd });
    before = { amavisd: await tablesOf(amavisd), iredapd: await tablesOf(iredapd) };
    // Through the installer's roles, not the superuser: what each has is what the server needs.
    roles = await installerRoles(dbs);
    server = await startServer({
      settings,
      database: roles.vmail,
      separateDatabases: { amavisd: roles.amavisd, iredapd: roles.iredapd },
    });
    api = new ApiSession(server.url);
    expect(await api.login(POSTMASTER.email, POSTMASTER.password)).toEqual({ _success: true });
  });
  afterAll(async () => {
    await server?.close();
    await closeIredmailDatabases(dbs);
  });

  test('our tables go into vmail only; amavisd and iredapd are checked, not changed', async () => {
    expect((await tablesOf(vmail)).filter((t) => t.startsWith('iredadmin_api_'))).toEqual([
      'iredadmin_api_login_failures',
      'iredadmin_api_maillist_subscribers',
      'iredadmin_api_migrations',
      'iredadmin_api_sessions',
    ]);
    // vmail holds none of amavisd's or iRedAPD's tables: a statement sent to the wrong database fails.
    expect(await tablesOf(vmail)).not.toContain('policy');
    expect(await tablesOf(vmail)).not.toContain('throttle');
    expect(await tablesOf(amavisd)).toEqual(before.amavisd);
    expect(await tablesOf(iredapd)).toEqual(before.iredapd);
  });

  test("reads come from amavisd's and iRedAPD's databases: the domain's spam policy and throttle", async () => {
    expect(await api.ok('GET', '/api/spampolicy/domain/example.com')).toMatchObject({ bypass_spam_checks: 'Y' });
    expect(await api.get('/api/throttle/example.com/outbound')).toMatchObject({
      _success: true,
      setting: { account: '@example.com', kind: 'outbound', priority: 60, period: 3600, max_msgs: 500 },
    });
  });

  test('spam policy, throttle, white/blacklist and greylisting writes land in their own databases', async () => {
    await api.ok('PUT', '/api/spampolicy/user/ssha@example.com', { bypass_spam_checks: 'yes', spam_score: 6 });
    expect(
      await amavisd.query(
        sql`SELECT p.policy_name, p.spam_tag2_level, u.priority FROM users u JOIN policy p ON p.id = u.policy_id
             WHERE u.email = ${bytes('ssha@example.com')}`,
      ),
    ).toEqual([{ policy_name: 'ssha@example.com', spam_tag2_level: 6, priority: 10 }]);

    await api.ok('POST', '/api/throttle/ssha@example.com/outbound', { period: 60, max_msgs: 10 });
    expect(
      await iredapd.query(
        sql`SELECT kind, priority, period, max_msgs FROM throttle WHERE account = 'ssha@example.com'`,
      ),
    ).toEqual([{ kind: 'outbound', priority: 100, period: 60, max_msgs: 10 }]);

    await api.ok('POST', '/api/wblist/inbound/whitelist/ssha@example.com', { addresses: 'friend@partner.example' });
    expect(
      await amavisd.query(
        sql`SELECT w.wb FROM wblist w JOIN users u ON u.id = w.rid JOIN mailaddr m ON m.id = w.sid
             WHERE u.email = ${bytes('ssha@example.com')} AND m.email = ${bytes('friend@partner.example')}`,
      ),
    ).toEqual([{ wb: 'W' }]);
    expect(await api.ok('GET', '/api/wblist/inbound/whitelist/ssha@example.com')).toEqual(['friend@partner.example']);

    await api.ok('POST', '/api/greylisting/example.com', { status: 'disable' });
    await api.ok('POST', '/api/greylisting/ssha@example.com/whitelists', { senders: 'bulk@partner.example' });
    expect(await iredapd.query(sql`SELECT sender, active FROM greylisting WHERE account = '@example.com'`)).toEqual([
      { sender: '@.', active: 0 },
    ]);
    expect(
      await iredapd.query(sql`SELECT sender FROM greylisting_whitelists WHERE account = 'ssha@example.com'`),
    ).toEqual([{ sender: 'bulk@partner.example' }]);
    expect(await api.ok('GET', '/api/greylisting/example.com')).toEqual({ status: 'disabled' });
  });

  /** A user with a row in each of amavisd's and iRedAPD's tables the API writes. */
  async function userWithPolicies(
    email: string,
    session = api,
  ): Promise<Record<string, [Database, ReturnType<typeof sql>]>> {
    await session.ok('PUT', `/api/spampolicy/user/${email}`, { bypass_spam_checks: 'yes' });
    await session.ok('POST', `/api/throttle/${email}/inbound`, { period: 60, max_msgs: 5 });
    await session.ok('POST', `/api/wblist/outbound/blacklist/${email}`, { addresses: 'spam@bad.example' });
    await session.ok('POST', `/api/greylisting/${email}`, { status: 'enable' });
    await session.ok('POST', `/api/greylisting/${email}/whitelists`, { senders: 'ok@good.example' });
    return {
      mailbox: [vmail, sql`SELECT 1 FROM mailbox WHERE username = ${email}`],
      forwardings: [vmail, sql`SELECT 1 FROM forwardings WHERE address = ${email}`],
      policy: [amavisd, sql`SELECT 1 FROM policy WHERE policy_name = ${email}`],
      users: [amavisd, sql`SELECT 1 FROM users WHERE email = ${bytes(email)}`],
      outbound_wblist: [
        amavisd,
        sql`SELECT 1 FROM outbound_wblist o JOIN users u ON u.id = o.sid WHERE u.email = ${bytes(email)}`,
      ],
      throttle: [iredapd, sql`SELECT 1 FROM throttle WHERE account = ${email}`],
      greylisting: [iredapd, sql`SELECT 1 FROM greylisting WHERE account = ${email}`],
      greylisting_whitelists: [iredapd, sql`SELECT 1 FROM greylisting_whitelists WHERE account = ${email}`],
    };
  }

  test('deleting a user removes its rows from all three databases', async () => {
    const rows = await userWithPolicies('bcrypt@example.com');
    expect(Object.values(await countRows(rows)).every((n) => n >= 1)).toBe(true);
    await api.ok('DELETE', '/api/user/bcrypt@example.com');
    expect(Object.values(await countRows(rows))).toEqual(Object.values(rows).map(() => 0));
    // The domain's own policy and throttle stay.
    expect(await amavisd.query(sql`SELECT 1 FROM users WHERE email = ${bytes('@example.com')}`)).toHaveLength(1);
    expect(await iredapd.query(sql`SELECT 1 FROM throttle WHERE account = '@example.com'`)).toHaveLength(1);
  });

  test("deleting a domain removes its and its users' rows from all three databases", async () => {
    await api.ok('POST', '/api/domain/gone.example', {});
    await api.ok('POST', '/api/user/someone@gone.example', { password: 'Someone!pw12' });
    const rows = await userWithPolicies('someone@gone.example');
    await api.ok('PUT', '/api/spampolicy/domain/gone.example', { bypass_spam_checks: 'yes' });
    await api.ok('POST', '/api/throttle/gone.example/outbound', { period: 60, max_msgs: 100 });
    await api.ok('POST', '/api/greylisting/gone.example', { status: 'disable' });
    const all = {
      ...rows,
      domain: [vmail, sql`SELECT 1 FROM domain WHERE domain = 'gone.example'`],
      domainPolicy: [amavisd, sql`SELECT 1 FROM policy WHERE policy_name = '@gone.example'`],
      domainThrottle: [iredapd, sql`SELECT 1 FROM throttle WHERE account = '@gone.example'`],
      domainGreylisting: [iredapd, sql`SELECT 1 FROM greylisting WHERE account = '@gone.example'`],
    } satisfies Record<string, [Database, ReturnType<typeof sql>]>;
    expect(Object.values(await countRows(all)).every((n) => n >= 1)).toBe(true);
    await api.ok('DELETE', '/api/domain/gone.example');
    expect(Object.values(await countRows(all))).toEqual(Object.values(all).map(() => 0));
  });

  test('a delete whose last database fails leaves all three as they were', async () => {
    const rows = await userWithPolicies('md5@example.com');
    const counts = await countRows(rows);
    // amavisd's rows are removed last: by then vmail's and iredapd's deletes have run.
    await amavisd.exec('ALTER TABLE outbound_wblist RENAME TO outbound_wblist_away');
    try {
      expect(await api.call('DELETE', '/api/user/md5@example.com')).toEqual({
        _success: false,
        _msg: 'INTERNAL_ERROR',
      });
    } finally {
      await amavisd.exec('ALTER TABLE outbound_wblist_away RENAME TO outbound_wblist');
    }
    expect(await countRows(rows)).toEqual(counts);
    // And once amavisd answers again, the same delete goes through everywhere.
    await api.ok('DELETE', '/api/user/md5@example.com');
    expect(Object.values(await countRows(rows))).toEqual(Object.values(rows).map(() => 0));
  });

  test("a delete whose iredapd connection is refused mid-way (after vmail's statements ran) changes nothing", async () => {
    const rows = await userWithPolicies('md5crypt@example.com');
    const counts = await countRows(rows);
    const proxy = await tcpProxy(roles.iredapd);
    const cut = await startServer({
      settings,
      database: roles.vmail,
      separateDatabases: { amavisd: roles.amavisd, iredapd: proxy.url },
      logError: () => undefined,
    });
    try {
      const other = new ApiSession(cut.url);
      expect(await other.login(POSTMASTER.email, POSTMASTER.password)).toEqual({ _success: true });
      expect(await other.get('/api/throttle/md5crypt@example.com/inbound')).toMatchObject({ setting: { max_msgs: 5 } });
      await proxy.cut();
      expect(await other.call('DELETE', '/api/user/md5crypt@example.com')).toEqual({
        _success: false,
        _msg: 'INTERNAL_ERROR',
      });
    } finally {
      await cut.close();
    }
    expect(await countRows(rows)).toEqual(counts);
  });

  test('roles of your own with rows privileges only on amavisd and iredapd (PostgreSQL: and USAGE on sequences): writes and deletes go through', async () => {
    const rowsOnly = await startServer({
      settings,
      database: roles.vmail,
      separateDatabases: {
        amavisd: await rowsOnlyRole('amavisd', dbs.amavisd, 'SELECT, INSERT, UPDATE, DELETE'),
        iredapd: await rowsOnlyRole('iredapd', dbs.iredapd, 'SELECT, INSERT, UPDATE, DELETE'),
      },
    });
    try {
      const own = new ApiSession(rowsOnly.url);
      expect(await own.login(POSTMASTER.email, POSTMASTER.password)).toEqual({ _success: true });
      await own.ok('POST', '/api/user/own@example.com', { password: 'Own!password12' });
      const rows = await userWithPolicies('own@example.com', own);
      expect(Object.values(await countRows(rows)).every((n) => n >= 1)).toBe(true);
      await own.ok('DELETE', '/api/user/own@example.com');
      expect(Object.values(await countRows(rows))).toEqual(Object.values(rows).map(() => 0));
    } finally {
      await rowsOnly.close();
    }
  });

  test("--read-only on three databases, vmail through the installer's role, amavisd and iredapd SELECT-only: reads answer, writes are refused", async () => {
    const readOnly = await startServer({
      settings: { ...settings, readOnly: true },
      database: roles.vmail,
      separateDatabases: {
        amavisd: await rowsOnlyRole('amavisd', dbs.amavisd),
        iredapd: await rowsOnlyRole('iredapd', dbs.iredapd),
      },
    });
    try {
      const reader = new ApiSession(readOnly.url);
      expect(await reader.login(POSTMASTER.email, POSTMASTER.password)).toEqual({ _success: true });
      expect(await reader.ok('GET', '/api/spampolicy/user/ssha@example.com')).toMatchObject({
        bypass_spam_checks: 'Y',
      });
      expect(await reader.get('/api/throttle/ssha@example.com/outbound')).toMatchObject({
        setting: { max_msgs: 10 },
      });
      expect(await reader.ok('GET', '/api/wblist/inbound/whitelist/ssha@example.com')).toEqual([
        'friend@partner.example',
      ]);
      expect(await reader.ok('GET', '/api/greylisting/example.com')).toEqual({ status: 'disabled' });
      const throttle = sql`SELECT period, max_msgs FROM throttle WHERE account = 'ssha@example.com'`;
      const unchanged = await iredapd.query(throttle);
      for (const [method, path, params] of [
        ['POST', '/api/throttle/ssha@example.com/outbound', { period: 5, max_msgs: 1 }],
        ['DELETE', '/api/spampolicy/user/ssha@example.com', undefined],
        ['DELETE', '/api/user/ssha@example.com', undefined],
      ] as const) {
        expect(await reader.call(method, path, params)).toEqual({ _success: false, _msg: 'READ_ONLY' });
      }
      expect(await iredapd.query(throttle)).toEqual(unchanged);
      expect(await amavisd.query(sql`SELECT 1 FROM policy WHERE policy_name = 'ssha@example.com'`)).toHaveLength(1);
      expect(await vmail.query(sql`SELECT 1 FROM mailbox WHERE username = 'ssha@example.com'`)).toHaveLength(1);
    } finally {
      await readOnly.close();
    }
  });
});

describe.each(SPLIT_BACKENDS)('separate databases the server refuses to start on, on %s', (backend) => {
  let dbs: IredmailDatabases;
  beforeAll(async () => {
    dbs = await createIredmailDatabases(backend);
  });
  afterAll(() => closeIredmailDatabases(dbs));

  test("a vmail role that may only read and write rows (MySQL's vmailadmin as the installer made it): refused, naming the grant", async () => {
    const rowsOnly = await rowsOnlyRole('vmail', dbs.vmail, 'SELECT, INSERT, UPDATE, DELETE');
    // The hint names the GRANT the README gives and the tests' MariaDB vmailadmin has.
    const grant =
      backend === 'mysql'
        ? `GRANT ${MYSQL_VMAIL_EXTRA_GRANT} ON vmail.*`
        : "must own the vmail database and iRedMail's tables in it";
    expect(readFileSync(join(__dirname, '../../README.md'), 'utf8')).toContain(
      backend === 'mysql' ? `${grant} TO 'vmailadmin'@'localhost';` : "owner of iRedMail's tables there",
    );
    await expect(openDatabase(rowsOnly, separate(dbs))).rejects.toThrow(grant);
    expect((await tablesOf(dbs.vmail.db)).filter((t) => t.startsWith('iredadmin_api_'))).toEqual([]);
  });

  test("a database without amavisd's tables given as amavisd's: refused, nothing of ours written in vmail", async () => {
    await expect(openDatabase(dbs.vmail.url, { amavisd: dbs.iredapd.url, iredapd: dbs.iredapd.url })).rejects.toThrow(
      "the database given with --amavisd-database (AMAVISD_DATABASE) holds none of its tables: it is not iRedMail's `amavisd` database",
    );
    expect((await tablesOf(dbs.vmail.db)).filter((t) => t.startsWith('iredadmin_api_'))).toEqual([]);
  });

  test('a column missing in the iredapd database: named with the setting that gave that database', async () => {
    await dbs.iredapd.db.exec('ALTER TABLE throttle DROP COLUMN max_rcpts');
    await expect(openDatabase(dbs.vmail.url, separate(dbs))).rejects.toThrow(
      /table throttle from the database given with --iredapd-database lacks column\(s\) max_rcpts\. .*apply iRedMail's own upgrade scripts/,
    );
  });

  test('a vmail database this server made: refused with separate databases (its own hold those tables)', async () => {
    const ours = await createTestDatabase(backend);
    try {
      await expect(openDatabase(ours.url, separate(dbs))).rejects.toThrow(
        /--amavisd-database \(AMAVISD_DATABASE\) and --iredapd-database \(IREDAPD_DATABASE\) name databases iRedMail's installer made.*give --database the vmail database iRedMail made/,
      );
    } finally {
      await ours.db.close();
    }
  });
});

test('separate databases are URLs of the same kind of server as --database; not beside embedded PGlite', async () => {
  // Refused before any connection is tried: these servers do not exist.
  await expect(openDatabase('memory', { amavisd: 'postgres://amavisd@127.0.0.1:1/amavisd' })).rejects.toThrow(
    '--amavisd-database (AMAVISD_DATABASE) needs --database postgres://… or mysql://…',
  );
  await expect(
    openDatabase('postgres://vmailadmin@127.0.0.1:1/vmail', { iredapd: 'mysql://iredapd:secret@127.0.0.1:1/iredapd' }),
  ).rejects.toThrow('--iredapd-database (IREDAPD_DATABASE) is a mysql URL but --database is postgres');
  const refusal = openDatabase('postgres://vmailadmin@127.0.0.1:1/vmail', { iredapd: 'iredapd:secret@somewhere' });
  await expect(refusal).rejects.toThrow(
    '--iredapd-database (IREDAPD_DATABASE) must be a postgres://, mysql:// or mariadb:// URL',
  );
});
