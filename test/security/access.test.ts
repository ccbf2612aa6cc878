/**
 * Access rules that test/server/auth.test.ts does not already pin down: the API is off unless
 * the environment turns it on; X-Forwarded-For neither opens the allow-list nor dodges the login
 * throttle unless TRUST_PROXY is set; Secure cookies behind HTTPS; router-level refusals
 * (malformed or over-long URLs) still answer the envelope; no route plugin can add a URL outside
 * /api, which the API guard's premise (it gates every request) relies on.
 */
import { ApiSession } from '../support/api';
import { BACKENDS, createTestDatabase, TEST_ADMIN } from '../support/test-server';
import { DEFAULT_SETTINGS, settingsFromEnv, type ServerSettings } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { buildApp } from '../../src/server/app';
import { startServer } from '../../src/server/server';
import { sql } from '../../src/server/db/sql';

describe.each(BACKENDS)('access on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = (await createTestDatabase(backend)).db;
  });
  afterAll(() => db?.close());

  async function withServer(settings: Partial<ServerSettings>, check: (url: string) => Promise<void>): Promise<void> {
    await db.query(sql`DELETE FROM iredadmin_api_login_failures`);
    const server = await startServer({ settings: { ...DEFAULT_SETTINGS, ...settings }, db, admin: TEST_ADMIN });
    try {
      await check(server.url);
    } finally {
      await server.app.close();
    }
  }

  test('the API stays off unless ENABLE_RESTFUL_API says yes', async () => {
    for (const value of [undefined, '', '0', 'false', 'no', 'off', 'disabled']) {
      expect(settingsFromEnv({ ENABLE_RESTFUL_API: value }).enableApi).toBe(false);
    }
    await withServer(settingsFromEnv({}), async (url) => {
      for (const path of ['/api/login', '/api/domains', '/api/user/x@y.example', '/api']) {
        const { status, body } = await new ApiSession(url).raw('POST', path, {});
        expect([status, body]).toEqual([404, { _success: false, _msg: 'API_DISABLED' }]);
      }
    });
  });

  test('a rotating X-Forwarded-For does not dodge the login throttle without TRUST_PROXY', async () => {
    await withServer({ enableApi: true, maxLoginFailures: 3 }, async (url) => {
      const api = new ApiSession(url);
      for (let i = 0; i < 3; i++) {
        const { body } = await api.raw(
          'POST',
          '/api/login',
          { username: TEST_ADMIN.email, password: 'wrong' },
          { headers: { 'x-forwarded-for': `198.51.100.${i}` } },
        );
        expect(body._msg).toBe('INVALID_CREDENTIALS');
      }
      const { body } = await api.raw(
        'POST',
        '/api/login',
        { username: TEST_ADMIN.email, password: TEST_ADMIN.password },
        { headers: { 'x-forwarded-for': '198.51.100.99' } },
      );
      expect(body).toEqual({ _success: false, _msg: 'TOO_MANY_LOGIN_FAILURES' });
    });
  });

  test('behind a trusted proxy, failures count per forwarded client: one attacker locks out no one else', async () => {
    await withServer({ enableApi: true, maxLoginFailures: 3, trustProxy: ['127.0.0.1'] }, async (url) => {
      const api = new ApiSession(url);
      const as = (ip: string, password: string) =>
        api.raw('POST', '/api/login', { username: TEST_ADMIN.email, password }, { headers: { 'x-forwarded-for': ip } });
      for (let i = 0; i < 3; i++) expect((await as('203.0.113.66', 'wrong')).body._msg).toBe('INVALID_CREDENTIALS');
      expect((await as('203.0.113.66', TEST_ADMIN.password)).body._msg).toBe('TOO_MANY_LOGIN_FAILURES');
      expect((await as('203.0.113.7', TEST_ADMIN.password)).body).toEqual({ _success: true });
    });
  });

  test('SECURE_COOKIES marks the session cookie Secure; it is never Secure-less and script-readable', async () => {
    await withServer({ enableApi: true, secureCookies: true, sessionTtlSeconds: 600 }, async (url) => {
      const { headers } = await new ApiSession(url).raw('POST', '/api/login', {
        username: TEST_ADMIN.email,
        password: TEST_ADMIN.password,
      });
      const cookie = headers.get('set-cookie') ?? '';
      for (const attribute of ['HttpOnly', 'SameSite=Strict', 'Secure', 'Max-Age=600', 'Path=/'])
        expect(cookie).toContain(attribute);
    });
  });

  test('malformed and over-long URLs answer the envelope (router-level refusals included)', async () => {
    await withServer({ enableApi: true }, async (url) => {
      const long = await fetch(`${url}/api/user/${'x'.repeat(600)}@a.example`);
      expect(long.status).toBe(414);
      expect(await long.json()).toEqual({ _success: false, _msg: 'INVALID_REQUEST' });
      const bad = await fetch(`${url}/api/user/%E0%A4%A`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ _success: false, _msg: 'INVALID_REQUEST' });
    });
  });

  test('a route plugin cannot add a URL outside /api: the app refuses to start', async () => {
    const app = await buildApp({ db, settings: { ...DEFAULT_SETTINGS, enableApi: true } });
    const registering = (async () => {
      await app.register(async (child) => {
        child.get('/outside', async () => 'unguarded');
      });
    })();
    await expect(registering).rejects.toThrow('route /outside is outside /api');
    await app.close().catch(() => undefined);
  });
});
