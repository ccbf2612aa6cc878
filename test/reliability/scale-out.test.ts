/**
 * Two server instances, each with its own connection pool, on one PostgreSQL database, behind a
 * round-robin proxy: a session and every write hold whichever instance serves the next request.
 * Each instance keeps sessions and accounts in memory; a change made through one instance (or
 * straight in the database) reaches the other before the client's next request does, and an
 * instance that stops hearing of changes stops answering from memory.
 */
import { adminSession, ApiSession } from '../support/api';
import { createTestDatabase, TEST_ADMIN } from '../support/test-server';
import { DEFAULT_SETTINGS } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { startServer, type RunningServer } from '../../src/server/server';
import { LISTENER_APPLICATION_NAME } from '../../src/server/db/postgres';
import { startRoundRobinProxy, type RoundRobinProxy } from './support/round-robin-proxy';
import { sql } from '../../src/server/db/sql';

let seedDb: Database;
let instances: RunningServer[];
let proxy: RoundRobinProxy;
let api: ApiSession;
/** What each instance reported through logError. */
const logs: string[][] = [[], []];

beforeAll(async () => {
  const created = await createTestDatabase('postgres');
  seedDb = created.db;
  const settings = { ...DEFAULT_SETTINGS, enableApi: true };
  // Each instance opens the database itself, as two deployed servers would.
  instances = [];
  for (let i = 0; i < 2; i++) {
    const log = logs[i]!;
    instances.push(
      await startServer({ settings, database: created.url, admin: TEST_ADMIN, logError: (m) => log.push(m) }),
    );
  }
  proxy = await startRoundRobinProxy(instances.map((s) => s.url));
  api = await adminSession({ url: proxy.url, admin: TEST_ADMIN });
  await api.ok('POST', '/api/domain/scale.example', { name: 'Scale' });
});

afterAll(async () => {
  await proxy?.close();
  for (const s of instances ?? []) await s.close();
  await seedDb?.close();
});

test('a login made through one instance is honoured by the other', async () => {
  const session = new ApiSession(proxy.url);
  expect(await session.login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({ _success: true });
  const before = [...proxy.hits];
  for (let i = 0; i < 6; i++) expect((await session.get('/api/domain/scale.example'))._success).toBe(true);
  // Both instances served some of the six calls.
  expect(proxy.hits.map((h, i) => h - before[i]!)).toEqual([3, 3]);
  // And directly, without the proxy.
  for (const s of instances) expect((await session.withBaseUrl(s.url).get('/api/domains'))._success).toBe(true);
});

test('concurrent creates through both instances lose nothing and duplicate nothing', async () => {
  const emails = Array.from({ length: 120 }, (_, i) => `u${i}@scale.example`);
  // Each address is created twice at once (likely on different instances): one wins.
  const answers = await Promise.all(
    [...emails, ...emails].map((email) => api.post(`/api/user/${email}`, { password: 'Scale-Passw0rd!' })),
  );
  const wins = answers.filter((a) => a._success).length;
  const losses = answers.filter((a) => !a._success);
  expect(wins).toBe(emails.length);
  expect(new Set(losses.map((a) => a._msg))).toEqual(new Set(['ALREADY_EXISTS']));
  const rows = await seedDb.query<{ username: string }>(
    sql`SELECT username FROM mailbox WHERE domain = 'scale.example' ORDER BY username`,
  );
  expect(rows.map((r) => r.username).sort()).toEqual([...emails].sort());
  const selfForwardings = await seedDb.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM forwardings WHERE domain = 'scale.example' AND address = forwarding`,
  );
  expect(selfForwardings[0]!.n).toBe(emails.length);
});

test('concurrent updates of one account through both instances leave one of the written values', async () => {
  const names = Array.from({ length: 40 }, (_, i) => `Name ${i}`);
  const answers = await Promise.all(names.map((name) => api.put('/api/user/u0@scale.example', { name })));
  expect(answers.every((a) => a._success)).toBe(true);
  const row = await seedDb.query<{ name: string }>(sql`SELECT name FROM mailbox WHERE username = 'u0@scale.example'`);
  expect(names).toContain(row[0]!.name);
});

describe('sessions and accounts cached in each instance', () => {
  const PW = 'Cache!pass-1';
  let n = 0;
  let onA: ApiSession;
  const instanceA = () => instances[0]!;
  const instanceB = () => instances[1]!;
  const alive = async (session: ApiSession) => (await session.get('/api/domains'))._success;

  beforeAll(async () => {
    onA = await adminSession({ url: instanceA().url, admin: TEST_ADMIN });
  });

  /** A new separate admin logged in through A, its session used on B until B holds it in memory. */
  async function adminKnownToB(rights: { isGlobalAdmin?: 'yes' } = {}): Promise<{ email: string; onB: ApiSession }> {
    const email = `ops${++n}@admins.example`;
    await onA.ok('POST', `/api/admin/${email}`, { password: PW, ...rights });
    const session = new ApiSession(instanceA().url);
    expect((await session.login(email, PW))._success).toBe(true);
    const onB = session.withBaseUrl(instanceB().url);
    expect([await alive(onB), await alive(onB)]).toEqual([true, true]);
    return { email, onB };
  }

  /** Ends the sessions of `email` without telling anyone: triggers off for this transaction. */
  async function endSessionsSilently(email: string): Promise<void> {
    await seedDb.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query('DELETE FROM iredadmin_api_sessions WHERE username = $1', [email]);
    });
  }

  test('an instance answers a session it has seen from memory, without the database', async () => {
    const { email, onB } = await adminKnownToB();
    await endSessionsSilently(email);
    // Proof the cache is in use: only memory still knows this session.
    expect(await alive(onB)).toBe(true);
  });

  test.each([
    [
      'its password is changed through A',
      (email: string) => onA.ok('PUT', `/api/admin/${email}`, { password: 'Cache!pass-2' }).then(() => undefined),
    ],
    [
      'it is disabled through A',
      (email: string) => onA.ok('PUT', `/api/admin/${email}`, { accountStatus: 'disabled' }).then(() => undefined),
    ],
    [
      'it is made a global admin through A',
      (email: string) => onA.ok('PUT', `/api/admin/${email}`, { isGlobalAdmin: 'yes' }).then(() => undefined),
    ],
    ['it is deleted through A', (email: string) => onA.ok('DELETE', `/api/admin/${email}`).then(() => undefined)],
    [
      'it is deleted and re-created with the same name through A',
      async (email: string) => {
        await onA.ok('DELETE', `/api/admin/${email}`);
        await onA.ok('POST', `/api/admin/${email}`, { password: PW });
      },
    ],
  ])('when %s, the very next request on B is refused', async (_change, change) => {
    const { email, onB } = await adminKnownToB();
    await change(email);
    expect(await onB.get('/api/domains')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test('when a global admin loses its rights through A, its very next global request on B is refused', async () => {
    const { email, onB } = await adminKnownToB({ isGlobalAdmin: 'yes' });
    expect((await onB.get(`/api/admin/${email}`))._success).toBe(true);
    await onA.ok('PUT', `/api/admin/${email}`, { isGlobalAdmin: 'no' });
    expect(await onB.get(`/api/admin/${email}`)).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test('when a domain is taken from a normal admin through A, B refuses that domain on the very next request', async () => {
    const email = `ops${++n}@admins.example`;
    await onA.ok('POST', `/api/admin/${email}`, { password: PW });
    await onA.ok('PUT', '/api/domain/admins/scale.example', { addAdmin: email });
    const session = new ApiSession(instanceA().url);
    expect((await session.login(email, PW))._success).toBe(true);
    const onB = session.withBaseUrl(instanceB().url);
    expect((await onB.get('/api/domain/scale.example'))._success).toBe(true);
    await onA.ok('PUT', '/api/domain/admins/scale.example', { removeAdmin: email });
    expect((await onB.get('/api/domain/scale.example'))._success).toBe(false);
  });

  test('requests on B racing a password change through A: every one after its answer is refused', async () => {
    const { email, onB } = await adminKnownToB();
    const racing = Array.from({ length: 40 }, () => alive(onB));
    await onA.ok('PUT', `/api/admin/${email}`, { password: 'Cache!pass-2' });
    await Promise.all(racing);
    for (let i = 0; i < 5; i++) expect(await alive(onB)).toBe(false);
  });

  test('a session ended in the database (what a logout does) is refused by B as soon as B hears of it', async () => {
    const { email, onB } = await adminKnownToB();
    await seedDb.query('DELETE FROM iredadmin_api_sessions WHERE username = $1', [email]);
    // No instance made this change, so none waited for it to be heard: B hears it within moments.
    await until(async () => !(await alive(onB)));
  });

  test("an admin disabled straight in SQL (as iRedMail's tools do) is refused by both instances once they hear of it", async () => {
    const { email, onB } = await adminKnownToB();
    const onAToo = onB.withBaseUrl(instanceA().url);
    await seedDb.query('UPDATE admin SET active = 0 WHERE username = $1', [email]);
    await until(async () => !(await alive(onB)) && !(await alive(onAToo)));
  });

  test('an instance that loses its LISTEN connection stops answering from memory, and listens again', async () => {
    const { email, onB } = await adminKnownToB();
    const reported = logs[1]!.length;
    await seedDb.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database()`,
      [LISTENER_APPLICATION_NAME],
    );
    await until(() => logs[1]!.length > reported);
    expect(logs[1]![reported]).toMatch(/^session cache off/);
    // A change B cannot hear of: B asks the database, which no longer has the session.
    await endSessionsSilently(email);
    expect(await alive(onB)).toBe(false);
    // Once it listens again, it answers from memory again.
    await until(async () => {
      const again = await adminKnownToB();
      await endSessionsSilently(again.email);
      return alive(again.onB);
    });
  });
});

/** Polls `condition` every 100 ms until it holds; fails after 10 s. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 100) {
    if (waited >= 10_000) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
