/**
 * Runs the project's own cdktf CLI (never `npx`, which may ask the npm registry) with no network:
 * the provider from a filesystem mirror, no version checks, no provider lock (`terraform
 * providers lock` asks the public registry whatever the CLI config says).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';

export interface CdktfRun {
  code: number | null;
  out: string;
}

const CLI = join(dirname(require.resolve('cdktf-cli/package.json')), 'bundle', 'bin', 'cdktf');

/** A terraform CLI config that installs our provider from `mirror` and nothing from elsewhere. */
export function mirrorCliConfig(mirror: string): string {
  return `provider_installation {
  filesystem_mirror {
    path    = "${mirror}"
    include = ["iredadmin/iredadmin"]
  }
  direct { exclude = ["iredadmin/iredadmin"] }
}
`;
}

/** The environment every cdktf/terraform run needs to stay offline; `cliConfig` names the mirror config. */
export function offlineEnv(cliConfig: string, home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    DISABLE_VERSION_CHECK: 'true',
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: 'true',
  };
}

/** `deploy`, `diff` and `destroy` with the flags that keep them offline and quiet. */
export function offlineArgs(command: 'deploy' | 'diff' | 'destroy' | 'synth', ...extra: string[]): string[] {
  const approve = command === 'deploy' || command === 'destroy' ? ['--auto-approve'] : [];
  const lock = command === 'synth' ? [] : ['--skip-provider-lock'];
  // cdktf otherwise points TF_PLUGIN_CACHE_DIR into $HOME; the mirror is all we need.
  return [command, ...approve, ...lock, '--disable-plugin-cache-env', '--no-color', ...extra];
}

export function runCdktf(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CdktfRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out }));
  });
}
