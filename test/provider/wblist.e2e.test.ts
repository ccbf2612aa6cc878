/**
 * iredadmin_wblist end to end with the real terraform on PGlite: the shared life cycle on a
 * domain's inbound lists, canonical forms (empty re-plans), plan-time checks, import IDs, the
 * data source, and destroy emptying the lists.
 */
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { describeLifecycle } from '../support/lifecycle';
import type { ApiSession } from '../support/api';
import type { TerraformWorkspace } from '../support/terraform';

const D = 'wblist.example';
const PATH = (kind: string) => `/api/wblist/inbound/${kind}/${D}`;

const config = (lists: string) => `
resource "iredadmin_wblist" "inbound" {
  target    = "${D}"
  direction = "inbound"
${lists}
}
`;

const CREATE = config(`  whitelist = ["partner@example.net", "@trusted.example", "192.0.2.0/24"]
  blacklist = ["@spam.example"]`);
const UPDATE = config(`  whitelist = ["partner@example.net", "@.trusted.example"]
  blacklist = ["@spam.example", "198.51.100.7", "bounce@*"]`);

let e2e: ProviderE2E;
let api: ApiSession;
let tf: TerraformWorkspace;

beforeAll(async () => {
  e2e = await startProviderE2E('pglite');
  api = e2e.api;
  tf = e2e.workspace();
});
afterAll(() => e2e?.close());

describe('iredadmin_wblist life cycle on pglite', () => {
  describeLifecycle(
    {
      address: 'iredadmin_wblist.inbound',
      importId: `${D}/inbound`,
      create: CREATE,
      update: UPDATE,
      async checkServer(session, stage) {
        expect([await session.ok('GET', PATH('whitelist')), await session.ok('GET', PATH('blacklist'))]).toEqual(
          stage === 'created'
            ? [['192.0.2.0/24', '@trusted.example', 'partner@example.net'], ['@spam.example']]
            : [
                ['@.trusted.example', 'partner@example.net'],
                ['198.51.100.7', '@spam.example', 'bounce@*'],
              ],
        );
      },
      async changeOutOfBand(session) {
        // An entry added elsewhere is drift: the resource owns the whole list.
        await session.ok('POST', PATH('blacklist'), { addresses: 'intruder@example.org' });
      },
      expectInPlan: /- "intruder@example\.org"/,
      async deleteOutOfBand(session) {
        await session.ok('DELETE', PATH('whitelist'));
        await session.ok('DELETE', PATH('blacklist'));
      },
      async checkGone(session) {
        expect(await session.ok('GET', PATH('whitelist'))).toEqual([]);
        expect(await session.ok('GET', PATH('blacklist'))).toEqual([]);
      },
    },
    () => ({ tf, api, newWorkspace: () => e2e.workspace() }),
  );
});

describe('iredadmin_wblist checks and special behaviour', () => {
  test('invalid entries, an address in both lists, bad target and direction fail at plan', async () => {
    tf.write(`
resource "iredadmin_wblist" "bad" {
  target    = "not a target"
  direction = "sideways"
  whitelist = ["192.0.2.*", "ok@example.com"]
}

resource "iredadmin_wblist" "both" {
  target    = "global"
  direction = "outbound"
  whitelist = ["Friend@Example.com"]
  blacklist = ["friend@example.com"]
}`);
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    for (const attribute of ['target', 'direction', 'whitelist'])
      expect(plan.stderr).toContain(`Invalid value for "${attribute}"`);
    expect(plan.stderr).toContain('"192.0.2.*"');
    expect(plan.stderr).toContain('wildcard IPs');
    expect(plan.stderr).toContain('An address is in both the whitelist and the blacklist');
    expect(plan.stderr).toContain('"friend@example.com"');
  });

  test('import: bad IDs are clear errors; an empty target imports as empty lists', async () => {
    tf.write(config('  whitelist = []'));
    await tf.init();
    for (const [id, message] of [
      [D, 'has no "/<direction>"'],
      ['global/sideways', '"sideways" is not a direction'],
      ['not a domain/inbound', 'is not a target'],
    ] as const) {
      const r = await tf.run(['import', '-no-color', '-input=false', 'iredadmin_wblist.inbound', id]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`invalid import ID "${id}"`);
      expect(r.stderr).toContain(message);
    }
    const imported = await tf.ok('import', '-input=false', 'iredadmin_wblist.inbound', `${D}/inbound`);
    expect(imported.stdout).toContain('Import successful!');
    expect((await tf.state())['iredadmin_wblist.inbound']).toMatchObject({
      id: `${D}/inbound`,
      whitelist: [],
      blacklist: [],
    });
    const replan = await tf.plan();
    expect(replan.stderr).toBe('');
    expect(replan.code).toBe(0);
    await tf.run(['state', 'rm', '-no-color', 'iredadmin_wblist.inbound']);
  });

  test('canonical forms re-plan empty; the data source reads the lists; destroy empties them', async () => {
    tf.write(`
resource "iredadmin_wblist" "user_out" {
  target    = "Jane@WBLIST.example"
  direction = "outbound"
  whitelist = ["Boss@Partner.EXAMPLE", "192.0.2.77/24", "2001:DB8:0:0::1"]
  blacklist = ["@.COM"]
}

data "iredadmin_wblist" "read" {
  target    = iredadmin_wblist.user_out.target
  direction = "outbound"
}

output "white" { value = data.iredadmin_wblist.read.whitelist }
`);
    await tf.init();
    const applied = await tf.apply();
    expect(applied.stdout).toContain('"192.0.2.0/24"');
    expect(applied.stdout).toContain('"2001:db8::1"');
    expect(await api.ok('GET', `/api/wblist/outbound/whitelist/jane@${D}`)).toEqual([
      '192.0.2.0/24',
      '2001:db8::1',
      'boss@partner.example',
    ]);
    expect(await api.ok('GET', `/api/wblist/outbound/blacklist/jane@${D}`)).toEqual(['@.com']);
    const state = await tf.state();
    // The configured spelling is kept; the ID is canonical.
    expect(state['iredadmin_wblist.user_out']).toMatchObject({
      id: `jane@${D}/outbound`,
      target: 'Jane@WBLIST.example',
    });
    expect((await tf.plan()).code).toBe(0);

    const destroyed = await tf.destroy();
    expect(destroyed.stdout).toContain('Destroy complete!');
    expect(await api.ok('GET', `/api/wblist/outbound/whitelist/jane@${D}`)).toEqual([]);
    expect(await api.ok('GET', `/api/wblist/outbound/blacklist/jane@${D}`)).toEqual([]);
  });
});
