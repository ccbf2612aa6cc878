/**
 * iredadmin_throttle end to end with the real terraform on PGlite: the shared life cycle on a
 * user's outbound throttle, plan-time validation, import IDs, and destroy — a POST with period=0,
 * which deletes the setting on our server and on one without DELETE (the real product).
 */
import type { ApiSession } from '../support/api';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { describeLifecycle } from '../support/lifecycle';
import { startProductProxy } from '../support/product-proxy';
import type { TerraformWorkspace } from '../support/terraform';
import type { TestServer } from '../support/test-server';
import { sql } from '../../src/server/db/sql';

const D = 'throttle.example';
const USER = `jane@${D}`;
const PATH = `/api/throttle/${USER}/outbound`;

const config = (limits: string) => `
resource "iredadmin_throttle" "jane" {
  target    = "${USER}"
  direction = "outbound"
${limits}
}
`;

const CREATE = config(`  period    = 3600
  max_msgs  = 100
  max_quota = 1048576000
  max_rcpts = 50`);
const UPDATE = config(`  period    = 3600
  max_msgs  = 200
  msg_size  = 10485760
  max_rcpts = 50`);

let e2e: ProviderE2E;
let server: TestServer;
let api: ApiSession;
let tf: TerraformWorkspace;

const rows = (account: string, kind: string) =>
  server.db.query<Record<string, unknown>>(
    sql`SELECT period, msg_size, max_msgs, max_quota, max_rcpts FROM throttle WHERE account = ${account} AND kind = ${kind}`,
  );

beforeAll(async () => {
  e2e = await startProviderE2E('pglite');
  ({ server, api } = e2e);
  tf = e2e.workspace();
  await api.ok('POST', `/api/domain/${D}`, { name: 'Throttled' });
  await api.ok('POST', `/api/user/${USER}`, { password: 'Jane!passw0rd', name: 'Jane' });
});
afterAll(() => e2e?.close());

describe('iredadmin_throttle life cycle on pglite', () => {
  describeLifecycle(
    {
      address: 'iredadmin_throttle.jane',
      importId: `${USER}/outbound`,
      create: CREATE,
      update: UPDATE,
      async checkServer(session, stage) {
        const { setting } = await session.get(PATH);
        expect(setting).toMatchObject(
          stage === 'created'
            ? {
                account: USER,
                kind: 'outbound',
                priority: 100,
                period: 3600,
                msg_size: 0,
                max_msgs: 100,
                max_quota: 1048576000,
                max_rcpts: 50,
              }
            : // max_quota left the configuration: sent as 0 (unlimited), not left behind.
              { period: 3600, msg_size: 10485760, max_msgs: 200, max_quota: 0, max_rcpts: 50 },
        );
      },
      async changeOutOfBand(session) {
        await session.ok('POST', PATH, { period: 3600, msg_size: 10485760, max_msgs: 1, max_rcpts: 50 });
      },
      expectInPlan: /~ max_msgs\s+= 1 -> 200/,
      async deleteOutOfBand(session) {
        await session.ok('POST', PATH, { period: 0 });
      },
      async checkGone() {
        // Destroy leaves no row behind at all.
        expect(await rows(USER, 'outbound')).toEqual([]);
        expect(await api.get(PATH)).toEqual({ _success: true, setting: {} });
      },
    },
    () => ({ tf, api, newWorkspace: () => e2e.workspace() }),
  );
});

describe('iredadmin_throttle checks and special behaviour', () => {
  test('invalid values fail at plan, naming the attribute', async () => {
    tf.write(`
resource "iredadmin_throttle" "bad" {
  target    = "not a target"
  direction = "sideways"
  period    = 0
  msg_size  = -2
  max_msgs  = 1.5
}

resource "iredadmin_throttle" "inbound_rcpts" {
  target    = "global"
  direction = "inbound"
  period    = 60
  max_rcpts = 10
}`);
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    for (const attribute of ['target', 'direction', 'period', 'msg_size', 'max_msgs'])
      expect(plan.stderr).toContain(`Invalid value for "${attribute}"`);
    expect(plan.stderr).toContain('max_rcpts is outbound only');
    expect(plan.stderr).toMatch(/line \d+, in resource "iredadmin_throttle" "inbound_rcpts":\s+\d+:\s+max_rcpts = 10/);
  });

  test('import: bad IDs are clear errors', async () => {
    tf.write(config('  period = 60\n  max_msgs = 1'));
    for (const [id, message] of [
      [D, 'has no "/<direction>"'],
      ['global/sideways', '"sideways" is not a direction'],
      ['not a domain/inbound', 'is not a target'],
    ] as const) {
      const r = await tf.run(['import', '-no-color', '-input=false', 'iredadmin_throttle.jane', id]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`invalid import ID "${id}"`);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('global/inbound');
    }
    const missing = await tf.run(['import', '-no-color', '-input=false', 'iredadmin_throttle.jane', `${D}/inbound`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No such object exists on the server');
  });

  test('defaults, spelling, the data source; destroy deletes the rows on a server without DELETE', async () => {
    const proxy = await startProductProxy(server.url);
    const other = e2e.workspace({ IREDADMIN_URL: proxy.url });
    try {
      other.write(`
resource "iredadmin_throttle" "global_in" {
  target    = "GLOBAL"
  direction = "inbound"
  period    = 60
  max_msgs  = 10
}

resource "iredadmin_throttle" "domain_out" {
  target    = "Throttle.EXAMPLE"
  direction = "outbound"
  period    = 86400
  max_quota = -1
}

data "iredadmin_throttle" "read" {
  target    = iredadmin_throttle.domain_out.target
  direction = "outbound"
}

output "read_period" { value = data.iredadmin_throttle.read.period }
output "read_quota" { value = data.iredadmin_throttle.read.max_quota }
`);
      await other.init();
      const applied = await other.apply();
      expect(applied.stdout).toContain('read_period = 86400');
      expect(applied.stdout).toContain('read_quota = -1');
      const state = await other.state();
      // The configured spelling is kept; the ID is canonical.
      expect(state['iredadmin_throttle.global_in']).toMatchObject({
        id: 'global/inbound',
        target: 'GLOBAL',
        msg_size: 0,
        max_quota: 0,
        max_rcpts: null,
      });
      expect(state['iredadmin_throttle.domain_out']).toMatchObject({
        id: `${D}/outbound`,
        target: 'Throttle.EXAMPLE',
        max_msgs: 0,
        max_rcpts: 0,
      });
      expect(await rows('@.', 'inbound')).toEqual([
        { period: 60, msg_size: 0, max_msgs: 10, max_quota: 0, max_rcpts: 0 },
      ]);
      expect((await other.plan()).code).toBe(0);

      const destroyed = await other.destroy();
      expect(destroyed.stdout).toContain('Destroy complete! Resources: 2 destroyed.');
      // No DELETE was tried (the real product has none): period=0 removed both settings.
      expect(proxy.refused).toEqual([]);
      expect(await rows('@.', 'inbound')).toEqual([]);
      expect(await rows(`@${D}`, 'outbound')).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  test('the data source reports a missing throttle as not found', async () => {
    tf.write(`
data "iredadmin_throttle" "none" {
  target    = "nobody@${D}"
  direction = "inbound"
}`);
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('iredadmin_throttle: not found');
  });
});
