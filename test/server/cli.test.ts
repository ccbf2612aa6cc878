import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentSettings } from '../../src/server/config';
import { bundleEntry } from '../support/bundle';
import { createTestDatabase } from '../support/test-server';
import { ApiSession } from '../support/api';
import { closeIredmailDatabases, createIredmailDatabases } from '../support/iredmail-database';
import { POSTMASTER, seedIredmail } from '../support/iredmail-seed';

let cli: string;
beforeAll(async () => {
  cli = await bundleEntry('src/server/cli.ts', 'iredadmin-server');
});
/** Servers a failed or timed-out test left running. */
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

interface Started {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

async function startCli(args: string[], env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [cli, '--port', '0', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  // Waits for the server's own readiness line, or its exit, with no time budget of its own: PGlite
  // starts slowly on a loaded machine, and jest's test timeout still fails a server that hangs.
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^listening on (http:\/\/\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before "listening on": ${err}`)));
  });
  return { child, url, stderr: () => err };
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGTERM');
  const [code] = await once(started.child, 'exit');
  return code as number | null;
}

test('iredadmin-server on embedded PGlite: bootstrap admin with a generated password, SIGTERM exits 0', async () => {
  const started = await startCli([], { ENABLE_RESTFUL_API: 'true', IREDADMIN_ADMIN: 'boot@example.org' });
  try {
    const m = /global admin: boot@example\.org password: (\S+)/.exec(started.stderr());
    expect(m).not.toBeNull();
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.stderr()).toContain(
      'the data lives in memory and is lost at exit; to keep it, pass --database <directory> (a PGlite data directory) or --database postgres://',
    );
    expect(await new ApiSession(started.url).login('boot@example.org', m![1]!)).toEqual({ _success: true });
  } finally {
    expect(await stop(started)).toBe(0);
  }
});

test('iredadmin-server on PostgreSQL via --database; a restart keeps the data', async () => {
  const { db, url: databaseUrl } = await createTestDatabase('postgres');
  await db.close();
  const env = { ENABLE_RESTFUL_API: 'yes', IREDADMIN_ADMIN: 'pg@example.org', IREDADMIN_ADMIN_PASSWORD: 'Pg-adm1n!pw' };
  const first = await startCli(['--database', databaseUrl], env);
  expect(first.stderr()).not.toContain('in memory');
  const api = new ApiSession(first.url);
  await api.login('pg@example.org', 'Pg-adm1n!pw');
  expect(await api.post('/api/domain/persist.example')).toEqual({ _success: true });
  expect(await stop(first)).toBe(0);

  const second = await startCli(['--database', databaseUrl], {
    ...env,
    IREDADMIN_ADMIN_PASSWORD: 'ignored-Once-created1!',
  });
  try {
    const again = new ApiSession(second.url);
    // The admin already existed: its password was not replaced.
    expect(await again.login('pg@example.org', 'Pg-adm1n!pw')).toEqual({ _success: true });
    expect((await again.get('/api/domain/persist.example'))._success).toBe(true);
  } finally {
    expect(await stop(second)).toBe(0);
  }
});

test("iredadmin-server on iRedMail's three PostgreSQL databases: --amavisd-database and IREDAPD_DATABASE", async () => {
  const dbs = await createIredmailDatabases('postgres');
  try {
    await seedIredmail({ vmail: dbs.vmail.db, amavisd: dbs.amavisd.db, iredapd: dbs.iredapd.db });
    const started = await startCli(['--database', dbs.vmail.url, '--amavisd-database', dbs.amavisd.url], {
      ENABLE_RESTFUL_API: 'true',
      IREDAPD_DATABASE: dbs.iredapd.url,
    });
    try {
      const api = new ApiSession(started.url);
      expect(await api.login(POSTMASTER.email, POSTMASTER.password)).toEqual({ _success: true });
      expect(await api.ok('GET', '/api/spampolicy/domain/example.com')).toMatchObject({ spam_kill_level: 7 });
      expect(await api.get('/api/throttle/example.com/outbound')).toMatchObject({ setting: { max_msgs: 500 } });
    } finally {
      expect(await stop(started)).toBe(0);
    }
  } finally {
    await closeIredmailDatabases(dbs);
  }
});

test('bad flags fail with a clear message', async () => {
  const child = spawn(process.execPath, [cli, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const [code] = await once(child, 'exit');
  expect(code).toBe(1);
  expect(err).toContain('--port must be 0–65535');
});

async function runToExit(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const [code] = await once(child, 'exit');
  return { code: code as number | null, out, err };
}

/** The backticked names in the first column of the README's server settings table. */
function readmeSettingNames(): string[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('### Settings'),
    readme.indexOf('\n### ', readme.indexOf('### Settings') + 1),
  );
  const firstCells = section
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => line.split('|')[1]!);
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!));
}

test('--help lists every flag and every environment setting, those of the README table included', async () => {
  const { code, out, err } = await runToExit(['--help']);
  expect(code).toBe(0);
  expect(err).toBe('');
  for (const flag of [
    '--host',
    '--port',
    '--database',
    '--amavisd-database',
    '--iredapd-database',
    '--read-only',
    '--change-triggers',
    '--help',
  ])
    expect(out).toContain(flag);
  const names = environmentSettings().map((setting) => setting.name);
  expect(names).toEqual(
    expect.arrayContaining(['ENABLE_RESTFUL_API', 'DATABASE_URL', 'IREDADMIN_ADMIN', 'IREDADMIN_SETTINGS_FILE']),
  );
  const readmeNames = readmeSettingNames();
  expect(readmeNames.length).toBeGreaterThan(10);
  for (const name of [...names, ...readmeNames]) expect(out).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
});

test('amavisd and iredapd databases of their own: from the flags or the environment, refused beside PGlite', async () => {
  const fromFlag = await runToExit(['--amavisd-database', 'postgres://amavisd:secret@127.0.0.1:1/amavisd']);
  expect(fromFlag.code).toBe(1);
  expect(fromFlag.err).toContain(
    "--amavisd-database (AMAVISD_DATABASE) needs --database postgres://… or mysql://…: embedded PGlite keeps all of iRedMail's tables in one database",
  );
  const fromEnv = await runToExit(['--database', 'postgres://vmailadmin@127.0.0.1:1/vmail'], {
    IREDAPD_DATABASE: 'mysql://iredapd:secret@127.0.0.1:1/iredapd',
  });
  expect(fromEnv.code).toBe(1);
  expect(fromEnv.err).toContain('--iredapd-database (IREDAPD_DATABASE) is a mysql URL but --database is postgres');
  expect(fromFlag.err + fromEnv.err).not.toContain('secret');
});
