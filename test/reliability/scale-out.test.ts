/**
 * Two server instances, each with its own connection pool, on one database, behind a round-robin
 * proxy: a session and every write hold whichever instance serves the next request.
 * On PostgreSQL and on MariaDB: concurrent writes through both instances lose and duplicate
 * nothing, and a change to an admin made through one instance is honoured by the other on its
 * very next request. On PostgreSQL only (the NOTIFY cases at the end): each instance keeps
 * sessions, accounts and user/domain/alias views in memory, hears of changes made straight in
 * the database, and stops answering from memory when it stops hearing; the same on a database
 * iRedMail made when the instances start with CHANGE_TRIGGERS, and not once a start without it
 * took the triggers off. MariaDB keeps no such cache (README, SQL backends).
 */
import { adminSession, ApiSession, isSessionAlive } from '../support/api';
import { createServerDatabase } from '../support/iredmail-database';
import { type Backend, createTestDatabase, TEST_ADMIN } from '../support/test-server';
import { DEFAULT_SETTINGS } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { startServer, type RunningServer } from '../../src/server/server';
import { LISTENER_APPLICATION_NAME } from '../../src/server/db/postgres';
import { startRoundRobinProxy, type RoundRobinProxy } from './support/round-robin-proxy';
import { isAnyOf, sql } from '../../src/server/db/sql';
import { changeTriggersInstalled } from '../../src/server/db/change-triggers';

const PW = 'Cache!pass-1';

interface TwoInstances {
  seedDb: Database;
  /** Where each instance opened the database. */
  url: string;
  instances: RunningServer[];
  proxy: RoundRobinProxy;
  /** The test admin's session, through the proxy. */
  api: ApiSession;
  /** What each instance reported through logError. */
  logs: string[][];
  /** What each instance noted at start or later (logNote). */
  notes: string[][];
  /** The test admin's session on instance A. */
  onA: ApiSession;
  /** A new separate admin logged in through A, its session already used twice on B. */
  adminKnownToB(rights?: { isGlobalAdmin?: 'yes' }): Promise<{ email: string; onB: ApiSession }>;
}

/** A user view B holds in memory: created through A (next to `admin`'s address), then read twice on B. */
async function viewHeldByB(two: TwoInstances, admin: string) {
  const viewedUser = admin.replace('@admins.example', '@scale.example');
  const viewed = `/api/user/${viewedUser}`;
  await two.onA.ok('POST', viewed, { password: 'Scale-Passw0rd!', name: 'Before' });
  const onBAsTestAdmin = two.onA.withBaseUrl(two.instances[1]!.url);
  for (let i = 0; i < 2; i++) await onBAsTestAdmin.get(viewed);
  return { viewedUser, viewed, onBAsTestAdmin };
}

/** A fresh database our migrations make, or one iRedMail's installer made (instances started with CHANGE_TRIGGERS). */
type Origin = 'ours' | 'iRedMail with CHANGE_TRIGGERS';

/** Registers this describe block's two instances on a fresh database of `backend`. */
function useTwoInstances(backend: Exclude<Backend, 'pglite'>, origin: Origin = 'ours'): TwoInstances {
  let n = 0;
  const ctx = { logs: [[], []], notes: [[], []] } as unknown as TwoInstances;
  beforeAll(async () => {
    const created =
      origin === 'ours'
        ? await createTestDatabase(backend)
        : await createServerDatabase(backend, ['vmail', 'amavisd', 'iredapd']);
    ctx.seedDb = created.db;
    ctx.url = created.url;
    const settings = { ...DEFAULT_SETTINGS, enableApi: true, changeTriggers: origin !== 'ours' };
    // Each instance opens the database itself, as two deployed servers would.
    ctx.instances = [];
    for (const [i, log] of ctx.logs.entries()) {
      ctx.instances.push(
        await startServer({
          settings,
          database: created.url,
          admin: TEST_ADMIN,
          logError: (m) => log.push(m),
          logNote: (m) => ctx.notes[i]!.push(m),
        }),
      );
    }
    ctx.proxy = await startRoundRobinProxy(ctx.instances.map((s) => s.url));
    ctx.api = await adminSession({ url: ctx.proxy.url, admin: TEST_ADMIN });
    await ctx.api.ok('POST', '/api/domain/scale.example', { name: 'Scale' });
    ctx.onA = await adminSession({ url: ctx.instances[0]!.url, admin: TEST_ADMIN });
  });
  afterAll(async () => {
    await ctx.proxy?.close();
    for (const s of ctx.instances ?? []) await s.close();
    await ctx.seedDb?.close();
  });
  ctx.adminKnownToB = async (rights = {}) => {
    const email = `ops${++n}@admins.example`;
    await ctx.onA.ok('POST', `/api/admin/${email}`, { password: PW, ...rights });
    const session = new ApiSession(ctx.instances[0]!.url);
    expect((await session.login(email, PW))._success).toBe(true);
    const onB = session.withBaseUrl(ctx.instances[1]!.url);
    // Twice: on PostgreSQL, B then holds the session and the account in memory.
    expect([await isSessionAlive(onB), await isSessionAlive(onB)]).toEqual([true, true]);
    return { email, onB };
  };
  return ctx;
}

describe.each<[string, Exclude<Backend, 'pglite'>]>([
  ['PostgreSQL', 'postgres'],
  ['MariaDB', 'mysql'],
])('two instances on one %s database', (_name, backend) => {
  const two = useTwoInstances(backend);

  test('a login made through one instance is honoured by the other', async () => {
    const session = new ApiSession(two.proxy.url);
    expect(await session.login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({ _success: true });
    const before = [...two.proxy.hits];
    for (let i = 0; i < 6; i++) expect((await session.get('/api/domain/scale.example'))._success).toBe(true);
    // Both instances served some of the six calls.
    expect(two.proxy.hits.map((h, i) => h - before[i]!)).toEqual([3, 3]);
    // And directly, without the proxy.
    for (const s of two.instances) expect((await session.withBaseUrl(s.url).get('/api/domains'))._success).toBe(true);
  });

  test('concurrent creates through both instances lose nothing and duplicate nothing', async () => {
    const emails = Array.from({ length: 120 }, (_, i) => `u${i}@scale.example`);
    // Each address is created twice at once (likely on different instances): one wins.
    const answers = await Promise.all(
      [...emails, ...emails].map((email) => two.api.post(`/api/user/${email}`, { password: 'Scale-Passw0rd!' })),
    );
    const wins = answers.filter((a) => a._success).length;
    const losses = answers.filter((a) => !a._success);
    expect(wins).toBe(emails.length);
    expect(new Set(losses.map((a) => a._msg))).toEqual(new Set(['ALREADY_EXISTS']));
    await expectOneMailboxAndSelfForwardingEach(two.seedDb, emails);
  });

  test('16 concurrent creates of one account, alternating between the instances: exactly one succeeds', async () => {
    const email = 'race16@scale.example';
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => two.api.post(`/api/user/${email}`, { password: 'Scale-Passw0rd!' })),
    );
    expect(answers.filter((a) => a._success)).toHaveLength(1);
    expect(answers.filter((a) => a._msg === 'ALREADY_EXISTS')).toHaveLength(15);
    await expectOneMailboxAndSelfForwardingEach(two.seedDb, [email]);
  });

  test('concurrent updates of one account through both instances leave one of the written values', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `Name ${i}`);
    const answers = await Promise.all(names.map((name) => two.api.put('/api/user/u0@scale.example', { name })));
    expect(answers.every((a) => a._success)).toBe(true);
    const row = await two.seedDb.query<{ name: string }>(
      sql`SELECT name FROM mailbox WHERE username = 'u0@scale.example'`,
    );
    expect(names).toContain(row[0]!.name);
  });

  test.each([
    [
      'its password is changed through A',
      (email: string) => two.onA.ok('PUT', `/api/admin/${email}`, { password: 'Cache!pass-2' }).then(() => undefined),
    ],
    [
      'it is disabled through A',
      (email: string) => two.onA.ok('PUT', `/api/admin/${email}`, { accountStatus: 'disabled' }).then(() => undefined),
    ],
    [
      'it is made a global admin through A',
      (email: string) => two.onA.ok('PUT', `/api/admin/${email}`, { isGlobalAdmin: 'yes' }).then(() => undefined),
    ],
    ['it is deleted through A', (email: string) => two.onA.ok('DELETE', `/api/admin/${email}`).then(() => undefined)],
    [
      'it is deleted and re-created with the same name through A',
      async (email: string) => {
        await two.onA.ok('DELETE', `/api/admin/${email}`);
        await two.onA.ok('POST', `/api/admin/${email}`, { password: PW });
      },
    ],
  ])('when %s, the very next request on B is refused', async (_change, change) => {
    const { email, onB } = await two.adminKnownToB();
    await change(email);
    expect(await onB.get('/api/domains')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test('when a global admin loses its rights through A, its very next global request on B is refused', async () => {
    const { email, onB } = await two.adminKnownToB({ isGlobalAdmin: 'yes' });
    expect((await onB.get(`/api/admin/${email}`))._success).toBe(true);
    await two.onA.ok('PUT', `/api/admin/${email}`, { isGlobalAdmin: 'no' });
    expect(await onB.get(`/api/admin/${email}`)).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test('when a domain is taken from a normal admin through A, B refuses that domain on the very next request', async () => {
    const email = 'domain-ops@admins.example';
    await two.onA.ok('POST', `/api/admin/${email}`, { password: PW });
    await two.onA.ok('PUT', '/api/domain/admins/scale.example', { addAdmin: email });
    const session = new ApiSession(two.instances[0]!.url);
    expect((await session.login(email, PW))._success).toBe(true);
    const onB = session.withBaseUrl(two.instances[1]!.url);
    expect((await onB.get('/api/domain/scale.example'))._success).toBe(true);
    await two.onA.ok('PUT', '/api/domain/admins/scale.example', { removeAdmin: email });
    expect((await onB.get('/api/domain/scale.example'))._success).toBe(false);
  });

  test('requests on B racing a password change through A: every one after its answer is refused', async () => {
    const { email, onB } = await two.adminKnownToB();
    const racing = Array.from({ length: 40 }, () => isSessionAlive(onB));
    await two.onA.ok('PUT', `/api/admin/${email}`, { password: 'Cache!pass-2' });
    await Promise.all(racing);
    for (let i = 0; i < 5; i++) expect(await isSessionAlive(onB)).toBe(false);
  });
});

describe.each<Origin>(['ours', 'iRedMail with CHANGE_TRIGGERS'])(
  'PostgreSQL only, NOTIFY: sessions and accounts cached in each instance, database %s',
  (origin) => {
    const two = useTwoInstances('postgres', origin);

    test('each instance started with its cache on: nothing to note', () => {
      expect(two.notes).toEqual([[], []]);
    });

    test('an instance answers a session it has seen from memory, without the database', async () => {
      const { email, onB } = await two.adminKnownToB();
      await endSessionsSilently(two.seedDb, email);
      // Proof the cache is in use: only memory still knows this session.
      expect(await isSessionAlive(onB)).toBe(true);
    });

    test('a session ended in the database (what a logout does) is refused by B as soon as B hears of it', async () => {
      const { email, onB } = await two.adminKnownToB();
      await two.seedDb.query('DELETE FROM iredadmin_api_sessions WHERE username = $1', [email]);
      // No instance made this change, so none waited for it to be heard: B hears it within moments.
      await until(async () => !(await isSessionAlive(onB)));
    });

    test("an admin disabled straight in SQL (as iRedMail's tools do) is refused by both instances once they hear of it", async () => {
      const { email, onB } = await two.adminKnownToB();
      const onAToo = onB.withBaseUrl(two.instances[0]!.url);
      await two.seedDb.query('UPDATE admin SET active = 0 WHERE username = $1', [email]);
      await until(async () => !(await isSessionAlive(onB)) && !(await isSessionAlive(onAToo)));
    });

    test('user, domain and alias views B holds in memory show a change made through A on the very next request', async () => {
      const user = 'viewed@scale.example';
      const alias = 'viewers@scale.example';
      await two.onA.ok('POST', `/api/user/${user}`, { password: 'Scale-Passw0rd!', name: 'Before' });
      await two.onA.ok('POST', `/api/alias/${alias}`, { name: 'Before', members: user });
      const onB = two.onA.withBaseUrl(two.instances[1]!.url);
      const paths = [`/api/user/${user}`, `/api/alias/${alias}`, '/api/domain/scale.example'];
      for (const path of paths) for (let i = 0; i < 2; i++) expect((await onB.get(path))._success).toBe(true);
      // Proof B answers from memory: a change no trigger announces does not show there.
      await renameSilently(two.seedDb, user, 'Unannounced');
      expect((await onB.get(paths[0]!))._data).toMatchObject({ name: 'Before' });

      await two.onA.ok('PUT', paths[0]!, { name: 'After' });
      expect((await onB.get(paths[0]!))._data).toMatchObject({ name: 'After' });
      await two.onA.ok('PUT', paths[1]!, { name: 'After', addMember: 'more@scale.example' });
      const aliasOnB = (await onB.get(paths[1]!))._data as { name: string; members: string[] };
      expect([aliasOnB.name, [...aliasOnB.members].sort()]).toEqual(['After', ['more@scale.example', user]]);
      await two.onA.ok('PUT', paths[2]!, { name: 'After' });
      expect((await onB.get(paths[2]!))._data).toMatchObject({ description: 'After' });
      await two.onA.ok('DELETE', paths[0]!);
      expect(await onB.get(paths[0]!)).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    });

    test("Dovecot's quota written straight in SQL shows in B's cached user view once B has heard of it", async () => {
      const user = 'quota@scale.example';
      await two.onA.ok('POST', `/api/user/${user}`, { password: 'Scale-Passw0rd!' });
      const onB = two.onA.withBaseUrl(two.instances[1]!.url);
      for (let i = 0; i < 2; i++) expect((await onB.get(`/api/user/${user}`))._data).toMatchObject({ stored_bytes: 0 });
      await two.seedDb.query(
        "INSERT INTO used_quota (username, bytes, messages, domain) VALUES ($1, 2048, 1, 'scale.example')",
        [user],
      );
      // No instance made this change: its NOTIFY reaches B moments after the commit.
      await two.instances[1]!.changesHeard();
      expect((await onB.get(`/api/user/${user}`))._data).toMatchObject({ stored_bytes: 2048 });
    });

    test('an instance that loses its LISTEN connection stops answering from memory, and listens again', async () => {
      const { email, onB } = await two.adminKnownToB();
      const { viewedUser, viewed, onBAsTestAdmin } = await viewHeldByB(two, email);
      const log = two.logs[1]!;
      const reported = log.length;
      await two.seedDb.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database()`,
        [LISTENER_APPLICATION_NAME],
      );
      await until(() => log.length > reported);
      expect(log[reported]).toMatch(/^session cache off/);
      // A change B cannot hear of: B asks the database, which no longer has the session.
      await endSessionsSilently(two.seedDb, email);
      expect(await isSessionAlive(onB)).toBe(false);
      // Nor a view: B reads it from the database again.
      await renameSilently(two.seedDb, viewedUser, 'Unannounced');
      expect((await onBAsTestAdmin.get(viewed))._data).toMatchObject({ name: 'Unannounced' });
      // Once it listens again, it answers from memory again.
      await until(async () => {
        const again = await two.adminKnownToB();
        await endSessionsSilently(two.seedDb, again.email);
        return isSessionAlive(again.onB);
      });
    });
  },
);

describe('PostgreSQL, a database iRedMail made, instances caching with CHANGE_TRIGGERS', () => {
  const two = useTwoInstances('postgres', 'iRedMail with CHANGE_TRIGGERS');
  test("a start without CHANGE_TRIGGERS takes the triggers off iRedMail's tables: the running instances stop caching", async () => {
    const { email, onB } = await two.adminKnownToB();
    const { viewedUser, viewed, onBAsTestAdmin } = await viewHeldByB(two, email);
    const third = await startServer({
      settings: { ...DEFAULT_SETTINGS, enableApi: true },
      database: two.url,
      logNote: () => undefined,
    });
    await third.close();
    expect(await changeTriggersInstalled(two.seedDb)).toBe(false);
    await until(() => two.notes.every((notes) => notes.some((n) => n.startsWith('session cache off'))));
    // Nothing would tell B of this any more; B asks the database, which no longer has the session.
    await endSessionsSilently(two.seedDb, email);
    expect(await isSessionAlive(onB)).toBe(false);
    // Nor does B answer a user view from memory.
    await renameSilently(two.seedDb, viewedUser, 'Unannounced');
    expect((await onBAsTestAdmin.get(viewed))._data).toMatchObject({ name: 'Unannounced' });
  });
});

/** Ends the sessions of `email` without telling anyone: triggers off for this transaction. */
async function endSessionsSilently(db: Database, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query('DELETE FROM iredadmin_api_sessions WHERE username = $1', [email]);
  });
}

/** Renames mail user `email` without telling anyone: triggers off for this transaction. */
async function renameSilently(db: Database, email: string, name: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query('UPDATE mailbox SET name = $2 WHERE username = $1', [email, name]);
  });
}

/** Each of `emails` has exactly one mailbox row and one self-forwarding row. */
async function expectOneMailboxAndSelfForwardingEach(db: Database, emails: string[]): Promise<void> {
  const mailboxes = await db.query<{ username: string }>(
    sql`SELECT username FROM mailbox WHERE username ${isAnyOf(emails)}`,
  );
  expect(mailboxes.map((r) => r.username).sort()).toEqual([...emails].sort());
  const selfForwardings = await db.query<{ address: string }>(
    sql`SELECT address FROM forwardings WHERE address ${isAnyOf(emails)} AND address = forwarding`,
  );
  expect(selfForwardings.map((r) => r.address).sort()).toEqual([...emails].sort());
}

/** Polls `condition` every 100 ms until it holds; fails after 10 s. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 100) {
    if (waited >= 10_000) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
