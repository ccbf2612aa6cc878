/**
 * User enumeration through login timing: a wrong password for an existing admin costs a hash
 * computation (tens of milliseconds with BCRYPT), so an answer that skipped it for an unknown or
 * disabled account would tell an attacker which addresses exist, however equal the answers read.
 * Every refused login checks exactly one password hash, of the configured scheme where the
 * account has none. Counted, not timed: the count is what makes the times equal.
 */
import * as passwords from '../../src/server/auth/passwords';
import { sql } from '../../src/server/db/sql';
import { ApiSession } from '../support/api';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';

const PW = 'Enum3rate!right';

describe.each(SERVER_BACKENDS)('login answers cost one hash whether or not the account exists, on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), {
    domains: ['enum.example'],
    settings: { defaultPasswordScheme: 'BCRYPT', maxLoginFailures: 1000 },
  });
  beforeAll(async () => {
    await api.ok('POST', '/api/admin/present@admins.example', { password: PW });
    await api.ok('POST', '/api/admin/disabled@admins.example', { password: PW });
    await api.ok('PUT', '/api/admin/disabled@admins.example', { accountStatus: 'disabled' });
    await api.ok('POST', '/api/user/mailonly@enum.example', { password: PW });
  });
  beforeEach(() => server.db.query(sql`DELETE FROM iredadmin_api_login_failures`));
  afterEach(() => jest.restoreAllMocks());

  /** The answer to one login, and the stored hashes it checked a password against. */
  async function login(username: string, password: string): Promise<{ msg?: string; checked: string[] }> {
    const verify = jest.spyOn(passwords, 'verifyPassword');
    try {
      const answer = await new ApiSession(server.url).login(username, password);
      return { msg: answer._msg, checked: verify.mock.calls.map(([, stored]) => stored) };
    } finally {
      verify.mockRestore();
    }
  }

  test.each([
    ['an existing admin, wrong password', 'present@admins.example', 'wrong'],
    ['no such account', 'absent@admins.example', 'wrong'],
    ['a disabled admin, right password', 'disabled@admins.example', PW],
    ['a mail user who administers nothing, right password', 'mailonly@enum.example', PW],
  ])('%s: INVALID_CREDENTIALS after one BCRYPT check', async (_case, username, password) => {
    const { msg, checked } = await login(username, password);
    expect(msg).toBe('INVALID_CREDENTIALS');
    expect(checked).toHaveLength(1);
    expect(checked[0]).toMatch(/^\{BCRYPT\}/);
  });

  test('the right password still logs in', async () => {
    const { msg, checked } = await login('present@admins.example', PW);
    expect(msg).toBeUndefined();
    expect(checked).toHaveLength(1);
  });
});
