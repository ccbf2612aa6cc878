/**
 * Bounded load: 200 concurrent clients doing mixed create/read/update/delete for 30 s on
 * PostgreSQL (and 20 for ~4 s on PGlite, which runs one statement at a time): zero 5xx, and the
 * database afterwards holds exactly the accounts the clients' own models say, each whole.
 */
import { adminSession } from '../support/api';
import { startTestServer, type Backend, type TestServer } from '../support/test-server';
import { runMixedLoad } from './support/mixed-load';
import { sql } from '../../src/server/db/sql';

const PLAN: Partial<Record<Backend, { workers: number; seconds: number }>> = {
  postgres: { workers: 200, seconds: 30 },
  pglite: { workers: 20, seconds: 4 },
};

describe.each(Object.keys(PLAN) as Backend[])('mixed load on %s', (backend) => {
  const plan = PLAN[backend]!;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(() => server?.close());

  test('no 5xx, no lost, duplicated or half-written account', async () => {
    const api = await adminSession(server);
    await api.ok('POST', '/api/domain/load.example', { name: 'Load' });
    const report = await runMixedLoad({
      baseUrl: server.url,
      cookie: api.sessionCookie!,
      domain: 'load.example',
      ...plan,
      perWorker: 3,
      shared: 5,
    });
    expect(report.serverErrors).toEqual([]);
    expect(report.surprises).toEqual([]);
    // Every client took part (a count, not a speed: speed targets live in bench/).
    expect(report.requests).toBeGreaterThanOrEqual(plan.workers);
    expect([...report.expected].length).toBeGreaterThan(0);

    const rows = await server.db.query<{ username: string }>(
      sql`SELECT username FROM mailbox WHERE domain = 'load.example'`,
    );
    const present = new Set(rows.map((r) => r.username));
    expect(rows.length).toBe(present.size);
    for (const email of report.expected) expect(present).toContain(email);
    for (const email of report.absent) expect(present).not.toContain(email);
    // Every mailbox has exactly its self-forwarding row, and no forwarding outlives its mailbox.
    const forwardings = await server.db.query<{ address: string; forwarding: string }>(
      sql`SELECT address, forwarding FROM forwardings WHERE domain = 'load.example'`,
    );
    expect(forwardings.map((f) => f.address).sort()).toEqual([...present].sort());
    expect(forwardings.every((f) => f.address === f.forwarding)).toBe(true);
  });
});
