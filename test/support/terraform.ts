/**
 * Runs the real `terraform` against our provider, in the style of terraform-plugin-testing:
 * each workspace is a temp dir with its own CLI config pointing at a filesystem mirror that
 * holds the freshly built provider. Commands are spawned asynchronously so a server running
 * in the test process keeps answering.
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mirrorCliConfig } from '../../scripts/cdktf-cli';
import { installProvider } from '../../scripts/install-provider';

export interface TfRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const INSTALL_HINT =
  'terraform ≥ 1.11 must be on PATH for the end-to-end tests (install the linux_amd64 release archive from HashiCorp).';

export function requireTerraform(): string {
  const r = spawnSync('terraform', ['version', '-json'], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
  });
  if (r.error || r.status !== 0) throw new Error(INSTALL_HINT);
  const version = (JSON.parse(r.stdout) as { terraform_version: string }).terraform_version;
  if (!/^1\.(1[1-9]|[2-9]\d)\./.test(version)) throw new Error(`found terraform ${version}; ${INSTALL_HINT}`);
  return version;
}

/** Builds the provider into a new filesystem mirror; returns the mirror directory. */
export async function buildProviderMirror(): Promise<string> {
  requireTerraform();
  const mirror = mkdtempSync(join(tmpdir(), 'iredadmin-mirror-'));
  await installProvider(mirror);
  return mirror;
}

/**
 * A provider mirror built before the file's (or the describe block's) tests and removed after them;
 * the function answers its directory once beforeAll has run.
 */
export function useProviderMirror(): () => string {
  let mirror: string | undefined;
  beforeAll(async () => {
    mirror = await buildProviderMirror();
  });
  afterAll(() => {
    if (mirror) rmSync(mirror, { recursive: true, force: true });
  });
  return () => {
    if (!mirror) throw new Error('the provider mirror is built in beforeAll');
    return mirror;
  };
}

export class TerraformWorkspace {
  private constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static create(mirror: string, providerEnv: Record<string, string>): TerraformWorkspace {
    const dir = mkdtempSync(join(tmpdir(), 'iredadmin-tf-'));
    const cliConfig = join(dir, '.terraformrc');
    writeFileSync(cliConfig, mirrorCliConfig(mirror));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      ...providerEnv,
    };
    return new TerraformWorkspace(dir, env);
  }

  /** Replaces the configuration (main.tf); a provider block is added unless given. */
  write(hcl: string, file = 'main.tf'): void {
    const header = hcl.includes('required_providers')
      ? ''
      : 'terraform {\n  required_providers {\n    iredadmin = { source = "iredadmin/iredadmin" }\n  }\n}\n\n';
    writeFileSync(join(this.dir, file), header + hcl);
  }

  writeFile(name: string, content: string): void {
    mkdirSync(join(this.dir, name, '..'), { recursive: true });
    writeFileSync(join(this.dir, name), content);
  }

  /** Starts terraform without waiting (e.g. to interrupt it); `run` waits for it. */
  start(args: string[], extraEnv: Record<string, string> = {}): ChildProcessByStdio<null, Readable, Readable> {
    return spawn('terraform', [...args], {
      cwd: this.dir,
      env: { ...this.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  run(args: string[], extraEnv: Record<string, string> = {}): Promise<TfRun> {
    return new Promise((resolve, reject) => {
      const child = this.start(args, extraEnv);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  /** Runs and fails the test with terraform's output unless it exits 0. */
  async ok(...args: string[]): Promise<TfRun> {
    const r = await this.run([...args, '-no-color']);
    if (r.code !== 0) throw new Error(`terraform ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r;
  }

  init = () => this.ok('init', '-input=false');
  apply = () => this.ok('apply', '-auto-approve', '-input=false');
  destroy = () => this.ok('destroy', '-auto-approve', '-input=false');

  /** `plan -detailed-exitcode`: code 0 = no changes, 2 = changes, 1 = error. */
  plan(...args: string[]): Promise<TfRun> {
    return this.run(['plan', '-detailed-exitcode', '-input=false', '-no-color', ...args]);
  }

  /** Resource values from `terraform show -json`, keyed by address. */
  async state(): Promise<Record<string, Record<string, unknown>>> {
    const r = await this.ok('show', '-json');
    const doc = JSON.parse(r.stdout) as {
      values?: { root_module?: { resources?: { address: string; values: Record<string, unknown> }[] } };
    };
    const out: Record<string, Record<string, unknown>> = {};
    for (const res of doc.values?.root_module?.resources ?? []) out[res.address] = res.values;
    return out;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
