/**
 * Attacks on login throttling and on the client address: many guesses at once, an attacker's own
 * account used to reset the count, and X-Forwarded-For written by the client to dodge the
 * allow-list or the throttle behind a proxy (README, Security: "Login throttling", "Proxies").
 */
import { BACKENDS, createTestDatabase, TEST_ADMIN } from '../support/test-server';
import { ApiSession } from '../support/api';
import { hashPassword } from '../../src/server/auth/passwords';
import { DEFAULT_SETTINGS, type ServerSettings } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { startServer } from '../../src/server/server';
import { sql } from '../../src/server/db/sql';

const LOGIN = { username: TEST_ADMIN.email, password: TEST_ADMIN.password };
const ATTACKER = { username: 'mallory@attackers.example', password: 'Mall0ry!own-pass' };

describe.each(BACKENDS)('login throttling and client addresses on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = (await createTestDatabase(backend)).db;
    await db.query(
      sql`INSERT INTO admin (username, password) VALUES (${ATTACKER.username}, ${await hashPassword(ATTACKER.password, 'SSHA512')})`,
    );
  });
  afterAll(() => db?.close());

  async function withServer(
    settings: Partial<ServerSettings>,
    check: (api: ApiSession) => Promise<void>,
  ): Promise<void> {
    await db.query(sql`DELETE FROM iredadmin_api_login_failures`);
    const server = await startServer({
      settings: { ...DEFAULT_SETTINGS, enableApi: true, ...settings },
      db,
      admin: TEST_ADMIN,
    });
    try {
      await check(new ApiSession(server.url));
    } finally {
      await server.app.close();
    }
  }

  test('100 guesses at once with MAX_LOGIN_FAILURES=3: at most 3 checked, the right one among the rest fails', async () => {
    await withServer({ maxLoginFailures: 3 }, async (api) => {
      const guesses = Array.from({ length: 100 }, (_, i) => (i === 99 ? TEST_ADMIN.password : `wrong-${i}`));
      const answers = await Promise.all(
        guesses.map((password) => api.raw('POST', '/api/login', { username: TEST_ADMIN.email, password })),
      );
      const codes = answers.map((a) => a.body._msg ?? 'OK');
      expect(codes.filter((c) => c !== 'TOO_MANY_LOGIN_FAILURES').length).toBeLessThanOrEqual(3);
      expect(answers.filter((a) => a.body._success)).toEqual([]);
    });
  });

  test('logging in with its own account between guesses does not reset the count', async () => {
    await withServer({ maxLoginFailures: 3 }, async (api) => {
      const guess = () => api.login(TEST_ADMIN.email, 'wrong-guess');
      expect((await guess())._msg).toBe('INVALID_CREDENTIALS');
      expect((await guess())._msg).toBe('INVALID_CREDENTIALS');
      expect(await api.login(ATTACKER.username, ATTACKER.password)).toEqual({ _success: true });
      expect((await guess())._msg).toBe('INVALID_CREDENTIALS');
      expect(await api.login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({
        _success: false,
        _msg: 'TOO_MANY_LOGIN_FAILURES',
      });
    });
  });

  // The proxy on loopback appends the address it saw; the client wrote everything left of it.
  const viaProxy = (api: ApiSession, forwardedFor: string, credentials = LOGIN) =>
    api.raw('POST', '/api/login', credentials, { headers: { 'x-forwarded-for': forwardedFor } });

  test('behind a trusted proxy the allow-list sees the address the proxy saw, not what the client claims', async () => {
    const allowList = { restrictApiAccess: true, apiClients: ['192.0.2.10'] };
    await withServer({ ...allowList, trustProxy: ['127.0.0.1'] }, async (api) => {
      expect((await viaProxy(api, '192.0.2.10, 198.51.100.7')).body).toEqual({
        _success: false,
        _msg: 'NOT_AUTHORIZED',
      });
      expect((await viaProxy(api, '192.0.2.10')).body).toEqual({ _success: true });
    });
    await withServer({ ...allowList, trustProxy: 1 }, async (api) => {
      expect((await viaProxy(api, '192.0.2.10, 198.51.100.7')).body).toEqual({
        _success: false,
        _msg: 'NOT_AUTHORIZED',
      });
      expect((await viaProxy(api, '198.51.100.7, 192.0.2.10')).body).toEqual({ _success: true });
    });
    // A proxy list that does not hold the peer: X-Forwarded-For is not believed at all.
    await withServer({ ...allowList, trustProxy: ['203.0.113.1'] }, async (api) => {
      expect((await viaProxy(api, '192.0.2.10')).body).toEqual({ _success: false, _msg: 'NOT_AUTHORIZED' });
    });
  });

  test('behind a trusted proxy a rotating client-written X-Forwarded-For does not dodge the throttle', async () => {
    await withServer({ maxLoginFailures: 3, trustProxy: ['127.0.0.1'] }, async (api) => {
      for (let i = 0; i < 3; i++) {
        expect((await viaProxy(api, `203.0.113.${i}, 198.51.100.7`, { ...LOGIN, password: 'wrong' })).body._msg).toBe(
          'INVALID_CREDENTIALS',
        );
      }
      expect((await viaProxy(api, '203.0.113.99, 198.51.100.7')).body).toEqual({
        _success: false,
        _msg: 'TOO_MANY_LOGIN_FAILURES',
      });
    });
  });
});
