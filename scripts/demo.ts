/**
 * The quick start (`npm run demo`): our iRedAdmin-Pro-compatible server on embedded PGlite,
 * the provider installed into a project-local filesystem mirror, and the real terraform
 * through a whole life cycle of examples/terraform. Everything lives under .demo/; nothing
 * is left running.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project-root';
import { IRedAdminClient } from '../src/client';
import { installProvider } from './install-provider';

const ROOT = projectRoot();
const DEMO = join(ROOT, '.demo');
const ADMIN = 'postmaster@demo.example';

const say = (text: string) => process.stdout.write(`\n▶ ${text}\n`);
const detail = (text: string) => process.stdout.write(`  ${text}\n`);

function startServer(password: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'server', 'cli.js'), '--port', '0'], {
    env: { ...process.env, ENABLE_RESTFUL_API: 'true', IREDADMIN_ADMIN: ADMIN, IREDADMIN_ADMIN_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
  return new Promise((resolvePromise, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /listening on (\S+)/.exec(d.toString());
      if (m) resolvePromise({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${errors.trim()}`)));
  });
}

function terraform(args: string[], env: NodeJS.ProcessEnv, work: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('terraform', [...args, '-no-color'], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', (error) => reject(new Error(`cannot run terraform (is it on PATH? install Terraform ≥ 1.11): ${error.message}`)));
    child.once('close', (code) => resolvePromise({ code, out }));
  });
}

/** The lines of terraform's output worth showing: the summary ones. */
function summary(out: string): string[] {
  return out.split('\n').filter((l) => /(Apply complete|Destroy complete|No changes|Plan:|will be (created|updated|destroyed)|must be replaced|Terraform has been successfully initialized|Error)/.test(l)).map((l) => l.trim());
}

async function step(name: string, args: string[], env: NodeJS.ProcessEnv, work: string, okCodes = [0]): Promise<number> {
  say(name);
  const { code, out } = await terraform(args, env, work);
  for (const line of summary(out)) detail(line);
  if (code === null || !okCodes.includes(code)) throw new Error(`terraform ${args[0]} failed (exit ${code}):\n${out}`);
  return code;
}

async function main(): Promise<void> {
  rmSync(DEMO, { recursive: true, force: true });
  const work = join(DEMO, 'work');
  mkdirSync(work, { recursive: true });
  cpSync(join(ROOT, 'examples', 'terraform'), work, { recursive: true });

  say('Starting the iRedAdmin-Pro-compatible server on embedded PGlite');
  const password = `${randomBytes(12).toString('base64url')}-Aa1`;
  const server = await startServer(password);
  detail(`${server.url} (global admin ${ADMIN})`);
  try {
    say('Building the provider into a project-local filesystem mirror');
    const mirror = join(DEMO, 'mirror');
    detail(await installProvider(mirror));
    const cliConfig = join(DEMO, 'terraformrc');
    writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["iredadmin/iredadmin"]\n  }\n}\n`);
    const env: NodeJS.ProcessEnv = {
      ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1',
      IREDADMIN_URL: server.url, IREDADMIN_USERNAME: ADMIN, IREDADMIN_PASSWORD: password,
    };

    await step('terraform init', ['init', '-input=false'], env, work);
    await step('terraform apply', ['apply', '-auto-approve', '-input=false'], env, work);

    say('What the server has now (read through the typed client)');
    const client = new IRedAdminClient({ baseUrl: server.url, username: ADMIN, password });
    const domain = await client.domains.get('example.com');
    detail(`example.com: "${domain?.description}", quota ${domain?.quota} MB, max ${domain?.mailboxes} users, catch-all ${JSON.stringify(domain?.catchall)}`);

    const unchanged = await step('terraform plan (should have no changes)', ['plan', '-detailed-exitcode', '-input=false'], env, work, [0, 2]);
    if (unchanged !== 0) throw new Error('the second plan was not empty');

    await step('Changing the domain quota in place (-var domain_quota_mb=20480)', ['apply', '-auto-approve', '-input=false', '-var', 'domain_quota_mb=20480'], env, work);
    detail(`server now reports quota ${(await client.domains.get('example.com'))?.quota} MB`);

    await step('terraform destroy', ['destroy', '-auto-approve', '-input=false', '-var', 'domain_quota_mb=20480'], env, work);
    detail(`example.com on the server after destroy: ${(await client.domains.get('example.com')) === null ? 'gone' : 'still there!'}`);
    await client.close();
  } finally {
    say('Stopping the server');
    server.child.kill('SIGTERM');
  }
  say('Done.');
}

main().catch((error: unknown) => {
  process.stderr.write(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
