/**
 * The example stack through the real `cdktf` CLI against our server on PGlite, as a user runs it:
 * deploy, a diff with no changes, destroy — offline, the provider from a filesystem mirror,
 * HOME in a temp dir. Fails (does not skip) when terraform is missing.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IRedAdminClient } from '../../src/client';
import { PEOPLE } from '../../examples/cdktf/people';
import { STACK_NAME } from '../../examples/cdktf/main';
import { mirrorCliConfig, offlineArgs, offlineEnv, runCdktf } from '../../scripts/cdktf-cli';
import { iredadminSchemaDocument, PROVIDER_FQN } from '../../scripts/provider-schema-json';
import { PROVIDER_VERSION } from '../../scripts/install-provider';
import { writeCdktfApp } from '../support/cdktf-app';
import { buildProviderMirror, requireTerraform } from '../support/terraform';
import { adminEnv, startTestServer, type TestServer } from '../support/test-server';

const ROOT = join(__dirname, '..', '..');
const newPassword = () => `Pw-${randomBytes(8).toString('hex')}-A1`;
const passwords = Object.fromEntries(PEOPLE.map((p) => [p.login, newPassword()]));
const ADMIN_PASSWORD = newPassword();

let server: TestServer;
let client: IRedAdminClient;
let mirror: string;
let home: string;
let work: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  requireTerraform();
  mirror = await buildProviderMirror();
  server = await startTestServer({ backend: 'pglite' });
  client = new IRedAdminClient({ baseUrl: server.url, username: server.admin.email, password: server.admin.password });
  home = mkdtempSync(join(tmpdir(), 'iredadmin-cdktf-'));
  writeFileSync(join(home, '.terraformrc'), mirrorCliConfig(mirror));
  // The app is the example compiled to one file, inside the project so that `cdktf` and `constructs`
  // resolve from node_modules.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.tmp', 'cdktf-e2e-'));
  writeCdktfApp(work, join(ROOT, 'examples', 'cdktf', 'main.ts'));
  env = {
    ...offlineEnv(join(home, '.terraformrc'), home),
    ...adminEnv(server),
    TF_VAR_user_passwords: JSON.stringify(passwords),
    TF_VAR_admin_password: ADMIN_PASSWORD,
  };
}, 180_000);

afterAll(async () => {
  await client?.close();
  await server?.close();
  for (const dir of [work, home, mirror]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function cdktf(...args: string[]): Promise<string> {
  const { code, out } = await runCdktf(args, work, env);
  if (code !== 0) throw new Error(`cdktf ${args.join(' ')} exited ${code}\n${out}`);
  return out;
}

test('cdktf deploy creates the organisation on the server', async () => {
  expect(await cdktf(...offlineArgs('deploy'))).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed/);
  expect((await client.users.list('example.com', { emailOnly: true })).sort()).toEqual(
    PEOPLE.map((p) => `${p.login}@example.com`).sort(),
  );
  expect((await client.aliases.get('sales@example.com'))?.members?.sort()).toEqual([
    'john@example.com',
    'mia@example.com',
  ]);
  expect(await client.users.verifyPassword('jane@example.com', passwords.jane!)).toBe(true);
  expect((await client.throttles.get({ user: 'john@example.com' }, 'outbound'))?.max_msgs).toBe(200);
  expect(await client.admins.verifyPassword('it-admin@example.net', ADMIN_PASSWORD)).toBe(true);
  expect(await client.wblist.get({ domain: 'example.com' }, 'inbound', 'blacklist')).toEqual(['@spam.example']);
  expect(await client.greylisting.getStatus({ domain: 'example.com' })).toBe('enabled');
}, 180_000);

test('no password in the state; the state is where the stack says', () => {
  const state = readFileSync(join(work, `terraform.${STACK_NAME}.tfstate`), 'utf8');
  expect(state).toContain('"iredadmin_user"');
  for (const password of [...Object.values(passwords), ADMIN_PASSWORD]) expect(state).not.toContain(password);
});

test('the schema terraform gets from the provider is the one the constructs were generated from', () => {
  const r = spawnSync('terraform', ['providers', 'schema', '-json'], {
    cwd: join(work, 'cdktf.out', 'stacks', STACK_NAME),
    env,
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  const fromTerraform = (JSON.parse(r.stdout) as { provider_schemas: Record<string, unknown> }).provider_schemas[
    PROVIDER_FQN
  ];
  expect(fromTerraform).toEqual(iredadminSchemaDocument(PROVIDER_VERSION).provider_schemas[PROVIDER_FQN]);
}, 60_000);

test('cdktf diff shows no changes', async () => {
  expect(await cdktf(...offlineArgs('diff'))).toContain('No changes.');
}, 180_000);

test('cdktf destroy removes it all', async () => {
  expect(await cdktf(...offlineArgs('destroy'))).toContain('Destroy complete!');
  expect(await client.domains.get('example.com')).toBeNull();
}, 180_000);
