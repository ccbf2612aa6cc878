import type { Database } from '../../src/server/db/database';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

async function addMailbox(db: Database, email: string, opts: { globalAdmin?: boolean } = {}): Promise<void> {
  await db.query(
    sql`INSERT INTO mailbox (username, domain, isglobaladmin) VALUES (${email}, ${email.split('@')[1]}, ${opts.globalAdmin ? 1 : 0})`,
  );
}

async function usersRow(db: Database, account: string) {
  const rows = await db.query<{ priority: number; policy_id: number }>(
    sql`SELECT priority, policy_id FROM users WHERE email = ${Buffer.from(account)}`,
  );
  return rows;
}

const ALL_ON = {
  bypass_spam_checks: 'yes',
  bypass_virus_checks: 'yes',
  bypass_banned_checks: 'yes',
  bypass_header_checks: 'yes',
  quarantine_spam: 'yes',
  quarantine_virus: 'yes',
  quarantine_banned: 'yes',
  quarantine_bad_header: 'yes',
  prefix_spam_in_subject: 'yes',
  always_insert_x_spam_headers: 'yes',
  spam_score: 4,
};

describe.each(SERVER_BACKENDS)('spam policies on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let normal: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), { domains: ['spam.example', 'other.example'] });
  beforeAll(async () => {
    await addMailbox(server.db, 'user@spam.example');
    await addMailbox(server.db, 'boss@spam.example', { globalAdmin: true });
    await addMailbox(server.db, 'user@other.example');
    normal = await normalAdminSession(server, 'admin@spam.example', ['spam.example']);
  });

  test('the installer default global policy is there from the start', async () => {
    expect(await api.ok('GET', '/api/spampolicy/global')).toMatchObject({
      policy_name: '@.',
      virus_quarantine_to: 'virus-quarantine',
      spam_lover: 'Y',
      bypass_spam_checks: 'N',
    });
  });

  test('PUT with every flag on, then read back; the users row carries priority 10', async () => {
    expect(await api.put('/api/spampolicy/user/User@Spam.Example', ALL_ON)).toEqual({ _success: true });
    expect(await api.ok('GET', '/api/spampolicy/user/user@spam.example')).toMatchObject({
      policy_name: 'user@spam.example',
      bypass_spam_checks: 'Y',
      bypass_virus_checks: 'Y',
      bypass_banned_checks: 'Y',
      bypass_header_checks: 'Y',
      spam_quarantine_to: 'spam-quarantine',
      virus_quarantine_to: 'virus-quarantine',
      banned_quarantine_to: 'banned-quarantine',
      bad_header_quarantine_to: 'bad-header-quarantine',
      spam_lover: 'N',
      virus_lover: 'N',
      banned_files_lover: 'N',
      bad_header_lover: 'N',
      spam_subject_tag2: '[SPAM] ',
      spam_tag_level: -100,
      spam_tag2_level: 4,
      spam_kill_level: 4,
    });
    expect(await usersRow(server.db, 'user@spam.example')).toEqual([expect.objectContaining({ priority: 10 })]);
  });

  test('PUT replaces the whole policy: absent flags fall back to the documented defaults', async () => {
    await api.ok('PUT', '/api/spampolicy/user/user@spam.example', ALL_ON);
    // Generic clients send empty strings for unset parameters: they mean "default" too.
    await api.ok('PUT', '/api/spampolicy/user/user@spam.example', { bypass_spam_checks: 'yes', spam_score: '' });
    expect(await api.ok('GET', '/api/spampolicy/user/user@spam.example')).toMatchObject({
      bypass_spam_checks: 'Y',
      bypass_virus_checks: 'N',
      bypass_banned_checks: 'N',
      bypass_header_checks: 'N',
      spam_quarantine_to: '',
      spam_lover: 'Y',
      virus_quarantine_to: 'virus-quarantine',
      virus_lover: 'N',
      banned_quarantine_to: '',
      bad_header_quarantine_to: '',
      spam_subject_tag2: null,
      spam_tag_level: null,
      spam_tag2_level: null,
      spam_kill_level: null,
    });
  });

  test('domain and global policies carry priorities 5 and 0', async () => {
    await api.ok('PUT', '/api/spampolicy/domain/spam.example', { quarantine_spam: 'yes', spam_score: 6 });
    expect(await api.ok('GET', '/api/spampolicy/domain/SPAM.example')).toMatchObject({
      policy_name: '@spam.example',
      spam_quarantine_to: 'spam-quarantine',
      spam_kill_level: 6,
    });
    expect(await usersRow(server.db, '@spam.example')).toEqual([expect.objectContaining({ priority: 5 })]);

    await api.ok('PUT', '/api/spampolicy/global', { prefix_spam_in_subject: 'yes', quarantine_virus: 'no' });
    expect(await api.ok('GET', '/api/spampolicy/global')).toMatchObject({
      policy_name: '@.',
      spam_subject_tag2: '[SPAM] ',
      virus_quarantine_to: '',
      virus_lover: 'Y',
    });
    expect(await usersRow(server.db, '@.')).toEqual([expect.objectContaining({ priority: 0 })]);
  });

  test('DELETE removes a user or domain policy; GET then answers {}', async () => {
    await api.ok('PUT', '/api/spampolicy/user/user@other.example', ALL_ON);
    expect(await api.delete('/api/spampolicy/user/user@other.example')).toEqual({ _success: true });
    expect(await api.get('/api/spampolicy/user/user@other.example')).toEqual({ _success: true, _data: {} });
    expect(await usersRow(server.db, 'user@other.example')).toEqual([]);
    expect(await server.db.query(sql`SELECT 1 FROM policy WHERE policy_name = 'user@other.example'`)).toEqual([]);

    await api.ok('PUT', '/api/spampolicy/domain/other.example', ALL_ON);
    await api.ok('DELETE', '/api/spampolicy/domain/other.example');
    expect(await api.get('/api/spampolicy/domain/other.example')).toEqual({ _success: true, _data: {} });
    // Deleting what is not there succeeds, as iRedAdmin-Pro's deletes do.
    expect(await api.delete('/api/spampolicy/domain/other.example')).toEqual({ _success: true });
  });

  test('DELETE keeps the users row that white/blacklists hang on, pointing at no policy', async () => {
    await api.ok('PUT', '/api/spampolicy/user/user@other.example', ALL_ON);
    const [row] = await server.db.query<{ id: number }>(
      sql`SELECT id FROM users WHERE email = ${Buffer.from('user@other.example')}`,
    );
    await server.db.query(sql`INSERT INTO wblist (rid, sid, wb) VALUES (${row!.id}, 1, 'W')`);
    await api.ok('DELETE', '/api/spampolicy/user/user@other.example');
    expect(await usersRow(server.db, 'user@other.example')).toEqual([expect.objectContaining({ policy_id: 0 })]);
    expect(await api.get('/api/spampolicy/user/user@other.example')).toEqual({ _success: true, _data: {} });
    // A new PUT re-links the same users row.
    await api.ok('PUT', '/api/spampolicy/user/user@other.example', { spam_score: 3 });
    expect(await api.ok('GET', '/api/spampolicy/user/user@other.example')).toMatchObject({ spam_kill_level: 3 });
    await server.db.query(sql`DELETE FROM wblist WHERE rid = ${row!.id}`);
  });

  test('DELETE of the global policy restores the installer default', async () => {
    await api.ok('PUT', '/api/spampolicy/global', ALL_ON);
    await api.ok('DELETE', '/api/spampolicy/global');
    expect(await api.ok('GET', '/api/spampolicy/global')).toMatchObject({
      policy_name: '@.',
      spam_lover: 'Y',
      virus_lover: 'N',
      bypass_spam_checks: 'N',
      spam_quarantine_to: '',
      virus_quarantine_to: 'virus-quarantine',
      banned_quarantine_to: 'banned-quarantine',
      spam_tag_level: null,
      spam_kill_level: null,
      spam_subject_tag2: null,
    });
    expect(await usersRow(server.db, '@.')).toEqual([expect.objectContaining({ priority: 0 })]);
  });

  test.each([
    [{ spam_score: '4.5' }, 'INVALID_SPAM_SCORE'],
    [{ spam_score: 'high' }, 'INVALID_SPAM_SCORE'],
    [{ spam_score: 100000 }, 'INVALID_SPAM_SCORE'],
    [{ bypass_spam_checks: 'maybe' }, 'INVALID_BYPASS_SPAM_CHECKS'],
    [{ quarantine_virus: 'perhaps' }, 'INVALID_QUARANTINE_VIRUS'],
    [{ always_insert_x_spam_headers: '2' }, 'INVALID_ALWAYS_INSERT_X_SPAM_HEADERS'],
  ])('PUT rejects %p with %s and changes nothing', async (params, code) => {
    await api.ok('PUT', '/api/spampolicy/domain/other.example', { spam_score: 7 });
    expect(await api.put('/api/spampolicy/domain/other.example', params)).toEqual({ _success: false, _msg: code });
    expect(await api.ok('GET', '/api/spampolicy/domain/other.example')).toMatchObject({ spam_kill_level: 7 });
  });

  test('unknown accounts and bad names', async () => {
    expect(await api.get('/api/spampolicy/domain/missing.example')).toEqual({
      _success: false,
      _msg: 'NO_SUCH_DOMAIN',
    });
    expect(await api.put('/api/spampolicy/domain/missing.example', {})).toEqual({
      _success: false,
      _msg: 'NO_SUCH_DOMAIN',
    });
    expect(await api.put('/api/spampolicy/user/nobody@spam.example', {})).toEqual({
      _success: false,
      _msg: 'NO_SUCH_ACCOUNT',
    });
    expect(await api.delete('/api/spampolicy/user/nobody@spam.example')).toEqual({
      _success: false,
      _msg: 'NO_SUCH_ACCOUNT',
    });
    expect(await api.get('/api/spampolicy/user/nobody@missing.example')).toEqual({
      _success: false,
      _msg: 'NO_SUCH_ACCOUNT',
    });
    expect(await api.get('/api/spampolicy/domain/not_a_domain')).toEqual({
      _success: false,
      _msg: 'INVALID_DOMAIN_NAME',
    });
    expect(await api.get('/api/spampolicy/user/not-an-email')).toEqual({ _success: false, _msg: 'INVALID_MAIL' });
    expect(await server.db.query(sql`SELECT 1 FROM policy WHERE policy_name LIKE '%missing.example'`)).toEqual([]);
  });

  test("a normal admin reads its own domain's and users' policies and writes none", async () => {
    await api.ok('PUT', '/api/spampolicy/user/user@spam.example', { spam_score: 5 });
    expect(await normal.ok('GET', '/api/spampolicy/user/user@spam.example')).toMatchObject({ spam_kill_level: 5 });
    await api.ok('DELETE', '/api/spampolicy/user/user@spam.example');

    const denied = { _success: false, _msg: 'PERMISSION_DENIED' };
    // Writing would lift the filtering a global admin set on its own domain.
    expect(await normal.put('/api/spampolicy/domain/spam.example', { spam_score: 5 })).toEqual(denied);
    expect(await normal.put('/api/spampolicy/user/user@spam.example', { spam_score: 5 })).toEqual(denied);
    expect(await normal.delete('/api/spampolicy/user/user@spam.example')).toEqual(denied);
    expect(await normal.get('/api/spampolicy/global')).toEqual(denied);
    expect(await normal.put('/api/spampolicy/global', {})).toEqual(denied);
    expect(await normal.delete('/api/spampolicy/global')).toEqual(denied);
    expect(await normal.get('/api/spampolicy/domain/other.example')).toEqual(denied);
    expect(await normal.put('/api/spampolicy/user/user@other.example', {})).toEqual(denied);
    // Not even whether a domain exists leaks.
    expect(await normal.get('/api/spampolicy/domain/missing.example')).toEqual(denied);

    expect(await normal.put('/api/spampolicy/user/boss@spam.example', {})).toEqual(denied);
    expect(await normal.get('/api/spampolicy/user/boss@spam.example')).toEqual({ _success: true, _data: {} });
    await api.ok('PUT', '/api/spampolicy/user/boss@spam.example', {});

    const anonymous = new ApiSession(server.url);
    expect(await anonymous.get('/api/spampolicy/global')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test('concurrent PUTs of one account converge on one policy and one users row', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => api.put('/api/spampolicy/user/user@other.example', { spam_score: n })),
    );
    expect(results.every((r) => r._success)).toBe(true);
    expect(await server.db.query(sql`SELECT id FROM policy WHERE policy_name = 'user@other.example'`)).toHaveLength(1);
    expect(await usersRow(server.db, 'user@other.example')).toHaveLength(1);
  });

  test('a failure in the middle of a write leaves nothing half-written', async () => {
    // A constraint that makes the second statement (the users upsert) fail after the policy insert.
    await server.db.query(
      sql`INSERT INTO users (email, priority, policy_id) VALUES (${Buffer.from('rollback@other.example')}, 10, 0)`,
    );
    await addMailbox(server.db, 'rollback@other.example');
    await server.db.query(
      sql`ALTER TABLE users ADD CONSTRAINT test_no_update CHECK (email <> 'rollback@other.example' OR policy_id = 0)`,
    );
    try {
      const answer = await api.put('/api/spampolicy/user/rollback@other.example', { spam_score: 9 });
      expect(answer._success).toBe(false);
    } finally {
      await server.db.query(sql`ALTER TABLE users DROP CONSTRAINT test_no_update`);
    }
    expect(await server.db.query(sql`SELECT 1 FROM policy WHERE policy_name = 'rollback@other.example'`)).toEqual([]);
  });
});
