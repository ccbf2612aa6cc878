/**
 * A throwaway PostgreSQL cluster for the test run: initdb + pg_ctl in a temp dir,
 * run as the `postgres` OS user (PostgreSQL refuses to run as root), on a free port.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  dir: string;
  port: number;
  url: string;
}

const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl) are required for the tests. ' +
  'Install them with `apt-get install -y postgresql` (Debian) and put /usr/lib/postgresql/15/bin on PATH.';

export function which(bin: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function asPostgres(args: string[]): string[] {
  // As root we must drop to the postgres user; as any other user we run directly.
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...args] : args;
}

function run(args: string[]): void {
  const [cmd, ...rest] = asPostgres(args);
  execFileSync(cmd!, rest, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function startCluster(): Promise<Cluster> {
  if (!which('initdb') || !which('pg_ctl')) throw new Error(INSTALL_HINT);
  const dir = mkdtempSync(join(tmpdir(), 'iredadmin-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  run(['initdb', '-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  run([
    'pg_ctl',
    '-D',
    join(dir, 'data'),
    '-w',
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  return { dir, port, url: `postgres://postgres@127.0.0.1:${port}/postgres` };
}

export function stopCluster(dir: string): void {
  try {
    run(['pg_ctl', '-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
