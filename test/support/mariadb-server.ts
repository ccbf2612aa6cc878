/**
 * A throwaway MariaDB server for the test run: mariadb-install-db + mariadbd in a temp dir, on a
 * free loopback port, never a shared instance. As root it runs with `--user=root` (mariadbd
 * otherwise refuses root); the data directory is ours alone and removed at teardown.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, which } from './postgres-cluster';

export interface MariaDbServer {
  dir: string;
  pid: number;
  url: string;
}

const INSTALL_HINT =
  'MariaDB server binaries (mariadbd, mariadb-install-db) are required for the tests. ' +
  'Install them with `apt-get install -y mariadb-server` (Debian).';

const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];

export async function startMariaDb(): Promise<MariaDbServer> {
  if (!which('mariadbd') && !which('/usr/sbin/mariadbd')) throw new Error(INSTALL_HINT);
  if (!which('mariadb-install-db')) throw new Error(INSTALL_HINT);
  const mariadbd = which('mariadbd') ? 'mariadbd' : '/usr/sbin/mariadbd';
  const dir = mkdtempSync(join(tmpdir(), 'iredadmin-mariadb-'));
  const data = join(dir, 'data');
  // Its own temp dir: bootstraps of parallel runs collided on temp tables in the shared /tmp.
  const temp = join(dir, 'tmp');
  mkdirSync(temp);
  execFileSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--tmpdir=${temp}`,
      ...asRoot,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await freePort();
  const child = spawn(
    mariadbd,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--tmpdir=${temp}`,
      ...asRoot,
      '--bind-address=127.0.0.1',
      `--port=${port}`,
      `--socket=${join(dir, 'sock')}`,
      `--pid-file=${join(dir, 'pid')}`,
      `--log-error=${join(dir, 'log')}`,
      '--skip-log-bin',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_general_ci',
      '--max-connections=400',
      // Durability is irrelevant for a throwaway server; speed is not.
      '--innodb-flush-log-at-trx-commit=0',
      '--innodb-doublewrite=0',
      '--innodb-buffer-pool-size=64M',
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  const pid = child.pid ?? 0;
  try {
    await waitForPort(port, dir);
  } catch (error) {
    stopMariaDb(dir, pid);
    throw error;
  }
  return { dir, pid, url: `mysql://root@127.0.0.1:${port}/mysql` };
}

async function waitForPort(port: number, dir: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let log = '';
  try {
    log = readFileSync(join(dir, 'log'), 'utf8').slice(-2000);
  } catch {}
  throw new Error(`mariadbd did not accept connections on 127.0.0.1:${port} within 30 s\n${log}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function stopMariaDb(dir: string, pid: number): void {
  try {
    // Immediate stop, like PostgreSQL's `-m immediate`: the data is thrown away anyway.
    if (pid > 0) process.kill(pid, 'SIGKILL');
  } catch {
    // Never started, or already gone.
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
