/**
 * iredadmin_greylisting end to end with the real terraform on PGlite: the shared life cycle on a
 * domain, the global setting (SPF domains; destroy restores the default), plan-time checks, the
 * data source and import IDs.
 */
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { describeLifecycle } from '../support/lifecycle';
import type { ApiSession } from '../support/api';
import type { TerraformWorkspace } from '../support/terraform';
import { sql } from '../../src/server/db/sql';

const D = 'grey.example';

const config = (body: string) => `
resource "iredadmin_greylisting" "domain" {
  target = "${D}"
${body}
}
`;

const CREATE = config(`  enabled             = false
  whitelisted_senders = ["@partner.example", "192.0.2.0/24"]`);
const UPDATE = config(`  enabled             = true
  whitelisted_senders = ["@partner.example", "@.trusted.example", "2001:db8::1"]`);

let e2e: ProviderE2E;
let api: ApiSession;
let tf: TerraformWorkspace;

beforeAll(async () => {
  e2e = await startProviderE2E('pglite');
  api = e2e.api;
  tf = e2e.workspace();
});
afterAll(() => e2e?.close());

const rows = (account: string) =>
  e2e.server.db.query<Record<string, unknown>>(
    sql`SELECT priority, sender, active FROM greylisting WHERE account = ${account}`,
  );

describe('iredadmin_greylisting life cycle on pglite', () => {
  describeLifecycle(
    {
      address: 'iredadmin_greylisting.domain',
      importId: D,
      create: CREATE,
      update: UPDATE,
      async checkServer(session, stage) {
        expect(await session.ok('GET', `/api/greylisting/${D}`)).toEqual({
          status: stage === 'created' ? 'disabled' : 'enabled',
        });
        expect(await session.ok('GET', `/api/greylisting/${D}/whitelists`)).toEqual({
          whitelists:
            stage === 'created'
              ? ['192.0.2.0/24', '@partner.example']
              : ['2001:db8::1', '@.trusted.example', '@partner.example'],
        });
        expect(await rows(`@${D}`)).toEqual([{ priority: 60, sender: '@.', active: stage === 'created' ? 0 : 1 }]);
      },
      async changeOutOfBand(session) {
        await session.ok('POST', `/api/greylisting/${D}/whitelists`, { addSenders: 'intruder@example.org' });
      },
      expectInPlan: /- "intruder@example\.org"/,
      async deleteOutOfBand(session) {
        await session.ok('POST', `/api/greylisting/${D}`, { status: 'inherit' });
      },
      async checkGone(session) {
        expect(await session.ok('GET', `/api/greylisting/${D}`)).toEqual({ status: 'inherit' });
        expect(await session.ok('GET', `/api/greylisting/${D}/whitelists`)).toEqual({ whitelists: [] });
        expect(await rows(`@${D}`)).toEqual([]);
      },
    },
    () => ({ tf, api, newWorkspace: () => e2e.workspace() }),
  );
});

describe('iredadmin_greylisting checks and special behaviour', () => {
  test('plan-time errors: a bad sender, SPF domains below global, a bad target', async () => {
    tf.write(`
resource "iredadmin_greylisting" "bad" {
  target                  = "user@${D}"
  enabled                 = true
  whitelisted_senders     = ["192.0.2.*"]
  whitelisted_spf_domains = ["google.com"]
}

resource "iredadmin_greylisting" "bad_target" {
  target  = "not a target"
  enabled = true
  whitelisted_spf_domains = ["@google.com"]
}`);
    await tf.init();
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    for (const attribute of ['whitelisted_senders', 'target', 'whitelisted_spf_domains'])
      expect(plan.stderr).toContain(`Invalid value for "${attribute}"`);
    expect(plan.stderr).toContain('whitelisted_spf_domains is server-wide');
    expect(plan.stderr).toContain('"@google.com" is not a domain name');
  });

  test('global: SPF domains, canonical re-plan; the data source; destroy restores the default', async () => {
    tf.write(`
resource "iredadmin_greylisting" "global" {
  target                  = "global"
  enabled                 = false
  whitelisted_senders     = ["198.51.100.5/24"]
  whitelisted_spf_domains = ["Google.com", "outlook.com"]
}

data "iredadmin_greylisting" "user" {
  target     = "nobody@${D}"
  depends_on = [iredadmin_greylisting.global]
}

output "user_status" { value = data.iredadmin_greylisting.user.status }
`);
    await tf.init();
    const applied = await tf.apply();
    expect(applied.stdout).toContain('user_status = "inherit"');
    expect(await api.ok('GET', '/api/greylisting/global')).toEqual({ status: 'disabled' });
    expect(await api.ok('GET', '/api/greylisting/global/whitelists')).toEqual({
      whitelists: ['198.51.100.0/24'],
      whitelist_domains: ['google.com', 'outlook.com'],
    });
    expect(await rows('@.')).toEqual([{ priority: 0, sender: '@.', active: 0 }]);
    expect((await tf.plan()).code).toBe(0);

    const imported = e2e.workspace();
    imported.write(`
resource "iredadmin_greylisting" "global" {
  target                  = "global"
  enabled                 = false
  whitelisted_senders     = ["198.51.100.0/24"]
  whitelisted_spf_domains = ["google.com", "outlook.com"]
}`);
    await imported.init();
    await imported.ok('import', '-input=false', 'iredadmin_greylisting.global', 'GLOBAL');
    expect((await imported.state())['iredadmin_greylisting.global']).toMatchObject({ id: 'global', enabled: false });
    expect((await imported.plan()).code).toBe(0);
    const bad = await imported.run([
      'import',
      '-no-color',
      '-input=false',
      'iredadmin_greylisting.other',
      'not a target',
    ]);
    expect(bad.code).toBe(1);

    const destroyed = await tf.destroy();
    expect(destroyed.stdout).toContain('Destroy complete!');
    expect(await api.ok('GET', '/api/greylisting/global')).toEqual({ status: 'enabled' });
    expect(await api.ok('GET', '/api/greylisting/global/whitelists')).toEqual({
      whitelists: [],
      whitelist_domains: [],
    });
  });
});
