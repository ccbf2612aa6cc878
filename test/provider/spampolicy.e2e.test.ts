/**
 * iredadmin_spampolicy end to end with the real terraform on PostgreSQL: the shared life cycle on
 * a domain's policy, the documented defaults round-tripping from a minimal configuration, the
 * whole policy sent on every change, global destroy restoring the installer default, validation.
 */
import type { ApiSession } from '../support/api';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { describeLifecycle } from '../support/lifecycle';
import type { TerraformWorkspace } from '../support/terraform';
import type { TestServer } from '../support/test-server';
import { sql } from '../../src/server/db/sql';

const D = 'spam.example';
const USER = `joe@${D}`;
const PATH = `/api/spampolicy/domain/${D}`;

const CREATE = `
resource "iredadmin_spampolicy" "domain" {
  target                 = "${D}"
  quarantine_spam        = true
  prefix_spam_in_subject = true
  spam_score             = 5
}
`;
const UPDATE = `
resource "iredadmin_spampolicy" "domain" {
  target                 = "${D}"
  prefix_spam_in_subject = true
  bypass_virus_checks    = true
  quarantine_virus       = false
  spam_score             = 6
}
`;

let e2e: ProviderE2E;
let server: TestServer;
let api: ApiSession;
let tf: TerraformWorkspace;

const policyRows = (name: string) => server.db.query(sql`SELECT id FROM policy WHERE policy_name = ${name}`);

beforeAll(async () => {
  e2e = await startProviderE2E('postgres');
  ({ server, api } = e2e);
  tf = e2e.workspace();
  await api.ok('POST', `/api/domain/${D}`, { name: 'Spam' });
  await api.ok('POST', `/api/user/${USER}`, { password: 'Joe!passw0rd1', name: 'Joe' });
});
afterAll(() => e2e?.close());

describe('iredadmin_spampolicy life cycle on postgres', () => {
  describeLifecycle(
    {
      address: 'iredadmin_spampolicy.domain',
      importId: D,
      create: CREATE,
      update: UPDATE,
      async checkServer(session, stage) {
        const row = await session.ok('GET', PATH);
        expect(row).toMatchObject(
          stage === 'created'
            ? {
                policy_name: `@${D}`,
                bypass_virus_checks: 'N',
                spam_quarantine_to: 'spam-quarantine',
                virus_quarantine_to: 'virus-quarantine',
                spam_subject_tag2: '[SPAM] ',
                spam_tag2_level: 5,
              }
            : // quarantine_spam left the configuration: the whole policy was sent, so it is back to its default (off).
              {
                bypass_virus_checks: 'Y',
                spam_quarantine_to: '',
                virus_quarantine_to: '',
                spam_subject_tag2: '[SPAM] ',
                spam_tag2_level: 6,
              },
        );
      },
      async changeOutOfBand(session) {
        await session.ok('PUT', PATH, { prefix_spam_in_subject: 'yes', quarantine_virus: 'no', spam_score: 6 });
      },
      expectInPlan: /~ bypass_virus_checks\s+= false -> true/,
      async deleteOutOfBand(session) {
        await session.ok('DELETE', PATH);
      },
      async checkGone(session) {
        expect(await session.ok('GET', PATH)).toEqual({});
        expect(await policyRows(`@${D}`)).toEqual([]);
      },
    },
    () => ({ tf, api, newWorkspace: () => e2e.workspace() }),
  );
});

describe('iredadmin_spampolicy defaults and special behaviour', () => {
  const MINIMAL = `
resource "iredadmin_spampolicy" "joe" {
  target = "Joe@Spam.Example"
}

resource "iredadmin_spampolicy" "global" {
  target = "global"
}

data "iredadmin_spampolicy" "global" {
  target = iredadmin_spampolicy.global.id
}

output "global_quarantine_virus" { value = data.iredadmin_spampolicy.global.quarantine_virus }
`;
  const DEFAULTS = {
    bypass_spam_checks: false,
    bypass_virus_checks: false,
    bypass_banned_checks: false,
    bypass_header_checks: false,
    quarantine_spam: false,
    quarantine_virus: true,
    quarantine_banned: false,
    quarantine_bad_header: false,
    prefix_spam_in_subject: false,
    always_insert_x_spam_headers: false,
    spam_score: null,
  };

  test('a minimal configuration (only target) round-trips the documented defaults; re-plan empty', async () => {
    tf.write(MINIMAL);
    const applied = await tf.apply();
    expect(applied.stdout).toContain('global_quarantine_virus = true');
    const state = await tf.state();
    expect(state['iredadmin_spampolicy.joe']).toEqual({ id: USER, target: 'Joe@Spam.Example', ...DEFAULTS });
    expect(state['iredadmin_spampolicy.global']).toEqual({ id: 'global', target: 'global', ...DEFAULTS });
    expect(await api.ok('GET', `/api/spampolicy/user/${USER}`)).toMatchObject({
      bypass_spam_checks: 'N',
      spam_quarantine_to: '',
      virus_quarantine_to: 'virus-quarantine',
      banned_quarantine_to: '',
      spam_subject_tag2: null,
      spam_tag_level: null,
      spam_tag2_level: null,
    });
    const plan = await tf.plan();
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
  });

  test('a spam score set outside Terraform is drift: unset means the amavisd setting', async () => {
    await api.ok('PUT', `/api/spampolicy/user/${USER}`, { spam_score: 7 });
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/- spam_score\s+= 7 -> null/);
    await tf.apply();
    expect(await api.ok('GET', `/api/spampolicy/user/${USER}`)).toMatchObject({ spam_tag2_level: null });
  });

  test('destroy deletes the user policy and restores the installer default as the global one', async () => {
    const destroyed = await tf.destroy();
    expect(destroyed.stdout).toContain('Destroy complete! Resources: 2 destroyed.');
    expect(await api.ok('GET', `/api/spampolicy/user/${USER}`)).toEqual({});
    expect(await policyRows(USER)).toEqual([]);
    // iRedMail's installer quarantines viruses and banned files.
    expect(await api.ok('GET', '/api/spampolicy/global')).toMatchObject({
      virus_quarantine_to: 'virus-quarantine',
      banned_quarantine_to: 'banned-quarantine',
    });
  });

  test('invalid values fail at plan, naming the attribute; a bad import ID is a clear error', async () => {
    tf.write(`
resource "iredadmin_spampolicy" "bad" {
  target     = "nobody@"
  spam_score = 4.5
}`);
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('Invalid value for "target"');
    expect(plan.stderr).toContain('Invalid value for "spam_score"');
    expect(plan.stderr).toContain('whole numbers only');

    tf.write('resource "iredadmin_spampolicy" "x" {\n  target = "global"\n}\n');
    const bad = await tf.run(['import', '-no-color', '-input=false', 'iredadmin_spampolicy.x', 'not a target']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('invalid import ID "not a target"');
    expect(bad.stderr).toContain('user@example.com');
  });
});
