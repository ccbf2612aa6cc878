/**
 * A normal (domain) admin adopts what it manages: only its domain, without the objects it may
 * not read, and the written configuration plans with only imports under its own credentials.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../src/adopt/command';
import { TerraformWorkspace, useProviderMirror } from '../support/terraform';
import { BACKENDS, startTestServer, type TestServer } from '../support/test-server';
import { adopt } from './run-adopt';
import { PASSWORD, seedClient } from './seed';

const OPS = 'ops@admins.example';

const mirror = useProviderMirror();

describe.each(BACKENDS)('adopt as a normal admin on %s', (backend) => {
  let server: TestServer;
  let tf: TerraformWorkspace;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    const client = seedClient(server);
    try {
      await client.domains.create('mine.example', { name: 'Mine' });
      await client.domains.create('theirs.example', { name: 'Theirs' });
      for (const local of ['ann', 'bob', 'cy'])
        await client.users.create(`${local}@mine.example`, { password: PASSWORD, name: local.toUpperCase() });
      await client.users.create('zed@theirs.example', { password: PASSWORD });
      await client.aliases.create('team@mine.example', { members: ['ann@mine.example', 'bob@mine.example'] });
      await client.mailingLists.create('news@mine.example', { name: 'News' });
      await client.throttles.set({ domain: 'mine.example' }, 'outbound', { period: 3600, maxMsgs: 100 });
      await client.admins.create(OPS, { password: PASSWORD, name: 'Ops', maxDomains: 1 });
      await client.domains.admins.add('mine.example', [OPS]);
    } finally {
      await client.close();
    }
    env = { IREDADMIN_URL: server.url, IREDADMIN_USERNAME: OPS, IREDADMIN_PASSWORD: PASSWORD };
    tf = TerraformWorkspace.create(mirror(), env);
  });
  afterAll(async () => {
    tf?.remove();
    await server?.close();
  });

  test('a domain it does not manage is refused with exit code 6', async () => {
    const run = await adopt(['--domain', 'theirs.example', '--out', join(tf.dir, 'refused')], env);
    expect(run.code).toBe(EXIT.permissionDenied);
    expect(run.stderr).toContain('permission denied');
    expect(run.stderr).toContain('A normal admin adopts only the domains it manages');
  });

  test('adopts its one domain; the configuration plans only imports, applies, then plans empty', async () => {
    const run = await adopt(['--out', tf.dir], env);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain('mine.example: 3 users, 1 aliases, 1 mailing lists, 1 domain admins, 1 throttles');
    expect(run.stderr).not.toContain('theirs.example');
    // What a normal admin may not read is left out and said so; its own account stays a plain address below.
    expect(run.stderr).toContain(
      `note: iredadmin_admin ${OPS}: not readable with this admin's rights (PERMISSION_DENIED); left out.`,
    );
    const files = readdirSync(tf.dir)
      .filter((f) => f.endsWith('.tf'))
      .sort();
    expect(files).toEqual(['mine_example.imports.tf', 'mine_example.tf', 'providers.tf']);
    const mine = readFileSync(join(tf.dir, 'mine_example.tf'), 'utf8');
    expect(mine).toContain(`admins = ["${OPS}"]`);

    await tf.init();
    const plan = await tf.ok('plan', '-input=false', '-out=adopt.tfplan');
    expect(plan.stdout).toMatch(/Plan: \d+ to import, 0 to add, 0 to change, 0 to destroy\./);
    const imported = Number(/Plan: (\d+) to import/.exec(plan.stdout)![1]);
    expect(imported).toBe(1 + 3 + 1 + 1 + 1 + 1 + (run.stderr.includes('1 spam policies') ? 1 : 0));
    await tf.ok('apply', '-input=false', 'adopt.tfplan');
    const replan = await tf.plan();
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);
  });
});
