/** Child processes for the benchmarks: timed starts, bundled entry points, our server. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../scripts/project-root';
import { startCluster, stopCluster } from '../test/support/postgres-cluster';

export const ROOT = projectRoot();
const WORK = join(ROOT, '.tmp', 'bench');

/** Milliseconds from spawn until the child exits (it must exit 0). */
export function timeToExit(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`${cmd} exited ${code}`));
    });
  });
}

/** Milliseconds from spawn until the child's first stdout line; the child is then killed. */
export function timeToFirstLine(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; line: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      child.kill('SIGKILL');
      resolve({ ms, line: out.slice(0, nl) });
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`${cmd} exited ${code} before its first line: ${err.trim()}`));
    });
  });
}

/** Bundles a TypeScript entry (dependencies stay in node_modules) into .tmp/bench. */
export async function bundle(entry: string, name: string): Promise<string> {
  mkdirSync(WORK, { recursive: true });
  const outfile = join(WORK, `${name}.js`);
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** CPU seconds a process has used so far (Linux: utime + stime of /proc/<pid>/stat, in USER_HZ = 100 ticks/s). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds this process has used so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export interface ChildServer {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** Starts a script that prints `listening on <url>` and waits for that line. */
export function startListening(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildServer> {
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        resolve({
          child,
          url: m[1]!,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            // Bounded: a server that does not drain in 5 s is killed.
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            await exited;
            clearTimeout(timer);
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}: ${err.trim()}`)));
  });
}

export const BENCH_ADMIN = { email: 'postmaster@bench.example', password: 'Bench-Adm1n!pass' };

let serverScript: Promise<string> | undefined;

/** Our server as a child process (as deployed): PGlite in memory unless a postgres URL is given. */
export function startOurServer(database = 'memory'): Promise<ChildServer> {
  serverScript ??= bundle('src/server/cli.ts', 'server');
  return serverScript.then((script) =>
    startListening(script, ['--port', '0', '--database', database], {
      PATH: process.env.PATH,
      ENABLE_RESTFUL_API: 'true',
      IREDADMIN_ADMIN: BENCH_ADMIN.email,
      IREDADMIN_ADMIN_PASSWORD: BENCH_ADMIN.password,
      // Load figures would otherwise trip the login throttle on a bad run; irrelevant to speed.
      MAX_LOGIN_FAILURES: '1000',
    }),
  );
}

/** Where our server keeps its data in a figure: PGlite in memory, or a database of a throwaway cluster. */
export interface Database {
  label: 'PGlite' | 'PostgreSQL';
  url: string;
}

export const PGLITE: Database = { label: 'PGlite', url: 'memory' };

let databases = 0;

/** Runs `work` with a fresh database in a throwaway PostgreSQL cluster (the tests' initdb/pg_ctl helper). */
export async function withPostgres<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const cluster = await startCluster();
  try {
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: cluster.url });
    await admin.connect();
    const name = `bench_${process.pid}_${databases++}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return await work({ label: 'PostgreSQL', url: cluster.url.replace(/\/[^/]*$/, `/${name}`) });
  } finally {
    stopCluster(cluster.dir);
  }
}
