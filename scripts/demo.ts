/**
 * The quick start (`npm run demo`): our iRedAdmin-Pro-compatible server on embedded PGlite, the
 * provider installed into a project-local filesystem mirror, and `cdktf` through a whole life
 * cycle of the example stack (examples/cdktf). Everything — cdktf output, state, HOME, temp
 * files — lives under .demo/; nothing is left running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IRedAdminClient } from '../src/client';
import { PEOPLE } from '../examples/cdktf/people';
import { mirrorCliConfig, offlineArgs, offlineEnv, runCdktf } from './cdktf-cli';
import { installProvider } from './install-provider';
import { projectRoot } from './project-root';

const ROOT = projectRoot();
const DEMO = join(ROOT, '.demo');
const ADMIN = 'postmaster@demo.example';
const DOMAIN = 'example.com';

const say = (text: string) => process.stdout.write(`\n▶ ${text}\n`);
const detail = (text: string) => process.stdout.write(`  ${text}\n`);

/** A password the server's policy accepts (a letter, an upper-case letter, a digit, a special character). */
const newPassword = () => `${randomBytes(12).toString('base64url')}-Aa1`;

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

/** The lines of cdktf's output worth showing: terraform's summaries, and errors. */
function summary(out: string): string[] {
  const wanted =
    /(Apply complete|Destroy complete|No changes\.|Plan:|will be updated in-place|must be replaced|~ quota|Error)/;
  // cdktf redraws its progress with cursor sequences even with --no-color.
  const lines = out
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .split('\n')
    .map((l) => l.replace(/^\s*example-mail\s+/, '').trim());
  return [...new Set(lines.filter((l) => wanted.test(l)))];
}

async function cdktf(title: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  say(title);
  const { code, out } = await runCdktf(args, ROOT, env);
  for (const line of summary(out)) detail(line);
  if (code !== 0)
    throw new Error(`cdktf ${args[0]} failed (exit ${code}):\n${out.trim().split('\n').slice(-30).join('\n')}`);
  return out;
}

async function showServer(client: IRedAdminClient): Promise<void> {
  const domain = await client.domains.get(DOMAIN);
  detail(
    `${DOMAIN}: "${domain?.description}", quota ${domain?.maxquota} MB, catch-all ${JSON.stringify(domain?.catchall)}`,
  );
  detail(`admins of ${DOMAIN}: ${(await client.domains.admins.get(DOMAIN)).join(', ')}`);
  for (const user of await client.users.list(DOMAIN))
    detail(`user  ${user.username} (${user.name}), quota ${user.quota} MB`);
  for (const alias of await client.aliases.list(DOMAIN))
    detail(`alias ${alias.address} → ${(alias.members ?? []).join(', ')}`);
  const news = await client.mailingLists.get(`news@${DOMAIN}`, { withSubscribers: true });
  detail(
    `list  ${news?.address}: ${news?.subscribers?.length ?? 0} subscribers, newsletter ${news?.is_newsletter ? 'yes' : 'no'}`,
  );
  const throttle = await client.throttles.get({ domain: DOMAIN }, 'outbound');
  const spam = await client.spamPolicies.get({ domain: DOMAIN });
  detail(
    `domain throttle: ${throttle?.max_msgs} messages / ${throttle?.period} s; spam score ${spam?.settings.spamScore}`,
  );
  const whitelist = await client.wblist.get({ domain: DOMAIN }, 'inbound', 'whitelist');
  const blacklist = await client.wblist.get({ domain: DOMAIN }, 'inbound', 'blacklist');
  detail(`inbound whitelist ${whitelist.join(', ')}; blacklist ${blacklist.join(', ')}`);
  const greylisting = await client.greylisting.getStatus({ domain: DOMAIN });
  detail(
    `greylisting ${greylisting}, except ${(await client.greylisting.getWhitelist({ domain: DOMAIN })).senders.join(', ')}`,
  );
}

async function main(): Promise<void> {
  rmSync(DEMO, { recursive: true, force: true });
  const home = join(DEMO, 'home');
  const tmp = join(DEMO, 'tmp');
  mkdirSync(home, { recursive: true });
  mkdirSync(tmp, { recursive: true });

  say('Starting the iRedAdmin-Pro-compatible server on embedded PGlite');
  const password = newPassword();
  const server = await startServer(password);
  detail(`${server.url} (global admin ${ADMIN})`);
  const client = new IRedAdminClient({ baseUrl: server.url, username: ADMIN, password });
  try {
    say('Building the provider into a project-local filesystem mirror');
    const mirror = join(DEMO, 'mirror');
    detail(await installProvider(mirror));
    const cliConfig = join(DEMO, 'terraformrc');
    writeFileSync(cliConfig, mirrorCliConfig(mirror));
    const passwords = Object.fromEntries(PEOPLE.map((p) => [p.login, newPassword()]));
    const env: NodeJS.ProcessEnv = {
      ...offlineEnv(cliConfig, home),
      TMPDIR: tmp,
      IREDADMIN_URL: server.url,
      IREDADMIN_USERNAME: ADMIN,
      IREDADMIN_PASSWORD: password,
      TF_VAR_user_passwords: JSON.stringify(passwords),
      TF_VAR_admin_password: newPassword(),
    };
    // The output beside the state (the stack puts it next to the output directory): .demo/.
    const output = ['--output', join(DEMO, 'cdktf.out')];

    await cdktf(
      'cdktf deploy (synthesizes examples/cdktf, then terraform init + apply)',
      offlineArgs('deploy', ...output),
      env,
    );
    say('What the server has now (read through the typed client)');
    await showServer(client);

    const diff = await cdktf('cdktf diff (should have no changes)', offlineArgs('diff', ...output), env);
    if (!diff.includes('No changes.')) throw new Error('cdktf diff found changes right after deploy');

    const bigger = { ...env, TF_VAR_domain_quota_mb: '20480' };
    await cdktf(
      'Changing the domain quota in place (TF_VAR_domain_quota_mb=20480)',
      offlineArgs('deploy', ...output),
      bigger,
    );
    detail(`server now reports quota ${(await client.domains.get(DOMAIN))?.maxquota} MB`);

    await cdktf('cdktf destroy', offlineArgs('destroy', ...output), bigger);
    detail(
      `${DOMAIN} on the server after destroy: ${(await client.domains.get(DOMAIN)) === null ? 'gone' : 'still there!'}`,
    );
  } finally {
    await client.close();
    say('Stopping the server');
    server.child.kill('SIGTERM');
  }
  say('Done.');
}

main().catch((error: unknown) => {
  process.stderr.write(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
