/** amavisd white/blacklists through /api/wblist on both backends: storage, semantics, access. */
import { ApiSession } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';
import { sql, textOfBytes } from '../../src/server/db/sql';

const D = 'wb.example';
const USER = `jane@${D}`;

describe.each(SERVER_BACKENDS)('white/blacklists on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let normal: ApiSession;

  const usersRow = async (account: string) =>
    server.db.query<{ priority: number; policy_id: number }>(
      sql`SELECT priority, policy_id FROM users WHERE email = ${Buffer.from(account)}`,
    );
  const mailaddrPriority = async (address: string) =>
    (
      await server.db.query<{ priority: number }>(
        sql`SELECT priority FROM mailaddr WHERE email = ${Buffer.from(address)}`,
      )
    )[0]?.priority;
  /** The rows of a direction's table for a local account, as (address, wb). */
  const rows = async (direction: 'inbound' | 'outbound', account: string) => {
    const email = Buffer.from(account);
    const statement =
      direction === 'inbound'
        ? sql`SELECT ${textOfBytes('m.email')} AS address, w.wb FROM wblist w JOIN users u ON u.id = w.rid JOIN mailaddr m ON m.id = w.sid WHERE u.email = ${email}`
        : sql`SELECT ${textOfBytes('m.email')} AS address, w.wb FROM outbound_wblist w JOIN users u ON u.id = w.sid JOIN mailaddr m ON m.id = w.rid WHERE u.email = ${email}`;
    return (await server.db.query<{ address: string; wb: string }>(statement)).sort((a, b) =>
      a.address.localeCompare(b.address),
    );
  };

  useTestServer(backend, (started) => ({ server, api } = started));
  beforeAll(async () => {
    normal = await normalAdminSession(server, 'admin@managed.example', [D]);
  });

  test('GET of an empty list is [] and creates nothing', async () => {
    expect(await api.get(`/api/wblist/inbound/whitelist/${USER}`)).toEqual({ _success: true, _data: [] });
    expect(await usersRow(USER)).toEqual([]);
  });

  test('POST adds every form, trimmed and lower-cased; GET answers sorted; priorities as amavisd wants', async () => {
    const addresses =
      ' Friend@Partner.example, @Partner.example ,@.partner.example,@.ORG, 192.0.2.7, 2001:DB8::0:1,198.51.100.0/24, bounce@*, @.';
    expect(await api.post(`/api/wblist/inbound/whitelist/${USER}`, { addresses })).toEqual({ _success: true });
    const expected = [
      '192.0.2.7',
      '198.51.100.0/24',
      '2001:db8::1',
      '@.',
      '@.org',
      '@.partner.example',
      '@partner.example',
      'bounce@*',
      'friend@partner.example',
    ];
    expect(await api.ok('GET', `/api/wblist/inbound/whitelist/${USER}`)).toEqual(expected);
    expect(await rows('inbound', USER)).toEqual(
      expected.map((address) => ({ address, wb: 'W' })).sort((a, b) => a.address.localeCompare(b.address)),
    );
    expect(await usersRow(USER)).toEqual([{ priority: 10, policy_id: 0 }]);
    const priorities = Object.fromEntries(await Promise.all(expected.map(async (a) => [a, await mailaddrPriority(a)])));
    expect(priorities).toEqual({
      'friend@partner.example': 10,
      '192.0.2.7': 9,
      '2001:db8::1': 9,
      '198.51.100.0/24': 7,
      'bounce@*': 7,
      '@partner.example': 5,
      '@.partner.example': 3,
      '@.org': 2,
      '@.': 0,
    });
    // The blacklist and the outbound lists are separate.
    expect(await api.ok('GET', `/api/wblist/inbound/blacklist/${USER}`)).toEqual([]);
    expect(await api.ok('GET', `/api/wblist/outbound/whitelist/${USER}`)).toEqual([]);
  });

  test('POST to the blacklist moves an address out of the whitelist of the same direction only', async () => {
    await api.ok('POST', `/api/wblist/outbound/whitelist/${USER}`, { addresses: 'friend@partner.example' });
    await api.ok('POST', `/api/wblist/inbound/blacklist/${USER}`, {
      addresses: 'friend@partner.example,spam@bad.example',
    });
    expect(await api.ok('GET', `/api/wblist/inbound/blacklist/${USER}`)).toEqual([
      'friend@partner.example',
      'spam@bad.example',
    ]);
    expect(await api.ok('GET', `/api/wblist/inbound/whitelist/${USER}`)).not.toContain('friend@partner.example');
    expect(await api.ok('GET', `/api/wblist/outbound/whitelist/${USER}`)).toEqual(['friend@partner.example']);
    // Outbound: the local account is the sender (sid), the listed address the recipient (rid).
    expect(await rows('outbound', USER)).toEqual([{ address: 'friend@partner.example', wb: 'W' }]);
  });

  test('PUT removes from that list only; unknown addresses are ignored', async () => {
    await api.ok('PUT', `/api/wblist/inbound/whitelist/${USER}`, {
      addresses: 'spam@bad.example,192.0.2.7,nobody@nowhere.example',
    });
    expect(await api.ok('GET', `/api/wblist/inbound/blacklist/${USER}`)).toContain('spam@bad.example');
    expect(await api.ok('GET', `/api/wblist/inbound/whitelist/${USER}`)).not.toContain('192.0.2.7');
  });

  test('DELETE empties one list and leaves the other; mailaddr rows stay', async () => {
    await api.ok('DELETE', `/api/wblist/inbound/whitelist/${USER}`);
    expect(await api.ok('GET', `/api/wblist/inbound/whitelist/${USER}`)).toEqual([]);
    expect(await api.ok('GET', `/api/wblist/inbound/blacklist/${USER}`)).toEqual([
      'friend@partner.example',
      'spam@bad.example',
    ]);
    expect(await mailaddrPriority('@.org')).toBe(2);
  });

  test('a wb value other than W (a score) is reported in the blacklist and cleared with it', async () => {
    const [u] = await server.db.query<{ id: number }>(sql`SELECT id FROM users WHERE email = ${Buffer.from(USER)}`);
    const [m] = await server.db.query<{ id: number }>(
      sql`INSERT INTO mailaddr (email, priority) VALUES ('scored@x.example', 10) RETURNING id`,
    );
    await server.db.query(sql`INSERT INTO wblist (rid, sid, wb) VALUES (${u!.id}, ${m!.id}, '5')`);
    expect(await api.ok('GET', `/api/wblist/inbound/blacklist/${USER}`)).toContain('scored@x.example');
    await api.ok('DELETE', `/api/wblist/inbound/blacklist/${USER}`);
    expect(await rows('inbound', USER)).toEqual([]);
  });

  test('domain and global targets: users rows with priorities 5 and 0; an existing spam policy is kept', async () => {
    await api.ok('POST', `/api/domain/${D}`);
    await api.ok('PUT', `/api/spampolicy/domain/${D}`, { spam_score: 6 });
    const [before] = await usersRow(`@${D}`);
    await api.ok('POST', `/api/wblist/inbound/blacklist/${D}`, { addresses: '@spammer.example' });
    expect(await usersRow(`@${D}`)).toEqual([{ priority: 5, policy_id: before!.policy_id }]);
    expect(before!.policy_id).toBeGreaterThan(0);
    expect(await api.ok('GET', `/api/wblist/inbound/blacklist/${D}`)).toEqual(['@spammer.example']);

    await api.ok('POST', '/api/wblist/outbound/blacklist/global', { addresses: '@competitor.example' });
    expect(await api.ok('GET', '/api/wblist/outbound/blacklist/global')).toEqual(['@competitor.example']);
    expect(await rows('outbound', '@.')).toEqual([{ address: '@competitor.example', wb: 'B' }]);
    expect(await usersRow('@.')).toEqual([expect.objectContaining({ priority: 0 })]);
    await api.ok('DELETE', '/api/wblist/outbound/blacklist/global');
  });

  test('POST/PUT/DELETE create the users row even with nothing to write; no addresses is no change', async () => {
    expect(await api.post('/api/wblist/inbound/whitelist/empty@elsewhere.example')).toEqual({ _success: true });
    expect(await usersRow('empty@elsewhere.example')).toEqual([{ priority: 10, policy_id: 0 }]);
    expect(await api.ok('GET', '/api/wblist/inbound/whitelist/empty@elsewhere.example')).toEqual([]);
  });

  test.each(['foo', '192.168.1.*', '192.168.1.5/24', '10.0.0.0', 'good@example.com,bad@', '@'])(
    'an invalid item %p fails the whole call with INVALID_WBLIST_ADDRESS and changes nothing',
    async (addresses) => {
      const before = await api.ok('GET', `/api/wblist/inbound/whitelist/${USER}`);
      expect(await api.post(`/api/wblist/inbound/whitelist/${USER}`, { addresses })).toEqual({
        _success: false,
        _msg: 'INVALID_WBLIST_ADDRESS',
      });
      expect(await api.put(`/api/wblist/inbound/whitelist/${USER}`, { addresses })).toEqual({
        _success: false,
        _msg: 'INVALID_WBLIST_ADDRESS',
      });
      expect(await api.ok('GET', `/api/wblist/inbound/whitelist/${USER}`)).toEqual(before);
    },
  );

  test('bad paths: unknown direction or list is NOT_FOUND; bad target names their code', async () => {
    const notFound = await api.raw('GET', `/api/wblist/sideways/whitelist/${USER}`);
    expect(notFound).toMatchObject({ status: 404, body: { _success: false, _msg: 'NOT_FOUND' } });
    expect((await api.raw('GET', `/api/wblist/inbound/greylist/${USER}`)).status).toBe(404);
    expect(await api.get('/api/wblist/inbound/whitelist/not_a_domain')).toEqual({
      _success: false,
      _msg: 'INVALID_DOMAIN_NAME',
    });
    expect(await api.get('/api/wblist/inbound/whitelist/bad@')).toEqual({ _success: false, _msg: 'INVALID_MAIL' });
    // A trailing slash is accepted, as elsewhere.
    expect(await api.get(`/api/wblist/inbound/whitelist/${USER}/`)).toMatchObject({ _success: true });
  });

  test('a normal admin: own domain and its users only; never global; no session is LOGIN_REQUIRED', async () => {
    await normal.ok('POST', `/api/wblist/inbound/whitelist/bob@${D}`, { addresses: 'friend@partner.example' });
    expect(await normal.ok('GET', `/api/wblist/inbound/whitelist/bob@${D}`)).toEqual(['friend@partner.example']);
    await normal.ok('DELETE', `/api/wblist/inbound/whitelist/bob@${D}`);
    await normal.ok('GET', `/api/wblist/outbound/blacklist/${D}`);

    const denied = { _success: false, _msg: 'PERMISSION_DENIED' };
    expect(await normal.get('/api/wblist/inbound/whitelist/global')).toEqual(denied);
    expect(await normal.post('/api/wblist/inbound/whitelist/global', { addresses: '@x.example' })).toEqual(denied);
    expect(await normal.post('/api/wblist/inbound/whitelist/other.example', { addresses: '@x.example' })).toEqual(
      denied,
    );
    expect(await normal.delete('/api/wblist/inbound/blacklist/user@other.example')).toEqual(denied);
    expect(await normal.put('/api/wblist/senderscore/whitelist/192.0.2.1')).toEqual(denied);
    expect(await usersRow('@other.example')).toEqual([]);

    const anonymous = new ApiSession(server.url);
    expect(await anonymous.get(`/api/wblist/inbound/whitelist/${USER}`)).toEqual({
      _success: false,
      _msg: 'LOGIN_REQUIRED',
    });
  });

  test('sender score: a strict IP gets score 100 until 2099; anything else is INVALID_IP_ADDRESS', async () => {
    expect(await api.put('/api/wblist/senderscore/whitelist/192.0.2.25')).toEqual({ _success: true });
    await api.ok('PUT', '/api/wblist/senderscore/whitelist/2001:DB8::25');
    await server.db.query(sql`UPDATE senderscore_cache SET score = 3, time = 1 WHERE client_address = '192.0.2.25'`);
    await api.ok('PUT', '/api/wblist/senderscore/whitelist/192.0.2.25');
    expect(
      await server.db.query(sql`SELECT client_address, score, time FROM senderscore_cache ORDER BY client_address`),
    ).toEqual([
      { client_address: '192.0.2.25', score: 100, time: expect.anything() },
      { client_address: '2001:db8::25', score: 100, time: expect.anything() },
    ]);
    const [{ time }] = (await server.db.query<{ time: string | number }>(
      sql`SELECT time FROM senderscore_cache WHERE client_address = '192.0.2.25'`,
    )) as [{ time: string | number }];
    expect(Number(time)).toBe(4102444799);
    for (const bad of ['192.0.2.*', 'mail.example.com', '192.0.2.0%2F24']) {
      expect(await api.put(`/api/wblist/senderscore/whitelist/${bad}`)).toEqual({
        _success: false,
        _msg: 'INVALID_IP_ADDRESS',
      });
    }
    expect(await api.get('/api/wblist/senderscore/whitelist/192.0.2.25')).toEqual({
      _success: false,
      _msg: 'INVALID_HTTP_METHOD',
    });
  });
});
