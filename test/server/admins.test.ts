import { verifyPassword } from '../../src/server/auth/passwords';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { useTestServer } from '../support/use-test-server';

const PW = 'Adm1n!pass';
type View = Record<string, unknown>;

describe.each(SERVER_BACKENDS)('admins on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  const admin = async (email: string) => (await api.ok('GET', `/api/admin/${email}`)) as View;
  const login = async (email: string, password = PW) => {
    const session = new ApiSession(server.url);
    return { session, result: await session.login(email, password) };
  };

  useTestServer(backend, (started) => ({ server, api } = started), { domains: ['example.com'] });

  test('create a normal admin with every limit, read it back, log in with it', async () => {
    expect(
      await api.post('/api/admin/Helper@Admins.example', {
        name: 'Helper',
        password: PW,
        accountStatus: 'active',
        language: 'de_DE',
        isGlobalAdmin: 'no',
        maxDomains: 5,
        maxQuota: 2,
        quotaUnit: 'gb',
        maxUsers: 100,
        maxAliases: 200,
        maxLists: 300,
      }),
    ).toEqual({ _success: true });
    const view = await admin('helper@admins.example');
    expect(view).not.toHaveProperty('password');
    expect(view).toMatchObject({
      username: 'helper@admins.example',
      name: 'Helper',
      language: 'de_DE',
      active: 1,
      isglobaladmin: 0,
      managed_domains: [],
      settings: {
        create_max_domains: 5,
        create_max_quota: 2,
        create_quota_unit: 'GB',
        create_max_users: 100,
        create_max_aliases: 200,
        create_max_lists: 300,
      },
    });
    const stored = (
      await server.db.query<{ password: string }>("SELECT password FROM admin WHERE username = 'helper@admins.example'")
    )[0]!;
    expect(await verifyPassword(PW, stored.password)).toBe(true);
    const { session, result } = await login('helper@admins.example');
    expect(result).toEqual({ _success: true });
    // A normal admin may not manage admins.
    expect(await session.get('/api/admin/helper@admins.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await session.post('/api/admin/x@admins.example', { password: PW })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await session.put('/api/admin/helper@admins.example', { isGlobalAdmin: 'yes' })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await session.delete('/api/admin/postmaster@test.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
  });

  test('the quota limit is kept in the unit sent, with the unit beside it', async () => {
    await api.ok('POST', '/api/admin/tb@admins.example', { password: PW, maxDomains: 0, maxQuota: 2, quotaUnit: 'TB' });
    expect((await admin('tb@admins.example')).settings).toEqual({
      create_max_domains: 0,
      create_max_quota: 2,
      create_quota_unit: 'TB',
    });
    await api.ok('PUT', '/api/admin/tb@admins.example', { isGlobalAdmin: 'no', maxQuota: 300, quotaUnit: 'MB' });
    expect((await admin('tb@admins.example')).settings).toEqual({
      create_max_domains: 0,
      create_max_quota: 300,
      create_quota_unit: 'MB',
    });
  });

  test('a global admin: limits are discarded, the ALL row is written, and it can be demoted', async () => {
    await api.ok('POST', '/api/admin/boss@admins.example', {
      password: PW,
      isGlobalAdmin: 'yes',
      maxDomains: 3,
      maxUsers: 9,
    });
    expect(await admin('boss@admins.example')).toMatchObject({ isglobaladmin: 1, settings: {} });
    expect(await server.db.query("SELECT domain FROM domain_admins WHERE username = 'boss@admins.example'")).toEqual([
      { domain: 'ALL' },
    ]);
    const { session } = await login('boss@admins.example');
    expect(await session.ok('GET', '/api/admin/tb@admins.example')).toMatchObject({ username: 'tb@admins.example' });

    await api.ok('PUT', '/api/admin/boss@admins.example', { isGlobalAdmin: 'no', maxUsers: 7 });
    expect(await admin('boss@admins.example')).toMatchObject({ isglobaladmin: 0, settings: { create_max_users: 7 } });
    // The rights change ended its session; logged in again, it is a normal admin.
    expect(await session.get('/api/admin/tb@admins.example')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
    const { session: demoted } = await login('boss@admins.example');
    expect(await demoted.get('/api/admin/tb@admins.example')).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });
    // Promoting again drops the limits.
    await api.ok('PUT', '/api/admin/boss@admins.example', { isGlobalAdmin: 'yes' });
    expect(await admin('boss@admins.example')).toMatchObject({ isglobaladmin: 1, settings: {} });
  });

  test('update profile, password and status', async () => {
    await api.ok('POST', '/api/admin/edit@admins.example', { password: PW, name: 'Before' });
    await api.ok('PUT', '/api/admin/edit@admins.example', {
      name: 'After',
      language: 'fr',
      password: 'N3w!admin',
      accountStatus: 'disabled',
      givenName: 'ignored',
    });
    expect(await admin('edit@admins.example')).toMatchObject({ name: 'After', language: 'fr', active: 0 });
    expect((await login('edit@admins.example', 'N3w!admin')).result).toEqual({
      _success: false,
      _msg: 'INVALID_CREDENTIALS',
    });
    await api.ok('PUT', '/api/admin/edit@admins.example', { accountStatus: 'active', name: '' });
    expect(await admin('edit@admins.example')).toMatchObject({ name: 'After', active: 1 });
    expect((await login('edit@admins.example', 'N3w!admin')).result).toEqual({ _success: true });
    expect(await api.put('/api/admin/missing@admins.example', { name: 'x' })).toEqual({
      _success: false,
      _msg: 'NO_SUCH_ACCOUNT',
    });
  });

  test.each([
    [{}, 'NO_PASSWORD'],
    [{ password: 'weak' }, 'PW_SHORTER_THAN_MIN_LENGTH,PW_NO_UPPERCASE,PW_NO_DIGIT_NUMBER,PW_NO_SPECIAL_CHAR'],
    [{ password: 'nouppercase1!' }, 'PW_NO_UPPERCASE'],
    [{ password: PW, accountStatus: 'sleeping' }, 'INVALID_ACCOUNT_STATUS'],
    [{ password: PW, language: 'klingon' }, 'INVALID_LANGUAGE'],
    [{ password: PW, isGlobalAdmin: 'perhaps' }, 'INVALID_IS_GLOBAL_ADMIN'],
    [{ password: PW, maxDomains: -1 }, 'INVALID_MAX_DOMAINS'],
    [{ password: PW, maxQuota: 'lots', quotaUnit: 'GB' }, 'INVALID_MAX_QUOTA'],
    [{ password: PW, maxQuota: 1, quotaUnit: 'PB' }, 'INVALID_QUOTA_UNIT'],
    [{ password: PW, maxQuota: 1 }, 'MISSING_QUOTA_UNIT'],
    [{ password: PW, quotaUnit: 'GB' }, 'MISSING_MAX_QUOTA'],
    [{ password: PW, maxUsers: 'x' }, 'INVALID_MAX_USERS'],
    [{ password: PW, maxAliases: '1.5' }, 'INVALID_MAX_ALIASES'],
    [{ password: PW, maxLists: '-2' }, 'INVALID_MAX_LISTS'],
  ])('POST %p fails with %s and creates nothing', async (params, code) => {
    expect(await api.post('/api/admin/bad@admins.example', params)).toEqual({ _success: false, _msg: code });
    expect(await api.get('/api/admin/bad@admins.example')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
  });

  test('addresses: invalid, duplicate, taken by a mail user; empty optional values', async () => {
    expect(await api.post('/api/admin/not-an-email', { password: PW })).toEqual({
      _success: false,
      _msg: 'INVALID_MAIL',
    });
    await api.ok('POST', '/api/admin/dup@admins.example', {
      password: PW,
      name: '',
      language: '',
      maxQuota: '',
      quotaUnit: '',
      maxUsers: '',
    });
    expect(await api.post('/api/admin/dup@admins.example', { password: PW })).toEqual({
      _success: false,
      _msg: 'ALREADY_EXISTS',
    });
    // A domain hosted after its admin was created: the admin's address stays taken for mail users.
    await api.ok('POST', '/api/admin/early@later-hosted.example', { password: PW });
    await api.ok('POST', '/api/domain/later-hosted.example');
    expect(await api.post('/api/user/early@later-hosted.example', { password: PW })).toEqual({
      _success: false,
      _msg: 'ALREADY_EXISTS',
    });
  });

  test('concurrent creates of one admin: exactly one succeeds', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => api.post('/api/admin/race@admins.example', { password: PW })),
    );
    expect(results.filter((r) => r._success)).toHaveLength(1);
    expect(results.filter((r) => r._msg === 'ALREADY_EXISTS')).toHaveLength(2);
  });

  test('delete removes the admin, its domain rights and its sessions', async () => {
    await api.ok('POST', '/api/admin/leaver@admins.example', { password: PW });
    await api.ok('PUT', '/api/domain/admins/example.com', { addAdmin: 'leaver@admins.example' });
    expect(await admin('leaver@admins.example')).toMatchObject({ managed_domains: ['example.com'] });
    const { session } = await login('leaver@admins.example');
    expect(await session.ok('GET', '/api/domain/example.com')).toMatchObject({ domain: 'example.com' });

    expect(await api.delete('/api/admin/leaver@admins.example')).toEqual({ _success: true });
    expect(await api.get('/api/admin/leaver@admins.example')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    expect(await server.db.query("SELECT 1 FROM domain_admins WHERE username = 'leaver@admins.example'")).toEqual([]);
    expect(
      await server.db.query("SELECT 1 FROM iredadmin_api_sessions WHERE username = 'leaver@admins.example'"),
    ).toEqual([]);
    expect(await session.get('/api/domain/example.com')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
    // Deleting what does not exist succeeds, as in iRedAdmin-Pro.
    expect(await api.delete('/api/admin/leaver@admins.example')).toEqual({ _success: true });
  });

  test('login is required', async () => {
    const anonymous = new ApiSession(server.url);
    expect(await anonymous.get('/api/admin/dup@admins.example')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });
});
