/**
 * iredadmin_admin end to end with the real terraform against our server on PGlite: the shared
 * life cycle, then max_quota's unit (kept in the unit sent; equal amounts in other units are no diff), the switch
 * to and from a global admin, the write-only password, plan-time validation and bad import IDs.
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
});
afterAll(() => e2e?.close());

type AdminRow = Record<string, unknown> & { settings: Record<string, unknown> };
const admin = (email: string) => api.ok('GET', `/api/admin/${email}`) as Promise<AdminRow>;
const canLogIn = async (email: string, password: string) =>
  (await new ApiSession(server.url).login(email, password))._success;

const CREATE = `
resource "iredadmin_admin" "helpdesk" {
  email          = "helpdesk@example.net"
  name           = "Help desk"
  password       = "Helpd3sk!pass"
  language       = "en_US"
  max_domains    = 5
  max_quota      = 2
  max_quota_unit = "TB"
  max_users      = 100
}
`;

// 1536 GB is no whole number of TB: the unit changes in place, and import reads it back as GB.
const UPDATE = `
resource "iredadmin_admin" "helpdesk" {
  email          = "helpdesk@example.net"
  name           = "Help desk team"
  password       = "Helpd3sk!pass"
  language       = "de_DE"
  account_status = "disabled"
  max_domains    = 5
  max_quota      = 1536
  max_quota_unit = "GB"
  max_users      = 200
  max_aliases    = 50
  max_lists      = 3
}
`;

describe('iredadmin_admin life cycle on pglite', () => {
  let tf: TerraformWorkspace;
  beforeAll(() => {
    tf = workspace();
  });

  describeLifecycle(
    {
      address: 'iredadmin_admin.helpdesk',
      importId: 'helpdesk@example.net',
      create: CREATE,
      update: UPDATE,
      async checkServer(_api, stage) {
        const row = await admin('helpdesk@example.net');
        if (stage === 'created') {
          expect(row).toMatchObject({ name: 'Help desk', language: 'en_US', active: 1, isglobaladmin: 0 });
          expect(row.settings).toEqual({
            create_max_domains: 5,
            create_max_quota: 2,
            create_quota_unit: 'TB',
            create_max_users: 100,
          });
          expect(await canLogIn('helpdesk@example.net', 'Helpd3sk!pass')).toBe(true);
        } else {
          expect(row).toMatchObject({ name: 'Help desk team', language: 'de_DE', active: 0, isglobaladmin: 0 });
          expect(row.settings).toMatchObject({
            create_max_domains: 5,
            create_max_quota: 1536,
            create_quota_unit: 'GB',
            create_max_users: 200,
            create_max_aliases: 50,
            create_max_lists: 3,
          });
        }
        expect(row).not.toHaveProperty('password');
      },
      async changeOutOfBand(session) {
        await session.ok('PUT', '/api/admin/helpdesk@example.net', {
          isGlobalAdmin: 'no',
          maxUsers: 7,
          maxQuota: 2,
          quotaUnit: 'TB',
        });
      },
      // Read back as the server keeps it: 2 TB.
      expectInPlan: /~ max_quota\s+= 2 -> 1536[\s\S]*~ max_quota_unit\s+= "TB" -> "GB"[\s\S]*~ max_users\s+= 7 -> 200/,
      async deleteOutOfBand(session) {
        await session.ok('DELETE', '/api/admin/helpdesk@example.net');
      },
      async checkGone(session) {
        expect(await session.get('/api/admin/helpdesk@example.net')).toEqual({
          _success: false,
          _msg: 'NO_SUCH_ACCOUNT',
        });
      },
      // The API never returns the password: an imported admin has none in state.
      importIgnores: ['password'],
    },
    () => ({ tf, api, newWorkspace: workspace }),
  );
});

describe('iredadmin_admin special behaviours', () => {
  test('max_quota keeps the configured unit: 2097152 MB and 2 TB are one value, also after import', async () => {
    const tf = workspace();
    const config = (quota: string, unit: string) => `
resource "iredadmin_admin" "quota" {
  email          = "quota@example.net"
  password       = "Qu0ta!pass"
  max_quota      = ${quota}
  max_quota_unit = "${unit}"
}

data "iredadmin_admin" "quota" {
  email = iredadmin_admin.quota.email
}

output "read" { value = "\${data.iredadmin_admin.quota.max_quota} \${data.iredadmin_admin.quota.max_quota_unit}" }
`;
    tf.write(config('2097152', 'MB'));
    await tf.init();
    const applied = await tf.apply();
    // The server keeps the unit sent, and the data source reads it so.
    expect(applied.stdout).toContain('read = "2097152 MB"');
    expect((await admin('quota@example.net')).settings).toEqual({
      create_max_domains: 0,
      create_max_quota: 2097152,
      create_quota_unit: 'MB',
    });
    expect((await tf.state())['iredadmin_admin.quota']).toMatchObject({ max_quota: 2097152, max_quota_unit: 'MB' });
    expect((await tf.plan()).code).toBe(0);
    // Another spelling of the same amount is no change.
    tf.write(config('2048', 'GB'));
    expect((await tf.plan()).code).toBe(0);

    const other = workspace();
    other.write(config('2097152', 'MB'));
    await other.init();
    await other.ok('import', '-input=false', 'iredadmin_admin.quota', 'Quota@Example.net');
    expect((await other.state())['iredadmin_admin.quota']).toMatchObject({
      id: 'quota@example.net',
      max_quota: 2097152,
      max_quota_unit: 'MB',
      password: null,
    });
    // Only the (unreadable) password differs: an update that sends it; the quota is no diff.
    const plan = await other.plan();
    expect(plan.stdout).not.toMatch(/~ max_quota/);
    expect(plan.stdout).toMatch(/\+ password\s+= \(sensitive value\)/);
    await tf.destroy();
  });

  test('a normal admin becomes global (its limits go) and back; plans converge', async () => {
    const tf = workspace();
    const config = (global: boolean) => `
resource "iredadmin_admin" "boss" {
  email           = "boss@example.net"
  password        = "B0ss!pass"
  is_global_admin = ${global}
${global ? '' : '  max_users       = 10\n  max_quota       = 5\n  max_quota_unit  = "GB"'}
}
`;
    tf.write(config(false));
    await tf.init();
    await tf.apply();
    expect(await admin('boss@example.net')).toMatchObject({
      isglobaladmin: 0,
      settings: { create_max_domains: 0, create_max_users: 10, create_max_quota: 5, create_quota_unit: 'GB' },
    });

    tf.write(config(true));
    const applied = await tf.apply();
    expect(applied.stdout).not.toContain('Warning');
    expect(await admin('boss@example.net')).toMatchObject({ isglobaladmin: 1, settings: {} });
    expect((await tf.state())['iredadmin_admin.boss']).toMatchObject({
      is_global_admin: true,
      max_users: 0,
      max_quota: 0,
    });
    expect((await tf.plan()).code).toBe(0);

    tf.write(config(false));
    await tf.apply();
    expect(await admin('boss@example.net')).toMatchObject({
      isglobaladmin: 0,
      settings: { create_max_users: 10, create_max_quota: 5, create_quota_unit: 'GB' },
    });
    expect((await tf.plan()).code).toBe(0);
    await tf.destroy();
  });

  test('limits changed in place are sent with isGlobalAdmin=no, so the server stores them', async () => {
    const tf = workspace();
    const config = (users: number) => `
resource "iredadmin_admin" "limited" {
  email     = "limited@example.net"
  password  = "L1mited!pass"
  max_users = ${users}
}
`;
    tf.write(config(10));
    await tf.init();
    await tf.apply();
    expect((await admin('limited@example.net')).settings).toEqual({ create_max_domains: 0, create_max_users: 10 });
    tf.write(config(20));
    const applied = await tf.apply();
    expect(applied.stdout).not.toContain('Warning');
    expect(await admin('limited@example.net')).toMatchObject({
      isglobaladmin: 0,
      settings: { create_max_domains: 0, create_max_users: 20 },
    });
    expect((await tf.plan()).code).toBe(0);
    await tf.destroy();
  });

  test('an admin in a hosted domain fails with CAN_NOT_BE_LOCAL_DOMAIN on email, with the fix', async () => {
    await api.ok('POST', '/api/domain/hosted.example');
    const tf = workspace();
    tf.write('resource "iredadmin_admin" "local" {\n  email    = "boss@hosted.example"\n  password = "B0ss!pass"\n}\n');
    await tf.init();
    const failed = await tf.run(['apply', '-auto-approve', '-input=false', '-no-color']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('CAN_NOT_BE_LOCAL_DOMAIN');
    expect(failed.stderr).toContain('iredadmin_domain_admins');
    expect(failed.stderr).toMatch(/\d+:\s+email\s+= "boss@hosted.example"/);
    expect(await api.get('/api/admin/boss@hosted.example')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
  });

  test('password_wo is sent on create and when its version changes, and is never in state or plan', async () => {
    const tf = workspace();
    const config = (password: string, version: number) => `
variable "pw" {
  type      = string
  ephemeral = true
  default   = "${password}"
}

resource "iredadmin_admin" "wo" {
  email               = "wo@example.net"
  password_wo         = var.pw
  password_wo_version = ${version}
}
`;
    tf.write(config('Wr1te!only', 1));
    await tf.init();
    const applied = await tf.apply();
    expect(applied.stdout).not.toContain('Wr1te!only');
    expect(await canLogIn('wo@example.net', 'Wr1te!only')).toBe(true);
    const state = (await tf.state())['iredadmin_admin.wo']!;
    expect(state).toMatchObject({ password: null, password_wo: null, password_wo_version: 1 });
    expect(JSON.stringify(state)).not.toContain('Wr1te!only');

    // A new value alone is not sent (nothing to compare it with); a new version sends it.
    tf.write(config('N3w!secret', 1));
    expect((await tf.plan()).code).toBe(0);
    tf.write(config('N3w!secret', 2));
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).not.toContain('N3w!secret');
    await tf.apply();
    expect(await canLogIn('wo@example.net', 'N3w!secret')).toBe(true);
    expect(await canLogIn('wo@example.net', 'Wr1te!only')).toBe(false);
    await tf.destroy();
  });

  test('invalid values and conflicting attributes fail at plan, naming the attribute; bad import IDs too', async () => {
    const tf = workspace();
    tf.write(`
resource "iredadmin_admin" "bad" {
  email          = "not-an-email"
  password       = "Some!pass1"
  password_wo    = "Other!pass1"
  language       = "english"
  account_status = "paused"
  max_domains    = -1
  max_quota      = 2
  name           = ""
}

resource "iredadmin_admin" "global" {
  email           = "global@example.net"
  password        = "Gl0bal!pass"
  is_global_admin = true
  max_users       = 5
  max_quota_unit  = "PB"
}
`);
    await tf.init();
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    const out = plan.stderr;
    for (const attr of ['email', 'language', 'account_status', 'max_domains', 'max_quota_unit', 'name'])
      expect(out).toContain(`Invalid value for "${attr}"`);
    expect(out).toContain('Conflicting password attributes');
    expect(out).toContain('max_quota without max_quota_unit');
    expect(out).toContain('max_users does not apply to a global admin');
    expect(out).toContain('max_quota_unit does not apply to a global admin');
    // Terraform shows the configuration line of the attribute each error names.
    expect(out).toMatch(/in resource "iredadmin_admin" "global":\n.*\d+:\s+max_users\s+= 5/);
    expect(out).toMatch(/in resource "iredadmin_admin" "bad":\n.*\d+:\s+max_quota\s+= 2/);

    // Creating needs a password; the error points at it.
    tf.write('resource "iredadmin_admin" "x" {\n  email = "x@example.net"\n}\n');
    const noPassword = await tf.plan();
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('Missing password or password_wo');

    tf.write('resource "iredadmin_admin" "x" {\n  email    = "x@example.net"\n  password = "X!pass123"\n}\n');
    const bad = await tf.run(['import', '-no-color', '-input=false', 'iredadmin_admin.x', 'not-an-email']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('invalid import ID "not-an-email"');
    const missing = await tf.run(['import', '-no-color', '-input=false', 'iredadmin_admin.x', 'nobody@example.net']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot import "nobody@example.net"');
  });
});
