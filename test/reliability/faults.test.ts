/**
 * The server killed with SIGKILL in the middle of a stream of multi-row writes, then restarted
 * on the same database (PostgreSQL, MariaDB, a PGlite data directory): every account is whole
 * or absent (each write is one transaction), and the restarted server goes on serving.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminSession, ApiSession } from '../support/api';
import { type Backend, createTestDatabase, TEST_ADMIN } from '../support/test-server';
import type { Database } from '../../src/server/db/database';
import { openDatabase } from '../../src/server/db/open';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { sql } from '../../src/server/db/sql';

const DOMAIN = 'faults.example';
const MEMBERS = Array.from({ length: 8 }, (_, i) => `member${i}@elsewhere.example`).join(',');

async function invariants(db: Database): Promise<void> {
  // Aliases: the row and all eight member rows, or neither.
  const aliases = await db.query<{
    address: string;
    members: number;
  }>(sql`SELECT a.address, (SELECT count(*) FROM forwardings f WHERE f.address = a.address AND f.is_list = 1) AS members
       FROM alias a WHERE a.domain = ${DOMAIN}`);
  expect(aliases.filter((a) => a.members !== 8)).toEqual([]);
  const orphanMembers = await db.query(
    sql`SELECT address FROM forwardings f WHERE f.domain = ${DOMAIN} AND f.is_list = 1 AND NOT EXISTS (SELECT 1 FROM alias a WHERE a.address = f.address)`,
  );
  expect(orphanMembers).toEqual([]);
  // Users: the mailbox and its self-forwarding row, or neither.
  const users = await db.query<{
    username: string;
    self: number;
  }>(sql`SELECT m.username, (SELECT count(*) FROM forwardings f WHERE f.address = m.username AND f.forwarding = m.username) AS self
       FROM mailbox m WHERE m.domain = ${DOMAIN}`);
  expect(users.filter((u) => u.self !== 1)).toEqual([]);
  const orphanSelf = await db.query(
    sql`SELECT address FROM forwardings f WHERE f.domain = ${DOMAIN} AND f.is_forwarding = 1 AND NOT EXISTS (SELECT 1 FROM mailbox m WHERE m.username = f.address)`,
  );
  expect(orphanSelf).toEqual([]);
}

describe.each<Backend>(['postgres', 'mysql', 'pglite'])('on %s', (backend) => {
  let db: Database | undefined;
  let url: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    if (backend === 'pglite') url = join(mkdtempSync(join(tmpdir(), 'iredadmin-faults-')), 'data');
    else ({ db, url } = await createTestDatabase(backend));
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await db?.close();
    if (backend === 'pglite') rmSync(join(url, '..'), { recursive: true, force: true });
  });

  /** A PGlite data directory is opened by one process at a time: checked only while no server runs. */
  const checkInvariants = async () => {
    if (db) return invariants(db);
    const own = await openDatabase(url);
    try {
      await invariants(own);
    } finally {
      await own.close();
    }
  };

  test('SIGKILL mid-write leaves no half-written account, and a restart serves on', async () => {
    server = await startServerProcess(url);
    const api = await adminSession({ url: server.url, admin: TEST_ADMIN });
    await api.ok('POST', `/api/domain/${DOMAIN}`, { name: 'Faults' });
    for (let i = 0; i < 30; i++) await api.ok('POST', `/api/alias/old${i}@${DOMAIN}`, { members: MEMBERS });

    // 24 writers: user creates, alias creates with eight members, deletes of the old aliases.
    let completed = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let n = 0; !stop && n < 200; n++) {
        const call =
          n % 3 === 0
            ? api.post(`/api/user/u${w}-${n}@${DOMAIN}`, { password: 'Fault-Passw0rd!' })
            : n % 3 === 1
              ? api.post(`/api/alias/new${w}-${n}@${DOMAIN}`, { members: MEMBERS })
              : api.delete(`/api/alias/old${(w * 7 + n) % 30}@${DOMAIN}`);
        try {
          await call;
          completed++;
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = Array.from({ length: 24 }, (_, w) => writer(w));
    // Kill once writes are flowing, so some are certainly in flight.
    const started = Date.now();
    while (completed < 40 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(writers);
    expect(completed).toBeGreaterThanOrEqual(40);

    await checkInvariants();

    server = await startServerProcess(url);
    const again = new ApiSession(server.url);
    expect(await again.login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({ _success: true });
    // Retrying every create gives success or ALREADY_EXISTS, never a broken account.
    for (let w = 0; w < 24; w++) {
      const answer = await again.post(`/api/alias/new${w}-1@${DOMAIN}`, { members: MEMBERS });
      expect(answer._success || answer._msg === 'ALREADY_EXISTS').toBe(true);
    }
    server.child.kill('SIGTERM');
    await server.exited;
    server = undefined;
    await checkInvariants();
  });
});
