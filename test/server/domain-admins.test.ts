import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

const PW = 'Adm1n!pass';

describe.each(SERVER_BACKENDS)('domain admins on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let normal: ApiSession;

  const admins = (domain: string) => api.ok('GET', `/api/domain/admins/${domain}`);
  const isadmin = async (email: string) =>
    (await server.db.query<{ isadmin: number }>(sql`SELECT isadmin FROM mailbox WHERE username = ${email}`))[0]
      ?.isadmin;

  useTestServer(backend, (started) => ({ server, api } = started), {
    domains: ['a.example', 'b.example', 'c.example'],
  });
  beforeAll(async () => {
    for (const u of ['u1@a.example', 'u2@a.example', 'u3@b.example', 'u4@c.example'])
      await api.ok('POST', `/api/user/${u}`, { password: PW });
    await api.ok('POST', '/api/admin/sep@admins.example', { password: PW });
    // The normal admin is inserted directly so these tests do not depend on the endpoints they test.
    normal = await normalAdminSession(server, 'normal@admins.example', ['a.example', 'b.example']);
  });

  test('a global admin adds and removes separate admins and mail users', async () => {
    expect(await admins('c.example')).toEqual([]);
    expect(await api.put('/api/domain/admins/c.example', { addAdmin: 'SEP@admins.example,u1@a.example' })).toEqual({
      _success: true,
    });
    expect(await admins('c.example')).toEqual(['sep@admins.example', 'u1@a.example']);
    expect(await isadmin('u1@a.example')).toBe(1);
    expect(await api.ok('GET', '/api/user/u1@a.example')).toMatchObject({ isadmin: 1, managed_domains: ['c.example'] });
    expect(await api.ok('GET', '/api/admin/sep@admins.example')).toMatchObject({ managed_domains: ['c.example'] });

    // The promoted mail user can log in and manage that domain only.
    const u1 = new ApiSession(server.url);
    expect(await u1.login('u1@a.example', PW)).toEqual({ _success: true });
    expect(await u1.ok('GET', '/api/users/c.example', { email_only: 'yes' })).toEqual(['u4@c.example']);
    expect(await u1.get('/api/users/b.example')).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });

    await api.ok('PUT', '/api/domain/admins/c.example', { removeAdmin: 'u1@a.example' });
    expect(await admins('c.example')).toEqual(['sep@admins.example']);
    expect(await isadmin('u1@a.example')).toBe(0);
    expect(await u1.get('/api/users/c.example')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });

    await api.ok('PUT', '/api/domain/admins/c.example', { addAdmin: 'u4@c.example' });
    await api.ok('PUT', '/api/domain/admins/c.example', { removeAllAdmins: '' });
    expect(await admins('c.example')).toEqual([]);
    expect(await isadmin('u4@c.example')).toBe(0);
  });

  test('removeAllAdmins runs before addAdmin; empty parameters mean "not given"', async () => {
    await api.ok('PUT', '/api/domain/admins/c.example', { addAdmin: 'sep@admins.example' });
    await api.ok('PUT', '/api/domain/admins/c.example', {
      removeAllAdmins: '',
      addAdmin: 'u4@c.example',
      removeAdmin: '',
    });
    expect(await admins('c.example')).toEqual(['u4@c.example']);
    await api.ok('PUT', '/api/domain/admins/c.example', { addAdmin: '', removeAdmin: '' });
    expect(await admins('c.example')).toEqual(['u4@c.example']);
    await api.ok('PUT', '/api/domain/admins/c.example', { removeAdmin: 'u4@c.example' });
  });

  test('a mail user admin of two domains keeps isadmin until the last one goes', async () => {
    await api.ok('PUT', '/api/domain/admins/b.example', { addAdmin: 'u2@a.example' });
    await api.ok('PUT', '/api/domain/admins/c.example', { addAdmin: 'u2@a.example' });
    await api.ok('PUT', '/api/domain/admins/b.example', { removeAdmin: 'u2@a.example' });
    expect(await isadmin('u2@a.example')).toBe(1);
    await api.ok('PUT', '/api/domain/admins/c.example', { removeAdmin: 'u2@a.example' });
    expect(await isadmin('u2@a.example')).toBe(0);
  });

  test('errors', async () => {
    expect(await api.put('/api/domain/admins/c.example', { addAdmin: 'nobody@a.example' })).toEqual({
      _success: false,
      _msg: 'INVALID_ADMIN',
    });
    expect(await api.put('/api/domain/admins/c.example', { addAdmin: 'not an email' })).toEqual({
      _success: false,
      _msg: 'INVALID_ADMIN',
    });
    expect(await api.put('/api/domain/admins/c.example', { removeAdmin: 'ghost@a.example' })).toEqual({
      _success: false,
      _msg: 'INVALID_ADMIN',
    });
    expect(
      await api.put('/api/domain/admins/c.example', { addAdmin: 'u1@a.example', removeAdmin: 'u1@a.example' }),
    ).toEqual({
      _success: false,
      _msg: 'CONFLICT_ADD_ADMIN_AND_REMOVE_ADMIN',
    });
    expect(await api.put('/api/domain/admins/missing.example', { addAdmin: 'u1@a.example' })).toEqual({
      _success: false,
      _msg: 'NO_SUCH_DOMAIN',
    });
    expect(await api.get('/api/domain/admins/missing.example')).toEqual({ _success: false, _msg: 'NO_SUCH_DOMAIN' });
    expect(await api.get('/api/domain/admins/not_a_domain')).toEqual({ _success: false, _msg: 'INVALID_DOMAIN_NAME' });
    // One bad address fails the whole call: the valid one before it is not kept.
    expect(await api.put('/api/domain/admins/c.example', { addAdmin: 'u1@a.example,nobody@a.example' })).toEqual({
      _success: false,
      _msg: 'INVALID_ADMIN',
    });
    expect(await admins('c.example')).toEqual([]);
    expect(await isadmin('u1@a.example')).toBe(0);
  });

  test('a normal admin promotes only mail users of domains it manages', async () => {
    expect(await normal.ok('GET', '/api/domain/admins/a.example')).toEqual(['normal@admins.example']);
    await normal.ok('PUT', '/api/domain/admins/a.example', { addAdmin: 'u3@b.example' });
    expect(await admins('a.example')).toEqual(['normal@admins.example', 'u3@b.example']);
    expect(await normal.put('/api/domain/admins/a.example', { addAdmin: 'u4@c.example' })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await normal.put('/api/domain/admins/a.example', { addAdmin: 'sep@admins.example' })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await normal.put('/api/domain/admins/c.example', { addAdmin: 'u1@a.example' })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await normal.get('/api/domain/admins/c.example')).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });

    // removeAllAdmins by a normal admin leaves separate admins (itself included) in place.
    await normal.ok('PUT', '/api/domain/admins/a.example', { removeAllAdmins: '' });
    expect(await admins('a.example')).toEqual(['normal@admins.example']);
    expect(await isadmin('u3@b.example')).toBe(0);
    await api.ok('PUT', '/api/domain/admins/a.example', { addAdmin: 'sep@admins.example' });
    expect(await normal.put('/api/domain/admins/a.example', { removeAdmin: 'sep@admins.example' })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    await api.ok('PUT', '/api/domain/admins/a.example', { removeAdmin: 'sep@admins.example' });
  });

  test('login is required', async () => {
    const anonymous = new ApiSession(server.url);
    expect(await anonymous.get('/api/domain/admins/a.example')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
    expect(await anonymous.put('/api/domain/admins/a.example', { addAdmin: 'u1@a.example' })).toEqual({
      _success: false,
      _msg: 'LOGIN_REQUIRED',
    });
  });
});
