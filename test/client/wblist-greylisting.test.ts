/** The client's white/blacklist and greylisting methods against our server on each backend. */
import { ApiError, IRedAdminClient, ValidationError } from '../../src/client';
import { normalAdminSession, NORMAL_ADMIN_PASSWORD } from '../support/normal-admin';
import { startProductProxy, type ProductProxy } from '../support/product-proxy';
import { adminClient } from '../support/admin-client';
import { BACKENDS, startTestServer, type TestServer } from '../support/test-server';
import { sql } from '../../src/server/db/sql';

describe.each(BACKENDS)('client wblist and greylisting against our server on %s', (backend) => {
  let server: TestServer;
  let client: IRedAdminClient;
  const D = 'lists.example';

  beforeAll(async () => {
    server = await startTestServer({ backend });
    client = adminClient(server);
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  test('wblist: add, move between lists, remove, clear, on every target and direction', async () => {
    for (const target of [{ global: true as const }, { domain: D }, { user: `jane@${D}` }]) {
      for (const direction of ['inbound', 'outbound'] as const) {
        expect(await client.wblist.get(target, direction, 'whitelist')).toEqual([]);
        await client.wblist.add(target, direction, 'whitelist', [
          'Friend@Partner.example',
          '192.0.2.0/24',
          '@.partner.example',
        ]);
        await client.wblist.add(target, direction, 'blacklist', ['@spam.example', 'friend@partner.example']);
        expect(await client.wblist.get(target, direction, 'whitelist')).toEqual(['192.0.2.0/24', '@.partner.example']);
        expect(await client.wblist.get(target, direction, 'blacklist')).toEqual([
          '@spam.example',
          'friend@partner.example',
        ]);
        await client.wblist.remove(target, direction, 'blacklist', ['@spam.example']);
        expect(await client.wblist.get(target, direction, 'blacklist')).toEqual(['friend@partner.example']);
        // Empty changes send nothing.
        await client.wblist.add(target, direction, 'blacklist', []);
        await client.wblist.remove(target, direction, 'blacklist', []);
        await client.wblist.clear(target, direction, 'whitelist');
        await client.wblist.clear(target, direction, 'blacklist');
        expect(await client.wblist.get(target, direction, 'whitelist')).toEqual([]);
        expect(await client.wblist.get(target, direction, 'blacklist')).toEqual([]);
      }
    }
  });

  test('wblist: the server refuses a form amavisd cannot match; the client refuses what breaks the list', async () => {
    const refused = await client.wblist
      .add({ domain: D }, 'inbound', 'whitelist', ['192.0.2.*'])
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).normalizedCode).toBe('INVALID_WBLIST_ADDRESS');
    await expect(
      client.wblist.add({ domain: D }, 'inbound', 'whitelist', ['a@x.example,b@x.example']),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(client.wblist.get({ domain: D }, 'sideways' as 'inbound', 'whitelist')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(client.wblist.whitelistSenderScore('192.0.2.0/24')).rejects.toBeInstanceOf(ValidationError);
  });

  test('sender score exemption', async () => {
    await client.wblist.whitelistSenderScore('192.0.2.9');
    expect(await server.db.query(sql`SELECT score FROM senderscore_cache WHERE client_address = '192.0.2.9'`)).toEqual([
      { score: 100 },
    ]);
  });

  test('greylisting status: global enabled by default, domain/user inherit; set and inherit again', async () => {
    expect(await client.greylisting.getStatus({ global: true })).toBe('enabled');
    expect(await client.greylisting.getStatus({ domain: D })).toBe('inherit');
    await client.greylisting.setStatus({ domain: D }, 'disabled');
    await client.greylisting.setStatus({ user: `jane@${D}` }, 'enabled');
    expect(await client.greylisting.getStatus({ domain: D })).toBe('disabled');
    expect(await client.greylisting.getStatus({ user: `jane@${D}` })).toBe('enabled');
    expect(await client.greylisting.all()).toMatchObject({
      [`@${D}`]: [{ account: `@${D}`, sender: '@.', status: 'disabled' }],
    });
    await client.greylisting.inherit({ domain: D });
    expect(await client.greylisting.getStatus({ domain: D })).toBe('inherit');
    await client.greylisting.setStatus({ global: true }, 'disabled');
    expect(await client.greylisting.getStatus({ global: true })).toBe('disabled');
    await client.greylisting.setStatus({ global: true }, 'enabled');
  });

  test('greylisting whitelists: replace, change, the global IP route; SPF domains', async () => {
    await client.greylisting.setWhitelist({ domain: D }, ['@Partner.example', '198.51.100.7']);
    await client.greylisting.changeWhitelist({ domain: D }, { add: ['203.0.113.0/24'], remove: ['198.51.100.7'] });
    expect(await client.greylisting.getWhitelist({ domain: D })).toEqual({
      senders: ['203.0.113.0/24', '@partner.example'],
    });
    await client.greylisting.setWhitelist({ domain: D }, []);
    expect(await client.greylisting.getWhitelist({ domain: D })).toEqual({ senders: [] });

    await client.greylisting.whitelistIp('192.0.2.77');
    await client.greylisting.setSpfDomains(['google.com', 'Outlook.com']);
    await client.greylisting.changeSpfDomains({ add: ['yahoo.com'], remove: ['google.com'] });
    expect(await client.greylisting.getSpfDomains()).toEqual(['outlook.com', 'yahoo.com']);
    expect(await client.greylisting.getWhitelist({ global: true })).toEqual({
      senders: ['192.0.2.77'],
      spfDomains: ['outlook.com', 'yahoo.com'],
    });
    await client.greylisting.setSpfDomains([]);
    expect(await client.greylisting.getSpfDomains()).toEqual([]);
    await expect(client.greylisting.setSpfDomains(['@google.com'])).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('client wblist against a server answering like the real product (PGlite)', () => {
  let server: TestServer;
  let proxy: ProductProxy;
  let client: IRedAdminClient;
  let expireSessions = false;

  beforeAll(async () => {
    server = await startTestServer({ backend: 'pglite' });
    proxy = await startProductProxy(server.url, {
      beforeForward: async (_method, path) => {
        if (expireSessions && path.startsWith('/api/wblist/')) {
          expireSessions = false;
          await server.db.query(sql`DELETE FROM iredadmin_api_sessions`);
        }
      },
    });
    client = adminClient({ url: proxy.url, admin: server.admin }, { retries: 0 });
  });
  afterAll(async () => {
    await client?.close();
    await proxy?.close();
    await server?.close();
  });

  test('an expired session answered with PERMISSION_DENIED makes the client log in again once', async () => {
    await client.wblist.add({ domain: 'lists.example' }, 'inbound', 'whitelist', ['@partner.example']);
    expireSessions = true;
    expect(await client.wblist.get({ domain: 'lists.example' }, 'inbound', 'whitelist')).toEqual(['@partner.example']);
    expect(proxy.rewritten).toContain('GET /api/wblist/inbound/whitelist/lists.example -> 200');
  });

  test('PERMISSION_DENIED from a fresh session is a real refusal, thrown as it came', async () => {
    const normal = await normalAdminSession(server, 'admin@lists.example', ['lists.example']);
    expect(normal).toBeDefined();
    const limited = new IRedAdminClient({
      baseUrl: proxy.url,
      username: 'admin@lists.example',
      password: NORMAL_ADMIN_PASSWORD,
      retries: 0,
    });
    try {
      const error = await limited.wblist.get({ global: true }, 'inbound', 'whitelist').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).normalizedCode).toBe('PERMISSION_DENIED');
    } finally {
      await limited.close();
    }
  });
});
