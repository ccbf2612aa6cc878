/**
 * (d) Creating 1,000 users through the typed client (its default concurrency), on PGlite and
 * on PostgreSQL. Baseline: the same number of form POSTs through undici (the client's own
 * HTTP stack, same concurrency) to bare node:http, i.e. the cost of the wire alone.
 */
import { request, Agent } from 'undici';
import { IRedAdminClient } from '../src/client';
import { DEFAULT_MAX_CONCURRENCY } from '../src/client/options';
import { BENCH_ADMIN, bundle, startListening, startOurServer, type Database } from './processes';
import { summarize, toRow, type Row } from './stats';

async function pool<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function createUsers(url: string, count: number, run: number): Promise<number> {
  const client = new IRedAdminClient({ baseUrl: url, username: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
  try {
    const domain = `bulk${run}.example`;
    await client.domains.create(domain, { name: 'Bulk' });
    const start = performance.now();
    // More callers than the client's concurrency: the client's own semaphore sets the pace.
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        client.users.create(`user${i}@${domain}`, { password: `Passw0rd!${i}`, name: `User ${i}` }),
      ),
    );
    return (performance.now() - start) / 1000;
  } finally {
    await client.close();
  }
}

async function barePosts(url: string, count: number): Promise<number> {
  const dispatcher = new Agent({ connections: DEFAULT_MAX_CONCURRENCY });
  const start = performance.now();
  await pool(count, DEFAULT_MAX_CONCURRENCY, async (i) => {
    const res = await request(`${url}/api/user/user${i}@bare.example`, {
      method: 'POST',
      dispatcher,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ password: `Passw0rd!${i}`, name: `User ${i}` }).toString(),
    });
    await res.body.text();
  });
  const seconds = (performance.now() - start) / 1000;
  await dispatcher.close();
  return seconds;
}

export async function benchBulkUsers(reps: number, count: number, database: Database): Promise<Row[]> {
  const ours = await startOurServer(database.url);
  const bare = await startListening(await bundle('bench/baseline-server.ts', 'baseline-server'), [], {
    PATH: process.env.PATH,
  });
  try {
    const oursTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 0; run < reps; run++) {
      bareTimes.push(await barePosts(bare.url, count));
      oursTimes.push(await createUsers(ours.url, count, run));
    }
    return [
      toRow({
        name: `client creates ${count} users, ${database.label}`,
        unit: 's',
        ours: summarize(oursTimes),
        baseline: summarize(bareTimes),
        goal: database.label === 'PGlite' ? { kind: 'absolute', limit: 3 } : null,
        note: `IRedAdminClient, concurrency ${DEFAULT_MAX_CONCURRENCY}; baseline: ${count} undici POSTs to bare node:http`,
      }),
    ];
  } finally {
    await bare.stop();
    await ours.stop();
  }
}
