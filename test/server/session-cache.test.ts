/**
 * Sessions and accounts cached in process (src/server/auth/session-cache.ts): answered from
 * memory once seen, dropped by every change a trigger announces, and never used while the
 * announcements cannot be trusted to arrive.
 */
import { BACKENDS, createTestDatabase, TEST_ADMIN } from '../support/test-server';
import type { Database, Queryable } from '../../src/server/db/database';
import { SessionStore } from '../../src/server/auth/sessions';
import { SessionCache } from '../../src/server/auth/session-cache';
import { type AccountChangeFeed, feedAccountChanges } from '../../src/server/auth/account-changes';
import { ensureGlobalAdmin } from '../../src/server/bootstrap';
import { hashPassword } from '../../src/server/auth/passwords';

const ignoreErrors = () => undefined;

/** `db` with a count of the statements run through it. */
function counted(db: Database): { db: Database; statements: () => number } {
  let n = 0;
  const query = ((sql: string, params?: readonly unknown[]) => {
    n++;
    return db.query(sql, params);
  }) as Queryable['query'];
  return { db: { ...db, query }, statements: () => n };
}

describe.each(BACKENDS)('session cache on %s', (backend) => {
  let db: Database;
  let cache: SessionCache;
  let feed: AccountChangeFeed;
  let store: SessionStore;
  let statements: () => number;

  beforeAll(async () => {
    db = (await createTestDatabase(backend)).db;
    await ensureGlobalAdmin(db, TEST_ADMIN.email, TEST_ADMIN.password, 'SSHA512');
    cache = new SessionCache();
    feed = await feedAccountChanges(db, cache, ignoreErrors);
    const counting = counted(db);
    statements = counting.statements;
    store = new SessionStore(counting.db, 3600, cache);
  });
  afterAll(async () => {
    await feed?.close();
    await db?.close();
  });

  /** Statements `resolveAccount` ran for `token`, and what it answered. */
  async function resolve(token: string) {
    const before = statements();
    const account = await store.resolveAccount(token);
    return { account, statements: statements() - before };
  }

  let n = 0;
  async function mailAdmin(): Promise<{ email: string; token: string }> {
    const email = `admin${++n}@cache.example`;
    const passwordHash = await hashPassword('Cache!pass-1', 'SSHA512');
    await db.query(
      `INSERT INTO mailbox (username, password, domain, maildir, isadmin)
       VALUES ($1, $2, 'cache.example', $3, 1)`,
      [email, passwordHash, email.split('@')[0]],
    );
    const token = await store.create({ username: email, passwordHash });
    // The insert's own announcement (an admin appeared) is heard before any test reads: arriving
    // later, it would rightly drop what the test just cached and the statement counts would race.
    await feed.settled();
    return { email, token };
  }

  test('a session is answered from memory once seen', async () => {
    expect(cache.isEnabled).toBe(true);
    const { email, token } = await mailAdmin();
    expect(await resolve(token)).toEqual({ account: expect.objectContaining({ username: email }), statements: 1 });
    expect(await resolve(token)).toEqual({ account: expect.objectContaining({ username: email }), statements: 0 });
    // An unknown token is never remembered: each one is asked for.
    expect(await resolve('no-such-token')).toEqual({ account: null, statements: 1 });
    expect(await resolve('no-such-token')).toEqual({ account: null, statements: 1 });
  });

  test.each<[string, string, Record<string, unknown> | null, number?]>([
    // The session was opened with the old password: it is over (and deleted, a second statement).
    ['its password changes', 'UPDATE mailbox SET password = $2 WHERE username = $1', null, 2],
    ['it is disabled', 'UPDATE mailbox SET active = 0 WHERE username = $1', { active: false }],
    ['it loses its admin flag', 'UPDATE mailbox SET isadmin = 0 WHERE username = $1', null],
    ['it is made a global admin', 'UPDATE mailbox SET isglobaladmin = 1 WHERE username = $1', { isGlobal: true }],
    [
      'it gets global rights through domain_admins',
      "INSERT INTO domain_admins (username, domain) VALUES ($1, 'ALL')",
      { isGlobal: true },
    ],
    ['its session is deleted', 'DELETE FROM iredadmin_api_sessions WHERE username = $1', null],
    ['it is deleted', 'DELETE FROM mailbox WHERE username = $1', null],
    ['sessions are truncated', 'TRUNCATE iredadmin_api_sessions', null],
  ])('when %s, the next lookup asks the database', async (_change, sql, expected, statements = 1) => {
    const { email, token } = await mailAdmin();
    await resolve(token);
    await db.query(sql, sql.includes('$2') ? [email, '{PLAIN}changed'] : sql.includes('$1') ? [email] : []);
    await feed.settled();
    const after = await resolve(token);
    expect(after.statements).toBe(statements);
    if (expected === null) expect(after.account).toBeNull();
    else expect(after.account).toMatchObject(expected);
  });

  test("a plain mail user's writes announce nothing and leave the cache as it is", async () => {
    const { token } = await mailAdmin();
    await resolve(token);
    await db.query(
      `INSERT INTO mailbox (username, password, domain, maildir)
       VALUES ('plain@cache.example', 'x', 'cache.example', 'plain')`,
    );
    await db.query("UPDATE mailbox SET password = 'y' WHERE username = 'plain@cache.example'");
    await feed.settled();
    expect((await resolve(token)).statements).toBe(0);
  });

  test('without notifications (a backend with no LISTEN) the cache stays off', async () => {
    const silent = new SessionCache();
    const noListen: Database = { ...db, listen: undefined };
    const noFeed = await feedAccountChanges(noListen, silent, ignoreErrors);
    const counting = counted(db);
    const uncached = new SessionStore(counting.db, 3600, silent);
    const { token } = await mailAdmin();
    for (let i = 0; i < 3; i++) await uncached.resolveAccount(token);
    expect([silent.isEnabled, counting.statements()]).toEqual([false, 3]);
    await noFeed.close();
  });

  test('a lost LISTEN connection switches the cache off and empties it, until LISTEN is back', async () => {
    let loseConnection: (error: unknown) => void = () => undefined;
    let listens = 0;
    const fragile: Database = {
      ...db,
      async listen(_channel, _deliver, lost) {
        listens++;
        loseConnection = lost;
        return async () => undefined;
      },
    };
    const fragileCache = new SessionCache();
    const errors: string[] = [];
    const fragileFeed = await feedAccountChanges(fragile, fragileCache, (message) => errors.push(message));
    const counting = counted(db);
    const fragileStore = new SessionStore(counting.db, 3600, fragileCache);
    const { token } = await mailAdmin();
    await fragileStore.resolveAccount(token);
    await fragileStore.resolveAccount(token);
    expect(counting.statements()).toBe(1);

    loseConnection(new Error('connection reset'));
    expect(fragileCache.isEnabled).toBe(false);
    expect(errors).toEqual([expect.stringMatching(/^session cache off/)]);
    await fragileStore.resolveAccount(token);
    await fragileStore.resolveAccount(token);
    expect(counting.statements()).toBe(3);

    // The retry listens again (after 0.5 s) and switches the cache back on, empty.
    for (let waited = 0; !fragileCache.isEnabled && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect([fragileCache.isEnabled, listens]).toEqual([true, 2]);
    await fragileStore.resolveAccount(token);
    expect(counting.statements()).toBe(4);
    await fragileFeed.close();
  });
});
