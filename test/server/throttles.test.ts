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

const rowsOf = (db: Database, account: string, kind: string) =>
  db.query(
    sql`SELECT priority, period, msg_size, max_msgs, max_quota, max_rcpts FROM throttle WHERE account = ${account} AND kind = ${kind}`,
  );

const FULL = { period: 3600, msg_size: 10485760, max_msgs: 20, max_quota: 1048576000 };

describe.each(SERVER_BACKENDS)('throttles on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let normal: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), { domains: ['throttle.example', 'other.example'] });
  beforeAll(async () => {
    await addMailbox(server.db, 'user@throttle.example');
    await addMailbox(server.db, 'boss@throttle.example', { globalAdmin: true });
    await addMailbox(server.db, 'user@other.example');
    normal = await normalAdminSession(server, 'admin@throttle.example', ['throttle.example']);
  });

  test('GET answers {"setting": {}} before anything is set', async () => {
    for (const path of ['global/inbound', 'throttle.example/outbound', 'user@throttle.example/inbound']) {
      expect(await api.get(`/api/throttle/${path}`)).toEqual({ _success: true, setting: {} });
    }
  });

  test.each([
    ['global', '@.', 0],
    ['Throttle.Example', '@throttle.example', 60],
    ['User@Throttle.Example', 'user@throttle.example', 100],
  ])('POST then GET for %s writes account %s with priority %d', async (target, account, priority) => {
    expect(await api.post(`/api/throttle/${target}/inbound`, FULL)).toEqual({ _success: true });
    expect(await api.get(`/api/throttle/${target}/inbound`)).toEqual({
      _success: true,
      setting: { account, kind: 'inbound', priority, ...FULL },
    });
    // Outbound is a separate row and also shows max_rcpts; the trailing slash real clients use works.
    await api.ok('POST', `/api/throttle/${target}/outbound/`, { period: 60, max_msgs: 5, max_rcpts: 50 });
    expect(await api.get(`/api/throttle/${target}/outbound/`)).toEqual({
      _success: true,
      setting: {
        account,
        kind: 'outbound',
        priority,
        period: 60,
        msg_size: 0,
        max_msgs: 5,
        max_quota: 0,
        max_rcpts: 50,
      },
    });
    expect(await rowsOf(server.db, account, 'inbound')).toHaveLength(1);
  });

  test('a second POST updates the row in place; unsent limits become 0, -1 means inherit', async () => {
    await api.ok('POST', '/api/throttle/other.example/inbound', FULL);
    await api.ok('POST', '/api/throttle/other.example/inbound', {
      period: 60,
      max_msgs: -1,
      msg_size: '',
      max_quota: '',
    });
    expect(await rowsOf(server.db, '@other.example', 'inbound')).toEqual([
      { priority: 60, period: 60, msg_size: 0, max_msgs: -1, max_quota: 0, max_rcpts: 0 },
    ]);
  });

  test.each([
    [{ period: 60 }, 'MISS_THROTTLE_SETTING'],
    [{ period: 60, msg_size: '', max_msgs: '', max_quota: '' }, 'MISS_THROTTLE_SETTING'],
    [{ period: -1, max_msgs: 5 }, 'INVALID_PERIOD'],
    [{ period: 'hourly', max_msgs: 5 }, 'INVALID_PERIOD'],
    [{ period: 0, max_msgs: 'x' }, 'INVALID_MAX_MSGS'],
    [{ period: 60, msg_size: -2 }, 'INVALID_MSG_SIZE'],
    [{ period: 60, max_msgs: '1.5' }, 'INVALID_MAX_MSGS'],
    [{ period: 60, max_quota: 'lots' }, 'INVALID_MAX_QUOTA'],
    [{ period: 60, max_rcpts: 'x' }, 'INVALID_MAX_RCPTS'],
  ])('POST rejects %p with %s and changes nothing', async (params, code) => {
    await api.ok('POST', '/api/throttle/other.example/outbound', { period: 7, max_msgs: 7 });
    expect(await api.post('/api/throttle/other.example/outbound', params)).toEqual({ _success: false, _msg: code });
    expect(await rowsOf(server.db, '@other.example', 'outbound')).toEqual([
      expect.objectContaining({ period: 7, max_msgs: 7 }),
    ]);
  });

  test.each([
    ['no period', { max_msgs: 5 }],
    ['an empty period', { period: '', max_msgs: 5 }],
    ['period=0', { period: 0, msg_size: 0, max_msgs: 0, max_quota: 0 }],
    ['nothing at all', {}],
  ])('POST with %s deletes the setting ("no throttle"), with its tracking counters', async (_what, params) => {
    await api.ok('POST', '/api/throttle/user@other.example/inbound', FULL);
    const [row] = await server.db.query<{ id: number }>(
      sql`SELECT id FROM throttle WHERE account = 'user@other.example' AND kind = 'inbound'`,
    );
    await server.db.query(sql`INSERT INTO throttle_tracking (tid, account) VALUES (${row!.id}, 'user@other.example')`);
    expect(await api.post('/api/throttle/user@other.example/inbound', params)).toEqual({ _success: true });
    expect(await api.get('/api/throttle/user@other.example/inbound')).toEqual({ _success: true, setting: {} });
    expect(await server.db.query(sql`SELECT 1 FROM throttle_tracking WHERE tid = ${row!.id}`)).toEqual([]);
    // Again, with nothing left to delete: still a success.
    expect(await api.post('/api/throttle/user@other.example/inbound', params)).toEqual({ _success: true });
  });

  test('max_rcpts alone is not a setting for inbound mail', async () => {
    expect(await api.post('/api/throttle/other.example/inbound', { period: 60, max_rcpts: 5 })).toEqual({
      _success: false,
      _msg: 'MISS_THROTTLE_SETTING',
    });
  });

  test('bad kinds, names and unknown accounts', async () => {
    expect(await api.get('/api/throttle/global/sideways')).toEqual({ _success: false, _msg: 'INVALID_INOUT_TYPE' });
    expect(await api.post('/api/throttle/global/sideways', FULL)).toEqual({
      _success: false,
      _msg: 'INVALID_INOUT_TYPE',
    });
    expect(await api.get('/api/throttle/not_a_domain/inbound')).toEqual({
      _success: false,
      _msg: 'INVALID_DOMAIN_NAME',
    });
    expect(await api.get('/api/throttle/bad@@mail/inbound')).toEqual({ _success: false, _msg: 'INVALID_MAIL' });
    expect(await api.post('/api/throttle/missing.example/inbound', FULL)).toEqual({
      _success: false,
      _msg: 'NO_SUCH_DOMAIN',
    });
    expect(await api.post('/api/throttle/nobody@throttle.example/inbound', FULL)).toEqual({
      _success: false,
      _msg: 'NO_SUCH_ACCOUNT',
    });
    expect(await api.get('/api/throttle/nobody@throttle.example/inbound')).toEqual({
      _success: false,
      _msg: 'NO_SUCH_ACCOUNT',
    });
    expect(
      await server.db.query(
        sql`SELECT 1 FROM throttle WHERE account LIKE '%missing.example' OR account LIKE 'nobody@%'`,
      ),
    ).toEqual([]);
    expect(await api.put('/api/throttle/global/inbound', FULL)).toEqual({
      _success: false,
      _msg: 'INVALID_HTTP_METHOD',
    });
  });

  test('DELETE (our extension) removes the row and its tracking counters', async () => {
    await api.ok('POST', '/api/throttle/user@other.example/outbound', FULL);
    const [row] = await server.db.query<{ id: number }>(
      sql`SELECT id FROM throttle WHERE account = 'user@other.example'`,
    );
    await server.db.query(sql`INSERT INTO throttle_tracking (tid, account) VALUES (${row!.id}, 'user@other.example')`);
    expect(await api.delete('/api/throttle/user@other.example/outbound')).toEqual({ _success: true });
    expect(await api.get('/api/throttle/user@other.example/outbound')).toEqual({ _success: true, setting: {} });
    expect(await server.db.query(sql`SELECT 1 FROM throttle_tracking WHERE tid = ${row!.id}`)).toEqual([]);
    expect(await api.delete('/api/throttle/user@other.example/outbound')).toEqual({ _success: true });
  });

  test("a normal admin reads its own domain's throttles and writes none", async () => {
    await api.ok('POST', '/api/throttle/user@throttle.example/outbound', FULL);
    expect(await normal.get('/api/throttle/user@throttle.example/outbound')).toMatchObject({
      setting: { priority: 100 },
    });
    await api.ok('DELETE', '/api/throttle/user@throttle.example/outbound');

    const denied = { _success: false, _msg: 'PERMISSION_DENIED' };
    // Writing would lift the limits a global admin set on its own domain.
    expect(await normal.post('/api/throttle/throttle.example/outbound', FULL)).toEqual(denied);
    expect(await normal.post('/api/throttle/user@throttle.example/outbound', FULL)).toEqual(denied);
    expect(await normal.delete('/api/throttle/throttle.example/outbound')).toEqual(denied);
    expect(await normal.get('/api/throttle/global/inbound')).toEqual(denied);
    expect(await normal.post('/api/throttle/global/inbound', FULL)).toEqual(denied);
    expect(await normal.post('/api/throttle/other.example/inbound', FULL)).toEqual(denied);
    expect(await normal.get('/api/throttle/user@other.example/inbound')).toEqual(denied);
    expect(await normal.delete('/api/throttle/other.example/inbound')).toEqual(denied);
    expect(await normal.post('/api/throttle/boss@throttle.example/inbound', FULL)).toEqual(denied);
    const anonymous = new ApiSession(server.url);
    expect(await anonymous.get('/api/throttle/global/inbound')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test.each([
    ['user@other.example', 'user@other.example'],
    // No domain row to lock here: only the advisory lock keeps the writers apart.
    ['global', '@.'],
  ])('concurrent POSTs for %s leave exactly one row per kind', async (target, account) => {
    await api.ok('DELETE', `/api/throttle/${target}/outbound`);
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => api.post(`/api/throttle/${target}/outbound`, { period: 60, max_msgs: n })),
    );
    expect(results.every((r) => r._success)).toBe(true);
    expect(await rowsOf(server.db, account, 'outbound')).toHaveLength(1);
  });

  test('a failure in the middle of a write leaves nothing half-written', async () => {
    await api.ok('DELETE', '/api/throttle/user@other.example/outbound');
    await server.db.query(
      sql`ALTER TABLE throttle ADD CONSTRAINT test_no_insert CHECK (account <> 'user@other.example' OR kind <> 'outbound')`,
    );
    try {
      expect((await api.post('/api/throttle/user@other.example/outbound', FULL))._success).toBe(false);
    } finally {
      await server.db.query(sql`ALTER TABLE throttle DROP CONSTRAINT test_no_insert`);
    }
    expect(await rowsOf(server.db, 'user@other.example', 'outbound')).toEqual([]);
  });
});
