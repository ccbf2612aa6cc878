/**
 * Attack: write through a read-only server (READ_ONLY / --read-only). Every registered route with
 * every method but GET, in every path spelling, with a global admin's session and without one,
 * must be refused with READ_ONLY before any SQL runs, and the data must be exactly as before.
 * Only logging in and verify_password pass (README, "An existing iRedMail database").
 */
import { connect } from 'node:net';
import { DEFAULT_SETTINGS } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { raw, sql } from '../../src/server/db/sql';
import { READ_ONLY_ALLOWED } from '../../src/server/plugins/read-only-guard';
import { type RunningServer, startServer } from '../../src/server/server';
import { ApiSession } from '../support/api';
import { createTestDatabase, SERVER_BACKENDS, TEST_ADMIN } from '../support/test-server';
import { theirsParam } from './support/fixtures';
import { rawRequest } from './support/raw-http';
import { fillUrl, METHODS, registeredUrls } from './support/routes';
import { spellings } from './support/spellings';

const REFUSED = JSON.stringify({ _success: false, _msg: 'READ_ONLY' });
/** Spellings the router does not take for the route get these; they run no handler either. */
const NOT_ROUTED = [
  { status: 404, body: JSON.stringify({ _success: false, _msg: 'NOT_FOUND' }) },
  { status: 400, body: JSON.stringify({ _success: false, _msg: 'INVALID_REQUEST' }) },
];

/** Every row of every table but the server's own session bookkeeping. */
async function contents(db: Database): Promise<string[]> {
  const schema = db.dialect === 'postgres' ? sql`'public'` : sql`DATABASE()`;
  const tables = await db.query<{ t: string }>(
    sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ${schema}
       AND table_name NOT IN ('iredadmin_api_sessions', 'iredadmin_api_login_failures') ORDER BY 1`,
  );
  const out: string[] = [];
  for (const { t } of tables) {
    const rows = await db.query<Record<string, unknown>>(raw(`SELECT * FROM "${t}"`));
    out.push(...rows.map((row) => `${t} ${JSON.stringify(row)}`).sort());
  }
  return out;
}

/** The database, counting the statements the server sends it. */
function counting(db: Database): { db: Database; statements: () => number } {
  let n = 0;
  return {
    db: {
      ...db,
      query: (sql, params) => {
        n++;
        return db.query(sql, params);
      },
      transaction: (work) => {
        n++;
        return db.transaction(work);
      },
    },
    statements: () => n,
  };
}

describe.each(SERVER_BACKENDS)('a read-only server on %s', (backend) => {
  let db: Database;
  let server: RunningServer;
  let counter: ReturnType<typeof counting>;
  let admin: ApiSession;
  let before: string[];

  beforeAll(async () => {
    db = (await createTestDatabase(backend)).db;
    const writable = await startServer({ settings: { ...DEFAULT_SETTINGS, enableApi: true }, db, admin: TEST_ADMIN });
    const seeder = new ApiSession(writable.url);
    await seeder.login(TEST_ADMIN.email, TEST_ADMIN.password);
    await seeder.ok('POST', '/api/domain/theirs.example');
    await seeder.ok('POST', '/api/user/victim@theirs.example', { password: 'Victim!pw123' });
    await seeder.ok('POST', '/api/alias/list@theirs.example');
    await seeder.ok('POST', '/api/throttle/theirs.example/outbound', { period: 60, max_msgs: 5 });
    await writable.app.close();

    counter = counting(db);
    server = await startServer({ settings: { ...DEFAULT_SETTINGS, enableApi: true, readOnly: true }, db: counter.db });
    admin = new ApiSession(server.url);
    expect(await admin.login(TEST_ADMIN.email, TEST_ADMIN.password)).toEqual({ _success: true });
    before = await contents(db);
    // The snapshot holds the data (a failed dump must not compare equal by being empty).
    expect(before.filter((row) => row.startsWith('mailbox ') && row.includes('victim@theirs.example'))).toHaveLength(1);
  });
  afterAll(async () => {
    await server?.app.close();
    await db?.close();
  });

  test('every non-GET route, every spelling, with and without a session: READ_ONLY, no SQL, nothing changed', async () => {
    const cookie = admin.sessionCookie!;
    const leaks: string[] = [];
    let refused = 0;
    const statementsBefore = counter.statements();
    for (const url of registeredUrls()) {
      const path = fillUrl(url, theirsParam);
      for (const method of METHODS.filter((m) => m !== 'GET')) {
        if (READ_ONLY_ALLOWED.has(`${method} ${url}`)) continue;
        const sessions: Record<string, string>[] = [{ cookie }, {}];
        for (const headers of sessions) {
          for (const target of spellings(path, server.url)) {
            const answer = await rawRequest(server.url, method, target, 'password=x&quota=1&name=y', headers);
            if (answer.status === 403 && answer.body === REFUSED) {
              refused++;
              continue;
            }
            const harmless =
              target !== path && NOT_ROUTED.some((n) => n.status === answer.status && n.body === answer.body);
            if (!harmless) leaks.push(`${method} ${target} → ${answer.status} ${answer.body.slice(0, 80)}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(refused).toBeGreaterThan(registeredUrls().length * 3 * 2);
    expect(counter.statements()).toBe(statementsBefore);
    expect(await contents(db)).toEqual(before);
  });

  test('HEAD, OPTIONS, PATCH and method-override headers or parameters write nothing', async () => {
    const headers = { cookie: admin.sessionCookie! };
    const leaks: string[] = [];
    for (const url of registeredUrls()) {
      const path = fillUrl(url, theirsParam);
      // HEAD runs a GET route's handler (fastify answers HEAD for every GET): it may answer, never write.
      for (const method of ['PATCH', 'OPTIONS', 'TRACE']) {
        const answer = await rawRequest(server.url, method, path, 'password=x', headers);
        if (answer.status < 400) leaks.push(`${method} ${path} → ${answer.status}`);
      }
      await rawRequest(server.url, 'HEAD', path, undefined, headers);
      for (const method of METHODS.filter((m) => m !== 'GET')) {
        if (READ_ONLY_ALLOWED.has(`${method} ${url}`)) continue;
        // A write disguised as a read: the method on the wire is what counts.
        for (const override of ['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override']) {
          const answer = await rawRequest(server.url, method, path, 'password=x', { ...headers, [override]: 'GET' });
          if (answer.body !== REFUSED) leaks.push(`${method} ${path} with ${override}: GET → ${answer.status}`);
        }
        const query = await rawRequest(server.url, method, `${path}?_method=GET`, 'password=x&_method=GET', headers);
        if (query.body !== REFUSED) leaks.push(`${method} ${path}?_method=GET → ${query.status}`);
        // And a read asking to be taken for a write.
        await rawRequest(server.url, 'GET', `${path}?_method=${method}`, undefined, {
          ...headers,
          'X-HTTP-Method-Override': method,
        });
      }
    }
    expect(leaks).toEqual([]);
    expect(await contents(db)).toEqual(before);
  });

  test('a write method spelt in lower or mixed case is no method: refused before any SQL', async () => {
    // The same request with the method in upper case is the read-only refusal: the helper sends what it says.
    expect(await socketRequest(server.url, 'PUT /api/domain/theirs.example HTTP/1.1', admin.sessionCookie!)).toBe(
      'HTTP/1.1 403 Forbidden',
    );
    const statementsBefore = counter.statements();
    const answers = new Set<string>();
    for (const url of registeredUrls()) {
      const path = fillUrl(url, theirsParam);
      for (const method of ['post', 'Put', 'dElEtE', 'pUT']) {
        const head = await socketRequest(server.url, `${method} ${path} HTTP/1.1`, admin.sessionCookie!);
        answers.add(head);
      }
    }
    expect([...answers].filter((line) => !/^HTTP\/1\.1 (400|403|404|405)/.test(line))).toEqual([]);
    expect(counter.statements()).toBe(statementsBefore);
    expect(await contents(db)).toEqual(before);
  });

  test('every GET route in every spelling reads without writing a row of any table but the sessions', async () => {
    const headers = { cookie: admin.sessionCookie! };
    for (const url of registeredUrls()) {
      const path = fillUrl(url, theirsParam);
      for (const target of spellings(path, server.url)) await rawRequest(server.url, 'GET', target, undefined, headers);
    }
    expect(await contents(db)).toEqual(before);
  });

  test('reads, logging in and verify_password still work', async () => {
    expect(await admin.get('/api/domain/theirs.example')).toMatchObject({ _success: true });
    expect(await admin.get('/api/user/victim@theirs.example')).toMatchObject({ _success: true });
    expect(await admin.get('/api/throttle/theirs.example/outbound')).toMatchObject({
      _success: true,
      setting: { max_msgs: 5 },
    });
    expect(await admin.post('/api/verify_password/user/victim@theirs.example', { password: 'Victim!pw123' })).toEqual({
      _success: true,
    });
    expect(await new ApiSession(server.url).login(TEST_ADMIN.email, 'wrong')).toMatchObject({ _success: false });
    expect(await contents(db)).toEqual(before);
  });

  test('a read-only start creates no bootstrap admin', async () => {
    const other = await startServer({
      settings: { ...DEFAULT_SETTINGS, enableApi: true, readOnly: true },
      db,
      admin: { email: 'new-boss@example.org', password: 'NewBoss!pw123' },
    });
    try {
      expect(await db.query("SELECT 1 FROM admin WHERE username = 'new-boss@example.org'")).toEqual([]);
      expect(await contents(db)).toEqual(before);
    } finally {
      await other.app.close();
    }
  });

  // Last: it locks this client out of logging in to this database.
  test("failed logins are still counted (the server's own table): guessing stays throttled in read-only", async () => {
    const guesser = new ApiSession(server.url);
    const answers: (string | undefined)[] = [];
    for (let i = 0; i <= DEFAULT_SETTINGS.maxLoginFailures; i++)
      answers.push((await guesser.login(TEST_ADMIN.email, `wrong-${i}`))._msg);
    expect(answers.at(-1)).toBe('TOO_MANY_LOGIN_FAILURES');
    expect(await guesser.login(TEST_ADMIN.email, TEST_ADMIN.password)).toMatchObject({
      _success: false,
      _msg: 'TOO_MANY_LOGIN_FAILURES',
    });
    expect(await contents(db)).toEqual(before);
  });
});

/** The status line of a request sent byte for byte (node:http would upper-case the method). */
function socketRequest(baseUrl: string, requestLine: string, cookie: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  const body = 'password=x&name=y';
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.end(
        `${requestLine}\r\nHost: ${hostname}\r\nCookie: ${cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
          `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      ),
    );
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}
