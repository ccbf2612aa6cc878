/**
 * Conformance with the real iRedAdmin-Pro (SQL edition) for domains, admins and domain admins:
 * one test per fact of /work/shared/notes/iredadmin-pro-api-facts.md ("Corrections and
 * additions"), asserting the real product's answer, on both database backends.
 */
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { useTestServer } from '../support/use-test-server';
import { raw, sql } from '../../src/server/db/sql';

type Row = Record<string, unknown>;

describe.each(SERVER_BACKENDS)('domains as the real product answers, on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started));

  const domain = async (name: string) => (await api.ok('GET', `/api/domain/${name}`)) as Row;
  const column = async (name: string, expression: string) =>
    (await server.db.query<Row>(sql`SELECT ${raw(expression)} FROM domain WHERE domain = ${name}`))[0];

  test('quota is stored and read back as domain.maxquota; maxUserQuota lives in settings.max_user_quota', async () => {
    await api.ok('POST', '/api/domain/quota.example', { quota: 2048, maxUserQuota: 512 });
    expect(await column('quota.example', 'maxquota, quota, settings')).toEqual({
      maxquota: 2048,
      quota: 0,
      settings: 'max_user_quota:512',
    });
    expect(await domain('quota.example')).toMatchObject({ maxquota: 2048, settings: { max_user_quota: 512 } });

    await api.ok('PUT', '/api/domain/quota.example', { quota: 4096, maxUserQuota: 1024 });
    expect(await column('quota.example', 'maxquota, quota, settings')).toEqual({
      maxquota: 4096,
      quota: 0,
      settings: 'max_user_quota:1024',
    });
  });

  test('an existing iRedMail database is read the same way (the quota column is not the API quota)', async () => {
    await server.db.query(
      sql`INSERT INTO domain (domain, description, maxquota, quota, settings) VALUES ('legacy.example', 'Legacy', 3072, 99, 'max_user_quota:256;enabled_services:self-service')`,
    );
    expect(await domain('legacy.example')).toMatchObject({
      maxquota: 3072,
      settings: { max_user_quota: 256, enabled_services: ['self-service'] },
    });
    // The domain quota and per-user maximum that apply are those: 256 MB per user, 3072 MB in total.
    // (A quota above the maximum is clamped to it, as by the real product.)
    await api.ok('POST', '/api/user/big@legacy.example', { password: 'Str0ng!Pass-word', quota: 257 });
    expect(await api.ok('GET', '/api/user/big@legacy.example')).toMatchObject({ quota: 256 });
  });

  test('services replaces the set, empty clears it; stored in settings.enabled_services (a list)', async () => {
    await api.ok('POST', '/api/domain/services.example');
    await api.ok('PUT', '/api/domain/services.example', { services: 'self-service' });
    expect(await column('services.example', 'settings')).toEqual({ settings: 'enabled_services:self-service' });
    expect((await domain('services.example')).settings).toEqual({ enabled_services: ['self-service'] });
    await api.ok('PUT', '/api/domain/services.example', { services: 'domainalias,self-service' });
    expect((await domain('services.example')).settings).toEqual({ enabled_services: ['domainalias', 'self-service'] });
    await api.ok('PUT', '/api/domain/services.example', { services: '' });
    expect((await domain('services.example')).settings).toEqual({});
  });

  test('addService and removeService change the set', async () => {
    await api.ok('POST', '/api/domain/toggle.example');
    await api.ok('PUT', '/api/domain/toggle.example', { addService: 'self-service,domainalias' });
    expect((await domain('toggle.example')).settings).toEqual({ enabled_services: ['domainalias', 'self-service'] });
    await api.ok('PUT', '/api/domain/toggle.example', { removeService: 'domainalias' });
    expect((await domain('toggle.example')).settings).toEqual({ enabled_services: ['self-service'] });
  });

  test('enableService / disableService / removeAllServices (LDAP edition names): ignored, not rejected', async () => {
    await api.ok('POST', '/api/domain/ldapnames.example');
    await api.ok('PUT', '/api/domain/ldapnames.example', { services: 'self-service' });
    expect(
      await api.put('/api/domain/ldapnames.example', {
        enableService: 'domainalias',
        disableService: 'self-service',
        name: 'Applied',
      }),
    ).toEqual({ _success: true });
    expect(await api.put('/api/domain/ldapnames.example', { removeAllServices: '' })).toEqual({ _success: true });
    expect(await domain('ldapnames.example')).toMatchObject({
      description: 'Applied',
      settings: { enabled_services: ['self-service'] },
    });
  });

  test('PUT does not take numberOfLists (ignored); POST does', async () => {
    await api.ok('POST', '/api/domain/lists.example', { numberOfLists: 3 });
    expect(await domain('lists.example')).toMatchObject({ maillists: 3 });
    expect(await api.put('/api/domain/lists.example', { numberOfLists: 9, numberOfUsers: 7 })).toEqual({
      _success: true,
    });
    expect(await domain('lists.example')).toMatchObject({ maillists: 3, mailboxes: 7 });
    // Ignored means not validated either.
    expect(await api.put('/api/domain/lists.example', { numberOfLists: 'lots' })).toEqual({ _success: true });
  });

  test('GET /api/domains: _data is an object keyed by domain name, each value the row', async () => {
    await api.ok('POST', '/api/domain/keyed.example', { name: 'Keyed', quota: 10 });
    const all = (await api.ok('GET', '/api/domains')) as Record<string, Row>;
    expect(Array.isArray(all)).toBe(false);
    expect(all['keyed.example']).toMatchObject({ domain: 'keyed.example', description: 'Keyed', maxquota: 10 });
    expect(all['keyed.example']).not.toHaveProperty('password');
  });

  test('GET /api/domains with name_only: a list of names', async () => {
    const names = (await api.ok('GET', '/api/domains', { name_only: 'yes' })) as string[];
    expect(names).toEqual([...names].sort());
    expect(names).toContain('keyed.example');
  });

  test('IDN: a domain, a user and an alias named in Unicode are stored and read back as punycode', async () => {
    await api.ok('POST', '/api/domain/bücher.example');
    await api.ok('POST', '/api/user/Jane@Bücher.example', { password: 'Str0ng!Pass-word' });
    await api.ok('POST', '/api/alias/team@bücher.example', { members: 'jane@bücher.example' });
    expect(await api.ok('GET', '/api/user/jane@xn--bcher-kva.example')).toMatchObject({
      username: 'jane@xn--bcher-kva.example',
      domain: 'xn--bcher-kva.example',
    });
    expect(await api.ok('GET', '/api/alias/team@bücher.example')).toMatchObject({
      address: 'team@xn--bcher-kva.example',
      members: ['jane@xn--bcher-kva.example'],
    });
    expect(await api.ok('GET', '/api/domains', { name_only: '' })).toContain('xn--bcher-kva.example');
  });

  test.each(['', 'no', 'yes', '0'])(
    'name_only=%p and disabled_only=%p are on: present means on, whatever the value',
    async (value) => {
      await api.ok('POST', `/api/domain/off-${value || 'empty'}.example`);
      await api.ok('PUT', `/api/domain/off-${value || 'empty'}.example`, { accountStatus: 'disabled' });
      const query = `name_only=${value}&disabled_only=${value}`;
      const answer = await api.get(`/api/domains?${query}`);
      expect(answer._success).toBe(true);
      const names = answer._data as string[];
      expect(Array.isArray(names)).toBe(true);
      expect(names).toContain(`off-${value || 'empty'}.example`);
      expect(names).not.toContain('keyed.example');
    },
  );
});

describe.each(SERVER_BACKENDS)('admins and domain admins as the real product answers, on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  const PW = 'Adm1n!pass';

  useTestServer(backend, (started) => ({ server, api } = started), { domains: ['hosted.example'] });

  const settings = async (email: string) => ((await api.ok('GET', `/api/admin/${email}`)) as Row).settings;

  test('a separate admin in a hosted domain: CAN_NOT_BE_LOCAL_DOMAIN', async () => {
    expect(await api.post('/api/admin/boss@hosted.example', { password: PW })).toEqual({
      _success: false,
      _msg: 'CAN_NOT_BE_LOCAL_DOMAIN',
    });
    expect(await api.post('/api/admin/Boss@HOSTED.example', { password: PW, isGlobalAdmin: 'yes' })).toEqual({
      _success: false,
      _msg: 'CAN_NOT_BE_LOCAL_DOMAIN',
    });
    expect(await api.get('/api/admin/boss@hosted.example')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    // Outside the hosted domains it is fine.
    expect(await api.post('/api/admin/boss@elsewhere.example', { password: PW })).toEqual({ _success: true });
  });

  test('a mail user of a hosted domain becomes its admin through /api/domain/admins/<domain>', async () => {
    await api.ok('POST', '/api/user/jane@hosted.example', { password: PW });
    await api.ok('PUT', '/api/domain/admins/hosted.example', { addAdmin: 'jane@hosted.example' });
    expect(await api.ok('GET', '/api/domain/admins/hosted.example')).toEqual(['jane@hosted.example']);
    expect(await api.ok('GET', '/api/user/jane@hosted.example')).toMatchObject({
      isadmin: 1,
      managed_domains: ['hosted.example'],
    });
  });

  test('POST stores the limits only when maxDomains is sent', async () => {
    await api.ok('POST', '/api/admin/nolimits@elsewhere.example', {
      password: PW,
      maxUsers: 5,
      maxAliases: 6,
      maxQuota: 1,
      quotaUnit: 'GB',
    });
    expect(await settings('nolimits@elsewhere.example')).toEqual({});
    await api.ok('POST', '/api/admin/limits@elsewhere.example', {
      password: PW,
      maxDomains: 2,
      maxUsers: 5,
      maxAliases: 6,
    });
    expect(await settings('limits@elsewhere.example')).toEqual({
      create_max_domains: 2,
      create_max_users: 5,
      create_max_aliases: 6,
    });
  });

  test('PUT stores the limits only when isGlobalAdmin is sent and is not yes', async () => {
    await api.ok('POST', '/api/admin/put@elsewhere.example', { password: PW, maxDomains: 1, maxUsers: 5 });
    await api.ok('PUT', '/api/admin/put@elsewhere.example', { maxUsers: 9, name: 'Applied' });
    expect(await api.ok('GET', '/api/admin/put@elsewhere.example')).toMatchObject({
      name: 'Applied',
      settings: { create_max_domains: 1, create_max_users: 5 },
    });
    await api.ok('PUT', '/api/admin/put@elsewhere.example', { isGlobalAdmin: 'no', maxUsers: 9 });
    expect(await settings('put@elsewhere.example')).toEqual({ create_max_domains: 1, create_max_users: 9 });
    await api.ok('PUT', '/api/admin/put@elsewhere.example', { isGlobalAdmin: 'yes', maxUsers: 3 });
    expect(await api.ok('GET', '/api/admin/put@elsewhere.example')).toMatchObject({ isglobaladmin: 1, settings: {} });
  });

  test('maxQuota + quotaUnit is kept in the unit sent, with the unit beside it, and read back that way', async () => {
    await api.ok('POST', '/api/admin/quota@elsewhere.example', {
      password: PW,
      maxDomains: 0,
      maxQuota: 2,
      quotaUnit: 'TB',
    });
    expect(await settings('quota@elsewhere.example')).toEqual({
      create_max_domains: 0,
      create_max_quota: 2,
      create_quota_unit: 'TB',
    });
    await api.ok('PUT', '/api/admin/quota@elsewhere.example', { isGlobalAdmin: 'no', maxQuota: 1, quotaUnit: 'gb' });
    expect(await settings('quota@elsewhere.example')).toEqual({
      create_max_domains: 0,
      create_max_quota: 1,
      create_quota_unit: 'GB',
    });
  });

  test('the quota limit applies in its unit: 1 GB is 1024 MB of mailboxes', async () => {
    await api.ok('POST', '/api/domain/budget.example');
    await api.ok('PUT', '/api/domain/admins/budget.example', { addAdmin: 'quota@elsewhere.example' });
    const session = new ApiSession(server.url);
    expect(await session.login('quota@elsewhere.example', PW)).toEqual({ _success: true });
    expect(await session.post('/api/user/one@budget.example', { password: PW, quota: 1000 })).toEqual({
      _success: true,
    });
    expect(await session.post('/api/user/two@budget.example', { password: PW, quota: 24 })).toEqual({ _success: true });
    expect(await session.post('/api/user/three@budget.example', { password: PW, quota: 1 })).toEqual({
      _success: false,
      _msg: 'EXCEED_LIMIT_QUOTA',
    });
  });
});
