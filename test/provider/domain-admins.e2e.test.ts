/**
 * iredadmin_domain_admins end to end with the real terraform against our server on PGlite: the
 * shared life cycle (the resource owns the domain's whole set of admins), a normal admin made by
 * iredadmin_admin and attached here managing its domain through the API and no other, plan-time
 * validation and bad import IDs.
 */
import { ApiSession } from '../support/api';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { describeLifecycle } from '../support/lifecycle';
import type { TerraformWorkspace } from '../support/terraform';
import type { TestServer } from '../support/test-server';

let e2e: ProviderE2E;
let server: TestServer;
let api: ApiSession;
const workspace = () => e2e.workspace();

beforeAll(async () => {
  e2e = await startProviderE2E('pglite');
  ({ server, api } = e2e);
  for (const domain of ['example.org', 'example.com', 'empty.example'])
    await api.ok('POST', `/api/domain/${domain}`, { name: domain });
  await api.ok('POST', '/api/user/jane@example.org', { password: 'Jane!pass1' });
  // An admin attached before terraform manages the domain: the resource takes over the whole set.
  await api.ok('POST', '/api/admin/legacy@example.net', { password: 'Leg4cy!pass' });
  await api.ok('PUT', '/api/domain/admins/example.org', { addAdmin: 'legacy@example.net' });
});
afterAll(() => e2e?.close());

const adminsOf = async (domain: string) =>
  ((await api.ok('GET', `/api/domain/admins/${domain}`)) as string[]).slice().sort();

const ADMINS = `
resource "iredadmin_admin" "ops" {
  email    = "ops@example.net"
  password = "0ps!Secret"
}

resource "iredadmin_admin" "audit" {
  email    = "audit@example.net"
  password = "Aud1t!secret"
}
`;

describe('iredadmin_domain_admins life cycle on pglite', () => {
  let tf: TerraformWorkspace;
  beforeAll(() => {
    tf = workspace();
  });

  describeLifecycle(
    {
      address: 'iredadmin_domain_admins.org',
      importId: 'example.org',
      // A mail user and a separate admin; the email's spelling is the configuration's.
      create: `${ADMINS}
resource "iredadmin_domain_admins" "org" {
  domain = "example.org"
  admins = [iredadmin_admin.ops.email, "Jane@Example.org"]
}
`,
      update: `${ADMINS}
resource "iredadmin_domain_admins" "org" {
  domain = "example.org"
  admins = [iredadmin_admin.ops.email, iredadmin_admin.audit.email]
}
`,
      async checkServer(session, stage) {
        expect(await adminsOf('example.org')).toEqual(
          stage === 'created' ? ['jane@example.org', 'ops@example.net'] : ['audit@example.net', 'ops@example.net'],
        );
        // A mail user's admin flag follows its rights.
        const jane = (await session.ok('GET', '/api/user/jane@example.org')) as Record<string, unknown>;
        expect(jane.isadmin).toBe(stage === 'created' ? 1 : 0);
      },
      async changeOutOfBand(session) {
        await session.ok('PUT', '/api/domain/admins/example.org', {
          addAdmin: 'jane@example.org',
          removeAdmin: 'audit@example.net',
        });
      },
      expectInPlan: [/\+\s+"audit@example\.net"/, /-\s+"jane@example\.org"/],
      async deleteOutOfBand(session) {
        await session.ok('PUT', '/api/domain/admins/example.org', { removeAllAdmins: '' });
      },
      async checkGone() {
        expect(await adminsOf('example.org')).toEqual([]);
        expect(await api.get('/api/admin/ops@example.net')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
      },
    },
    () => ({ tf, api, newWorkspace: workspace }),
  );
});

describe('iredadmin_domain_admins special behaviours', () => {
  test('a normal admin attached to a domain logs in, manages it through the API, cannot read another domain', async () => {
    const tf = workspace();
    tf.write(`
resource "iredadmin_admin" "manager" {
  email       = "manager@example.net"
  name        = "Domain manager"
  password    = "Man4ger!pw"
  max_domains = 0
  max_users   = 10
}

resource "iredadmin_domain_admins" "com" {
  domain = "Example.COM"
  admins = [iredadmin_admin.manager.email]
}
`);
    await tf.init();
    await tf.apply();
    expect((await tf.state())['iredadmin_domain_admins.com']).toMatchObject({
      id: 'example.com',
      domain: 'Example.COM',
      admins: ['manager@example.net'],
    });
    expect((await tf.plan()).code).toBe(0);

    const manager = new ApiSession(server.url);
    expect(await manager.login('manager@example.net', 'Man4ger!pw')).toEqual({ _success: true });
    expect(await manager.ok('GET', '/api/domain/example.com')).toMatchObject({ domain: 'example.com' });
    await manager.ok('PUT', '/api/domain/example.com', { name: 'Managed by a normal admin' });
    await manager.ok('POST', '/api/user/bob@example.com', { password: 'B0b!pass1' });
    expect(await manager.get('/api/domain/example.org')).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });
    expect(await manager.get('/api/domain/admins/example.org')).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });

    await tf.destroy();
    expect(await adminsOf('example.com')).toEqual([]);
    expect((await new ApiSession(server.url).login('manager@example.net', 'Man4ger!pw'))._success).toBe(false);
  });

  test('invalid values fail at plan naming the attribute, unknown admins at apply; bad import IDs are refused', async () => {
    const tf = workspace();
    tf.write(`
resource "iredadmin_domain_admins" "bad" {
  domain = "not a domain"
  admins = ["nobody"]
}

resource "iredadmin_domain_admins" "empty" {
  domain = "example.com"
  admins = []
}
`);
    await tf.init();
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('Invalid value for "domain"');
    expect(plan.stderr).toMatch(/Invalid value for "admins"[\s\S]*"nobody"/);
    expect(plan.stderr).toMatch(/in resource "iredadmin_domain_admins" "empty":\n.*\d+:\s+admins = \[\]/);

    tf.write(
      'resource "iredadmin_domain_admins" "x" {\n  domain = "example.com"\n  admins = ["ghost@example.net"]\n}\n',
    );
    const applied = await tf.run(['apply', '-auto-approve', '-input=false', '-no-color']);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('INVALID_ADMIN');
    expect(applied.stderr).toMatch(/\d+:\s+admins = \["ghost@example\.net"\]/);

    const bad = await tf.run(['import', '-no-color', '-input=false', 'iredadmin_domain_admins.x', 'not a domain']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('invalid import ID "not a domain"');
    // A domain without admins has nothing to import; a missing domain neither.
    for (const id of ['empty.example', 'missing.example']) {
      const r = await tf.run(['import', '-no-color', '-input=false', 'iredadmin_domain_admins.x', id]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`cannot import "${id}"`);
    }
  });
});
