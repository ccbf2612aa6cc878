/**
 * What reads through the API client cost in the caller's process, at a base revision against the
 * working tree, next to bare keep-alive GETs (undici, same cookie, same paths). Each measurement is
 * a fresh child process, as a provider's plan is: CPU time (process.cpuUsage) of loading the
 * client, then of N reads (domain, user, throttle in turn) after the login. Sides interleaved,
 * several repetitions. Our server runs in its own process (PGlite): its work is not counted.
 *
 *   npx esbuild bench/client-read-compare.ts --bundle --platform=node --packages=external \
 *     --define:require.main=undefined --outfile=.tmp/client-read-compare.js \
 *     && node .tmp/client-read-compare.js [--base main] [--n 160] [--reps 7]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { Pool } from 'undici';
import { projectRoot } from '../scripts/project-root';
import { medianAndRange, REVISION_OPTIONS, unpackRevision } from './revisions';
import type { IRedAdminClient } from '../src/client';
import { BENCH_ADMIN, startOurServer } from './processes';

const ROOT = projectRoot();
const WORK = join(ROOT, '.tmp', 'client-read-compare');

type Client = IRedAdminClient;
type ClientClass = new (options: ConstructorParameters<typeof IRedAdminClient>[0]) => Client;

/** Bundles the client as it stands under `root` (undici and zod from node_modules); the bundle's path. */
async function load(root: string, label: string): Promise<string> {
  const outfile = join(WORK, `${label}.js`);
  await build({
    stdin: { contents: "export { IRedAdminClient } from './src/client';", resolveDir: root, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
    nodePaths: [join(ROOT, 'node_modules')],
  });
  return outfile;
}

const DOMAIN = 'read.bench.example';
const USER = `jane@${DOMAIN}`;

type Read = () => Promise<unknown>;

/** The reads the provider's refresh makes, one of each kind. */
function reads(client: Client): Record<string, Read> {
  return {
    'domains.get': () => client.domains.get(DOMAIN),
    'users.get': () => client.users.get(USER),
    'throttles.get': () => client.throttles.get({ domain: DOMAIN }, 'outbound'),
  };
}

/** The same GETs with nothing around them: the floor of a keep-alive request from this process. */
function bareReads(baseUrl: string, cookie: string): { reads: Record<string, Read>; pool: Pool } {
  const url = new URL(baseUrl);
  // Loaded here, not at the top: a child measuring the client must not have undici loaded already.
  const { Pool: PoolClass } = require('undici') as typeof import('undici');
  const pool = new PoolClass(url.origin, { connections: 8 });
  const get = (path: string) => async () => {
    const response = await pool.request({
      method: 'GET',
      path: `${url.pathname.replace(/\/$/, '')}${path}`,
      headers: { cookie },
    });
    return JSON.parse(await response.body.text()) as unknown;
  };
  return {
    pool,
    reads: {
      'domains.get': get(`/api/domain/${DOMAIN}`),
      'users.get': get(`/api/user/${USER}`),
      'throttles.get': get(`/api/throttle/${DOMAIN}/outbound`),
    },
  };
}

interface ChildCost {
  loadMicros: number;
  readMicros: number;
}

/** In a child: load one side, log in, time `n` reads. Prints the costs as JSON. */
async function child(side: string, bundle: string, url: string, cookie: string, n: number): Promise<void> {
  const loadStart = process.cpuUsage();
  let kinds: Read[];
  let close: () => Promise<void>;
  if (side === 'bare') {
    const bare = bareReads(url, cookie);
    kinds = Object.values(bare.reads);
    close = () => bare.pool.close();
  } else {
    const Client = (require(bundle) as { IRedAdminClient: ClientClass }).IRedAdminClient;
    const client = new Client({ baseUrl: url, username: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    await client.login();
    kinds = Object.values(reads(client));
    close = () => client.close();
  }
  const loaded = process.cpuUsage(loadStart);
  const readStart = process.cpuUsage();
  for (let i = 0; i < n; i++) await kinds[i % kinds.length]();
  const read = process.cpuUsage(readStart);
  await close();
  const cost: ChildCost = { loadMicros: loaded.user + loaded.system, readMicros: read.user + read.system };
  process.stdout.write(JSON.stringify(cost));
}

function runChild(side: string, bundle: string, url: string, cookie: string, n: number): ChildCost {
  const out = execFileSync(
    process.execPath,
    [__filename, '--child', side, '--bundle', bundle, '--url', url, '--cookie', cookie, '--n', String(n)],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as ChildCost;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...REVISION_OPTIONS,
      n: { type: 'string', default: '160' },
      child: { type: 'string' },
      bundle: { type: 'string', default: '' },
      url: { type: 'string', default: '' },
      cookie: { type: 'string', default: '' },
    },
  });
  const n = Number(values.n);
  if (values.child) return child(values.child, values.bundle, values.url, values.cookie, n);
  const reps = Number(values.reps);
  mkdirSync(WORK, { recursive: true });
  const server = await startOurServer('memory');
  try {
    const bundles = {
      bare: '',
      base: await load(unpackRevision(values.base, join(WORK, 'base'), ['src/client', 'src/common']), 'base'),
      head: await load(ROOT, 'head'),
    };
    const Head = (require(bundles.head) as { IRedAdminClient: ClientClass }).IRedAdminClient;
    const head = new Head({ baseUrl: server.url, username: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    await head.domains.create(DOMAIN, {});
    await head.users.create(USER, { password: 'Bench-Passw0rd!', name: 'Jane' });
    await head.throttles.set({ domain: DOMAIN }, 'outbound', { period: 3600, maxMsgs: 100 });
    await head.close();
    const login = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    type Side = keyof typeof bundles;
    const costs: Record<Side, ChildCost[]> = { bare: [], base: [], head: [] };
    for (let rep = 0; rep < reps; rep++) {
      const order: Side[] = rep % 2 === 0 ? ['bare', 'base', 'head'] : ['head', 'base', 'bare'];
      for (const side of order) costs[side].push(runChild(side, bundles[side], server.url, cookie, n));
    }
    process.stdout.write(
      `fresh process per run, ${n} reads after login, ${reps} repetitions, base ${values.base}; CPU (median; min–max)\n`,
    );
    for (const side of Object.keys(costs) as Side[]) {
      const perRead = costs[side].map((c) => c.readMicros / n);
      const load = costs[side].map((c) => c.loadMicros / 1000);
      process.stdout.write(
        `${side.padEnd(5)} per read ${medianAndRange(perRead, 0, ' µs')}   load + login ${medianAndRange(load, 1, ' ms')}\n`,
      );
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `client-read-compare failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
