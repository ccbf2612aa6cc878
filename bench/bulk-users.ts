/**
 * (d) Creating 1,000 users through the typed client (its default concurrency), on PGlite and
 * on PostgreSQL. Baseline: the same number of form POSTs through undici (the client's own
 * HTTP stack, same concurrency) to bare node:http, i.e. the cost of the wire alone. Each side is
 * also measured in CPU time (the server's process and this one, which runs the client): on a
 * machine shared with other work the wall clock swings several-fold, CPU time far less.
 */
import { request, Agent } from 'undici';
import { IRedAdminClient } from '../src/client';
import { DEFAULT_MAX_CONCURRENCY } from '../src/client/options';
import {
  BENCH_ADMIN,
  bundle,
  cpuSecondsOf,
  ownCpuSeconds,
  startListening,
  startOurServer,
  type ChildServer,
  type Database,
} from './processes';
import { summarize, toRow, type Row } from './stats';

async function pool<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

interface Cost {
  /** Seconds of wall-clock time. */
  wall: number;
  /** CPU seconds of the server's process and of this one. */
  cpu: number;
}

/** Wall-clock and CPU time of `work` against `server`. */
async function cost(server: ChildServer, work: () => Promise<void>): Promise<Cost> {
  const pid = server.child.pid!;
  const cpuBefore = cpuSecondsOf(pid) + ownCpuSeconds();
  const start = performance.now();
  await work();
  return { wall: (performance.now() - start) / 1000, cpu: cpuSecondsOf(pid) + ownCpuSeconds() - cpuBefore };
}

async function createUsers(server: ChildServer, count: number, run: number): Promise<Cost> {
  const client = new IRedAdminClient({
    baseUrl: server.url,
    username: BENCH_ADMIN.email,
    password: BENCH_ADMIN.password,
  });
  try {
    const domain = `bulk${run}.example`;
    await client.domains.create(domain, { name: 'Bulk' });
    return await cost(server, async () => {
      // More callers than the client's concurrency: the client's own semaphore sets the pace.
      await Promise.all(
        Array.from({ length: count }, (_, i) =>
          client.users.create(`user${i}@${domain}`, { password: `Passw0rd!${i}`, name: `User ${i}` }),
        ),
      );
    });
  } finally {
    await client.close();
  }
}

async function barePosts(server: ChildServer, count: number): Promise<Cost> {
  const dispatcher = new Agent({ connections: DEFAULT_MAX_CONCURRENCY });
  const spent = await cost(server, () => posts(server.url, count, dispatcher));
  await dispatcher.close();
  return spent;
}

async function posts(url: string, count: number, dispatcher: Agent): Promise<void> {
  await pool(count, DEFAULT_MAX_CONCURRENCY, async (i) => {
    const res = await request(`${url}/api/user/user${i}@bare.example`, {
      method: 'POST',
      dispatcher,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ password: `Passw0rd!${i}`, name: `User ${i}` }).toString(),
    });
    await res.body.text();
  });
}

export async function benchBulkUsers(reps: number, count: number, database: Database): Promise<Row[]> {
  const ours = await startOurServer(database.url);
  const bare = await startListening(await bundle('bench/baseline-server.ts', 'baseline-server'), [], {
    PATH: process.env.PATH,
  });
  try {
    const oursCosts: Cost[] = [];
    const bareCosts: Cost[] = [];
    for (let run = 0; run < reps; run++) {
      bareCosts.push(await barePosts(bare, count));
      oursCosts.push(await createUsers(ours, count, run));
    }
    const of = (costs: Cost[], key: keyof Cost) => summarize(costs.map((c) => c[key]));
    const name = `client creates ${count} users, ${database.label}`;
    const note = `IRedAdminClient, concurrency ${DEFAULT_MAX_CONCURRENCY}; baseline: ${count} undici POSTs to bare node:http`;
    return [
      toRow({
        name,
        unit: 's',
        ours: of(oursCosts, 'wall'),
        baseline: of(bareCosts, 'wall'),
        goal: database.label === 'PGlite' ? { kind: 'absolute', limit: 3 } : null,
        note,
      }),
      toRow({
        name: `${name}: CPU of server and client`,
        unit: 's',
        ours: of(oursCosts, 'cpu'),
        baseline: of(bareCosts, 'cpu'),
        goal: null,
        note: `${note}; CPU time of the server's process and of the client's (PostgreSQL's own processes not counted)`,
      }),
    ];
  } finally {
    await bare.stop();
    await ours.stop();
  }
}
