/**
 * Attack: reach the API around its guard by spelling the path differently. The router
 * normalises duplicate slashes, percent-encoding, dot segments and absolute-form targets; with
 * ENABLE_RESTFUL_API off, or from a client outside RESTFUL_API_CLIENTS, no spelling of any
 * route may get anything but the guard's answer (README, Security: "API off", "Client allow-list").
 */
import { BACKENDS, createTestDatabase, TEST_ADMIN } from '../support/test-server';
import { DEFAULT_SETTINGS, type ServerSettings } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { startServer } from '../../src/server/server';
import { fillUrl, METHODS, registeredUrls } from './support/routes';
import { rawRequest } from './support/raw-http';
import { theirsParam } from './support/fixtures';
import { spellings } from './support/spellings';

const LOGIN_BODY = new URLSearchParams({ username: TEST_ADMIN.email, password: TEST_ADMIN.password }).toString();

describe.each(BACKENDS)('path spellings against the API guard on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = (await createTestDatabase(backend)).db;
  });
  afterAll(() => db?.close());

  async function withServer(settings: Partial<ServerSettings>, check: (url: string) => Promise<void>): Promise<void> {
    const server = await startServer({ settings: { ...DEFAULT_SETTINGS, ...settings }, db, admin: TEST_ADMIN });
    try {
      await check(server.url);
    } finally {
      await server.app.close();
    }
  }

  /** Every route, every method, every spelling: the answers that were not `expected`. */
  async function leaks(url: string, expected: { status: number; msg: string }): Promise<string[]> {
    const out: string[] = [];
    for (const route of registeredUrls()) {
      const path = fillUrl(route, theirsParam);
      for (const target of spellings(path, url)) {
        for (const method of METHODS) {
          const answer = await rawRequest(url, method, target, method === 'GET' ? undefined : LOGIN_BODY);
          const ok =
            answer.status === expected.status &&
            answer.body === JSON.stringify({ _success: false, _msg: expected.msg }) &&
            answer.setCookie.length === 0;
          if (!ok) out.push(`${method} ${target} → ${answer.status} ${answer.body.slice(0, 80)}`);
        }
      }
    }
    return out;
  }

  test('with ENABLE_RESTFUL_API off, no spelling of any route gets past API_DISABLED', async () => {
    await withServer({ enableApi: false }, async (url) => {
      expect(await leaks(url, { status: 404, msg: 'API_DISABLED' })).toEqual([]);
    });
  });

  test('from a client outside RESTFUL_API_CLIENTS, no spelling of any route gets past NOT_AUTHORIZED', async () => {
    await withServer({ enableApi: true, restrictApiAccess: true, apiClients: ['192.0.2.10'] }, async (url) => {
      expect(await leaks(url, { status: 200, msg: 'NOT_AUTHORIZED' })).toEqual([]);
    });
  });

  test('the spellings are real: with the API on, the router takes these to the login route', async () => {
    await withServer({ enableApi: true }, async (url) => {
      for (const target of ['//api/login', '/%61pi/login', `${url}/api/login`, `${url}//api/login`]) {
        const answer = await rawRequest(url, 'POST', target, LOGIN_BODY);
        expect([target, answer.body]).toEqual([target, JSON.stringify({ _success: true })]);
      }
    });
  });
});
