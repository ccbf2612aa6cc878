/**
 * Two server instances, each with its own connection pool, on one PostgreSQL database, behind a
 * round-robin proxy: no per-process state, so a session and every write hold whichever
 * instance serves the next request.
 */
import { adminSession, ApiSession } from '../support/api';
import { createTestDatabase, TEST_ADMIN } from '../support/test-server';
import { DEFAULT_SETTINGS } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { startServer, type RunningServer } from '../../src/server/server';
import { startRoundRobinProxy, type RoundRobinProxy } from './support/round-robin-proxy';

let seedDb: Database;
let instances: RunningServer[];
let proxy: RoundRobinProxy;
let api: ApiSession;

beforeAll(async () => {
  const created = await createTestDatabase('postgres');
  seedDb = created.db;
  const settings = { ...DEFAULT_SETTINGS, enableApi: true };
  // Each instance opens the database itself, as two deployed servers would.
  instances = [];
  for (let i = 0; i < 2; i++) {
    instances.push(await startServer({ settings, database: created.url, admin: TEST_ADMIN }));
  }
  proxy = await startRoundRobinProxy(instances.map((s) => s.url));
  api = await adminSession({ url: proxy.url, admin: TEST_ADMIN });
  await api.ok('POST', '/api/domain/scale.example', { name: 'Scale' });
});

afterAll(async () => {
  await proxy?.close();
  for (const s of instances ?? []) await s.close();
  await seedDb?.close();
});

test('a login made through one instance is honoured by the other', async () => {
  const session = new ApiSession(proxy.url);
  expect(await session.login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({ _success: true });
  const before = [...proxy.hits];
  for (let i = 0; i < 6; i++) expect((await session.get('/api/domain/scale.example'))._success).toBe(true);
  // Both instances served some of the six calls.
  expect(proxy.hits.map((h, i) => h - before[i]!)).toEqual([3, 3]);
  // And directly, without the proxy.
  for (const s of instances) expect((await session.withBaseUrl(s.url).get('/api/domains'))._success).toBe(true);
});

test('concurrent creates through both instances lose nothing and duplicate nothing', async () => {
  const emails = Array.from({ length: 120 }, (_, i) => `u${i}@scale.example`);
  // Each address is created twice at once (likely on different instances): one wins.
  const answers = await Promise.all(
    [...emails, ...emails].map((email) => api.post(`/api/user/${email}`, { password: 'Scale-Passw0rd!' })),
  );
  const wins = answers.filter((a) => a._success).length;
  const losses = answers.filter((a) => !a._success);
  expect(wins).toBe(emails.length);
  expect(new Set(losses.map((a) => a._msg))).toEqual(new Set(['ALREADY_EXISTS']));
  const rows = await seedDb.query<{ username: string }>(
    "SELECT username FROM mailbox WHERE domain = 'scale.example' ORDER BY username",
  );
  expect(rows.map((r) => r.username).sort()).toEqual([...emails].sort());
  const selfForwardings = await seedDb.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM forwardings WHERE domain = 'scale.example' AND address = forwarding",
  );
  expect(selfForwardings[0]!.n).toBe(emails.length);
});

test('concurrent updates of one account through both instances leave one of the written values', async () => {
  const names = Array.from({ length: 40 }, (_, i) => `Name ${i}`);
  const answers = await Promise.all(names.map((name) => api.put('/api/user/u0@scale.example', { name })));
  expect(answers.every((a) => a._success)).toBe(true);
  const row = await seedDb.query<{ name: string }>("SELECT name FROM mailbox WHERE username = 'u0@scale.example'");
  expect(names).toContain(row[0]!.name);
});
