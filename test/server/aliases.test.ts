import { failWritesWhen } from '../support/failing-writes';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

type View = Record<string, unknown> & { members: string[]; moderators: string[] };

describe.each(SERVER_BACKENDS)('aliases on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let normal: ApiSession;
  const fail = (code: string) => ({ _success: false, _msg: code });
  const view = async (mail: string) => (await api.ok('GET', `/api/alias/${mail}`)) as View;

  useTestServer(backend, (started) => ({ server, api } = started), {
    domains: ['alias.example', 'other.example', 'second.example'],
  });
  beforeAll(async () => {
    normal = await normalAdminSession(server, 'boss@alias.example', ['alias.example', 'second.example']);
  });

  test('create, read, update and delete an alias with every parameter', async () => {
    expect(
      await api.post('/api/alias/Team@Alias.Example', {
        name: 'The Team',
        accessPolicy: 'membersOnly',
        members: 'A@alias.example, ext+Tag@Elsewhere.NET,a@alias.example',
        // Not parameters of an alias in the SQL edition: ignored.
        moderators: 'mod@alias.example',
        accountStatus: 'disabled',
      }),
    ).toEqual({ _success: true });
    const created = await view('team@alias.example');
    expect(created).toMatchObject({
      address: 'team@alias.example',
      name: 'The Team',
      accesspolicy: 'membersonly',
      domain: 'alias.example',
      active: 1,
      members: ['a@alias.example', 'ext+Tag@elsewhere.net'],
      moderators: [],
    });
    expect(created.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(
      await server.db.query(
        sql`SELECT forwarding, domain, dest_domain, is_list, is_forwarding, is_alias, active FROM forwardings WHERE address = 'team@alias.example' ORDER BY forwarding`,
      ),
    ).toEqual([
      {
        forwarding: 'a@alias.example',
        domain: 'alias.example',
        dest_domain: 'alias.example',
        is_list: 1,
        is_forwarding: 0,
        is_alias: 0,
        active: 1,
      },
      {
        forwarding: 'ext+Tag@elsewhere.net',
        domain: 'alias.example',
        dest_domain: 'elsewhere.net',
        is_list: 1,
        is_forwarding: 0,
        is_alias: 0,
        active: 1,
      },
    ]);

    await api.ok('PUT', '/api/alias/team@alias.example', {
      name: 'Renamed',
      accessPolicy: 'moderatorsonly',
      accountStatus: 'disabled',
      addMember: 'b@alias.example,c@other.example',
      removeMember: 'a@alias.example',
      addModerator: 'mod2@other.example',
      removeModerator: 'mod@alias.example',
    });
    const updated = await view('team@alias.example');
    expect(updated).toMatchObject({
      name: 'Renamed',
      accesspolicy: 'moderatorsonly',
      active: 0,
      members: ['b@alias.example', 'c@other.example', 'ext+Tag@elsewhere.net'],
      moderators: [],
    });
    // A disabled alias's member rows are disabled too, so Postfix stops expanding it.
    expect(
      await server.db.query(sql`SELECT DISTINCT active FROM forwardings WHERE address = 'team@alias.example'`),
    ).toEqual([{ active: 0 }]);

    await api.ok('PUT', '/api/alias/team@alias.example', {
      members: 'z@alias.example',
      moderators: 'm@alias.example,n@alias.example',
      accountStatus: 'active',
    });
    expect(await view('team@alias.example')).toMatchObject({ active: 1, members: ['z@alias.example'], moderators: [] });
    expect(
      await server.db.query(sql`SELECT DISTINCT active FROM forwardings WHERE address = 'team@alias.example'`),
    ).toEqual([{ active: 1 }]);

    // Empty values mean "not given": nothing changes, nothing conflicts.
    await api.ok('PUT', '/api/alias/team@alias.example', {
      name: '',
      accessPolicy: '',
      members: '',
      addMember: 'y@alias.example',
      removeMember: '',
    });
    expect(await view('team@alias.example')).toMatchObject({
      name: 'Renamed',
      accesspolicy: 'moderatorsonly',
      members: ['y@alias.example', 'z@alias.example'],
    });

    expect(await api.delete('/api/alias/team@alias.example')).toEqual({ _success: true });
    expect(await api.get('/api/alias/team@alias.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
    expect(await server.db.query(sql`SELECT 1 FROM forwardings WHERE address = 'team@alias.example'`)).toEqual([]);
    expect(await server.db.query(sql`SELECT 1 FROM moderators WHERE address = 'team@alias.example'`)).toEqual([]);
    // As iRedAdmin-Pro does, deleting what does not exist succeeds.
    expect(await api.delete('/api/alias/team@alias.example')).toEqual({ _success: true });
  });

  test('deleting an alias removes its memberships elsewhere', async () => {
    await api.ok('POST', '/api/alias/inner@alias.example', { members: 'x@alias.example' });
    await api.ok('POST', '/api/alias/outer@alias.example', { members: 'inner@alias.example,y@alias.example' });
    // Moderator rows written by another tool (the API has no parameter for them) are cleaned up too.
    await server.db.query(
      sql`INSERT INTO moderators (address, moderator, domain, dest_domain) VALUES ('outer@alias.example', 'inner@alias.example', 'alias.example', 'alias.example')`,
    );
    await api.ok('DELETE', '/api/alias/inner@alias.example');
    expect(await view('outer@alias.example')).toMatchObject({ members: ['y@alias.example'], moderators: [] });
    await api.ok('DELETE', '/api/alias/outer@alias.example');
  });

  test('defaults: public policy, active, no members', async () => {
    await api.ok('POST', '/api/alias/bare@alias.example', { name: '', members: '', accessPolicy: '' });
    expect(await view('bare@alias.example')).toMatchObject({
      name: '',
      accesspolicy: 'public',
      active: 1,
      members: [],
      moderators: [],
    });
    await api.ok('DELETE', '/api/alias/bare@alias.example');
  });

  test.each([
    [{ accessPolicy: 'everyone' }, 'INVALID_ACCESS_POLICY'],
    [{ members: 'a@alias.example,not-an-email' }, 'INVALID_MEMBER'],
    [{ members: 'bad@alias.example' }, 'INVALID_MEMBER'], // the alias itself
    [{ name: 'x'.repeat(256) }, 'INVALID_NAME'],
  ])('POST rejects %p with %s and creates nothing', async (params, code) => {
    expect(await api.post('/api/alias/bad@alias.example', params)).toEqual(fail(code));
    expect(await api.get('/api/alias/bad@alias.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
  });

  test.each([
    [{ members: 'a@alias.example', addMember: 'b@alias.example' }, 'CONFLICT_MEMBERS_AND_ADD_MEMBER'],
    [{ members: 'a@alias.example', removeMember: 'b@alias.example' }, 'CONFLICT_MEMBERS_AND_REMOVE_MEMBER'],
    [{ addMember: 'put@alias.example' }, 'INVALID_MEMBER'],
    [{ removeMember: 'x@' }, 'INVALID_MEMBER'],
    [{ accessPolicy: 'all' }, 'INVALID_ACCESS_POLICY'],
    [{ accountStatus: 'gone' }, 'INVALID_ACCOUNT_STATUS'],
  ])('PUT rejects %p with %s and changes nothing', async (params, code) => {
    await api.ok('POST', '/api/alias/put@alias.example', { name: 'Before', members: 'keep@alias.example' });
    expect(await api.put('/api/alias/put@alias.example', { name: 'After', ...params })).toEqual(fail(code));
    expect(await view('put@alias.example')).toMatchObject({ name: 'Before', members: ['keep@alias.example'] });
    await api.ok('DELETE', '/api/alias/put@alias.example');
  });

  test('addresses, domains and existence', async () => {
    expect(await api.post('/api/alias/not-an-email')).toEqual(fail('INVALID_MAIL'));
    expect(await api.get('/api/alias/not-an-email')).toEqual(fail('INVALID_MAIL'));
    expect(await api.post('/api/alias/x@missing.example')).toEqual(fail('INVALID_DOMAIN'));
    expect(await api.put('/api/alias/ghost@alias.example', { name: 'x' })).toEqual(fail('NO_SUCH_ACCOUNT'));
    // The address is taken by any account type.
    await server.db.query(sql`INSERT INTO mailbox (username, domain) VALUES ('user@alias.example', 'alias.example')`);
    expect(await api.post('/api/alias/user@alias.example')).toEqual(fail('ALREADY_EXISTS'));
    await api.ok('POST', '/api/ml/list@alias.example');
    expect(await api.post('/api/alias/list@alias.example')).toEqual(fail('ALREADY_EXISTS'));
    await api.ok('POST', '/api/alias/dup@alias.example');
    expect(await api.post('/api/alias/DUP@alias.example')).toEqual(fail('ALREADY_EXISTS'));
    await api.ok('DELETE', '/api/alias/dup@alias.example');
    await api.ok('DELETE', '/api/ml/list@alias.example');
    await server.db.query(sql`DELETE FROM mailbox WHERE username = 'user@alias.example'`);
  });

  test('the list endpoint with email_only and disabled_only', async () => {
    await api.ok('POST', '/api/alias/l1@second.example', { members: 'm@second.example' });
    await api.ok('POST', '/api/alias/l2@second.example');
    await api.ok('PUT', '/api/alias/l2@second.example', { accountStatus: 'disabled' });
    expect(await api.ok('GET', '/api/aliases/second.example', { email_only: 'yes' })).toEqual([
      'l1@second.example',
      'l2@second.example',
    ]);
    expect(await api.ok('GET', '/api/aliases/second.example', { email_only: 'yes', disabled_only: 'yes' })).toEqual([
      'l2@second.example',
    ]);
    const full = (await api.ok('GET', '/api/aliases/second.example')) as View[];
    expect(full[0]).toMatchObject({ address: 'l1@second.example', members: ['m@second.example'], moderators: [] });
    // A flag is on when present at all, whatever its value.
    expect(await api.ok('GET', '/api/aliases/second.example', { email_only: 'no', disabled_only: '' })).toEqual([
      'l2@second.example',
    ]);
    expect(await api.get('/api/aliases/not_a_domain')).toEqual(fail('INVALID_DOMAIN_NAME'));
    expect(await api.get('/api/aliases/missing.example')).toEqual(fail('NO_SUCH_DOMAIN'));
    expect(await normal.ok('GET', '/api/aliases/second.example', { email_only: 'yes' })).toHaveLength(2);
    for (const a of ['l1', 'l2']) await api.ok('DELETE', `/api/alias/${a}@second.example`);
  });

  test('change_email keeps members, moderators and memberships in other aliases and lists', async () => {
    await api.ok('POST', '/api/alias/old@alias.example', {
      name: 'Old',
      accessPolicy: 'domain',
      members: 'a@alias.example,b@other.example',
    });
    await api.ok('POST', '/api/alias/parent@alias.example', { members: 'old@alias.example,new@alias.example' });
    // Moderator rows (written by another tool: the API has none for aliases) move with a rename too.
    await server.db.query(sql`INSERT INTO moderators (address, moderator, domain, dest_domain) VALUES
         ('old@alias.example', 'mod@alias.example', 'alias.example', 'alias.example'),
         ('parent@alias.example', 'old@alias.example', 'alias.example', 'alias.example')`);
    await api.ok('POST', '/api/alias/uncle@other.example', { members: 'old@alias.example' });
    await api.ok('POST', '/api/ml/club@alias.example', { subscribers: 'old@alias.example', subscription: 'digest' });
    await server.db.query(sql`INSERT INTO mailbox (username, domain) VALUES ('fwd@alias.example', 'alias.example')`);
    await server.db.query(
      sql`INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding) VALUES ('fwd@alias.example', 'old@alias.example', 'alias.example', 'alias.example', 1)`,
    );

    expect(await api.post('/api/alias/old@alias.example/change_email/New2@Alias.Example')).toEqual({ _success: true });
    expect(await api.get('/api/alias/old@alias.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
    expect(await view('new2@alias.example')).toMatchObject({
      address: 'new2@alias.example',
      name: 'Old',
      accesspolicy: 'domain',
      domain: 'alias.example',
      members: ['a@alias.example', 'b@other.example'],
      moderators: ['mod@alias.example'],
    });
    // parent already listed new@… (not new2@), so both stay distinct.
    expect(await view('parent@alias.example')).toMatchObject({
      members: ['new2@alias.example', 'new@alias.example'],
      moderators: ['new2@alias.example'],
    });
    expect(await view('uncle@other.example')).toMatchObject({ members: ['new2@alias.example'] });
    expect(await api.ok('GET', '/api/ml/club@alias.example', { with_subscribers: 'yes' })).toMatchObject({
      subscribers: [{ mail: 'new2@alias.example', subscription: 'digest', confirmed: true }],
    });
    expect(await server.db.query(sql`SELECT forwarding FROM forwardings WHERE address = 'fwd@alias.example'`)).toEqual([
      { forwarding: 'new2@alias.example' },
    ]);

    // Renaming onto an address some alias already lists merges the two memberships.
    await api.ok('POST', '/api/alias/new2@alias.example/change_email/new@alias.example');
    expect(await view('parent@alias.example')).toMatchObject({ members: ['new@alias.example'] });

    // Into another domain: refused, as by the real product; nothing moves.
    expect(await api.post('/api/alias/new@alias.example/change_email/moved@other.example')).toEqual(
      fail('PERMISSION_DENIED'),
    );
    expect(await view('new@alias.example')).toMatchObject({
      domain: 'alias.example',
      members: ['a@alias.example', 'b@other.example'],
    });
    expect(await api.get('/api/alias/moved@other.example')).toEqual(fail('NO_SUCH_ACCOUNT'));

    for (const a of ['new@alias.example', 'parent@alias.example', 'uncle@other.example'])
      await api.ok('DELETE', `/api/alias/${a}`);
    await api.ok('DELETE', '/api/ml/club@alias.example');
  });

  test('change_email errors', async () => {
    await api.ok('POST', '/api/alias/ce@alias.example', { members: 'a@alias.example' });
    await api.ok('POST', '/api/alias/taken@alias.example');
    expect(await api.post('/api/alias/bad/change_email/x@alias.example')).toEqual(fail('INVALID_OLD_EMAIL'));
    expect(await api.post('/api/alias/ce@alias.example/change_email/bad')).toEqual(fail('INVALID_NEW_EMAIL'));
    expect(await api.post('/api/alias/ce@alias.example/change_email/x@missing.example')).toEqual(
      fail('PERMISSION_DENIED'),
    );
    expect(await api.post('/api/alias/nobody@alias.example/change_email/x@alias.example')).toEqual(
      fail('OLD_EMAIL_NOT_EXIST'),
    );
    expect(await api.post('/api/alias/ce@alias.example/change_email/taken@alias.example')).toEqual(
      fail('NEW_EMAIL_ALREADY_EXISTS'),
    );
    expect(await api.post('/api/alias/ce@alias.example/change_email/ce@alias.example')).toEqual(
      fail('NEW_EMAIL_ALREADY_EXISTS'),
    );
    expect(await api.get('/api/alias/ce@alias.example/change_email/x@alias.example')).toEqual(
      fail('INVALID_HTTP_METHOD'),
    );
    expect(await view('ce@alias.example')).toMatchObject({ members: ['a@alias.example'] });
    for (const a of ['ce', 'taken']) await api.ok('DELETE', `/api/alias/${a}@alias.example`);
  });

  test('a normal admin works only inside managed domains', async () => {
    expect(await normal.post('/api/alias/mine@alias.example', { members: 'x@other.example' })).toEqual({
      _success: true,
    });
    expect(await normal.ok('GET', '/api/alias/mine@alias.example')).toMatchObject({ members: ['x@other.example'] });
    await normal.ok('PUT', '/api/alias/mine@alias.example', { addMember: 'y@alias.example' });
    await api.ok('POST', '/api/alias/theirs@other.example');
    expect(await normal.post('/api/alias/new@other.example')).toEqual(fail('PERMISSION_DENIED'));
    expect(await normal.get('/api/alias/theirs@other.example')).toEqual(fail('PERMISSION_DENIED'));
    expect(await normal.put('/api/alias/theirs@other.example', { name: 'x' })).toEqual(fail('PERMISSION_DENIED'));
    expect(await normal.delete('/api/alias/theirs@other.example')).toEqual(fail('PERMISSION_DENIED'));
    expect(await normal.get('/api/aliases/other.example')).toEqual(fail('PERMISSION_DENIED'));
    expect(await normal.post('/api/alias/mine@alias.example/change_email/mine@other.example')).toEqual(
      fail('PERMISSION_DENIED'),
    );
    expect(await normal.post('/api/alias/theirs@other.example/change_email/theirs@alias.example')).toEqual(
      fail('PERMISSION_DENIED'),
    );
    expect(await normal.post('/api/alias/mine@alias.example/change_email/mine@second.example')).toEqual(
      fail('PERMISSION_DENIED'),
    );
    expect(await normal.post('/api/alias/mine@alias.example/change_email/mine2@alias.example')).toEqual({
      _success: true,
    });
    expect(await normal.delete('/api/alias/mine2@alias.example')).toEqual({ _success: true });
    expect(await new ApiSession(server.url).get('/api/alias/theirs@other.example')).toEqual(fail('LOGIN_REQUIRED'));
    await api.ok('DELETE', '/api/alias/theirs@other.example');
  });

  test('domain and admin limits', async () => {
    await api.ok('POST', '/api/domain/limit.example', { numberOfAliases: 2 });
    await api.ok('POST', '/api/alias/one@limit.example');
    await api.ok('POST', '/api/alias/two@limit.example');
    expect(await api.post('/api/alias/three@limit.example')).toEqual(fail('EXCEEDED_DOMAIN_ACCOUNT_LIMIT'));
    // Renaming within the domain needs no extra room.
    await api.ok('POST', '/api/alias/one@limit.example/change_email/uno@limit.example');

    await api.ok('POST', '/api/domain/capped.example');
    const capped = await normalAdminSession(
      server,
      'capped@capped.example',
      ['capped.example', 'limit.example'],
      'create_max_aliases:3',
    );
    // The admin's limit counts the aliases of every managed domain: two exist in limit.example.
    expect(await capped.post('/api/alias/a@capped.example')).toEqual({ _success: true });
    expect(await capped.post('/api/alias/b@capped.example')).toEqual(fail('EXCEED_LIMIT_ALIASES'));
    await api.ok('DELETE', '/api/domain/limit.example');
    await api.ok('DELETE', '/api/domain/capped.example');
  });

  test('concurrent creates: one success, the rest ALREADY_EXISTS; the domain limit holds', async () => {
    const dup = await Promise.all(
      [1, 2, 3, 4].map(() => api.post('/api/alias/race@alias.example', { members: 'm@alias.example' })),
    );
    expect(dup.filter((r) => r._success)).toHaveLength(1);
    expect(dup.filter((r) => r._msg === 'ALREADY_EXISTS')).toHaveLength(3);
    expect(await view('race@alias.example')).toMatchObject({ members: ['m@alias.example'] });

    // An alias and a list racing for one address.
    const mixed = await Promise.all([
      api.post('/api/alias/both@alias.example'),
      api.post('/api/ml/both@alias.example'),
    ]);
    expect(mixed.filter((r) => r._success)).toHaveLength(1);
    expect(mixed.filter((r) => r._msg === 'ALREADY_EXISTS')).toHaveLength(1);

    await api.ok('POST', '/api/domain/race-limit.example', { numberOfAliases: 2 });
    const limited = await Promise.all([1, 2, 3, 4, 5].map((i) => api.post(`/api/alias/r${i}@race-limit.example`)));
    expect(limited.filter((r) => r._success)).toHaveLength(2);
    expect(limited.filter((r) => r._msg === 'EXCEEDED_DOMAIN_ACCOUNT_LIMIT')).toHaveLength(3);

    // Concurrent member changes of one alias all land.
    await Promise.all(
      ['p', 'q', 'r', 's'].map((m) =>
        api.ok('PUT', '/api/alias/race@alias.example', { addMember: `${m}@alias.example` }),
      ),
    );
    expect((await view('race@alias.example')).members).toEqual([
      'm@alias.example',
      'p@alias.example',
      'q@alias.example',
      'r@alias.example',
      's@alias.example',
    ]);

    await api.ok('DELETE', '/api/alias/race@alias.example');
    await api.ok('DELETE', '/api/alias/both@alias.example');
    await api.ok('DELETE', '/api/ml/both@alias.example');
    await api.ok('DELETE', '/api/domain/race-limit.example');
  });

  test('a statement failing mid-way rolls the whole write back', async () => {
    // A trigger stands in for any failure after the first rows were written.
    const undo = await failWritesWhen(
      server.db,
      'forwardings',
      "NEW.forwarding LIKE 'boom%' OR NEW.address LIKE 'boom%'",
    );
    try {
      const created = await api.post('/api/alias/half@alias.example', {
        name: 'Half',
        members: 'a@alias.example,boom@alias.example',
        moderators: 'm@alias.example',
      });
      expect(created._success).toBe(false);
      expect(await api.get('/api/alias/half@alias.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
      expect(await server.db.query(sql`SELECT 1 FROM forwardings WHERE address = 'half@alias.example'`)).toEqual([]);

      await api.ok('POST', '/api/alias/whole@alias.example', { name: 'Whole', members: 'a@alias.example' });
      expect(
        (
          await api.put('/api/alias/whole@alias.example', {
            name: 'Changed',
            accountStatus: 'disabled',
            members: 'boom@alias.example',
          })
        )._success,
      ).toBe(false);
      expect(await view('whole@alias.example')).toMatchObject({
        name: 'Whole',
        active: 1,
        members: ['a@alias.example'],
      });

      expect((await api.post('/api/alias/whole@alias.example/change_email/boom@alias.example'))._success).toBe(false);
      expect(await view('whole@alias.example')).toMatchObject({ name: 'Whole', members: ['a@alias.example'] });
      expect(await api.get('/api/alias/boom@alias.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
    } finally {
      await undo();
    }
    await api.ok('DELETE', '/api/alias/whole@alias.example');
  });
});
