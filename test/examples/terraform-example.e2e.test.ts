/**
 * examples/terraform/main.tf with the real terraform against our server (PGlite): it applies,
 * re-plans empty and destroys, and what it declares is on the server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import type { TerraformWorkspace } from '../support/terraform';

const EXAMPLE = readFileSync(join(__dirname, '..', '..', 'examples', 'terraform', 'main.tf'), 'utf8');
const vars = {
  TF_VAR_user_passwords: JSON.stringify({
    jane: 'Jane!passw0rd',
    john: 'John!passw0rd',
    mia: 'Mia!passw0rd1',
    ada: 'Ada!passw0rd1',
  }),
  TF_VAR_admin_password: 'It!admin-passw0rd',
};

let e2e: ProviderE2E;
let tf: TerraformWorkspace;

beforeAll(async () => {
  e2e = await startProviderE2E('pglite');
  tf = e2e.workspace();
  tf.write(EXAMPLE);
  await tf.init();
});
afterAll(() => e2e?.close());

test('applies, re-plans empty, and the server holds the white/blacklists and greylisting', async () => {
  const applied = await tf.run(['apply', '-auto-approve', '-no-color', '-input=false'], vars);
  expect(applied.stderr).toBe('');
  expect(applied.stdout).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed\./);
  const { api } = e2e;
  expect(await api.ok('GET', '/api/wblist/inbound/whitelist/example.com')).toEqual([
    '192.0.2.0/24',
    '@partner.example',
  ]);
  expect(await api.ok('GET', '/api/wblist/inbound/blacklist/example.com')).toEqual(['@spam.example']);
  expect(await api.ok('GET', '/api/greylisting/example.com')).toEqual({ status: 'enabled' });
  expect(await api.ok('GET', '/api/greylisting/example.com/whitelists')).toEqual({ whitelists: ['@partner.example'] });
  const replan = await tf.run(['plan', '-detailed-exitcode', '-no-color', '-input=false'], vars);
  expect(replan.stdout).toContain('No changes.');
  expect(replan.code).toBe(0);
});

test('destroys cleanly', async () => {
  const destroyed = await tf.run(['destroy', '-auto-approve', '-no-color', '-input=false'], vars);
  expect(destroyed.stdout).toContain('Destroy complete!');
  expect(await e2e.api.ok('GET', '/api/greylisting/example.com')).toEqual({ status: 'inherit' });
  expect(await e2e.api.ok('GET', '/api/wblist/inbound/whitelist/example.com')).toEqual([]);
});
