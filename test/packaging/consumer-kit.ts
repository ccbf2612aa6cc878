/**
 * The consumer test's steps: a clean copy of the repository, its packages packed from it, fresh
 * repositories that `npm install` tarballs and registry packages, the packed server started, and
 * commands run as child processes (async, so nothing blocks the test's event loop).
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './manifests';

export interface Run {
  code: number | null;
  /** stdout and stderr as they came. */
  out: string;
  stdout: string;
}

export function run(command: string, args: readonly string[], cwd: string, env = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, stdout }));
  });
}

/** Runs and throws with the command's output unless it exits 0. */
export async function ok(command: string, args: readonly string[], cwd: string, env = process.env): Promise<Run> {
  const result = await run(command, args, cwd, env);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.code}\n${result.out}`);
  return result;
}

/**
 * The repository's tracked files as they are in the working tree (so a test of uncommitted work
 * sees it): no dist/, no .tmp/, nothing untracked. Dependencies are the installed ones (the same
 * lock files), linked rather than installed again.
 */
export function cleanCheckout(dest: string): void {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    try {
      copyFileSync(join(ROOT, file), join(dest, file));
    } catch (error: unknown) {
      // Deleted in the working tree but not yet in the index: not part of the checkout.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  for (const dir of ['.', 'packages/cdktn'])
    symlinkSync(join(ROOT, dir, 'node_modules'), join(dest, dir, 'node_modules'));
}

/** `npm pack` of the package in `dir` (its prepack builds it) into `dest`; returns the tarball's path. */
export async function pack(dir: string, dest: string): Promise<string> {
  const { stdout } = await ok('npm', ['pack', '--json', '--pack-destination', dest], dir);
  const [packed] = JSON.parse(stdout) as [{ filename: string }];
  return join(dest, packed.filename);
}

/** `npm install <specs>` in the repository `dir`, as a user does; the repository is created when it does not exist. */
export async function installInto(dir: string, specs: readonly string[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json')))
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'infrastructure', private: true }, null, 2)}\n`);
  // --prefer-offline: the registry only for what npm's cache does not hold.
  await ok('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...specs], dir);
}

export interface PackedServer {
  url: string;
  /** What it said on stderr until it was ready. */
  notes: string;
  stop(): Promise<void>;
}

/** Starts the `iredadmin-server` bin installed in `dir` on a free port; resolves once it listens. */
export function startInstalledServer(dir: string, env: NodeJS.ProcessEnv): Promise<PackedServer> {
  const child = spawn(join(dir, 'node_modules', '.bin', 'iredadmin-server'), ['--port', '0'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let stdout = '';
    let notes = '';
    child.stderr.on('data', (d: Buffer) => (notes += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(stdout);
      if (listening) resolve({ url: listening[1]!, notes, stop });
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`iredadmin-server exited ${code} before listening\n${stdout}${notes}`)),
    );
  });
}

/**
 * Promise.all that waits for every promise to settle (no child process outlives a failure), then
 * throws the first error.
 */
export async function settleAll<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
