/**
 * The iredadmin_ldif data source end to end with the real terraform on PGlite: exports, plan-time
 * validation, not found, and a server without LDIF export (the SQL edition) as a clear error.
 */
import type { ApiSession } from '../support/api';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { startProductProxy } from '../support/product-proxy';
import type { TerraformWorkspace } from '../support/terraform';
import type { TestServer } from '../support/test-server';

const D = 'ldif.example';

let e2e: ProviderE2E;
let server: TestServer;
let api: ApiSession;
let tf: TerraformWorkspace;

beforeAll(async () => {
  e2e = await startProviderE2E('pglite');
  ({ server, api } = e2e);
  tf = e2e.workspace();
  await api.ok('POST', `/api/domain/${D}`, { name: 'LDIF' });
  await api.ok('POST', `/api/user/jane@${D}`, { password: 'Jane!passw0rd', name: 'Jane' });
  await api.ok('POST', `/api/alias/team@${D}`, { members: `jane@${D}` });
});
afterAll(() => e2e?.close());

const EXPORTS = `
data "iredadmin_ldif" "domain" {
  kind   = "domain"
  target = "LDIF.Example"
}

data "iredadmin_ldif" "user" {
  kind   = "user"
  target = "Jane@ldif.example"
}

data "iredadmin_ldif" "alias" {
  kind   = "alias"
  target = "team@${D}"
}

output "user_ldif" { value = data.iredadmin_ldif.user.ldif }
`;

test('exports a domain, a user and an alias as LDIF text', async () => {
  tf.write(EXPORTS);
  await tf.init();
  const applied = await tf.apply();
  expect(applied.stdout).toContain(`mail: jane@${D}`);
  const state = await tf.state();
  expect(state['data.iredadmin_ldif.user']).toMatchObject({
    id: `user/jane@${D}`,
    kind: 'user',
    ldif: expect.stringMatching(/^dn: mail=jane@ldif\.example,/m),
  });
  expect(state['data.iredadmin_ldif.domain']!.ldif).toMatch(new RegExp(`^domainName: ${D}$`, 'm'));
  expect(state['data.iredadmin_ldif.alias']!.ldif).toMatch(/^dn: mail=team@ldif\.example,/m);
  // The same text the API gives.
  expect(state['data.iredadmin_ldif.user']!.ldif).toBe(await api.ok('GET', `/api/ldif/user/jane@${D}`));
});

test('invalid kind and target fail at plan, naming the attribute', async () => {
  tf.write(`
data "iredadmin_ldif" "bad" {
  kind   = "group"
  target = "not a target"
}`);
  const plan = await tf.plan();
  expect(plan.code).toBe(1);
  expect(plan.stderr).toContain('Invalid value for "kind"');
  expect(plan.stderr).toContain('Invalid value for "target"');
  expect(plan.stderr).toMatch(/in data "iredadmin_ldif" "bad":/);
});

test('a missing account is "not found"; a target of the wrong form says what the kind needs', async () => {
  tf.write(`
data "iredadmin_ldif" "missing" {
  kind   = "user"
  target = "nobody@${D}"
}

data "iredadmin_ldif" "mismatch" {
  kind   = "catchall"
  target = "jane@${D}"
}`);
  const plan = await tf.plan();
  expect(plan.code).toBe(1);
  expect(plan.stderr).toContain('iredadmin_ldif: not found');
  expect(plan.stderr).toContain(`target = "nobody@${D}"`);
  expect(plan.stderr).toMatch(/kind = "catchall" needs a domain name as\s+target/);
});

test('a server without LDIF export (the SQL edition) is a clear error', async () => {
  const proxy = await startProductProxy(server.url);
  const sql = e2e.workspace({ IREDADMIN_URL: proxy.url });
  try {
    sql.write(EXPORTS);
    await sql.init();
    const plan = await sql.plan();
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('not supported by this server');
    expect(plan.stderr).toMatch(/the SQL edition of iRedAdmin-Pro has no\s+\/api\/ldif routes/);
    expect(proxy.refused.length).toBeGreaterThan(0);
  } finally {
    await proxy.close();
  }
});
