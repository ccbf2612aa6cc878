/**
 * User, domain and alias GETs answered from memory (src/server/model/view-cache.ts): once read,
 * a view costs no statement; a change to any table the view reads, made by anyone (the API,
 * Dovecot, psql), shows on the next GET once the server heard of it; authorization still runs
 * on every request; and where changes are not announced (MariaDB, missing triggers) nothing is
 * cached. Two instances: test/reliability/scale-out.test.ts.
 */
import { adminSession, type ApiSession } from '../support/api';
import { type Backend, createTestDatabase, TEST_ADMIN } from '../support/test-server';
import { normalAdminSession } from '../support/normal-admin';
import { DEFAULT_SETTINGS } from '../../src/server/config';
import type { Database, Queryable } from '../../src/server/db/database';
import { type RunningServer, startServer } from '../../src/server/server';
import { ViewCache } from '../../src/server/model/view-cache';

const settings = { ...DEFAULT_SETTINGS, enableApi: true };
const USER = 'jane@views.example';
const ALIAS = 'team@views.example';
const DOMAIN = 'views.example';

/** `db` with a count of the statements run through it. */
function counted(db: Database): { db: Database; statements: () => number } {
  let n = 0;
  const count = (target: Queryable): Queryable['query'] =>
    ((statement: string, params?: readonly unknown[]) => {
      n++;
      return target.query(statement, params);
    }) as Queryable['query'];
  const countedDb: Database = {
    ...db,
    query: count(db),
    database: () => countedDb,
    transaction: (work) =>
      db.transaction((tx) => {
        const countedTx: Queryable = { dialect: tx.dialect, query: count(tx), database: () => countedTx };
        return work(countedTx);
      }),
  };
  return { db: countedDb, statements: () => n };
}

interface Started {
  db: Database;
  server: RunningServer;
  api: ApiSession;
  statements: () => number;
  /** Runs `sql` as another tool would, and waits until the server heard of it. */
  sql(text: string, params?: unknown[]): Promise<void>;
  /** Statements one GET of `path` ran, and its `_data`. */
  get(path: string): Promise<{ statements: number; data: Record<string, unknown> }>;
}

function useServer(backend: Backend): Started {
  const ctx = {} as Started;
  beforeAll(async () => {
    const { db } = await createTestDatabase(backend);
    const counting = counted(db);
    ctx.db = db;
    ctx.statements = counting.statements;
    ctx.server = await startServer({ settings, db: counting.db, admin: TEST_ADMIN });
    ctx.api = await adminSession({ url: ctx.server.url, admin: TEST_ADMIN });
    await ctx.api.ok('POST', `/api/domain/${DOMAIN}`, { name: 'Views' });
    await ctx.api.ok('POST', `/api/user/${USER}`, { password: 'Views-Passw0rd!', name: 'Jane' });
    await ctx.api.ok('POST', `/api/alias/${ALIAS}`, { name: 'Team', members: USER });
  });
  afterAll(async () => {
    await ctx.server?.close();
    await ctx.db?.close();
  });
  ctx.sql = async (text, params = []) => {
    await ctx.db.query(text, params);
    await ctx.server.changesHeard();
  };
  ctx.get = async (path) => {
    const before = ctx.statements();
    const answer = await ctx.api.get(path);
    expect(answer._success).toBe(true);
    return { statements: ctx.statements() - before, data: answer._data as Record<string, unknown> };
  };
  return ctx;
}

const PATHS = { user: `/api/user/${USER}`, domain: `/api/domain/${DOMAIN}`, alias: `/api/alias/${ALIAS}` };

describe.each<[string, Backend]>([
  ['PGlite', 'pglite'],
  ['PostgreSQL', 'postgres'],
])('view cache on %s', (_name, backend) => {
  const s = useServer(backend);

  test.each(Object.entries(PATHS))('a %s read once is answered from memory, without a statement', async (_k, path) => {
    const first = await s.get(path);
    const second = await s.get(path);
    expect(second).toEqual({ statements: 0, data: first.data });
  });

  /** [what changes, which view, SQL run as another tool would, what the next GET shows]. */
  const changes: [string, keyof typeof PATHS, string, unknown[], (view: Record<string, unknown>) => void][] = [
    [
      'mailbox',
      'user',
      'UPDATE mailbox SET name = $2 WHERE username = $1',
      [USER, 'Jane SQL'],
      (v) => expect(v.name).toBe('Jane SQL'),
    ],
    [
      'used_quota (Dovecot)',
      'user',
      "INSERT INTO used_quota (username, bytes, messages, domain) VALUES ($1, 4096, 3, 'views.example')",
      [USER],
      (v) => expect([v.stored_bytes, v.stored_messages]).toEqual([4096, 3]),
    ],
    [
      'used_quota updated (Dovecot)',
      'user',
      'UPDATE used_quota SET bytes = 8192 WHERE username = $1',
      [USER],
      (v) => expect(v.stored_bytes).toBe(8192),
    ],
    [
      'last_login (Dovecot)',
      'user',
      "INSERT INTO last_login (username, domain, imap) VALUES ($1, 'views.example', 1700000000)",
      [USER],
      (v) => expect(v.last_login).toBe('2023-11-14T22:13:20'),
    ],
    [
      'forwardings (a forwarding)',
      'user',
      "INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding) VALUES ($1, 'out@elsewhere.example', 'views.example', 'elsewhere.example', 1)",
      [USER],
      (v) => expect(v.forwardings).toContain('out@elsewhere.example'),
    ],
    [
      'sender_bcc_user',
      'user',
      "INSERT INTO sender_bcc_user (username, bcc_address, domain) VALUES ($1, 'copy@views.example', 'views.example')",
      [USER],
      (v) => expect(v.sender_bcc_address).toBe('copy@views.example'),
    ],
    [
      'recipient_bcc_user',
      'user',
      "INSERT INTO recipient_bcc_user (username, bcc_address, domain) VALUES ($1, 'copy@views.example', 'views.example')",
      [USER],
      (v) => expect(v.recipient_bcc_address).toBe('copy@views.example'),
    ],
    [
      'domain_admins (managed domains)',
      'user',
      "UPDATE mailbox SET isadmin = 1 WHERE username = $1; INSERT INTO domain_admins (username, domain) VALUES ($1, 'views.example')",
      [USER],
      (v) => expect(v.managed_domains).toEqual(['views.example']),
    ],
    [
      'domain',
      'domain',
      'UPDATE domain SET description = $2 WHERE domain = $1',
      [DOMAIN, 'By SQL'],
      (v) => expect(v.description).toBe('By SQL'),
    ],
    [
      'mailbox count',
      'domain',
      "INSERT INTO mailbox (username, domain, maildir) VALUES ('sql@views.example', $1, 'sql')",
      [DOMAIN],
      (v) => expect(v.num_existing_users).toBe(2),
    ],
    [
      'sender_bcc_domain',
      'domain',
      "INSERT INTO sender_bcc_domain (domain, bcc_address) VALUES ($1, 'all@views.example')",
      [DOMAIN],
      (v) => expect(v.sbcc_addr).toBe('all@views.example'),
    ],
    [
      'recipient_bcc_domain',
      'domain',
      "INSERT INTO recipient_bcc_domain (domain, bcc_address) VALUES ($1, 'all@views.example')",
      [DOMAIN],
      (v) => expect(v.rbcc_addr).toBe('all@views.example'),
    ],
    [
      'sender_relayhost',
      'domain',
      "INSERT INTO sender_relayhost (account, relayhost) VALUES ('@' || $1, '[relay.example]:25')",
      [DOMAIN],
      (v) => expect(v.relayhost).toBe('[relay.example]:25'),
    ],
    [
      'forwardings (catch-all)',
      'domain',
      "INSERT INTO forwardings (address, forwarding, domain, dest_domain) VALUES ($1, 'catch@views.example', $1, 'views.example')",
      [DOMAIN],
      (v) => expect(v.catchall).toEqual(['catch@views.example']),
    ],
    [
      'domain_admins (admins)',
      'domain',
      "INSERT INTO domain_admins (username, domain) VALUES ('other@admins.example', $1)",
      [DOMAIN],
      (v) => expect(v.admins).toContain('other@admins.example'),
    ],
    [
      'alias',
      'alias',
      'UPDATE alias SET name = $2 WHERE address = $1',
      [ALIAS, 'Team SQL'],
      (v) => expect(v.name).toBe('Team SQL'),
    ],
    [
      'forwardings (members)',
      'alias',
      "INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_list) VALUES ($1, 'new@elsewhere.example', 'views.example', 'elsewhere.example', 1)",
      [ALIAS],
      (v) => expect(v.members).toContain('new@elsewhere.example'),
    ],
    [
      'moderators',
      'alias',
      "INSERT INTO moderators (address, moderator, domain, dest_domain) VALUES ($1, 'mod@views.example', 'views.example', 'views.example')",
      [ALIAS],
      (v) => expect(v.moderators).toEqual(['mod@views.example']),
    ],
  ];

  test.each(changes)(
    'a change to %s made in SQL shows on the next %s GET',
    async (_table, kind, text, params, check) => {
      await s.get(PATHS[kind]);
      expect((await s.get(PATHS[kind])).statements).toBe(0);
      for (const statement of text.split('; '))
        await s.sql(statement, params.slice(0, statement.includes('$2') ? 2 : 1));
      const after = await s.get(PATHS[kind]);
      expect(after.statements).toBeGreaterThan(0);
      check(after.data);
    },
  );

  test('an alias or a list appearing over existing forwardings shows in the member user views', async () => {
    // Forwardings first, then the alias and list rows: no forwarding row changes when they appear.
    for (const address of ['later-alias@views.example', 'later-list@views.example']) {
      await s.sql(
        "INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_list) VALUES ($1, $2, 'views.example', 'views.example', 1)",
        [address, USER],
      );
    }
    await s.get(PATHS.user);
    await s.sql("INSERT INTO alias (address, domain) VALUES ('later-alias@views.example', 'views.example')");
    expect((await s.get(PATHS.user)).data.mailing_aliases).toContain('later-alias@views.example');
    await s.sql("INSERT INTO maillists (address, domain) VALUES ('later-list@views.example', 'views.example')");
    expect((await s.get(PATHS.user)).data.mailing_lists).toEqual(['later-list@views.example']);
  });

  test('a table emptied with TRUNCATE shows on the next GET', async () => {
    await s.sql(
      "INSERT INTO used_quota (username, bytes, messages, domain) VALUES ('trunc@views.example', 1, 1, 'views.example')",
    );
    await s.get(PATHS.user);
    await s.sql('TRUNCATE used_quota');
    expect((await s.get(PATHS.user)).data.stored_bytes).toBe(0);
  });

  test('a change through the API shows on the next GET, with no wait', async () => {
    await s.get(PATHS.user);
    await s.api.ok('PUT', PATHS.user, { name: 'Jane API' });
    expect((await s.api.get(PATHS.user))._data).toMatchObject({ name: 'Jane API' });
    await s.api.ok('DELETE', PATHS.user);
    expect(await s.api.get(PATHS.user)).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    await s.api.ok('POST', PATHS.user, { password: 'Views-Passw0rd!', name: 'Jane again' });
    expect((await s.api.get(PATHS.user))._data).toMatchObject({ name: 'Jane again' });
  });

  test("a domain admin is refused another domain's user, even one the cache holds", async () => {
    await s.api.ok('POST', '/api/domain/mine.example');
    const normal = await normalAdminSession({ db: s.db, url: s.server.url }, 'ops@admins.example', ['mine.example']);
    await s.get(PATHS.user);
    expect((await s.get(PATHS.user)).statements).toBe(0);
    expect(await normal.get(PATHS.user)).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });
    expect(await normal.get(PATHS.domain)).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });
    expect(await normal.get(PATHS.alias)).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });
    // Rights given count on the next request, and the answer is the one the global admin got.
    await s.sql("INSERT INTO domain_admins (username, domain) VALUES ('ops@admins.example', 'views.example')");
    expect((await normal.get(PATHS.user))._data).toEqual((await s.api.get(PATHS.user))._data);
  });

  test('without its triggers (a database iRedMail made) an instance caches no view', async () => {
    await s.sql('DROP TRIGGER iredadmin_api_view_used_quota ON used_quota');
    const counting = counted(s.db);
    const other = await startServer({ settings, db: counting.db });
    try {
      const session = s.api.withBaseUrl(other.url);
      await session.get(PATHS.user);
      const before = counting.statements();
      expect((await session.get(PATHS.user))._success).toBe(true);
      expect(counting.statements() - before).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});

test('on MariaDB (no NOTIFY) every GET reads the database', async () => {
  const { db } = await createTestDatabase('mysql');
  const counting = counted(db);
  const server = await startServer({ settings, db: counting.db, admin: TEST_ADMIN });
  try {
    const api = await adminSession({ url: server.url, admin: TEST_ADMIN });
    await api.ok('POST', `/api/domain/${DOMAIN}`);
    await api.ok('POST', `/api/user/${USER}`, { password: 'Views-Passw0rd!' });
    await api.get(PATHS.user);
    const before = counting.statements();
    expect((await api.get(PATHS.user))._success).toBe(true);
    expect(counting.statements() - before).toBeGreaterThan(0);
  } finally {
    await server.close();
    await db.close();
  }
});

describe('ViewCache', () => {
  const deferred = <T>() => {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  };

  test('a read that started before a change is answered but not kept', async () => {
    const cache = new ViewCache();
    cache.setEnabled(true);
    const slow = deferred<{ name: string }>();
    const stale = cache.read('user', USER, () => slow.promise);
    cache.invalidate(USER);
    slow.resolve({ name: 'before the change' });
    expect(await stale).toEqual({ name: 'before the change' });
    expect(await cache.read('user', USER, async () => ({ name: 'after' }))).toEqual({ name: 'after' });
  });

  test('a change to one name leaves the others; a change to every view drops all', async () => {
    const cache = new ViewCache();
    cache.setEnabled(true);
    let loads = 0;
    const load = async () => ({ n: ++loads });
    for (const id of ['a@x.example', 'b@x.example']) await cache.read('user', id, load);
    cache.invalidate('a@x.example');
    await cache.read('user', 'a@x.example', load);
    await cache.read('user', 'b@x.example', load);
    expect(loads).toBe(3);
    cache.invalidate(null);
    await cache.read('user', 'b@x.example', load);
    expect(loads).toBe(4);
  });

  test('switched off, it keeps nothing; "not found" is never kept', async () => {
    const cache = new ViewCache();
    let loads = 0;
    await cache.read('user', USER, async () => ({ n: ++loads }));
    await cache.read('user', USER, async () => ({ n: ++loads }));
    cache.setEnabled(true);
    const notFound = async () => {
      loads++;
      return null;
    };
    await cache.read('user', USER, notFound);
    await cache.read('user', USER, notFound);
    expect(loads).toBe(4);
  });

  test('memory is bounded: past 20,000 views the oldest goes first', async () => {
    const cache = new ViewCache();
    cache.setEnabled(true);
    let loads = 0;
    const load = async () => ({ n: ++loads });
    for (let i = 0; i <= 20_000; i++) await cache.read('user', `u${i}@x.example`, load);
    expect(loads).toBe(20_001);
    await cache.read('user', 'u20000@x.example', load);
    await cache.read('user', 'u1@x.example', load);
    expect(loads).toBe(20_001);
    await cache.read('user', 'u0@x.example', load);
    expect(loads).toBe(20_002);
  });
});
