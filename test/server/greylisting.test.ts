/** iRedAPD greylisting through /api/greylisting on both backends: storage, semantics, access. */
import { ApiSession } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

const D = 'grey.example';
const USER = `jane@${D}`;

describe.each(SERVER_BACKENDS)('greylisting on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let normal: ApiSession;

  const statusRows = (account: string) =>
    server.db.query<Record<string, unknown>>(
      sql`SELECT account, priority, sender, sender_priority, active, comment FROM greylisting WHERE account = ${account} ORDER BY sender`,
    );
  const whitelistRows = (account: string) =>
    server.db.query<Record<string, unknown>>(
      sql`SELECT sender, comment FROM greylisting_whitelists WHERE account = ${account} ORDER BY sender`,
    );

  useTestServer(backend, (started) => ({ server, api } = started));
  beforeAll(async () => {
    normal = await normalAdminSession(server, 'admin@managed.example', [D]);
  });

  test('a fresh server has greylisting on globally (iRedAPD seed row); nothing else', async () => {
    expect(await api.ok('GET', '/api/greylisting/global')).toEqual({ status: 'enabled' });
    expect(await api.ok('GET', '/api/greylisting/all')).toEqual({
      '@.': [{ account: '@.', sender: '@.', status: 'enabled' }],
    });
    expect(await api.ok('GET', `/api/greylisting/${D}`)).toEqual({ status: 'inherit' });
    expect(await api.ok('GET', `/api/greylisting/${USER}`)).toEqual({ status: 'inherit' });
  });

  test('enable/disable per domain and user with iRedAPD priorities 60 and 100', async () => {
    await api.ok('POST', `/api/greylisting/${D}`, { status: 'disable' });
    await api.ok('POST', `/api/greylisting/${USER}`, { status: 'Enable' });
    expect(await api.ok('GET', `/api/greylisting/${D}`)).toEqual({ status: 'disabled' });
    expect(await api.ok('GET', `/api/greylisting/${USER}`)).toEqual({ status: 'enabled' });
    expect(await statusRows(`@${D}`)).toEqual([
      { account: `@${D}`, priority: 60, sender: '@.', sender_priority: 0, active: 0, comment: '' },
    ]);
    expect(await statusRows(USER)).toEqual([
      { account: USER, priority: 100, sender: '@.', sender_priority: 0, active: 1, comment: '' },
    ]);
    // A second write replaces the row, never adds one.
    await api.ok('POST', `/api/greylisting/${D}`, { status: 'enable' });
    expect(await statusRows(`@${D}`)).toEqual([expect.objectContaining({ active: 1 })]);
    expect(await api.ok('GET', '/api/greylisting/all')).toMatchObject({
      [`@${D}`]: [{ account: `@${D}`, sender: '@.', status: 'enabled' }],
      [USER]: [{ account: USER, sender: '@.', status: 'enabled' }],
    });
  });

  test('inherit, or no status, removes every row of the account (any sender)', async () => {
    await server.db.query(
      sql`INSERT INTO greylisting (account, priority, sender, sender_priority, active) VALUES (${`@${D}`}, 60, '8.8.8.8', 40, 0)`,
    );
    await api.ok('POST', `/api/greylisting/${D}`, { status: 'inherit' });
    expect(await statusRows(`@${D}`)).toEqual([]);
    expect(await api.ok('GET', `/api/greylisting/${D}`)).toEqual({ status: 'inherit' });
    await api.ok('POST', `/api/greylisting/${USER}`);
    expect(await statusRows(USER)).toEqual([]);
  });

  test('global: disable, enable, no status enables, inherit is refused; a missing row reads as disabled', async () => {
    await api.ok('POST', '/api/greylisting/global', { status: 'disable' });
    expect(await statusRows('@.')).toEqual([
      { account: '@.', priority: 0, sender: '@.', sender_priority: 0, active: 0, comment: '' },
    ]);
    await api.ok('POST', '/api/greylisting/global');
    expect(await api.ok('GET', '/api/greylisting/global')).toEqual({ status: 'enabled' });
    expect(await api.post('/api/greylisting/global', { status: 'inherit' })).toEqual({
      _success: false,
      _msg: 'INVALID_GREYLISTING_STATUS',
    });
    await server.db.query(sql`DELETE FROM greylisting WHERE account = '@.'`);
    expect(await api.ok('GET', '/api/greylisting/global')).toEqual({ status: 'disabled' });
    await api.ok('POST', '/api/greylisting/global', { status: 'enable' });
  });

  test('an unknown status is refused and changes nothing', async () => {
    await api.ok('POST', `/api/greylisting/${D}`, { status: 'disable' });
    expect(await api.post(`/api/greylisting/${D}`, { status: 'disabled' })).toEqual({
      _success: false,
      _msg: 'INVALID_GREYLISTING_STATUS',
    });
    expect(await api.ok('GET', `/api/greylisting/${D}`)).toEqual({ status: 'disabled' });
  });

  test('whitelists: senders replaces, addSenders/removeSenders change; comment is empty', async () => {
    await api.ok('POST', `/api/greylisting/${D}/whitelists`, {
      senders: ' Friend@Partner.example , 192.0.2.0/24,@.partner.example',
    });
    expect(await api.ok('GET', `/api/greylisting/${D}/whitelists`)).toEqual({
      whitelists: ['192.0.2.0/24', '@.partner.example', 'friend@partner.example'],
    });
    expect(await whitelistRows(`@${D}`)).toContainEqual({ sender: 'friend@partner.example', comment: '' });

    await api.ok('POST', `/api/greylisting/${D}/whitelists`, {
      addSenders: '198.51.100.9',
      removeSenders: '192.0.2.0/24',
    });
    expect(await api.ok('GET', `/api/greylisting/${D}/whitelists`)).toEqual({
      whitelists: ['198.51.100.9', '@.partner.example', 'friend@partner.example'],
    });

    // A sender in both lists ends up listed.
    await api.ok('POST', `/api/greylisting/${D}/whitelists`, {
      addSenders: '203.0.113.1',
      removeSenders: '203.0.113.1',
    });
    expect(await api.ok('GET', `/api/greylisting/${D}/whitelists`)).toMatchObject({
      whitelists: expect.arrayContaining(['203.0.113.1']),
    });

    // removeSenders is limited to the account of the path (iRedAdmin-Pro removes it everywhere).
    await api.ok('POST', `/api/greylisting/${USER}/whitelists`, { senders: 'friend@partner.example' });
    await api.ok('POST', `/api/greylisting/${USER}/whitelists`, { removeSenders: 'friend@partner.example' });
    expect(await api.ok('GET', `/api/greylisting/${USER}/whitelists`)).toEqual({ whitelists: [] });
    expect(await api.ok('GET', `/api/greylisting/${D}/whitelists`)).toMatchObject({
      whitelists: expect.arrayContaining(['friend@partner.example']),
    });

    // An empty senders clears.
    await api.ok('POST', `/api/greylisting/${D}/whitelists`, { senders: '' });
    expect(await whitelistRows(`@${D}`)).toEqual([]);
  });

  test.each(['192.0.2.*', 'not an address', 'good@example.com,bad@'])(
    'an invalid sender %p is INVALID_GREYLISTING_SENDER',
    async (senders) => {
      await api.ok('POST', `/api/greylisting/${D}/whitelists`, { senders: 'keep@example.com' });
      for (const key of ['senders', 'addSenders', 'removeSenders']) {
        expect(await api.post(`/api/greylisting/${D}/whitelists`, { [key]: senders })).toEqual({
          _success: false,
          _msg: 'INVALID_GREYLISTING_SENDER',
        });
      }
      expect(await api.ok('GET', `/api/greylisting/${D}/whitelists`)).toEqual({ whitelists: ['keep@example.com'] });
    },
  );

  test('global whitelists carry the SPF domains; PUT .../global/whitelist/<ip> adds one IP', async () => {
    await api.ok('POST', '/api/greylisting/global/whitelists', { senders: '@.google.com' });
    expect(await api.put('/api/greylisting/global/whitelist/192.0.2.44')).toEqual({ _success: true });
    await api.ok('PUT', '/api/greylisting/global/whitelist/192.0.2.44');
    expect(await api.put('/api/greylisting/global/whitelist/192.0.2.*')).toEqual({
      _success: false,
      _msg: 'INVALID_IP_ADDRESS',
    });
    expect(await api.ok('GET', '/api/greylisting/global/whitelists')).toEqual({
      whitelists: ['192.0.2.44', '@.google.com'],
      whitelist_domains: [],
    });
    expect(await whitelistRows('@.')).toHaveLength(2);
  });

  test('SPF domains: replace answers GL_WLD_UPDATED; add/remove; a name in both is added', async () => {
    expect(await api.post('/api/greylisting/whitelist_spf_domains', { domains: 'Google.com, microsoft.com' })).toEqual({
      _success: true,
      _data: 'GL_WLD_UPDATED',
    });
    expect(await api.ok('GET', '/api/greylisting/whitelist_spf_domains')).toEqual({
      domains: ['google.com', 'microsoft.com'],
    });
    expect(
      await api.post('/api/greylisting/whitelist_spf_domains', {
        addDomains: 'yahoo.com,fastmail.com',
        removeDomains: 'microsoft.com,fastmail.com',
      }),
    ).toEqual({ _success: true });
    expect(await api.ok('GET', '/api/greylisting/whitelist_spf_domains')).toEqual({
      domains: ['fastmail.com', 'google.com', 'yahoo.com'],
    });
    expect(await api.ok('GET', '/api/greylisting/global/whitelists')).toMatchObject({
      whitelist_domains: ['fastmail.com', 'google.com', 'yahoo.com'],
    });
    expect(await api.post('/api/greylisting/whitelist_spf_domains', { addDomains: '@google.com' })).toEqual({
      _success: false,
      _msg: 'INVALID_DOMAIN_NAME',
    });
    await api.ok('POST', '/api/greylisting/whitelist_spf_domains', { domains: '' });
    expect(await api.ok('GET', '/api/greylisting/whitelist_spf_domains')).toEqual({ domains: [] });
  });

  test('a normal admin: own domain and its users; never global, all or SPF domains', async () => {
    await normal.ok('POST', `/api/greylisting/bob@${D}`, { status: 'disable' });
    expect(await normal.ok('GET', `/api/greylisting/bob@${D}`)).toEqual({ status: 'disabled' });
    await normal.ok('POST', `/api/greylisting/${D}/whitelists`, { senders: '@partner.example' });
    expect(await normal.ok('GET', `/api/greylisting/${D}/whitelists`)).toEqual({ whitelists: ['@partner.example'] });

    const denied = { _success: false, _msg: 'PERMISSION_DENIED' };
    for (const [method, path] of [
      ['GET', '/api/greylisting/global'],
      ['POST', '/api/greylisting/global'],
      ['GET', '/api/greylisting/all'],
      ['GET', '/api/greylisting/global/whitelists'],
      ['POST', '/api/greylisting/global/whitelists'],
      ['PUT', '/api/greylisting/global/whitelist/192.0.2.1'],
      ['GET', '/api/greylisting/whitelist_spf_domains'],
      ['POST', '/api/greylisting/whitelist_spf_domains'],
      ['GET', '/api/greylisting/other.example'],
      ['POST', '/api/greylisting/user@other.example'],
      ['POST', '/api/greylisting/other.example/whitelists'],
    ] as const) {
      expect([method, path, await normal.call(method, path, method === 'GET' ? undefined : {})]).toEqual([
        method,
        path,
        denied,
      ]);
    }
    expect(await statusRows('@other.example')).toEqual([]);
    const anonymous = new ApiSession(server.url);
    expect(await anonymous.get(`/api/greylisting/${D}`)).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
    expect(await anonymous.get('/api/greylisting/all')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test('bad targets name their code; unsupported methods are INVALID_HTTP_METHOD', async () => {
    expect(await api.get('/api/greylisting/not_a_domain')).toEqual({ _success: false, _msg: 'INVALID_DOMAIN_NAME' });
    expect(await api.get('/api/greylisting/bad@/whitelists')).toEqual({ _success: false, _msg: 'INVALID_MAIL' });
    expect(await api.delete(`/api/greylisting/${D}`)).toEqual({ _success: false, _msg: 'INVALID_HTTP_METHOD' });
  });
});

describe.each(SERVER_BACKENDS)('deleting accounts removes their white/blacklists and greylisting on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  useTestServer(backend, (started) => ({ server, api } = started));

  const leftovers = async (account: string) => ({
    users: (await server.db.query(sql`SELECT 1 FROM users WHERE email = ${Buffer.from(account)}`)).length,
    inbound: (
      await server.db.query(
        sql`SELECT 1 FROM wblist w JOIN users u ON u.id = w.rid WHERE u.email = ${Buffer.from(account)}`,
      )
    ).length,
    outbound: (
      await server.db.query(
        sql`SELECT 1 FROM outbound_wblist w JOIN users u ON u.id = w.sid WHERE u.email = ${Buffer.from(account)}`,
      )
    ).length,
    greylisting: (await server.db.query(sql`SELECT 1 FROM greylisting WHERE account = ${account}`)).length,
    whitelists: (await server.db.query(sql`SELECT 1 FROM greylisting_whitelists WHERE account = ${account}`)).length,
  });
  const settle = async (target: string) => {
    await api.ok('POST', `/api/wblist/inbound/whitelist/${target}`, { addresses: 'friend@partner.example' });
    await api.ok('POST', `/api/wblist/outbound/blacklist/${target}`, { addresses: '@competitor.example' });
    await api.ok('POST', `/api/greylisting/${target}`, { status: 'disable' });
    await api.ok('POST', `/api/greylisting/${target}/whitelists`, { senders: '192.0.2.1' });
  };
  const none = { users: 0, inbound: 0, outbound: 0, greylisting: 0, whitelists: 0 };

  test('a user, then a whole domain', async () => {
    await api.ok('POST', '/api/domain/gone.example');
    await api.ok('POST', '/api/user/jane@gone.example', { password: 'Jane!passw0rd' });
    await settle('jane@gone.example');
    await settle('gone.example');
    expect(await leftovers('jane@gone.example')).toEqual({
      users: 1,
      inbound: 1,
      outbound: 1,
      greylisting: 1,
      whitelists: 1,
    });
    await api.ok('DELETE', '/api/user/jane@gone.example');
    expect(await leftovers('jane@gone.example')).toEqual(none);
    await api.ok('DELETE', '/api/domain/gone.example');
    expect(await leftovers('@gone.example')).toEqual(none);
  });
});
