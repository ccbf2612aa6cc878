/**
 * iredadmin_maillist end to end with the real terraform against our server on PGlite: the
 * shared life cycle over the SQL edition's /api/ml, subscribers round-tripping (added, removed,
 * emptied), email changes planned as replacement, the data source, plan-time validation, bad
 * import IDs, and a clear error when the provider is set to the LDAP list API.
 */
import type { ApiSession } from '../support/api';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { describeLifecycle } from '../support/lifecycle';
import type { TerraformWorkspace } from '../support/terraform';

let e2e: ProviderE2E;
let api: ApiSession;
const workspace = () => e2e.workspace();

beforeAll(async () => {
  e2e = await startProviderE2E('pglite');
  ({ api } = e2e);
  await api.ok('POST', '/api/domain/example.com', { name: 'Example' });
});
afterAll(() => e2e?.close());

interface ListView {
  subscribers: { mail: string }[];
  [key: string]: unknown;
}
const list = async (email: string) => {
  const view = (await api.ok('GET', `/api/ml/${email}`, { with_subscribers: 'yes' })) as ListView;
  return { ...view, subscribers: view.subscribers.map((s) => s.mail) };
};

const CREATE = `
resource "iredadmin_maillist" "news" {
  email            = "news@example.com"
  name             = "News"
  members          = ["jane@example.com", "Bob@Example.com", "fan@elsewhere.org"]
  moderators       = ["carol@example.com"]
  owners           = ["jane@example.com"]
  max_message_size = 1048576
}
`;

const UPDATE = `
resource "iredadmin_maillist" "news" {
  email                  = "news@example.com"
  name                   = "Weekly news"
  access_policy          = "moderatorsonly"
  members                = ["jane@example.com", "carol@example.com"]
  moderators             = []
  owners                 = ["bob@example.com"]
  max_message_size       = 0
  is_newsletter          = true
  newsletter_description = "Every Monday"
  account_status         = "disabled"
}
`;

describe('iredadmin_maillist life cycle on pglite', () => {
  let tf: TerraformWorkspace;
  beforeAll(() => {
    tf = workspace();
  });

  describeLifecycle(
    {
      address: 'iredadmin_maillist.news',
      importId: 'News@Example.com',
      create: CREATE,
      update: UPDATE,
      async checkServer(_api, stage) {
        expect(await list('news@example.com')).toMatchObject(
          stage === 'created'
            ? {
                name: 'News',
                accesspolicy: 'public',
                maxmsgsize: 1048576,
                is_newsletter: 0,
                active: 1,
                subscribers: ['bob@example.com', 'fan@elsewhere.org', 'jane@example.com'],
                moderators: ['carol@example.com'],
                owners: ['jane@example.com'],
              }
            : {
                name: 'Weekly news',
                accesspolicy: 'moderatorsonly',
                maxmsgsize: 0,
                is_newsletter: 1,
                description: 'Every Monday',
                active: 0,
                subscribers: ['carol@example.com', 'jane@example.com'],
                moderators: [],
                owners: ['bob@example.com'],
              },
        );
      },
      async changeOutOfBand(a) {
        // Without accountStatus this PUT also re-enables the list (as the SQL edition does): a diff too.
        await a.ok('PUT', '/api/ml/news@example.com', {
          remove_subscribers: 'jane@example.com',
          add_subscribers: 'spammer@example.org',
        });
      },
      expectInPlan: [
        /~ account_status\s+= "active" -> "disabled"/,
        /~ members\s+= \[/,
        /\+ "jane@example.com"/,
        /- "spammer@example.org"/,
      ],
      async deleteOutOfBand(a) {
        await a.ok('DELETE', '/api/ml/news@example.com');
      },
      async checkGone(a) {
        expect(await a.get('/api/ml/news@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
      },
    },
    () => ({ tf, api, newWorkspace: workspace }),
  );
});

const LISTS = (teamEmail: string, members: string) => `
resource "iredadmin_maillist" "team" {
  email   = "${teamEmail}"
  members = ${members}
}

data "iredadmin_maillist" "team" {
  email = iredadmin_maillist.team.email
}

output "subscribers" { value = sort(data.iredadmin_maillist.team.members) }
`;

describe('iredadmin_maillist special behaviour on pglite', () => {
  let tf: TerraformWorkspace;
  beforeAll(() => {
    tf = workspace();
  });

  test("subscribers round-trip through the data source; [] empties them; unset sets are the server's", async () => {
    tf.write(LISTS('team@example.com', '["b@example.com", "a@example.com"]'));
    await tf.init();
    const applied = await tf.apply();
    expect(applied.stdout).toMatch(/subscribers = tolist\(\[\s*"a@example.com",\s*"b@example.com",\s*\]\)/);
    // A new list's defaults: public, the postmaster as owner and moderator — no diff for unset attributes.
    expect(await list('team@example.com')).toMatchObject({
      subscribers: ['a@example.com', 'b@example.com'],
      accesspolicy: 'public',
      moderators: ['postmaster@example.com'],
      owners: ['postmaster@example.com'],
    });
    expect((await tf.state())['iredadmin_maillist.team']).toMatchObject({
      moderators: ['postmaster@example.com'],
      owners: ['postmaster@example.com'],
      access_policy: 'public',
    });
    expect((await tf.plan()).code).toBe(0);

    tf.write(LISTS('team@example.com', '[]'));
    await tf.apply();
    expect(await list('team@example.com')).toMatchObject({ subscribers: [] });
    expect((await tf.plan()).code).toBe(0);
  });

  test('changing email replaces the list', async () => {
    tf.write(LISTS('crew@example.com', '["a@example.com"]'));
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('iredadmin_maillist.team must be replaced');
    expect(plan.stdout).toMatch(/~ email\s+= "team@example.com" -> "crew@example.com" # forces replacement/);
    await tf.apply();
    expect(await api.get('/api/ml/team@example.com')).toMatchObject({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    expect(await list('crew@example.com')).toMatchObject({ subscribers: ['a@example.com'] });
  });

  test('with mailing_list_api = "ldap" the resource says it needs the SQL edition', async () => {
    tf.write(
      `provider "iredadmin" {\n  mailing_list_api = "ldap"\n}\n${LISTS('crew@example.com', '["a@example.com"]')}`,
    );
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('mailing_list_api = "ldap"');
    tf.write(LISTS('crew@example.com', '["a@example.com"]'));
    await tf.destroy();
    expect(await api.get('/api/ml/crew@example.com')).toMatchObject({ _success: false });
  });

  test('import of a bad or unknown ID is a clear error; invalid values fail at plan', async () => {
    const other = workspace();
    other.write('resource "iredadmin_maillist" "x" {\n  email = "x@example.com"\n}\n');
    await other.init();
    const bad = await other.run(['import', '-no-color', '-input=false', 'iredadmin_maillist.x', 'not-an-email']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('invalid import ID "not-an-email"');
    const missing = await other.run([
      'import',
      '-no-color',
      '-input=false',
      'iredadmin_maillist.x',
      'nobody@example.com',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot import "nobody@example.com"');

    other.write(`
resource "iredadmin_maillist" "bad" {
  email                  = "list at example.com"
  access_policy          = "anyone"
  members                = ["nobody"]
  moderators             = ["@example.com"]
  owners                 = ["x"]
  max_message_size       = -5
  newsletter_description = ""
  account_status         = "off"
}`);
    const plan = await other.plan();
    expect(plan.code).toBe(1);
    for (const attr of [
      'email',
      'access_policy',
      'members',
      'moderators',
      'owners',
      'max_message_size',
      'newsletter_description',
      'account_status',
    ]) {
      expect(plan.stderr).toContain(`Invalid value for "${attr}"`);
    }
    expect(plan.stderr).toMatch(/on main\.tf line \d+, in resource "iredadmin_maillist" "bad":/);
  });
});
