/**
 * Spellings of one client's address against the login throttle and the allow-list. An IPv6
 * attacker's network is a /64, 2^64 addresses: counted per address, each new one brought a fresh
 * allowance and guessing never stopped. Guesses count per /64, and an IPv4 client once however a
 * proxy spells it (IPv4-mapped, with the port of each connection), for logins and verify_password;
 * the allow-list reads the same spellings as the client they name. The clients are written by a
 * trusted proxy (X-Forwarded-For).
 */
import { sql } from '../../src/server/db/sql';
import { ApiSession } from '../support/api';
import { SERVER_BACKENDS, startTestServer, TEST_ADMIN, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';

const MAX = 3;
const PW = 'Ipv6!guess-pass';
const LOGIN = { username: TEST_ADMIN.email, password: TEST_ADMIN.password };

describe.each(SERVER_BACKENDS)('guessing from rotating addresses on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), {
    domains: ['v6.example'],
    settings: { maxLoginFailures: MAX, trustProxy: ['127.0.0.1'] },
  });
  beforeAll(async () => {
    for (const local of ['target', ...Array.from({ length: MAX }, (_, i) => `t${i + 1}`)])
      await api.ok('POST', `/api/user/${local}@v6.example`, { password: PW });
  });
  beforeEach(() => server.db.query(sql`DELETE FROM iredadmin_api_login_failures`));

  const loginFrom = async (client: string, password: string) =>
    (
      await new ApiSession(server.url).raw(
        'POST',
        '/api/login',
        { username: TEST_ADMIN.email, password },
        { headers: { 'x-forwarded-for': client } },
      )
    ).body;

  test('a new address of the same /64 for every guess is still one client', async () => {
    for (let i = 1; i <= MAX; i++)
      expect((await loginFrom(`2001:db8:aa:1::${i.toString(16)}`, 'wrong'))._msg).toBe('INVALID_CREDENTIALS');
    expect((await loginFrom('2001:db8:aa:1:ffff:ffff:ffff:fffe', TEST_ADMIN.password))._msg).toBe(
      'TOO_MANY_LOGIN_FAILURES',
    );
    // Another network is another client.
    expect(await loginFrom('2001:db8:aa:2::1', TEST_ADMIN.password)).toEqual({ _success: true });
  });

  test('an IPv4 client counts once: plain, IPv4-mapped, or with a new port for every guess', async () => {
    for (const client of ['203.0.113.9', '::ffff:203.0.113.9', '203.0.113.9:50001'])
      expect((await loginFrom(client, 'wrong'))._msg).toBe('INVALID_CREDENTIALS');
    expect((await loginFrom('203.0.113.9:50002', TEST_ADMIN.password))._msg).toBe('TOO_MANY_LOGIN_FAILURES');
    expect((await loginFrom('::ffff:203.0.113.9', TEST_ADMIN.password))._msg).toBe('TOO_MANY_LOGIN_FAILURES');
    // An IPv6 client's ports too.
    for (let port = 1; port <= MAX; port++)
      expect((await loginFrom(`[2001:db8:cc::1]:${port}`, 'wrong'))._msg).toBe('INVALID_CREDENTIALS');
    expect((await loginFrom('[2001:db8:cc::2]:99', TEST_ADMIN.password))._msg).toBe('TOO_MANY_LOGIN_FAILURES');
  });

  test('verify_password counts per /64 too', async () => {
    const verifyFrom = async (client: string, target: string, password: string) =>
      (
        await api.raw(
          'POST',
          `/api/verify_password/user/${target}`,
          { password },
          { headers: { 'x-forwarded-for': client } },
        )
      ).body;
    // One wrong guess at each of several accounts, so only the client's count can stop them.
    for (let i = 1; i <= MAX; i++)
      expect((await verifyFrom(`2001:db8:bb:1::${i}`, `t${i}@v6.example`, 'wrong'))._msg).toBe('INVALID_CREDENTIALS');
    expect((await verifyFrom('2001:db8:bb:1::99', 'target@v6.example', PW))._msg).toBe('TOO_MANY_PASSWORD_FAILURES');
  });

  describe('the allow-list', () => {
    let restricted: TestServer;
    beforeAll(async () => {
      restricted = await startTestServer({
        backend,
        settings: {
          restrictApiAccess: true,
          apiClients: ['192.0.2.10', '2001:db8:dd::/48'],
          trustProxy: ['127.0.0.1'],
        },
      });
    });
    afterAll(() => restricted?.close());

    test('admits a listed client however the proxy spells it, and no other', async () => {
      const loginAs = async (client: string) =>
        (
          await new ApiSession(restricted.url).raw('POST', '/api/login', LOGIN, {
            headers: { 'x-forwarded-for': client },
          })
        ).body;
      for (const client of ['192.0.2.10', '::ffff:192.0.2.10', '192.0.2.10:443', '[2001:db8:dd::5]:443'])
        expect(await loginAs(client)).toEqual({ _success: true });
      for (const client of ['192.0.2.11', '192.0.2.11:443', '[2001:db8:de::5]:443', '192.0.2.10:443:1', 'nonsense'])
        expect(await loginAs(client)).toEqual({ _success: false, _msg: 'NOT_AUTHORIZED' });
    });
  });
});
