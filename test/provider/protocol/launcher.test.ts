/**
 * The launcher (`terraform-provider-<name>`, what Terraform executes) under a user's NODE_OPTIONS:
 * node refuses some flags there (`--cpu-prof`) and would die before the handshake.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVICE_NAMES } from '../../../src/provider/protocol/serve';
import {
  buildFixture,
  call,
  connect,
  fixtureLauncher,
  launchProvider,
  type LaunchedProvider,
} from './support/fixture-process';

describe('provider launcher with NODE_OPTIONS set', () => {
  let script: string;
  let scratch: string;

  beforeAll(async () => {
    script = await buildFixture();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-test-'));
  });

  afterAll(() => {
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** Launches through the launcher, checks health over mTLS, asks for Shutdown; the exit code. */
  async function launchAndShutdown(
    env: NodeJS.ProcessEnv,
  ): Promise<{ provider: LaunchedProvider; code: number | null }> {
    const provider = await launchProvider(script, env, fixtureLauncher(script));
    try {
      const tls = { serverCertDer: provider.handshake.certificateDer, client: provider.clientCertificate };
      const health = connect(SERVICE_NAMES.health, provider.handshake.address, tls);
      await expect(call(health, 'Check', { service: 'plugin' })).resolves.toEqual({ status: 1 });
      health.close();
      const controller = connect(SERVICE_NAMES.controller, provider.handshake.address, tls);
      await call(controller, 'Shutdown');
      controller.close();
      return { provider, code: (await provider.exited).code };
    } finally {
      if (provider.child.exitCode === null) provider.child.kill('SIGKILL');
    }
  }

  it('serves with --cpu-prof in NODE_OPTIONS (which node refuses there) and writes the profile on exit', async () => {
    const profiles = path.join(scratch, 'profiles');
    const { provider, code } = await launchAndShutdown({ NODE_OPTIONS: `--cpu-prof  --cpu-prof-dir=${profiles}` });
    expect(code).toBe(0);
    expect(provider.stdout()).toBe(`${provider.handshake.line}\n`);
    expect(provider.stderr()).not.toContain('not allowed in NODE_OPTIONS');
    expect(fs.readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile'))).toHaveLength(1);
  });

  it('leaves quoted NODE_OPTIONS to node, which still applies them', async () => {
    const hook = path.join(scratch, 'a hook.js');
    fs.writeFileSync(hook, 'process.stderr.write("hook loaded\\n");\n');
    const { provider, code } = await launchAndShutdown({ NODE_OPTIONS: `--require "${hook}"` });
    expect(code).toBe(0);
    expect(provider.stderr()).toContain('hook loaded');
  });

  it('passes a plain NODE_OPTIONS on as node flags', async () => {
    const hook = path.join(scratch, 'hook.js');
    fs.writeFileSync(
      hook,
      'process.stderr.write(`flags ${process.execArgv.join(" ")} env ${process.env.NODE_OPTIONS ?? "unset"}\\n`);\n',
    );
    const { provider, code } = await launchAndShutdown({ NODE_OPTIONS: `--require ${hook} --no-warnings` });
    expect(code).toBe(0);
    expect(provider.stderr()).toContain(`flags --require ${hook} --no-warnings env unset`);
  });
});
