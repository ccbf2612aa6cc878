/**
 * Attack on `iredadmin adopt`: anyone who can name a user, alias, list or domain (a domain admin, a
 * user editing their own display name) controls text that adopt writes into code a global admin then
 * runs. Terraform evaluates `${…}` and `%{…}` in every string (HCL quoted strings and the JSON CDKTF
 * synthesizes alike), so a name like `${file("~/.aws/credentials")}` would be read off the admin's
 * machine and written to the server on apply. The written code must reproduce every value exactly:
 * after importing, terraform and cdktf plan only imports, and the state holds the server's values.
 * Domain names that spell one identifier (`mail-x.example`, `mail.x.example`) each keep their file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mirrorCliConfig, offlineArgs, offlineEnv, runCdktf } from '../../scripts/cdktf-cli';
import { adopt } from '../adopt/run-adopt';
import { PASSWORD, seedClient } from '../adopt/seed';
import { typeCheckStack, writeCdktfApp } from '../support/cdktf-app';
import { TerraformWorkspace, useProviderMirror } from '../support/terraform';
import { adminEnv, BACKENDS, startTestServer, type TestServer } from '../support/test-server';

const ROOT = join(__dirname, '..', '..');
const DOMAIN = 'hostile.example';

/** Display names an attacker may choose: template sequences, escapes, quotes, comment and heredoc markers. */
const HOSTILE_NAMES = {
  domain: '${file("/etc/hostname")} %{ if true }evaluated%{ endif }',
  user: 'q"uote \\back\\slash $${kept} %%{kept} end$ end% ${',
  alias: "*/ `tick` 'single' <<EOT\nEOT\r\n\ttabbed",
  list: 'bell\u0007 backspace\b formfeed\f esc\u001b[31m del\u007f',
  separator: 'line\u2028separator\u2029paragraph \u00a0nbsp \ufeffbom',
  token: '${TfToken[TOKEN.0]} #{TfToken[TOKEN.1]} &{TfToken[TOKEN.2]}',
};
/** Two domains whose names make the same identifier, with a user each. */
const TWIN_DOMAINS = [
  ['mail-x.example', 'dash@mail-x.example'],
  ['mail.x.example', 'dot@mail.x.example'],
] as const;
const TWIN_ADMIN = 'mail@x.example';
/** How many objects adopt says it adopted (`adopted: 2 iredadmin_domain, 5 iredadmin_user, …`). */
const adoptedCount = (stderr: string): number =>
  [...(/adopted: (.*)/.exec(stderr)?.[1] ?? '').matchAll(/(\d+) iredadmin_/g)].reduce((n, m) => n + Number(m[1]), 0);
/**
 * The oddest local part the product's address rule allows (`$`, `{`, `}` and `%` are refused, so
 * template sequences can only come through names): HCL's comment marker, `&`, `/`, `=` and `+`.
 */
const HOSTILE_LOCAL = '#x&y/z=w+v';

const mirror = useProviderMirror();

describe.each(BACKENDS)('adopt writes hostile names exactly, never as code, on %s', (backend) => {
  let server: TestServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    const client = seedClient(server);
    try {
      await client.domains.create(DOMAIN, { name: HOSTILE_NAMES.domain });
      await client.users.create(`plain@${DOMAIN}`, { password: PASSWORD, name: HOSTILE_NAMES.user });
      await client.users.create(`sep@${DOMAIN}`, { password: PASSWORD, name: HOSTILE_NAMES.separator });
      await client.users.create(`tok@${DOMAIN}`, { password: PASSWORD, name: HOSTILE_NAMES.token });
      await client.users.create(`${HOSTILE_LOCAL}@${DOMAIN}`, { password: PASSWORD, name: 'Local part' });
      await client.aliases.create(`team@${DOMAIN}`, {
        name: HOSTILE_NAMES.alias,
        members: [`plain@${DOMAIN}`, `${HOSTILE_LOCAL}@${DOMAIN}`],
      });
      await client.mailingLists.create(`news@${DOMAIN}`, { name: HOSTILE_NAMES.list });
      for (const [domain, user] of TWIN_DOMAINS) {
        await client.domains.create(domain);
        await client.users.create(user, { password: PASSWORD, name: user });
      }
      // A separate admin whose address makes the same identifier as the domains, managing one.
      await client.admins.create(TWIN_ADMIN, { password: PASSWORD, name: 'Twin' });
      await client.domains.admins.add(TWIN_DOMAINS[1][0], [TWIN_ADMIN]);
    } finally {
      await client.close();
    }
    env = adminEnv(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The names as the server holds them, by address: what terraform's state must hold after the import. */
  async function serverNames(): Promise<Record<string, string>> {
    const client = seedClient(server);
    try {
      const names: Record<string, string> = {};
      for (const address of [`plain@${DOMAIN}`, `sep@${DOMAIN}`, `tok@${DOMAIN}`, `${HOSTILE_LOCAL}@${DOMAIN}`])
        names[address] = (await client.users.get(address))?.name ?? '';
      return names;
    } finally {
      await client.close();
    }
  }

  test('the server holds the hostile names as given', async () => {
    const names = await serverNames();
    expect(names[`plain@${DOMAIN}`]).toBe(HOSTILE_NAMES.user);
    expect(names[`sep@${DOMAIN}`]).toBe(HOSTILE_NAMES.separator);
    expect(names[`tok@${DOMAIN}`]).toBe(HOSTILE_NAMES.token);
  });

  test('HCL: terraform plans only imports, and the imported state holds every name unchanged', async () => {
    const tf = TerraformWorkspace.create(mirror(), env);
    try {
      const run = await adopt(['--out', tf.dir], env);
      expect(run.code).toBe(0);
      await tf.init();
      const plan = await tf.ok('plan', '-input=false', '-out=adopt.tfplan');
      expect(plan.stdout).toContain(
        `Plan: ${adoptedCount(run.stderr)} to import, 0 to add, 0 to change, 0 to destroy.`,
      );
      await tf.ok('apply', '-input=false', 'adopt.tfplan');
      const state = await tf.state();
      const names = Object.fromEntries(
        Object.values(state)
          .filter((r) => typeof r.email === 'string' && typeof r.name === 'string')
          .map((r) => [r.email as string, r.name as string]),
      );
      expect(names).toMatchObject(await serverNames());
      expect(names[`team@${DOMAIN}`]).toBe(HOSTILE_NAMES.alias);
      expect(names[`news@${DOMAIN}`]).toBe(HOSTILE_NAMES.list);
      expect(state['iredadmin_domain.hostile_example']?.name).toBe(HOSTILE_NAMES.domain);
      for (const [, user] of TWIN_DOMAINS) expect(names[user]).toBe(user);
      expect((await tf.plan()).code).toBe(0);
    } finally {
      tf.remove();
    }
  }, 480_000);

  test('CDKTF: the stack type-checks and cdktf diff shows only imports', async () => {
    const home = mkdtempSync(join(tmpdir(), 'iredadmin-hostile-cdktf-'));
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    const work = mkdtempSync(join(ROOT, '.tmp', 'hostile-cdktf-'));
    try {
      writeFileSync(join(home, '.terraformrc'), mirrorCliConfig(mirror()));
      const run = await adopt(['--out', work, '--format', 'cdktf'], env);
      expect(run.code).toBe(0);
      expect(typeCheckStack(work)).toEqual({ output: '', status: 0 });
      writeCdktfApp(work, join(work, 'main.ts'));
      const cdktfEnv = { ...offlineEnv(join(home, '.terraformrc'), home), ...env };
      const diff = await runCdktf(offlineArgs('diff'), work, cdktfEnv);
      expect(diff.out).toContain(`Plan: ${adoptedCount(run.stderr)} to import, 0 to add, 0 to change, 0 to destroy.`);
      expect(diff.code).toBe(0);
    } finally {
      for (const dir of [work, home]) rmSync(dir, { recursive: true, force: true });
    }
  }, 480_000);
});
