/**
 * (c) Authenticated GET /api/user/<mail> per second with 50 keep-alive connections, against
 * bare node:http answering the same bytes; one load tool (autocannon) and settings for both.
 */
import autocannon from 'autocannon';
import { IRedAdminClient } from '../src/client';
import { BENCH_ADMIN, bundle, startListening, startOurServer, type Database } from './processes';
import { summarize, toRow, type Row } from './stats';

interface Load {
  rps: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections: 50, pipelining: 1, duration: seconds, headers });
  return { rps: result.requests.average, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: BENCH_ADMIN.email, password: BENCH_ADMIN.password }).toString(),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`login failed: ${await res.text()}`);
  return cookie;
}

export async function benchHttpLoad(reps: number, seconds: number, database: Database): Promise<Row[]> {
  const ours = await startOurServer(database.url);
  try {
    const client = new IRedAdminClient({
      baseUrl: ours.url,
      username: BENCH_ADMIN.email,
      password: BENCH_ADMIN.password,
    });
    await client.domains.create('load.example', { name: 'Load' });
    await client.users.create('jane@load.example', { password: 'Jane-Passw0rd!', name: 'Jane' });
    await client.close();
    const cookie = await login(ours.url);
    const target = `${ours.url}/api/user/jane@load.example`;
    const answer = await (await fetch(target, { headers: { cookie } })).text();
    if (!answer.includes('"_success":true')) throw new Error(`GET user failed: ${answer}`);

    const bare = await startListening(await bundle('bench/baseline-server.ts', 'baseline-server'), [], {
      PATH: process.env.PATH,
      BODY: answer,
    });
    try {
      const oursRps: number[] = [];
      const bareRps: number[] = [];
      // Warm-up (JIT, connection pools), then interleaved repetitions.
      await load(bare.url, {}, 1);
      await load(target, { cookie }, 1);
      for (let i = 0; i < reps; i++) {
        const b = await load(bare.url, {}, seconds);
        const o = await load(target, { cookie }, seconds);
        if (o.non2xx || o.errors || b.non2xx || b.errors) {
          throw new Error(
            `failed requests under load: ours ${o.non2xx} non-2xx/${o.errors} errors, bare ${b.non2xx}/${b.errors}`,
          );
        }
        bareRps.push(b.rps);
        oursRps.push(o.rps);
      }
      return [
        toRow({
          name: `server GET /api/user, 50 connections, ${database.label}`,
          unit: 'req/s',
          ours: summarize(oursRps),
          baseline: summarize(bareRps),
          // The targets: 0.4 on PostgreSQL; PGlite runs one statement at a time, 0.2.
          goal: { kind: 'higher', limit: database.label === 'PGlite' ? 0.2 : 0.4 },
          note: `autocannon, ${reps}×${seconds} s each side; ratio = ours / bare node:http`,
        }),
      ];
    } finally {
      await bare.stop();
    }
  } finally {
    await ours.stop();
  }
}
