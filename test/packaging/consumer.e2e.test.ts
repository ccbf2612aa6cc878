/**
 * The packages as a user gets them. From a clean copy of the repository, every package is packed
 * (its prepack builds it); fresh infrastructure repositories then `npm install` the tarballs plus
 * only what a user names (cdktf or cdktn, constructs, their CLI, typescript, another provider's
 * prebuilt bindings) from the registry, and:
 * - the provider installs with its one command into a filesystem mirror, and `terraform apply`
 *   of a small HCL configuration uses the CLI configuration that command printed;
 * - a cdktf stack composing our constructs with @cdktf/provider-null synthesizes, and our
 *   resources deploy, diff with no changes and destroy with the `cdktf` that repository installed;
 * - the cdktn example (examples/cdktn) does the same with the `cdktn` CLI, on Node 22 from the
 *   registry's `node` package (the cdktn CLI refuses older Node);
 * all offline for terraform (provider from the mirror, no lock, no checkpoint), against our server
 * started from its packed package.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IRedAdminClient } from '../../src/client';
import { PEOPLE } from '../../examples/cdktf/people';
import { offlineArgs, offlineEnv } from '../../scripts/cdktf-cli';
import { cdktnTools } from '../../scripts/cdktn-tools';
import { requireTerraform } from '../support/terraform';
import {
  cleanCheckout,
  installInto,
  ok,
  pack,
  run,
  settleAll,
  startInstalledServer,
  type PackedServer,
} from './consumer-kit';
import { packages, pointers, ROOT, root } from './manifests';

const ADMIN = { email: 'postmaster@admins.example', password: 'Consumer-Test-Pw1!' };
const PASSWORDS = Object.fromEntries(PEOPLE.map((person) => [person.login, `Pw-${person.login}-Consumer1!`]));
const cdktn = packages.get('packages/cdktn')!;

let work: string;
const tarballs = new Map<string, string>();
let server: PackedServer;
let client: IRedAdminClient;
let mirror: string;
let installOutput: string;
/** The CLI configuration install-provider printed, as a file. */
let cliConfig: string;
/** Infrastructure repositories: cdktf, cdktn; and where the packed server and Node 22 are installed. */
const dirs = { cdktf: '', cdktn: '', server: '', node22: '', home: '' };

/** The environment of terraform, cdktf and cdktn runs: offline, HOME apart, the provider's connection. */
function toolEnv(cliConfig: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...offlineEnv(cliConfig, dirs.home),
    IREDADMIN_URL: server.url,
    IREDADMIN_USERNAME: ADMIN.email,
    IREDADMIN_PASSWORD: ADMIN.password,
    TF_VAR_user_passwords: JSON.stringify(PASSWORDS),
    TF_VAR_ops_password: PASSWORDS.jane,
    ...extra,
  };
}

const CDKTF_APP = `import { App, LocalBackend, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { Resource } from '@cdktf/provider-null/lib/resource';
import { Domain, IredadminProvider, User } from 'iredadmin-cdktf';

/** Our resources only: deployed. */
class Mail extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: \`../../../terraform.\${id}.tfstate\` });
    new IredadminProvider(this, 'iredadmin', {});
    const password = new TerraformVariable(this, 'ops_password', { type: 'string', sensitive: true });
    password.addOverride('ephemeral', true);
    const domain = new Domain(this, 'corp', { domain: 'corp.example', name: 'Corp', quota: 2048 });
    new User(this, 'ops', {
      email: \`ops@\${domain.domain}\`,
      name: 'Ops',
      quota: 512,
      passwordWo: password.stringValue,
      passwordWoVersion: 1,
    });
  }
}

/** Ours beside another provider's prebuilt bindings, a reference across them: synthesized only. */
class Composed extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new IredadminProvider(this, 'iredadmin', {});
    new NullProvider(this, 'null', {});
    const domain = new Domain(this, 'corp', { domain: 'corp.example' });
    new Resource(this, 'after_domain', { triggers: { domain_id: domain.id } });
  }
}

const app = new App();
new Mail(app, 'mail');
new Composed(app, 'composed');
app.synth();
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'commonjs',
    strict: true,
    esModuleInterop: true,
    outDir: 'dist',
    rootDir: '.',
    types: [],
  },
};

/** The project's sources, tsconfig.json and cdktf.json (which both CLIs read; `extra` adds settings). */
function writeProject(dir: string, app: string, files: Record<string, string>, extra: object = {}): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, include: Object.keys(files) }));
  writeFileSync(
    join(dir, 'cdktf.json'),
    JSON.stringify({ language: 'typescript', app, terraformProviders: [], sendCrashReports: 'false', ...extra }),
  );
}

beforeAll(async () => {
  requireTerraform();
  work = mkdtempSync(join(tmpdir(), 'iredadmin-consumer-'));
  for (const key of Object.keys(dirs) as (keyof typeof dirs)[]) dirs[key] = join(work, key);
  mkdirSync(dirs.home);

  const checkout = join(work, 'checkout');
  cdktnTools(); // packages/cdktn builds with its own node_modules, linked into the checkout
  cleanCheckout(checkout);
  const packs = join(work, 'packs');
  mkdirSync(packs);
  const dev = root.devDependencies!;
  const cdktnDev = cdktn.devDependencies!;
  // Packing is CPU-bound, installing mostly waiting: what a user names is installed meanwhile.
  const [packed] = await settleAll([
    settleAll([...packages.keys()].map(async (dir) => [dir, await pack(join(checkout, dir), packs)] as const)),
    installInto(dirs.cdktf, [
      `cdktf@${dev.cdktf}`,
      `constructs@${dev.constructs}`,
      `cdktf-cli@${dev['cdktf-cli']}`,
      `typescript@${dev.typescript}`,
      '@cdktf/provider-null@^11',
    ]),
    installInto(dirs.cdktn, [
      `cdktn@${cdktnDev.cdktn}`,
      `constructs@${cdktnDev.constructs}`,
      `cdktn-cli@${cdktnDev.cdktn}`,
      `typescript@${dev.typescript}`,
    ]),
    installInto(dirs.node22, ['node@22']),
  ]);
  for (const [dir, tarball] of packed) tarballs.set(packages.get(dir)!.name, tarball);

  mirror = join(work, 'mirror');
  const [installed] = await settleAll([
    ok(
      'npx',
      ['--yes', `file:${tarballs.get('terraform-provider-iredadmin')}`, 'install-provider', '--mirror', mirror],
      work,
    ),
    installInto(dirs.server, [tarballs.get('iredadmin-server')!]),
    installInto(dirs.cdktf, [tarballs.get('iredadmin-cdktf')!]),
    installInto(dirs.cdktn, [tarballs.get('iredadmin-cdktn')!]),
  ]);
  installOutput = installed.stdout;
  cliConfig = join(work, 'printed.terraformrc');
  writeFileSync(cliConfig, installOutput.slice(installOutput.indexOf('provider_installation {')));

  server = await startInstalledServer(dirs.server, {
    PATH: process.env.PATH,
    ENABLE_RESTFUL_API: 'true',
    IREDADMIN_ADMIN: ADMIN.email,
    IREDADMIN_ADMIN_PASSWORD: ADMIN.password,
  });
  client = new IRedAdminClient({ baseUrl: server.url, username: ADMIN.email, password: ADMIN.password });
}, 900_000);

afterAll(async () => {
  await client?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('every tarball holds its manifest, README and dist/ only, with every file the manifest points at', async () => {
  for (const [dir, pkg] of packages) {
    const { stdout } = await ok('tar', ['tzf', tarballs.get(pkg.name)!], work);
    const files = stdout
      .split('\n')
      .filter(Boolean)
      .map((file) => file.replace(/^package\//, ''));
    expect({ dir, readme: files.includes('README.md') }).toEqual({ dir, readme: true });
    expect({ dir, outside: files.filter((file) => !/^(package\.json|README\.md|dist\/.+)$/.test(file)) }).toEqual({
      dir,
      outside: [],
    });
    expect({ dir, sources: files.filter((file) => /(?<!\.d)\.ts$|\.map$|test/.test(file)) }).toEqual({
      dir,
      sources: [],
    });
    expect({ dir, missing: pointers(pkg).filter((file) => !files.includes(file)) }).toEqual({ dir, missing: [] });
  }
});

test('the packed server starts with npx-style defaults and says its data is in memory', () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(server.notes).toMatch(/data lives in memory and is lost at exit/);
});

test('a repository that only wants constructs gets no server, client or provider code', () => {
  for (const dir of [dirs.cdktf, dirs.cdktn])
    for (const unwanted of [
      'fastify',
      '@electric-sql/pglite',
      'pg',
      'mysql2',
      'undici',
      'iredadmin-server',
      'iredadmin-client',
    ])
      expect({ dir, unwanted, present: existsIn(dir, unwanted) }).toEqual({ dir, unwanted, present: false });
});

function existsIn(dir: string, name: string): boolean {
  try {
    readFileSync(join(dir, 'node_modules', name, 'package.json'));
    return true;
  } catch {
    return false;
  }
}

test('install-provider from the tarball, then terraform apply with the CLI configuration it printed', async () => {
  expect(installOutput).toContain(`installed iredadmin/iredadmin ${root.version} into ${mirror}`);
  expect(readFileSync(cliConfig, 'utf8')).toContain(`path    = ${JSON.stringify(mirror)}`);
  const hcl = join(work, 'hcl');
  mkdirSync(hcl);
  writeFileSync(
    join(hcl, 'main.tf'),
    `terraform {
  required_providers {
    iredadmin = { source = "iredadmin/iredadmin", version = "~> ${root.version.split('.').slice(0, 2).join('.')}" }
  }
}
provider "iredadmin" {}
resource "iredadmin_domain" "hcl" {
  domain = "hcl.example"
  name   = "From HCL"
}
`,
  );
  const env = toolEnv(cliConfig);
  const terraform = (...args: string[]) => ok('terraform', [...args, '-no-color'], hcl, env);
  await terraform('init', '-input=false');
  expect((await terraform('apply', '-auto-approve', '-input=false')).out).toContain('1 added');
  expect((await client.domains.get('hcl.example'))?.description).toBe('From HCL');
  expect((await run('terraform', ['plan', '-detailed-exitcode', '-input=false', '-no-color'], hcl, env)).code).toBe(0);
  await terraform('destroy', '-auto-approve', '-input=false');
  expect(await client.domains.get('hcl.example')).toBeNull();
}, 300_000);

test('cdktf: our constructs compose with another provider’s bindings; deploy, diff and destroy ours', async () => {
  writeProject(dirs.cdktf, 'node dist/main.js', { 'main.ts': CDKTF_APP });
  await ok(join(dirs.cdktf, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], dirs.cdktf);
  const env = toolEnv(cliConfig);
  const cdktf = (...args: string[]) => ok(join(dirs.cdktf, 'node_modules', '.bin', 'cdktf'), args, dirs.cdktf, env);

  await cdktf(...offlineArgs('synth'));
  const composed = JSON.parse(
    readFileSync(join(dirs.cdktf, 'cdktf.out', 'stacks', 'composed', 'cdk.tf.json'), 'utf8'),
  ) as {
    provider: Record<string, unknown>;
    resource: Record<string, Record<string, { triggers?: Record<string, string> }>>;
  };
  expect(Object.keys(composed.provider).sort()).toEqual(['iredadmin', 'null']);
  expect(composed.resource.null_resource?.after_domain?.triggers?.domain_id).toBe('${iredadmin_domain.corp.id}');

  expect((await cdktf(...offlineArgs('deploy', 'mail'))).out).toMatch(/Apply complete! Resources: 2 added/);
  expect(await client.users.list('corp.example', { emailOnly: true })).toEqual(['ops@corp.example']);
  expect(await client.users.verifyPassword('ops@corp.example', PASSWORDS.jane!)).toBe(true);
  expect((await cdktf(...offlineArgs('diff', 'mail'))).out).toContain('No changes.');
  expect((await cdktf(...offlineArgs('destroy', 'mail'))).out).toContain('Destroy complete!');
  expect(await client.domains.get('corp.example')).toBeNull();
}, 600_000);

test('cdktn: the example stack deploys, diffs with no changes and destroys with the cdktn CLI', async () => {
  const example = (file: string) => readFileSync(join(ROOT, 'examples', file), 'utf8');
  writeProject(
    dirs.cdktn,
    'node dist/examples/cdktn/main.js',
    { 'examples/cdktn/main.ts': example('cdktn/main.ts'), 'examples/cdktf/people.ts': example('cdktf/people.ts') },
    // cdktn refuses write-only attributes (passwordWo) unless the project targets terraform ≥ 1.11.
    { targetVersions: { terraform: '>=1.11.0' } },
  );
  await ok(join(dirs.cdktn, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], dirs.cdktn);
  // Node 22 first on PATH: the cdktn CLI, the app and the provider all run on it.
  const env = toolEnv(cliConfig);
  env.PATH = `${join(dirs.node22, 'node_modules', '.bin')}:${env.PATH}`;
  const cdktnCli = (...args: string[]) => ok(join(dirs.cdktn, 'node_modules', '.bin', 'cdktn'), args, dirs.cdktn, env);

  expect((await ok('node', ['--version'], dirs.cdktn, env)).stdout).toMatch(/^v22\./);
  expect((await cdktnCli(...offlineArgs('deploy'))).out).toMatch(/Apply complete! Resources: \d+ added/);
  expect((await client.users.list('example.com', { emailOnly: true })).sort()).toEqual(
    PEOPLE.map((person) => `${person.login}@example.com`).sort(),
  );
  expect(await client.users.verifyPassword('jane@example.com', PASSWORDS.jane!)).toBe(true);
  expect((await cdktnCli(...offlineArgs('diff'))).out).toContain('No changes.');
  expect((await cdktnCli(...offlineArgs('destroy'))).out).toContain('Destroy complete!');
  expect(await client.domains.get('example.com')).toBeNull();
}, 600_000);
