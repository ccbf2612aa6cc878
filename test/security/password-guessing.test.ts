/**
 * Password guessing through `POST /api/verify_password/…` and many logins at once, on every
 * backend (README, Security: "Login throttling"). A session holder must not be able to check
 * another account's passwords at full speed: each target account and each client gets
 * MAX_LOGIN_FAILURES wrong guesses per window, read-only mode included.
 */
import { DEFAULT_SETTINGS } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { type RunningServer, startServer } from '../../src/server/server';
import { createTestDatabase, SERVER_BACKENDS, TEST_ADMIN, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';
import { hashPassword } from '../../src/server/auth/passwords';

const PW = 'Gue55!right';
const MAX = 3;

describe.each(SERVER_BACKENDS)('password guessing on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), {
    domains: ['guess.example'],
    settings: { maxLoginFailures: MAX },
  });
  beforeAll(async () => {
    for (const user of ['alice', 'bob', 'carol', 'dave'])
      await api.ok('POST', `/api/user/${user}@guess.example`, { password: PW });
    await api.ok('POST', '/api/admin/helper@admins.example', { password: PW });
  });
  beforeEach(() => server.db.query(sql`DELETE FROM iredadmin_api_login_failures`));

  const verify = (session: ApiSession, path: string, password: string) =>
    session.post(`/api/verify_password/${path}`, { password });

  test('wrong guesses at one account are refused after MAX_LOGIN_FAILURES, even the right password', async () => {
    for (let i = 0; i < MAX; i++)
      expect(await verify(api, 'user/alice@guess.example', `wrong-${i}`)).toEqual({
        _success: false,
        _msg: 'INVALID_CREDENTIALS',
      });
    expect(await verify(api, 'user/alice@guess.example', PW)).toEqual({
      _success: false,
      _msg: 'TOO_MANY_PASSWORD_FAILURES',
    });
    // Another spelling of the same account is the same account.
    expect(await verify(api, 'user/Alice@GUESS.example', PW)).toEqual({
      _success: false,
      _msg: 'TOO_MANY_PASSWORD_FAILURES',
    });
  });

  test('a fresh session does not reset an account’s count', async () => {
    for (let i = 0; i < MAX; i++) await verify(api, 'admin/helper@admins.example', `wrong-${i}`);
    const other = new ApiSession(server.url);
    expect(await other.login(server.admin.email, server.admin.password)).toEqual({ _success: true });
    expect((await verify(other, 'admin/helper@admins.example', PW))._msg).toBe('TOO_MANY_PASSWORD_FAILURES');
  });

  test('spreading guesses over accounts is throttled per client', async () => {
    const targets = ['alice', 'bob', 'carol'];
    for (const user of targets)
      expect((await verify(api, `user/${user}@guess.example`, 'wrong'))._msg).toBe('INVALID_CREDENTIALS');
    // dave has no failures of its own: the client's count refuses it.
    expect((await verify(api, 'user/dave@guess.example', PW))._msg).toBe('TOO_MANY_PASSWORD_FAILURES');
  });

  test('right passwords do not use up the allowance', async () => {
    for (let i = 0; i < MAX * 3; i++)
      expect(await verify(api, 'user/bob@guess.example', PW)).toEqual({ _success: true });
    expect((await verify(api, 'user/bob@guess.example', 'wrong'))._msg).toBe('INVALID_CREDENTIALS');
  });

  test('40 guesses at once: at most MAX_LOGIN_FAILURES are checked, the right one among the rest is refused', async () => {
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? PW : `wrong-${i}`));
    const answers = await Promise.all(guesses.map((guess) => verify(api, 'user/carol@guess.example', guess)));
    const codes = answers.map((a) => a._msg ?? 'OK');
    expect(codes.filter((c) => c !== 'TOO_MANY_PASSWORD_FAILURES').length).toBeLessThanOrEqual(MAX);
    expect(codes.filter((c) => c === 'TOO_MANY_PASSWORD_FAILURES').length).toBeGreaterThanOrEqual(40 - MAX);
    expect(answers.filter((a) => a._success)).toEqual([]);
  });

  test('an address of the longest length is counted too', async () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(54)}.example`;
    expect(longest.length).toBe(255);
    await server.db.query(
      sql`INSERT INTO admin (username, password) VALUES (${longest}, ${await hashPassword(PW, 'SSHA512')})`,
    );
    for (let i = 0; i < MAX; i++)
      expect((await verify(api, `admin/${longest}`, 'wrong'))._msg).toBe('INVALID_CREDENTIALS');
    expect((await verify(api, `admin/${longest}`, PW))._msg).toBe('TOO_MANY_PASSWORD_FAILURES');
  });

  // Three starts: no row for the client yet (concurrent first inserts), a row in its window, and
  // a row whose window is over (each of the 16 must see the others' restart, not restart again).
  test.each(['no row yet', 'a row in its window', 'a row whose window is over'])(
    '16 wrong logins at once with %s count 16, and no more than MAX_LOGIN_FAILURES are checked',
    async (start) => {
      const failures = () =>
        server.db.query<{ failures: number }>(
          sql`SELECT failures FROM iredadmin_api_login_failures WHERE client = '127.0.0.1'`,
        );
      if (start !== 'no row yet') {
        const windowStart = start === 'a row in its window' ? new Date() : new Date(Date.now() - 3600_000);
        const at = windowStart.toISOString().slice(0, 19).replace('T', ' ');
        await server.db.query(
          sql`INSERT INTO iredadmin_api_login_failures (client, failures, window_start) VALUES ('127.0.0.1', 0, ${at})`,
        );
      }
      for (let round = 1; round <= 3; round++) {
        const answers = await Promise.all(
          Array.from({ length: 16 }, (_, i) => new ApiSession(server.url).login(server.admin.email, `wrong-${i}`)),
        );
        const codes = answers.map((a) => a._msg ?? 'OK');
        expect(codes.filter((c) => c !== 'INVALID_CREDENTIALS' && c !== 'TOO_MANY_LOGIN_FAILURES')).toEqual([]);
        expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBe(round === 1 ? MAX : 0);
        expect((await failures()).map((r) => Number(r.failures))).toEqual([16 * round]);
      }
    },
  );
});

describe.each(SERVER_BACKENDS)('password guessing in read-only mode on %s', (backend) => {
  let db: Database;
  let server: RunningServer;
  let api: ApiSession;

  beforeAll(async () => {
    db = (await createTestDatabase(backend)).db;
    // The writable start creates the admin; a read-only server creates nothing.
    await (
      await startServer({ settings: { ...DEFAULT_SETTINGS, enableApi: true }, db, admin: TEST_ADMIN })
    ).app.close();
    server = await startServer({
      settings: { ...DEFAULT_SETTINGS, enableApi: true, readOnly: true, maxLoginFailures: MAX },
      db,
    });
    api = new ApiSession(server.url);
    expect(await api.login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({ _success: true });
  });
  afterAll(async () => {
    await server?.app.close();
    await db?.close();
  });

  test('verify_password is throttled as in read-write mode', async () => {
    const verify = (password: string) => api.post(`/api/verify_password/admin/${TEST_ADMIN.email}`, { password });
    for (let i = 0; i < MAX; i++) expect((await verify(`wrong-${i}`))._msg).toBe('INVALID_CREDENTIALS');
    expect((await verify(TEST_ADMIN.password))._msg).toBe('TOO_MANY_PASSWORD_FAILURES');
  });
});
