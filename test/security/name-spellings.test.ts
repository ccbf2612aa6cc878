/**
 * Attack: other spellings of account and domain names, on every backend. iRedMail's MySQL tables
 * compare case-insensitively and ignore trailing spaces (PAD SPACE); PostgreSQL compares exactly.
 * Whatever the backend, a name is taken in its canonical form (lower case, punycode, trimmed) or
 * refused, and answers are the same as PostgreSQL's: upper case, a trailing space, tab or dot,
 * full-width letters, percent-encoding and `%`/`_` (LIKE wildcards) neither log in as someone else,
 * nor verify another account, nor take a normal admin into another domain (README, Security:
 * "Names").
 */
import { hashPassword } from '../../src/server/auth/passwords';
import { sql } from '../../src/server/db/sql';
import { ApiSession, type Envelope } from '../support/api';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';

const PW = 'Spell1ng!pass';

describe.each(SERVER_BACKENDS)('spellings of names on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let boss: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), {
    domains: ['mine.example', 'theirs.example'],
    settings: { maxLoginFailures: 1000 },
  });
  beforeAll(async () => {
    await api.ok('POST', '/api/user/victim@theirs.example', { password: PW });
    await api.ok('POST', '/api/user/mail+Box@theirs.example', { password: PW });
    for (const admin of ['boss@admins.example', 'ops+Team@admins.example'])
      await server.db.query(
        sql`INSERT INTO admin (username, password) VALUES (${admin}, ${await hashPassword(PW, 'SSHA512')})`,
      );
    await server.db.query(
      sql`INSERT INTO domain_admins (username, domain) VALUES ('boss@admins.example', 'mine.example')`,
    );
    boss = new ApiSession(server.url);
    expect(await boss.login('boss@admins.example', PW)).toEqual({ _success: true });
  });

  const loginAs = async (username: string) => (await new ApiSession(server.url).login(username, PW))._success;

  test.each([
    'BOSS@ADMINS.EXAMPLE',
    ' boss@admins.example ',
    'boss@admins.example\t',
    'boss@admins.example.',
    'boss@ＡＤＭＩＮＳ.example',
    // Trimmed as JavaScript trims (no-break space too); IDNA mapping drops a zero-width space.
    'boss@admins.example\u00a0',
    'boss@admins.example\u200b',
    'ops+Team@admins.example',
    'OPS+Team@Admins.Example',
  ])('login as %j: the canonical name logs in', async (username) => {
    expect(await loginAs(username)).toBe(true);
  });

  test.each([
    'boss @admins.example',
    'boss@admins.example x',
    'bo%@admins.example',
    'bos_@admins.example',
    '%@admins.example',
    'bóss@admins.example',
    'boss@admins.exampl',
    'boss%40admins.example',
    // An address extension keeps its case: another case is another address (as on PostgreSQL).
    'ops+team@admins.example',
    'ops+TEAM@admins.example',
  ])('login as %j: refused', async (username) => {
    expect(await loginAs(username)).toBe(false);
  });

  const verify = (path: string) => api.post(`/api/verify_password/user/${path}`, { password: PW });

  test.each([
    'VICTIM@THEIRS.EXAMPLE',
    'victim@theirs.example.',
    '%20victim@theirs.example',
    'victim@theirs.example%09',
    'victim@%EF%BD%94heirs.example',
    'mail+Box@theirs.example',
  ])('verify_password of %s: the canonical account', async (path) => {
    expect(await verify(path)).toEqual({ _success: true });
  });

  test.each([
    'victim+x@theirs.example',
    'mail+box@theirs.example',
    'mail+BOX@theirs.example',
    'victi_@theirs.example',
    'victi%25@theirs.example',
    'victim@theirs.exampl_',
  ])('verify_password of %s: no such account', async (path) => {
    expect((await verify(path))._success).toBe(false);
  });

  const THEIRS = [
    'THEIRS.example',
    'theirs.example.',
    'theirs.example%20',
    '%20theirs.example',
    'theirs.example%09',
    '%74heirs.example',
    '%EF%BD%94heirs.example',
    'theirs%2Eexample',
    'the_rs.example',
    'the%25rs.example',
    'theirs.exampl%25',
  ];

  test.each(THEIRS)('a normal admin cannot reach theirs.example spelt %s', async (spelling) => {
    const before = await server.db.query(
      sql`SELECT username, password, name, active FROM mailbox WHERE domain = 'theirs.example' ORDER BY username`,
    );
    const attempts: [string, string, Record<string, string>?][] = [
      ['GET', `/api/domain/${spelling}`],
      ['PUT', `/api/domain/${spelling}`, { name: 'pwned' }],
      ['GET', `/api/users/${spelling}`],
      ['PUT', `/api/users/${spelling}/password`, { password: 'Pwned!passw0rd' }],
      ['GET', `/api/user/victim@${spelling}`],
      ['PUT', `/api/user/victim@${spelling}`, { password: 'Pwned!passw0rd', name: 'pwned' }],
      ['POST', `/api/user/new@${spelling}`, { password: PW }],
      ['PUT', `/api/domain/admins/${spelling}`, { addAdmin: 'boss@admins.example' }],
      ['PUT', '/api/domain/admins/mine.example', { addAdmin: `victim@${decodeURIComponent(spelling)}` }],
    ];
    const granted: string[] = [];
    for (const [method, path, params] of attempts) {
      const answer: Envelope = await boss.call(method as 'POST', path, params);
      if (answer._success) granted.push(`${method} ${path}`);
    }
    expect(granted).toEqual([]);
    expect(
      await server.db.query(
        sql`SELECT username, password, name, active FROM mailbox WHERE domain = 'theirs.example' ORDER BY username`,
      ),
    ).toEqual(before);
    expect(await server.db.query(sql`SELECT domain FROM domain_admins WHERE username = 'boss@admins.example'`)).toEqual(
      [{ domain: 'mine.example' }],
    );
  });
  // MySQL's general collations also ignore accents (ü = u): a look-alike domain stays another domain.
  test('an admin of bucher.example cannot reach bücher.example in any spelling', async () => {
    await api.ok('POST', '/api/domain/bucher.example');
    await api.ok('POST', '/api/domain/bücher.example');
    await api.ok('POST', '/api/user/victim@bücher.example', { password: PW });
    await server.db.query(
      sql`INSERT INTO admin (username, password) VALUES ('idn@admins.example', ${await hashPassword(PW, 'SSHA512')})`,
    );
    await server.db.query(
      sql`INSERT INTO domain_admins (username, domain) VALUES ('idn@admins.example', 'bucher.example')`,
    );
    const idn = new ApiSession(server.url);
    expect(await idn.login('idn@admins.example', PW)).toEqual({ _success: true });
    expect((await idn.get('/api/domain/bucher.example'))._success).toBe(true);
    const granted: string[] = [];
    for (const spelling of ['bücher.example', 'b%C3%BCcher.example', 'BÜCHER.example', 'xn--bcher-kva.example']) {
      for (const [method, path] of [
        ['GET', `/api/domain/${spelling}`],
        ['GET', `/api/user/victim@${spelling}`],
        ['PUT', `/api/user/victim@${spelling}`],
        ['GET', `/api/users/${spelling}`],
      ] as const) {
        const answer = await idn.call(method, path, method === 'PUT' ? { password: 'Pwned!passw0rd' } : undefined);
        if (answer._success) granted.push(`${method} ${path}`);
      }
    }
    expect(granted).toEqual([]);
    expect(await verify('victim@xn--bcher-kva.example')).toEqual({ _success: true });
  });
});
