/**
 * A realistic configuration with the real terraform: a domain, 50 users from a for_each map,
 * aliases referencing users, throttles and spam policies — applies, re-plans empty, destroys
 * cleanly. Plus `import` blocks with `terraform plan -generate-config-out`.
 */
import { BACKENDS, type TestServer } from '../support/test-server';
import { sql } from '../../src/server/db/sql';
import type { ApiSession } from '../support/api';
import type { TerraformWorkspace } from '../support/terraform';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';

const REALISTIC = `
variable "user_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

locals {
  people = { for i in range(50) : format("user%02d", i) => { name = "User \${i}", team = i % 2 == 0 ? "red" : "blue" } }
}

resource "iredadmin_domain" "corp" {
  domain    = "corp.example"
  name      = "Corp"
  max_users = 60
}

resource "iredadmin_user" "people" {
  for_each            = local.people
  email               = "\${each.key}@\${iredadmin_domain.corp.domain}"
  name                = each.value.name
  password_wo         = var.user_password
  password_wo_version = 1
  quota               = 512
}

resource "iredadmin_alias" "team" {
  for_each = toset(["red", "blue"])
  email    = "\${each.key}@\${iredadmin_domain.corp.domain}"
  members  = [for k, p in local.people : iredadmin_user.people[k].email if p.team == each.key]
}

resource "iredadmin_throttle" "domain_out" {
  target    = iredadmin_domain.corp.domain
  direction = "outbound"
  period    = 3600
  max_msgs  = 1000
}

resource "iredadmin_throttle" "user00_in" {
  target    = iredadmin_user.people["user00"].email
  direction = "inbound"
  period    = 60
  msg_size  = 10485760
}

resource "iredadmin_spampolicy" "corp" {
  target          = iredadmin_domain.corp.domain
  quarantine_spam = true
  spam_score      = 6
}

resource "iredadmin_spampolicy" "user01" {
  target             = iredadmin_user.people["user01"].email
  bypass_spam_checks = true
}
`;

describe.each(BACKENDS)('a realistic configuration on %s', (backend) => {
  let e2e: ProviderE2E;
  let server: TestServer;
  let api: ApiSession;
  let tf: TerraformWorkspace;
  const password = 'Realistic-Pa55!';

  beforeAll(async () => {
    e2e = await startProviderE2E(backend);
    ({ server, api } = e2e);
    tf = e2e.workspace({ TF_VAR_user_password: password });
  });
  afterAll(() => e2e?.close());

  test('applies, re-plans empty and destroys cleanly', async () => {
    tf.write(REALISTIC);
    await tf.init();
    const applied = await tf.apply();
    expect(applied.stdout).toContain('Apply complete! Resources: 57 added, 0 changed, 0 destroyed.');

    const users = (await api.ok('GET', '/api/users/corp.example', { email_only: 'yes' })) as string[];
    expect(users).toHaveLength(50);
    const red = (await api.ok('GET', '/api/alias/red@corp.example')) as { members: string[] };
    expect(red.members).toHaveLength(25);
    expect(red.members).toContain('user00@corp.example');
    expect(await api.post('/api/verify_password/user/user42@corp.example', { password })).toEqual({ _success: true });
    expect(await api.ok('GET', '/api/spampolicy/domain/corp.example')).toMatchObject({ spam_kill_level: 6 });
    const throttle = await api.get('/api/throttle/corp.example/outbound');
    expect(throttle).toMatchObject({ _success: true, setting: { max_msgs: 1000, period: 3600 } });

    const state = JSON.stringify(await tf.state());
    expect(state).not.toContain(password);

    const replan = await tf.plan();
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);

    const destroyed = await tf.destroy();
    expect(destroyed.stdout).toContain('Destroy complete! Resources: 57 destroyed.');
    expect(await api.get('/api/domain/corp.example')).toEqual({ _success: false, _msg: 'NO_SUCH_DOMAIN' });
    const leftovers = await server.db.query<{
      n: number;
    }>(sql`SELECT (SELECT COUNT(*) FROM mailbox WHERE domain = 'corp.example') + (SELECT COUNT(*) FROM alias WHERE domain = 'corp.example')
            + (SELECT COUNT(*) FROM throttle WHERE account LIKE '%corp.example') + (SELECT COUNT(*) FROM policy WHERE policy_name LIKE '%corp.example') AS n`);
    expect(Number(leftovers[0]!.n)).toBe(0);
  });

  test('import blocks with plan -generate-config-out write a configuration that plans empty', async () => {
    await api.ok('POST', '/api/domain/legacy.example', { name: 'Legacy', quota: 2048 });
    await api.ok('POST', '/api/user/old@legacy.example', { password, name: 'Old Timer' });
    await api.ok('PUT', '/api/user/old@legacy.example', { forwarding: 'old@legacy.example,archive@elsewhere.example' });
    const other = e2e.workspace();
    other.write(`
import {
  to = iredadmin_domain.legacy
  id = "legacy.example"
}

import {
  to = iredadmin_user.old
  id = "old@legacy.example"
}
`);
    await other.init();
    const generated = await other.run(['plan', '-no-color', '-input=false', '-generate-config-out=generated.tf']);
    expect(generated.stdout + generated.stderr).toContain('Plan: 2 to import, 0 to add, 0 to change, 0 to destroy.');
    await other.ok('apply', '-auto-approve', '-input=false');
    const replan = await other.plan();
    expect(replan.stdout).toContain('No changes.');
    const state = await other.state();
    expect(state['iredadmin_user.old']).toMatchObject({
      email: 'old@legacy.example',
      name: 'Old Timer',
      forwarding: ['archive@elsewhere.example', 'old@legacy.example'],
    });
    expect(state['iredadmin_domain.legacy']).toMatchObject({ domain: 'legacy.example', quota: 2048 });
  });
});
