import { hashPassword } from '../../src/server/auth/passwords';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

const PW = 'Ver1fy!pass';

describe.each(SERVER_BACKENDS)('verify_password on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), { domains: ['example.com'] });
  beforeAll(async () => {
    await api.ok('POST', '/api/user/alice@example.com', { password: PW });
    await api.ok('POST', '/api/admin/helper@admins.example', { password: PW });
  });

  test.each(['admin/helper@admins.example', 'user/alice@example.com', 'user/Alice@Example.COM'])(
    '%s: right and wrong password',
    async (path) => {
      expect(await api.post(`/api/verify_password/${path}`, { password: PW })).toEqual({ _success: true });
      expect(await api.post(`/api/verify_password/${path}`, { password: 'Wrong!pass1' })).toEqual({
        _success: false,
        _msg: 'INVALID_CREDENTIALS',
      });
    },
  );

  test('every stored scheme verifies', async () => {
    for (const scheme of ['SSHA', 'BCRYPT', 'MD5', 'PLAIN-MD5', 'SHA512'] as const) {
      await server.db.query(
        sql`UPDATE mailbox SET password = ${await hashPassword('Scheme!1', scheme)} WHERE username = 'alice@example.com'`,
      );
      expect(await api.post('/api/verify_password/user/alice@example.com', { password: 'Scheme!1' })).toEqual({
        _success: true,
      });
    }
  });

  test('the kinds do not mix, and missing accounts or passwords are named', async () => {
    expect(await api.post('/api/verify_password/admin/alice@example.com', { password: PW })).toEqual({
      _success: false,
      _msg: 'NO_SUCH_ACCOUNT',
    });
    expect(await api.post('/api/verify_password/user/helper@admins.example', { password: PW })).toEqual({
      _success: false,
      _msg: 'NO_SUCH_ACCOUNT',
    });
    expect(await api.post('/api/verify_password/user/alice@example.com', {})).toEqual({
      _success: false,
      _msg: 'EMPTY_PASSWORD',
    });
    expect(await api.post('/api/verify_password/user/alice@example.com', { password: '' })).toEqual({
      _success: false,
      _msg: 'EMPTY_PASSWORD',
    });
    expect(await api.post('/api/verify_password/user/not-an-email', { password: PW })).toEqual({
      _success: false,
      _msg: 'INVALID_MAIL',
    });
    expect(await api.get('/api/verify_password/user/alice@example.com')).toEqual({
      _success: false,
      _msg: 'INVALID_HTTP_METHOD',
    });
  });

  test('global admins only', async () => {
    await server.db.query(
      sql`INSERT INTO domain_admins (username, domain) VALUES ('helper@admins.example', 'example.com')`,
    );
    const helper = new ApiSession(server.url);
    expect(await helper.login('helper@admins.example', PW)).toEqual({ _success: true });
    expect(await helper.post('/api/verify_password/user/alice@example.com', { password: PW })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await helper.post('/api/verify_password/admin/helper@admins.example', { password: PW })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    const anonymous = new ApiSession(server.url);
    expect(await anonymous.post('/api/verify_password/user/alice@example.com', { password: PW })).toEqual({
      _success: false,
      _msg: 'LOGIN_REQUIRED',
    });
  });
});
