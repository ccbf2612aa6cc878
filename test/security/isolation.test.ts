/**
 * A normal admin of one domain can neither read nor change another domain — through its URLs,
 * through parameters that name it, or by raising its own rights — and no answer of any endpoint
 * carries a password hash.
 */
import { ApiSession, type Envelope } from '../support/api';
import { BACKENDS, type Backend, type TestServer } from '../support/test-server';
import { hashPassword } from '../../src/server/auth/passwords';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

describe.each(BACKENDS)('domain isolation on %s', (backend: Backend) => {
  const PW = 'Secur1ty!pass';
  let server: TestServer;
  let api: ApiSession;
  let boss: ApiSession;

  const THEIRS_SQL = [
    "SELECT * FROM domain WHERE domain = 'theirs.example'",
    "SELECT * FROM mailbox WHERE domain = 'theirs.example' ORDER BY username",
    "SELECT * FROM alias WHERE domain = 'theirs.example' ORDER BY address",
    "SELECT * FROM maillists WHERE domain = 'theirs.example' ORDER BY address",
    `SELECT address, forwarding, is_forwarding, is_alias, is_list FROM forwardings WHERE domain = 'theirs.example'
      ORDER BY address, forwarding`,
    `SELECT * FROM domain_admins WHERE domain = 'theirs.example' OR username LIKE '%@theirs.example'
      ORDER BY username, domain`,
    'SELECT account, kind, period, max_msgs FROM throttle ORDER BY account, kind',
    'SELECT * FROM policy ORDER BY id',
    "SELECT username, settings FROM admin WHERE username = 'boss@admins.example'",
  ];
  const theirs = async () => Promise.all(THEIRS_SQL.map((sql) => server.db.query(sql)));

  useTestServer(backend, (started) => ({ server, api } = started));
  beforeAll(async () => {
    for (const d of ['mine.example', 'theirs.example']) await api.ok('POST', `/api/domain/${d}`, { name: d });
    await api.ok('POST', '/api/user/me@mine.example', { password: PW });
    await api.ok('POST', '/api/user/victim@theirs.example', { password: PW });
    await api.ok('POST', '/api/alias/team@theirs.example', { members: 'victim@theirs.example' });
    await api.ok('POST', '/api/ml/list@theirs.example', {});
    await api.ok('POST', '/api/throttle/theirs.example/outbound', { period: '60', max_msgs: '10' });
    await api.ok('PUT', '/api/spampolicy/domain/theirs.example', { spam_score: '6' });
    await server.db.query(
      sql`INSERT INTO admin (username, password) VALUES (${'boss@admins.example'}, ${await hashPassword(PW, 'SSHA512')})`,
    );
    await server.db.query(
      sql`INSERT INTO domain_admins (username, domain) VALUES ('boss@admins.example', 'mine.example')`,
    );
    boss = new ApiSession(server.url);
    expect(await boss.login('boss@admins.example', PW)).toEqual({ _success: true });
  });

  test('the other domain is out of reach: every read and write is refused and nothing changes', async () => {
    const before = await theirs();
    const attempts: [string, string, Record<string, string>?][] = [
      ['GET', '/api/domain/theirs.example'],
      ['PUT', '/api/domain/theirs.example', { name: 'pwned' }],
      ['DELETE', '/api/domain/theirs.example'],
      ['DELETE', '/api/domain/theirs.example/keep_mailbox_days/0'],
      ['GET', '/api/domain/admins/theirs.example'],
      ['PUT', '/api/domain/admins/theirs.example', { addAdmin: 'boss@admins.example' }],
      ['GET', '/api/user/victim@theirs.example'],
      ['PUT', '/api/user/victim@theirs.example', { password: 'Pwned-Passw0rd!' }],
      ['DELETE', '/api/user/victim@theirs.example'],
      ['POST', '/api/user/new@theirs.example', { password: PW }],
      ['POST', '/api/user/victim@theirs.example/change_email/victim@mine.example'],
      ['POST', '/api/user/me@mine.example/change_email/me@theirs.example'],
      ['GET', '/api/users/theirs.example'],
      ['PUT', '/api/users/theirs.example', { accountStatus: 'disabled' }],
      ['PUT', '/api/users/theirs.example/password', { password: 'Pwned-Passw0rd!' }],
      ['POST', '/api/verify_password/user/victim@theirs.example', { password: PW }],
      ['GET', '/api/alias/team@theirs.example'],
      ['PUT', '/api/alias/team@theirs.example', { members: 'me@mine.example' }],
      ['DELETE', '/api/alias/team@theirs.example'],
      ['GET', '/api/aliases/theirs.example'],
      ['GET', '/api/ml/list@theirs.example'],
      ['PUT', '/api/ml/list@theirs.example', { name: 'pwned' }],
      ['DELETE', '/api/maillist/list@theirs.example'],
      ['GET', '/api/mls/theirs.example'],
      ['GET', '/api/throttle/theirs.example/outbound'],
      ['POST', '/api/throttle/theirs.example/outbound', { period: '1', max_msgs: '0' }],
      ['DELETE', '/api/throttle/theirs.example/outbound'],
      ['POST', '/api/throttle/global/outbound', { period: '1', max_msgs: '1' }],
      ['GET', '/api/spampolicy/domain/theirs.example'],
      ['PUT', '/api/spampolicy/domain/theirs.example', { spam_score: '99' }],
      ['DELETE', '/api/spampolicy/user/victim@theirs.example'],
      ['PUT', '/api/spampolicy/global', { spam_score: '99' }],
      ['GET', '/api/ldif/domain/theirs.example'],
      ['GET', '/api/ldif/user/victim@theirs.example'],
      ['GET', '/api/ldif/alias/team@theirs.example'],
      // Raising its own rights or minting admins.
      ['PUT', '/api/admin/boss@admins.example', { isGlobalAdmin: 'yes' }],
      ['PUT', '/api/admin/boss@admins.example', { maxDomains: '100' }],
      ['POST', '/api/admin/minion@admins.example', { password: PW, isGlobalAdmin: 'yes' }],
      ['POST', '/api/domain/new-domain.example'],
      // Reaching it through parameters of its own accounts.
      ['PUT', '/api/user/me@mine.example', { aliases: 'alias@theirs.example' }],
      ['PUT', '/api/domain/admins/mine.example', { addAdmin: 'victim@theirs.example' }],
    ];
    const refused: string[] = [];
    const granted: string[] = [];
    for (const [method, path, params] of attempts) {
      const answer: Envelope =
        method === 'GET' ? await boss.get(path) : await boss.call(method as 'POST', path, params ?? {});
      (answer._success ? granted : refused).push(`${method} ${path} → ${answer._msg ?? 'ok'}`);
    }
    expect(granted).toEqual([]);
    expect(
      refused.filter((r) => !/PERMISSION_DENIED|ALIAS_DOMAIN_NOT_MANAGED|INVALID_ADMIN|NEW_EMAIL/.test(r)),
    ).toEqual([]);
    expect(await theirs()).toEqual(before);
    // Its own domain works, so the refusals above are about the domain, not a broken session.
    expect((await boss.get('/api/user/me@mine.example'))._success).toBe(true);
    const listed = (await boss.ok('GET', '/api/domains')) as unknown;
    expect(JSON.stringify(listed)).not.toContain('theirs.example');
  });

  test('no answer carries a password hash', async () => {
    const hashes = (
      await server.db.query<{ password: string }>(sql`SELECT password FROM mailbox UNION SELECT password FROM admin`)
    ).map((r) => r.password);
    expect(hashes.length).toBeGreaterThan(2);
    const reads = [
      '/api/user/victim@theirs.example',
      '/api/users/theirs.example',
      '/api/admin/boss@admins.example',
      '/api/admin/postmaster@test.example',
      '/api/domain/theirs.example',
      '/api/domains',
      '/api/domain/admins/mine.example',
      '/api/alias/team@theirs.example',
      '/api/ldif/user/victim@theirs.example',
      '/api/ldif/admin/boss@admins.example',
      '/api/ldif/domain/theirs.example',
    ];
    const bodies: string[] = [];
    for (const path of reads) bodies.push((await api.raw('GET', path)).status + JSON.stringify(await api.get(path)));
    bodies.push(
      JSON.stringify(await api.post('/api/verify_password/user/victim@theirs.example', { password: 'wrong-password' })),
    );
    bodies.push(JSON.stringify(await new ApiSession(server.url).login('victim@theirs.example', 'wrong-password')));
    for (const body of bodies) {
      for (const hash of hashes) expect(body).not.toContain(hash);
      expect(body).not.toMatch(/\{(SSHA512|SSHA|SHA512|SHA|BCRYPT|CRYPT|MD5|PLAIN-MD5)\}/i);
    }
  });
});
