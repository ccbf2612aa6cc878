import {
  SERVER_BACKENDS,
  createTestDatabase,
  startTestServer,
  type TestServer,
  TEST_ADMIN,
} from '../support/test-server';
import { adminSession, ApiSession } from '../support/api';
import { DEFAULT_SETTINGS } from '../../src/server/config';
import { startServer } from '../../src/server/server';
import { sql } from '../../src/server/db/sql';

const LOGIN = { username: TEST_ADMIN.email, password: TEST_ADMIN.password };

describe.each(SERVER_BACKENDS)('authentication and access on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ backend, settings: { maxLoginFailures: 3 } });
  });
  afterAll(() => server?.close());
  const COOKIE = backend === 'mysql' ? 'iRedAdmin-Pro-MYSQL' : 'iRedAdmin-Pro-PGSQL';

  test('login sets an HttpOnly, SameSite, expiring session cookie', async () => {
    const api = new ApiSession(server.url);
    const { body, headers } = await api.raw('POST', '/api/login', LOGIN);
    expect(body).toEqual({ _success: true });
    const cookie = headers.get('set-cookie') ?? '';
    // The real product's name on its PostgreSQL and its MySQL installs, and its default lifetime.
    expect(cookie.startsWith(`${COOKIE}=`)).toBe(true);
    expect(cookie).toMatch(/^iRedAdmin-Pro-[A-Z]+=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Max-Age=1800');
  });

  test('login failures give the real product codes', async () => {
    const api = new ApiSession(server.url);
    expect(await api.login('not-an-email', 'x')).toEqual({ _success: false, _msg: 'INVALID_USERNAME' });
    expect(await api.login(TEST_ADMIN.email, '')).toEqual({ _success: false, _msg: 'EMPTY_PASSWORD' });
    expect(await api.get('/api/login')).toEqual({ _success: false, _msg: 'INVALID_HTTP_METHOD' });
  });

  test('usernames are case-insensitive', async () => {
    const api = new ApiSession(server.url);
    expect(await api.login(TEST_ADMIN.email.toUpperCase(), TEST_ADMIN.password)).toEqual({ _success: true });
  });

  test('every other endpoint needs a session', async () => {
    const api = new ApiSession(server.url);
    expect(await api.get('/api/domain/example.com')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
    expect(await api.post('/api/domain/example.com')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
    expect(await api.get('/api/domains')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test('a forged or unknown cookie is not a session', async () => {
    const api = new ApiSession(server.url);
    const { body } = await api.raw('GET', '/api/domains', undefined, {
      headers: { cookie: `${COOKIE}=forged` },
    });
    expect(body).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test('repeated failures lock the client out, even with the right password', async () => {
    const api = new ApiSession(server.url);
    for (let i = 0; i < 3; i++)
      expect(await api.login(TEST_ADMIN.email, 'wrong')).toEqual({ _success: false, _msg: 'INVALID_CREDENTIALS' });
    expect(await api.login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({
      _success: false,
      _msg: 'TOO_MANY_LOGIN_FAILURES',
    });
    await server.db.query(sql`DELETE FROM iredadmin_api_login_failures`);
    expect(await api.login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({ _success: true });
  });

  test('sessions live in the database: another instance on the same database accepts them', async () => {
    const api = await adminSession(server);
    const other = await startServer({ settings: { ...DEFAULT_SETTINGS, enableApi: true }, db: server.db });
    try {
      const stored = await server.db.query<{ token_hash: string }>(sql`SELECT token_hash FROM iredadmin_api_sessions`);
      expect(stored.length).toBeGreaterThan(0);
      // Only a hash of the token is stored.
      const token = api.sessionCookie!.split('=')[1]!;
      expect(stored.map((r) => r.token_hash)).not.toContain(token);
      expect((await api.withBaseUrl(other.url).get('/api/domains'))._success).toBe(true);
    } finally {
      await other.app.close();
    }
  });

  test('an unknown route answers a JSON 404', async () => {
    const api = await adminSession(server);
    const { status, body } = await api.raw('GET', '/api/no/such/thing');
    expect(status).toBe(404);
    expect(body).toEqual({ _success: false, _msg: 'NOT_FOUND' });
  });
});

describe('server settings (PGlite)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>['db'];
  beforeAll(async () => {
    db = (await createTestDatabase('pglite')).db;
  });
  afterAll(() => db?.close());

  async function withServer(settings: Partial<typeof DEFAULT_SETTINGS>, check: (url: string) => Promise<void>) {
    const server = await startServer({ settings: { ...DEFAULT_SETTINGS, ...settings }, db, admin: TEST_ADMIN });
    try {
      await check(server.url);
    } finally {
      await server.app.close();
    }
  }

  test('the API is off by default and says so', async () => {
    await withServer({}, async (url) => {
      const { status, body } = await new ApiSession(url).raw('POST', '/api/login', LOGIN);
      expect(status).toBe(404);
      expect(body).toEqual({ _success: false, _msg: 'API_DISABLED' });
    });
  });

  test('RESTRICT_API_ACCESS admits only RESTFUL_API_CLIENTS', async () => {
    await withServer({ enableApi: true, restrictApiAccess: true, apiClients: ['192.0.2.10'] }, async (url) => {
      expect(await new ApiSession(url).login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({
        _success: false,
        _msg: 'NOT_AUTHORIZED',
      });
      // X-Forwarded-For is not trusted unless TRUST_PROXY is set.
      const { body } = await new ApiSession(url).raw('POST', '/api/login', LOGIN, {
        headers: { 'x-forwarded-for': '192.0.2.10' },
      });
      expect(body).toEqual({ _success: false, _msg: 'NOT_AUTHORIZED' });
    });
    await withServer({ enableApi: true, restrictApiAccess: true, apiClients: ['127.0.0.0/8'] }, async (url) => {
      expect(await new ApiSession(url).login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({ _success: true });
    });
    await withServer(
      { enableApi: true, restrictApiAccess: true, apiClients: ['192.0.2.10'], trustProxy: ['127.0.0.1'] },
      async (url) => {
        const { body } = await new ApiSession(url).raw('POST', '/api/login', LOGIN, {
          headers: { 'x-forwarded-for': '192.0.2.10' },
        });
        expect(body).toEqual({ _success: true });
      },
    );
  });

  test('sessions expire', async () => {
    await withServer({ enableApi: true, sessionTtlSeconds: 1 }, async (url) => {
      const api = new ApiSession(url);
      await api.login(TEST_ADMIN.email, TEST_ADMIN.password);
      expect((await api.get('/api/domains'))._success).toBe(true);
      await new Promise((r) => setTimeout(r, 2100));
      expect(await api.get('/api/domains')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
    });
  });

  test('a disabled admin cannot log in', async () => {
    await db.query(sql`UPDATE admin SET active = 0 WHERE username = ${TEST_ADMIN.email}`);
    try {
      await withServer({ enableApi: true }, async (url) => {
        expect(await new ApiSession(url).login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({
          _success: false,
          _msg: 'INVALID_CREDENTIALS',
        });
      });
    } finally {
      await db.query(sql`UPDATE admin SET active = 1 WHERE username = ${TEST_ADMIN.email}`);
    }
  });
});
