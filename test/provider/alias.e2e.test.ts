/**
 * iredadmin_alias end to end with the real terraform against our server on PostgreSQL: the
 * shared life cycle, then rename in place through change_email (members stay, memberships in
 * other aliases follow, the plan is an in-place update), members that are users, an empty
 * members set, the data source, plan-time validation and bad import IDs.
 */
import type { ApiSession } from '../support/api';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { describeLifecycle } from '../support/lifecycle';
import type { TerraformWorkspace } from '../support/terraform';

let e2e: ProviderE2E;
let api: ApiSession;
const workspace = () => e2e.workspace();

beforeAll(async () => {
  e2e = await startProviderE2E('postgres');
  ({ api } = e2e);
  await api.ok('POST', '/api/domain/example.com', { name: 'Example' });
  // The members are mail users (created through the API: the user resource is tested on its own).
  for (const name of ['jane', 'bob', 'carol'])
    await api.ok('POST', `/api/user/${name}@example.com`, { password: 'Secr3t!pass' });
});
afterAll(() => e2e?.close());

const alias = (email: string) => api.ok('GET', `/api/alias/${email}`) as Promise<Record<string, unknown>>;

const CREATE = `
resource "iredadmin_alias" "team" {
  email         = "team@example.com"
  name          = "Team"
  access_policy = "membersonly"
  members       = ["jane@example.com", "Bob@Example.com"]
}
`;

const UPDATE = `
resource "iredadmin_alias" "team" {
  email          = "team@example.com"
  name           = "Team 2"
  access_policy  = "moderatorsonly"
  members        = ["jane@example.com", "carol@example.com", "friend@elsewhere.org"]
  account_status = "disabled"
}
`;

describe('iredadmin_alias life cycle on postgres', () => {
  let tf: TerraformWorkspace;
  beforeAll(() => {
    tf = workspace();
  });

  describeLifecycle(
    {
      address: 'iredadmin_alias.team',
      importId: 'Team@Example.com',
      create: CREATE,
      update: UPDATE,
      async checkServer(_api, stage) {
        expect(await alias('team@example.com')).toMatchObject(
          stage === 'created'
            ? { name: 'Team', accesspolicy: 'membersonly', active: 1, members: ['bob@example.com', 'jane@example.com'] }
            : {
                name: 'Team 2',
                accesspolicy: 'moderatorsonly',
                active: 0,
                members: ['carol@example.com', 'friend@elsewhere.org', 'jane@example.com'],
              },
        );
      },
      async changeOutOfBand(a) {
        await a.ok('PUT', '/api/alias/team@example.com', { name: 'Drifted', addMember: 'intruder@example.com' });
      },
      expectInPlan: /- "intruder@example.com"[\s\S]*~ name\s+= "Drifted" -> "Team 2"/,
      async deleteOutOfBand(a) {
        await a.ok('DELETE', '/api/alias/team@example.com');
      },
      async checkGone(a) {
        expect(await a.get('/api/alias/team@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
      },
    },
    () => ({ tf, api, newWorkspace: workspace }),
  );
});

const RENAME = (crew: string, crewMembers: string) => `
resource "iredadmin_alias" "crew" {
  email   = "${crew}"
  name    = "Crew"
  members = ${crewMembers}
}

resource "iredadmin_alias" "all" {
  email   = "all@example.com"
  members = [iredadmin_alias.crew.email, "carol@example.com"]
}

resource "iredadmin_alias" "empty" {
  email          = "empty@example.com"
  members        = []
  account_status = "disabled"
}

data "iredadmin_alias" "crew" {
  email = iredadmin_alias.crew.email
}

output "crew_members" { value = sort(data.iredadmin_alias.crew.members) }
`;

describe('iredadmin_alias special behaviour on postgres', () => {
  let tf: TerraformWorkspace;
  let validationWorkspace: TerraformWorkspace;
  beforeAll(async () => {
    tf = workspace();
  });

  test('members that are users; an empty set; created disabled; the data source', async () => {
    // An alias outside Terraform that holds the one about to be renamed.
    await api.ok('POST', '/api/alias/outside@example.com', { members: 'crew@example.com' });
    tf.write(RENAME('crew@example.com', '["jane@example.com", "bob@example.com"]'));
    await tf.init();
    const applied = await tf.apply();
    expect(applied.stdout).toContain('Apply complete! Resources: 3 added');
    expect(applied.stdout).toMatch(/crew_members = tolist\(\[\s*"bob@example.com",\s*"jane@example.com",\s*\]\)/);
    // POST ignores accountStatus: the provider disables the new alias with a PUT.
    expect(await alias('empty@example.com')).toMatchObject({ members: [], active: 0 });
    expect(await alias('all@example.com')).toMatchObject({ members: ['carol@example.com', 'crew@example.com'] });
    // A user's GET lists the aliases it belongs to.
    expect(await api.ok('GET', '/api/user/jane@example.com')).toMatchObject({
      mailing_aliases: expect.arrayContaining(['crew@example.com']),
    });
    expect((await tf.plan()).code).toBe(0);
  });

  test('changing email renames in place: members stay, memberships follow', async () => {
    tf.write(RENAME('crew2@example.com', '["jane@example.com", "bob@example.com"]'));
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('iredadmin_alias.crew will be updated in-place');
    expect(plan.stdout).toMatch(/~ email\s+= "crew@example.com" -> "crew2@example.com"/);
    expect(plan.stdout).not.toContain('must be replaced');
    expect(plan.stdout).toContain('0 to add');
    await tf.apply();

    expect(await api.get('/api/alias/crew@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    expect(await alias('crew2@example.com')).toMatchObject({
      name: 'Crew',
      members: ['bob@example.com', 'jane@example.com'],
    });
    expect(await alias('all@example.com')).toMatchObject({ members: ['carol@example.com', 'crew2@example.com'] });
    expect(await alias('outside@example.com')).toMatchObject({ members: ['crew2@example.com'] });
    expect((await tf.state())['iredadmin_alias.crew']).toMatchObject({
      id: 'crew2@example.com',
      email: 'crew2@example.com',
    });
    expect((await tf.plan()).code).toBe(0);
  });

  test('members = [] empties the set', async () => {
    tf.write(RENAME('crew2@example.com', '[]'));
    await tf.apply();
    expect(await alias('crew2@example.com')).toMatchObject({ members: [] });
    expect((await tf.plan()).code).toBe(0);
    await tf.destroy();
    expect(await api.get('/api/alias/crew2@example.com')).toMatchObject({ _success: false });
    // Destroy leaves no trace of the alias in others.
    expect(await alias('outside@example.com')).toMatchObject({ members: [] });
  });

  test('import of a bad or unknown ID is a clear error', async () => {
    const other = (validationWorkspace = workspace());
    other.write('resource "iredadmin_alias" "x" {\n  email = "x@example.com"\n}\n');
    await other.init();
    const bad = await other.run(['import', '-no-color', '-input=false', 'iredadmin_alias.x', 'not-an-email']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('invalid import ID "not-an-email"');
    expect(bad.stderr).toContain('the alias address');
    const missing = await other.run(['import', '-no-color', '-input=false', 'iredadmin_alias.x', 'nobody@example.com']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot import "nobody@example.com"');
  });

  test('invalid values fail at plan, naming the attribute', async () => {
    const other = validationWorkspace;
    other.write(`
resource "iredadmin_alias" "bad" {
  email          = "not-an-email"
  name           = ""
  access_policy  = "everyone"
  members        = ["nobody"]
  account_status = "on"
}`);
    const plan = await other.plan();
    expect(plan.code).toBe(1);
    for (const attr of ['email', 'name', 'access_policy', 'members', 'account_status']) {
      expect(plan.stderr).toContain(`Invalid value for "${attr}"`);
    }
    expect(plan.stderr).toMatch(/on main\.tf line \d+, in resource "iredadmin_alias" "bad":/);
  });

  test('a state from schema version 0 (with moderators) upgrades without a diff', async () => {
    const other = workspace();
    try {
      await api.ok('POST', '/api/alias/old@example.com', { name: 'Old', members: 'jane@example.com' });
      other.write(`
resource "iredadmin_alias" "old" {
  email   = "old@example.com"
  name    = "Old"
  members = ["jane@example.com"]
}
`);
      await other.init();
      // What an earlier provider version left: schema_version 0 and a `moderators` attribute.
      other.writeFile(
        'terraform.tfstate',
        JSON.stringify({
          version: 4,
          terraform_version: '1.11.0',
          serial: 1,
          lineage: '00000000-0000-4000-8000-000000000001',
          outputs: {},
          resources: [
            {
              mode: 'managed',
              type: 'iredadmin_alias',
              name: 'old',
              provider: 'provider["registry.terraform.io/iredadmin/iredadmin"]',
              instances: [
                {
                  schema_version: 0,
                  attributes: {
                    id: 'old@example.com',
                    email: 'old@example.com',
                    name: 'Old',
                    access_policy: 'public',
                    members: ['jane@example.com'],
                    moderators: ['carol@example.com'],
                    account_status: 'active',
                  },
                },
              ],
            },
          ],
        }),
      );
      const plan = await other.plan();
      expect(plan.stdout).toContain('No changes.');
      await other.apply();
      const pulled = JSON.parse((await other.ok('state', 'pull')).stdout) as {
        resources: { instances: { schema_version: number; attributes: Record<string, unknown> }[] }[];
      };
      expect(pulled.resources[0]!.instances[0]!.schema_version).toBe(1);
      expect(pulled.resources[0]!.instances[0]!.attributes).not.toHaveProperty('moderators');
    } finally {
      await api.ok('DELETE', '/api/alias/old@example.com');
    }
  });
});

describe('iredadmin_alias email across domains on postgres', () => {
  const config = (email: string) => `
resource "iredadmin_alias" "mover" {
  email   = "${email}"
  members = ["jane@example.com"]
}`;

  test('a rename within the domain is planned in place; a move to another domain as a replacement', async () => {
    await api.ok('POST', '/api/domain/moved.example');
    const tf = workspace();
    tf.write(config('mover@example.com'));
    await tf.init();
    await tf.apply();

    tf.write(config('mover2@example.com'));
    const inPlace = await tf.plan();
    expect(inPlace.code).toBe(2);
    expect(inPlace.stdout).toContain('iredadmin_alias.mover will be updated in-place');
    expect(inPlace.stdout).not.toContain('must be replaced');
    await tf.apply();

    // The API answers PERMISSION_DENIED to a change_email into another domain: the plan says replace.
    tf.write(config('mover2@moved.example'));
    const across = await tf.plan();
    expect(across.code).toBe(2);
    expect(across.stdout).toContain('iredadmin_alias.mover must be replaced');
    expect(across.stdout).toMatch(/~ email\s+= "mover2@example.com" -> "mover2@moved.example" # forces replacement/);
    await tf.apply();
    expect(await api.get('/api/alias/mover2@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    expect(await alias('mover2@moved.example')).toMatchObject({ members: ['jane@example.com'] });
    expect((await tf.plan()).code).toBe(0);
    await tf.destroy();
  });
});
