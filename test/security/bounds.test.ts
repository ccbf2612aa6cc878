/**
 * Attacks on bounds: a domain policy looser than the server's, a cookie or a path number that
 * used to break the server (5xx), a list of 20,000 members in one request, and a normal admin
 * racing its own domain limit (README, Security: "Bounds").
 */
import { BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { useTestServer } from '../support/use-test-server';

describe.each(BACKENDS)('bounds on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), {
    settings: { minPasswordLength: 8, maxPasswordLength: 64 },
  });
  beforeAll(async () => {
    await api.ok('POST', '/api/domain/bounds.example', {});
    await api.ok('POST', '/api/user/someone@bounds.example', { password: 'Some0ne!pass' });
  });

  test("a domain's password lengths only tighten the server's: a minimum of 0 does not let `Aa1!` in", async () => {
    await api.ok('PUT', '/api/domain/bounds.example', { minPasswordLength: 0, maxPasswordLength: 0 });
    expect(await api.post('/api/user/short@bounds.example', { password: 'Aa1!' })).toEqual({
      _success: false,
      _msg: 'PW_SHORTER_THAN_MIN_LENGTH',
    });
    expect(await api.put('/api/user/someone@bounds.example', { password: 'Aa1!' })).toEqual({
      _success: false,
      _msg: 'PW_SHORTER_THAN_MIN_LENGTH',
    });
    const long = `Aa1!${'x'.repeat(80)}`;
    expect(await api.put('/api/user/someone@bounds.example', { password: long })).toEqual({
      _success: false,
      _msg: 'PW_GREATER_THAN_MAX_LENGTH',
    });
    // Tightening works.
    await api.ok('PUT', '/api/domain/bounds.example', { minPasswordLength: 12 });
    expect(await api.put('/api/user/someone@bounds.example', { password: 'Aa1!aaaaaa' })).toEqual({
      _success: false,
      _msg: 'PW_SHORTER_THAN_MIN_LENGTH',
    });
  });

  test.each(['%', '%E0%A4%A', '%%%', 'a%zz'])(
    'a session cookie of %p is no session, not a server error',
    async (value) => {
      const { status, body } = await new ApiSession(server.url).raw('GET', '/api/domains', undefined, {
        headers: { cookie: `iRedAdmin-Pro-PGSQL=${value}` },
      });
      expect([status, body]).toEqual([200, { _success: false, _msg: 'LOGIN_REQUIRED' }]);
    },
  );

  test.each(['99999999999', '36501', '-1', '1e3', '2147483648', '7.5'])(
    'keep_mailbox_days of %s is refused with its code',
    async (days) => {
      for (const path of [
        `/api/user/someone@bounds.example/keep_mailbox_days/${days}`,
        `/api/domain/bounds.example/keep_mailbox_days/${days}`,
      ]) {
        const { status, body } = await api.raw('DELETE', path);
        expect([path, status, body]).toEqual([path, 200, { _success: false, _msg: 'INVALID_KEEP_MAILBOX_DAYS' }]);
      }
      expect(await server.db.query("SELECT 1 FROM mailbox WHERE username = 'someone@bounds.example'")).toHaveLength(1);
    },
  );

  test('a list of 20,000 members is refused at once with TOO_MANY_LIST_ITEMS; 1,000 are taken', async () => {
    const members = (n: number) => Array.from({ length: n }, (_, i) => `m${i}@bounds.example`).join(',');
    for (const [method, path, param] of [
      ['POST', '/api/alias/big@bounds.example', 'members'],
      ['PUT', '/api/user/someone@bounds.example', 'forwarding'],
      ['POST', '/api/ml/biglist@bounds.example', 'subscribers'],
      ['PUT', '/api/domain/bounds.example', 'catchall'],
    ] as const) {
      const started = Date.now();
      const { body } = await api.raw(method, path, { [param]: members(20_000) });
      expect([path, body]).toEqual([path, { _success: false, _msg: 'TOO_MANY_LIST_ITEMS' }]);
      expect(Date.now() - started).toBeLessThan(2000);
    }
    await api.ok('POST', '/api/alias/big@bounds.example', { members: members(1000) });
  });

  test('ten parallel domain creates by a normal admin with maxDomains=1 create none (global admins only)', async () => {
    const normal = await normalAdminSession(server, 'racer@admins.example', ['bounds.example'], 'create_max_domains:1');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => normal.post(`/api/domain/race${i}.example`, {})),
    );
    expect(answers.filter((a) => a._success)).toEqual([]);
    expect(await server.db.query("SELECT domain FROM domain WHERE domain LIKE 'race%'")).toEqual([]);
  });
});
