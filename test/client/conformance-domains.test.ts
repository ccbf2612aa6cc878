/**
 * The client against answers shaped like the real iRedAdmin-Pro (SQL edition) gives them for
 * domains, admins and domain admins (see iredadmin-pro-api-facts.md, "Corrections and additions"):
 * what it sends, and how it reads what comes back.
 */
import { IRedAdminClient, ValidationError } from '../../src/client';
import type { FakeServer, RecordedRequest } from './fake-server';
import { sendJson, startFakeServer } from './fake-server';
import { ADMIN, ProductLike } from './product-like';

jest.setTimeout(15_000);

let server: FakeServer;
let product: ProductLike;
let client: IRedAdminClient;

beforeEach(async () => {
  server = await startFakeServer();
  product = new ProductLike(server);
  client = new IRedAdminClient({ baseUrl: server.url, ...ADMIN, retries: 0, timeoutMs: 2_000 });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

function apiCalls(): RecordedRequest[] {
  return server.requests.filter((r) => !r.path.endsWith('/api/login'));
}

/** A domain row as the product returns it: the SQL row, settings as an object. */
const ROW = {
  domain: 'a.io',
  description: 'A',
  aliases: 0,
  mailboxes: 10,
  maillists: 0,
  maxquota: 2048,
  quota: 0,
  transport: 'dovecot',
  backupmx: 0,
  active: 1,
  settings: { max_user_quota: 512, enabled_services: ['self-service'] },
  created: '2026-11-30T10:00:00',
};

describe('domains as the real product answers them', () => {
  it('reads the full list: _data is an object keyed by domain name', async () => {
    product.route = (_r, res) =>
      sendJson(res, { _success: true, _data: { 'a.io': ROW, 'b.io': { ...ROW, domain: 'b.io', maxquota: 0 } } });
    const rows = await client.domains.list();
    expect(rows.map((r) => r.domain)).toEqual(['a.io', 'b.io']);
    expect(rows[0]).toMatchObject({
      maxquota: 2048,
      active: true,
      settings: { max_user_quota: 512, enabled_services: ['self-service'] },
    });
  });

  it('takes the name from the key when a row lacks it, and reads an empty object as no domains', async () => {
    const { domain: _omitted, ...rowWithoutName } = ROW;
    product.route = (_r, res) => sendJson(res, { _success: true, _data: { 'c.io': rowWithoutName } });
    await expect(client.domains.list()).resolves.toMatchObject([{ domain: 'c.io', maxquota: 2048 }]);
    product.route = (_r, res) => sendJson(res, { _success: true, _data: {} });
    await expect(client.domains.list()).resolves.toEqual([]);
  });

  it('sends no flag it does not mean: the product turns name_only/disabled_only on whenever present', async () => {
    product.route = (request, res) =>
      sendJson(res, { _success: true, _data: request.query.has('name_only') ? ['a.io'] : { 'a.io': ROW } });
    await client.domains.list();
    expect([...apiCalls().at(-1)!.query.keys()]).toEqual([]);
    await client.domains.list({ nameOnly: false, disabledOnly: false });
    expect([...apiCalls().at(-1)!.query.keys()]).toEqual([]);
    await expect(client.domains.list({ nameOnly: true })).resolves.toEqual(['a.io']);
    expect([...apiCalls().at(-1)!.query.keys()]).toEqual(['name_only']);
  });

  it('reads the domain quota from maxquota and the per-user maximum from settings', async () => {
    product.route = (_r, res) => sendJson(res, { _success: true, _data: ROW });
    const domain = await client.domains.get('a.io');
    expect(domain).toMatchObject({ maxquota: 2048, settings: { max_user_quota: 512 } });
  });

  it('sets services as the SQL edition does: services (whole set; [] clears), addService, removeService', async () => {
    await client.domains.update('a.io', { services: ['self-service'] }, { preserveUnsent: false });
    expect(Object.fromEntries(apiCalls().at(-1)!.params)).toEqual({ services: 'self-service' });
    await client.domains.update('a.io', { services: [] }, { preserveUnsent: false });
    expect(apiCalls().at(-1)!.body).toBe('services=');
    await client.domains.update(
      'a.io',
      { addService: ['self-service'], removeService: ['domainalias'] },
      { preserveUnsent: false },
    );
    expect(Object.fromEntries(apiCalls().at(-1)!.params)).toEqual({
      addService: 'self-service',
      removeService: 'domainalias',
    });
  });

  it('refuses numberOfLists on update before sending (the product ignores it there)', async () => {
    const error = await client.domains.update('a.io', { numberOfLists: 3 } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(apiCalls()).toHaveLength(0);
  });
});

describe('admins as the real product takes them', () => {
  it('maxDomains with limits on create, isGlobalAdmin=no with them on update; refused what the product drops', async () => {
    await client.admins.create('ops@example.net', {
      password: 'S3cret!pw',
      maxDomains: 0,
      maxUsers: 5,
      maxQuota: 2,
      quotaUnit: 'TB',
    });
    expect(Object.fromEntries(apiCalls().at(-1)!.params)).toMatchObject({
      maxDomains: '0',
      maxUsers: '5',
      maxQuota: '2',
      quotaUnit: 'TB',
    });
    await client.admins.update('ops@example.net', { isGlobalAdmin: false, maxUsers: 6 });
    expect(Object.fromEntries(apiCalls().at(-1)!.params)).toEqual({ isGlobalAdmin: 'no', maxUsers: '6' });
    const sent = apiCalls().length;

    const noDomains = await client.admins
      .create('ops@example.net', { password: 'S3cret!pw', maxUsers: 5 })
      .catch((e: unknown) => e);
    expect(noDomains).toBeInstanceOf(ValidationError);
    expect((noDomains as ValidationError).issues.map((i) => i.path)).toEqual(['maxDomains']);
    const noFlag = await client.admins.update('ops@example.net', { maxUsers: 6 }).catch((e: unknown) => e);
    expect(noFlag).toBeInstanceOf(ValidationError);
    expect((noFlag as ValidationError).issues.map((i) => i.path)).toEqual(['isGlobalAdmin']);
    expect(apiCalls()).toHaveLength(sent);
  });

  it('reads the quota limit in the unit it was sent, with the unit beside it', async () => {
    product.route = (_r, res) =>
      sendJson(res, {
        _success: true,
        _data: {
          username: 'ops@example.net',
          isglobaladmin: 0,
          settings: { create_max_domains: 0, create_max_quota: 2, create_quota_unit: 'TB' },
        },
      });
    await expect(client.admins.get('ops@example.net')).resolves.toMatchObject({
      settings: { create_max_quota: 2, create_quota_unit: 'TB' },
    });
  });

  it('reports CAN_NOT_BE_LOCAL_DOMAIN as an API error with its code', async () => {
    product.route = (_r, res) => sendJson(res, { _success: false, _msg: 'CAN_NOT_BE_LOCAL_DOMAIN' });
    await expect(client.admins.create('boss@hosted.example', { password: 'S3cret!pw' })).rejects.toMatchObject({
      code: 'CAN_NOT_BE_LOCAL_DOMAIN',
    });
  });
});

describe('IDN names go on the wire as punycode', () => {
  it('domain and account paths, and addresses in parameters', async () => {
    await client.domains.create('Bücher.example', { senderBcc: 'audit@bücher.example' });
    expect(apiCalls().at(-1)!.path).toBe('/api/domain/xn--bcher-kva.example');
    expect(apiCalls().at(-1)!.params.get('senderBcc')).toBe('audit@xn--bcher-kva.example');
    await client.users.create('jane@bücher.example', { password: 'S3cret!pw' });
    expect(apiCalls().at(-1)!.path).toBe('/api/user/jane@xn--bcher-kva.example');
    await client.aliases.create('team@bücher.example', { members: ['jane@bücher.example', 'bob@example.com'] });
    expect(apiCalls().at(-1)!.path).toBe('/api/alias/team@xn--bcher-kva.example');
    expect(apiCalls().at(-1)!.params.get('members')).toBe('jane@xn--bcher-kva.example,bob@example.com');
    await client.domains.admins.add('bücher.example', ['jane@bücher.example']);
    expect(apiCalls().at(-1)).toMatchObject({ path: '/api/domain/admins/xn--bcher-kva.example' });
    expect(apiCalls().at(-1)!.params.get('addAdmin')).toBe('jane@xn--bcher-kva.example');
  });

  it('still refuses what is no name', async () => {
    await expect(client.domains.get('bü cher.example')).rejects.toBeInstanceOf(ValidationError);
    await expect(client.users.get('jane@bü/cher.example')).rejects.toBeInstanceOf(ValidationError);
    expect(apiCalls()).toHaveLength(0);
  });
});
