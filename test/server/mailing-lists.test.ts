import { failWritesWhen } from '../support/failing-writes';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

type View = Record<string, unknown>;

describe.each(SERVER_BACKENDS)('mailing lists on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let normal: ApiSession;
  const fail = (code: string) => ({ _success: false, _msg: code });
  const ml = async (mail: string) => (await api.ok('GET', `/api/ml/${mail}`, { with_subscribers: 'yes' })) as View;
  const subscriberRows = (mail: string) =>
    server.db.query(
      sql`SELECT subscriber, subscription, confirmed FROM iredadmin_api_maillist_subscribers WHERE address = ${mail} ORDER BY subscriber`,
    );

  useTestServer(backend, (started) => ({ server, api } = started), { domains: ['ml.example', 'other.example'] });
  beforeAll(async () => {
    normal = await normalAdminSession(server, 'boss@ml.example', ['ml.example']);
  });

  test('/api/ml: create, read, update and delete with every parameter', async () => {
    expect(
      await api.post('/api/ml/News@ML.example', {
        name: 'News',
        accountStatus: 'active',
        accessPolicy: 'domain',
        is_newsletter: 'yes',
        newsletter_description: 'Monthly news',
        subscribers: 'a@ml.example,Ext@Elsewhere.net',
        subscription: 'digest',
        require_confirm: 'no',
        // Not read by POST (set with a PUT): the list starts with no size limit and the postmaster as
        // owner and moderator.
        max_message_size: 1048576,
        moderators: 'mod@ml.example',
        owners: 'owner@ml.example',
      }),
    ).toEqual({ _success: true });
    const created = await ml('news@ml.example');
    expect(created).toMatchObject({
      address: 'news@ml.example',
      domain: 'ml.example',
      name: 'News',
      active: 1,
      maxmsgsize: 0,
      accesspolicy: 'domain',
      is_newsletter: 1,
      description: 'Monthly news',
      transport: 'mlmmj:ml.example/news',
      settings: {},
      moderators: ['postmaster@ml.example'],
      owners: ['postmaster@ml.example'],
      subscribers: [
        { mail: 'a@ml.example', subscription: 'digest', confirmed: true },
        { mail: 'ext@elsewhere.net', subscription: 'digest', confirmed: true },
      ],
    });
    expect(created.mlid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(
      await server.db.query(
        sql`SELECT forwarding, domain, dest_domain, is_maillist, is_list, active FROM forwardings WHERE address = 'news@ml.example'`,
      ),
    ).toEqual([
      {
        forwarding: 'news@ml.example',
        domain: 'ml.example',
        dest_domain: 'ml.example',
        is_maillist: 1,
        is_list: 0,
        active: 1,
      },
    ]);
    // Without with_subscribers there are none in the answer.
    expect(await api.ok('GET', '/api/ml/news@ml.example')).not.toHaveProperty('subscribers');

    await api.ok('PUT', '/api/ml/news@ml.example', {
      name: 'News 2',
      accountStatus: 'disabled',
      max_message_size: 2097152,
      is_newsletter: 'no',
      newsletter_description: 'Weekly',
      only_subscriber_can_post: 'yes',
      moderators: 'mod2@ml.example',
      owners: 'o3@ml.example,Owner@ml.example',
      // No add/remove parameters for moderators and owners: ignored.
      add_moderator: 'x@ml.example',
      remove_owner: 'o3@ml.example',
      add_subscribers: 'b@ml.example,a@ml.example',
      subscription: 'nomail',
      require_confirm: 'yes',
      remove_subscribers: 'ext@elsewhere.net',
    });
    expect(await ml('news@ml.example')).toMatchObject({
      name: 'News 2',
      active: 0,
      maxmsgsize: 2097152,
      is_newsletter: 0,
      description: 'Weekly',
      accesspolicy: 'membersonly',
      moderators: ['mod2@ml.example'],
      owners: ['o3@ml.example', 'owner@ml.example'],
      subscribers: [
        { mail: 'a@ml.example', subscription: 'nomail', confirmed: true },
        { mail: 'b@ml.example', subscription: 'nomail', confirmed: false },
      ],
    });
    expect(await server.db.query(sql`SELECT active FROM forwardings WHERE address = 'news@ml.example'`)).toEqual([
      { active: 0 },
    ]);

    await api.ok('PUT', '/api/ml/news@ml.example', {
      moderators: 'm1@ml.example',
      owners: 'p1@ml.example',
      accountStatus: 'active',
    });
    expect(await ml('news@ml.example')).toMatchObject({
      active: 1,
      moderators: ['m1@ml.example'],
      owners: ['p1@ml.example'],
    });

    // Empty values mean "not given", except the whole sets: an empty moderators/owners clears them.
    await api.ok('PUT', '/api/ml/news@ml.example', { accountStatus: 'disabled' });
    await api.ok('PUT', '/api/ml/news@ml.example', {
      name: '',
      accountStatus: '',
      max_message_size: '',
      accessPolicy: '',
      moderators: '',
      owners: '',
      add_subscribers: '',
      remove_subscribers: '',
      subscription: '',
      require_confirm: '',
      is_newsletter: '',
      only_moderator_can_post: '',
      only_subscriber_can_post: '',
    });
    expect(await ml('news@ml.example')).toMatchObject({
      name: 'News 2',
      maxmsgsize: 2097152,
      accesspolicy: 'membersonly',
      moderators: [],
      owners: [],
    });
    // ...and an absent (or empty) accountStatus re-enables the list.
    expect(await ml('news@ml.example')).toMatchObject({ active: 1 });

    expect(await api.delete('/api/ml/news@ml.example?keep_archive=no')).toEqual({ _success: true });
    expect(await api.get('/api/ml/news@ml.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
    expect(await subscriberRows('news@ml.example')).toEqual([]);
    expect(await server.db.query(sql`SELECT 1 FROM forwardings WHERE address = 'news@ml.example'`)).toEqual([]);
    expect(await server.db.query(sql`SELECT 1 FROM moderators WHERE address = 'news@ml.example'`)).toEqual([]);
    expect(await api.delete('/api/ml/news@ml.example')).toEqual({ _success: true });
  });

  test('access policy from accessPolicy and the posting flags', async () => {
    await api.ok('POST', '/api/ml/policy@ml.example');
    const policy = async () => (await ml('policy@ml.example')).accesspolicy;
    expect(await policy()).toBe('public'); // the SQL edition's default
    await api.ok('PUT', '/api/ml/policy@ml.example', { only_subscriber_can_post: 'yes' });
    expect(await policy()).toBe('membersonly');
    await api.ok('PUT', '/api/ml/policy@ml.example', { only_moderator_can_post: 'yes' });
    expect(await policy()).toBe('membersandmoderatorsonly');
    await api.ok('PUT', '/api/ml/policy@ml.example', { only_subscriber_can_post: 'no' });
    expect(await policy()).toBe('moderatorsonly');
    await api.ok('PUT', '/api/ml/policy@ml.example', { only_moderator_can_post: 'no' });
    expect(await policy()).toBe('public');
    await api.ok('PUT', '/api/ml/policy@ml.example', { accessPolicy: 'subdomain' });
    expect(await policy()).toBe('subdomain');
    await api.ok('PUT', '/api/ml/policy@ml.example', { accessPolicy: 'membersAndModeratorsOnly' });
    expect(await policy()).toBe('membersandmoderatorsonly');
    // A flag given with accessPolicy overrides its part of it.
    await api.ok('PUT', '/api/ml/policy@ml.example', { accessPolicy: 'public', only_moderator_can_post: 'yes' });
    expect(await policy()).toBe('moderatorsonly');
    await api.ok('DELETE', '/api/ml/policy@ml.example');
    await api.ok('POST', '/api/ml/flagged@ml.example', {
      only_subscriber_can_post: 'no',
      only_moderator_can_post: 'no',
      accessPolicy: 'domain',
    });
    expect((await ml('flagged@ml.example')).accesspolicy).toBe('domain');
    await api.ok('DELETE', '/api/ml/flagged@ml.example');
  });

  test.each([
    [{ accessPolicy: 'nobody' }, 'INVALID_ACCESS_POLICY'],
    [{ accountStatus: 'sleeping' }, 'INVALID_ACCOUNT_STATUS'],
    [{ only_subscriber_can_post: 'perhaps' }, 'INVALID_ONLY_SUBSCRIBER_CAN_POST'],
    [{ only_moderator_can_post: 'perhaps' }, 'INVALID_ONLY_MODERATOR_CAN_POST'],
    [{ is_newsletter: 'perhaps' }, 'INVALID_IS_NEWSLETTER'],
    [{ subscription: 'weekly' }, 'INVALID_SUBSCRIPTION'],
    [{ require_confirm: 'perhaps' }, 'INVALID_REQUIRE_CONFIRM'],
    [{ name: 'n'.repeat(256) }, 'INVALID_NAME'],
  ])('/api/ml POST and PUT reject %p with %s and change nothing', async (params, code) => {
    expect(await api.post('/api/ml/bad@ml.example', params)).toEqual(fail(code));
    expect(await api.get('/api/ml/bad@ml.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
    await api.ok('POST', '/api/ml/bad@ml.example', { name: 'Before', subscribers: 'keep@ml.example' });
    expect(await api.put('/api/ml/bad@ml.example', { name: 'After', ...params })).toEqual(fail(code));
    expect(await ml('bad@ml.example')).toMatchObject({ name: 'Before', subscribers: [{ mail: 'keep@ml.example' }] });
    await api.ok('DELETE', '/api/ml/bad@ml.example');
  });

  test.each([
    [{ max_message_size: -5 }, 'INVALID_MAX_MESSAGE_SIZE'],
    [{ max_message_size: 'big' }, 'INVALID_MAX_MESSAGE_SIZE'],
    [{ remove_subscribers: '@ml.example' }, 'INVALID_SUBSCRIBER'],
    [{ add_subscribers: 'a@ml.example,broken' }, 'INVALID_SUBSCRIBER'],
    [{ add_subscribers: 'bad@ml.example' }, 'INVALID_SUBSCRIBER'], // the list itself
    [{ moderators: 'x' }, 'INVALID_MODERATOR'],
    [{ moderators: 'bad@ml.example' }, 'INVALID_MODERATOR'], // the list itself
    [{ owners: 'x' }, 'INVALID_OWNER'],
  ])('/api/ml PUT rejects %p with %s and changes nothing (POST does not read it)', async (params, code) => {
    expect(await api.post('/api/ml/bad@ml.example', { name: 'Before', ...params })).toEqual({ _success: true });
    expect(await api.put('/api/ml/bad@ml.example', { name: 'After', ...params })).toEqual(fail(code));
    expect(await ml('bad@ml.example')).toMatchObject({
      name: 'Before',
      maxmsgsize: 0,
      moderators: ['postmaster@ml.example'],
    });
    await api.ok('DELETE', '/api/ml/bad@ml.example');
  });

  test.each([
    [{ subscribers: 'a@ml.example,broken' }, 'INVALID_SUBSCRIBER'],
    [{ subscribers: 'bad@ml.example' }, 'INVALID_SUBSCRIBER'], // the list itself
  ])('/api/ml POST rejects %p with %s and creates nothing', async (params, code) => {
    expect(await api.post('/api/ml/bad@ml.example', params)).toEqual(fail(code));
    expect(await api.get('/api/ml/bad@ml.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
  });

  test('/api/ml addresses, domains, existence and the other parameters', async () => {
    expect(await api.post('/api/ml/not-an-email')).toEqual(fail('INVALID_MAIL'));
    expect(await api.post('/api/ml/x@missing.example')).toEqual(fail('INVALID_DOMAIN'));
    // `mlmmj:<domain>/<name>` must fit the 255-character transport column.
    const longDomain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.example`;
    await api.ok('POST', `/api/domain/${longDomain}`);
    expect(await api.post(`/api/ml/${'l'.repeat(64)}@${longDomain}`)).toEqual(fail('INVALID_MAIL'));
    await api.ok('POST', `/api/ml/${'l'.repeat(40)}@${longDomain}`);
    await api.ok('DELETE', `/api/domain/${longDomain}`);
    expect(await api.put('/api/ml/ghost@ml.example', { name: 'x' })).toEqual(fail('NO_SUCH_ACCOUNT'));
    expect(await api.delete('/api/ml/ghost@ml.example?keep_archive=maybe')).toEqual(fail('INVALID_KEEP_ARCHIVE'));
    await api.ok('POST', '/api/alias/taken@ml.example');
    expect(await api.post('/api/ml/taken@ml.example')).toEqual(fail('ALREADY_EXISTS'));
    expect(await api.post('/api/maillist/taken@ml.example')).toEqual(fail('ALREADY_EXISTS'));
    await api.ok('POST', '/api/ml/dup@ml.example');
    expect(await api.post('/api/ml/Dup@ML.example')).toEqual(fail('ALREADY_EXISTS'));
    expect(await api.post('/api/maillist/dup@ml.example')).toEqual(fail('ALREADY_EXISTS'));
    await api.ok('DELETE', '/api/ml/dup@ml.example');
    await api.ok('DELETE', '/api/alias/taken@ml.example');
  });

  test('GET /api/mls/<domain> with email_only', async () => {
    await api.ok('POST', '/api/ml/l1@other.example');
    await api.ok('PUT', '/api/ml/l1@other.example', { moderators: 'm@other.example', owners: '' });
    await api.ok('POST', '/api/maillist/l2@other.example');
    expect(await api.ok('GET', '/api/mls/other.example', { email_only: 'yes' })).toEqual([
      'l1@other.example',
      'l2@other.example',
    ]);
    const full = (await api.ok('GET', '/api/mls/other.example')) as View[];
    expect(full[0]).toMatchObject({ address: 'l1@other.example', moderators: ['m@other.example'], owners: [] });
    // The flag is on when present at all.
    expect(await api.ok('GET', '/api/mls/other.example', { email_only: 'no' })).toEqual([
      'l1@other.example',
      'l2@other.example',
    ]);
    expect(await api.get('/api/mls/bad_domain')).toEqual(fail('INVALID_DOMAIN_NAME'));
    expect(await api.get('/api/mls/missing.example')).toEqual(fail('NO_SUCH_DOMAIN'));
    for (const l of ['l1', 'l2']) await api.ok('DELETE', `/api/ml/${l}@other.example`);
  });

  test('/api/maillist (LDAP-edition shape) works on the same data; members are subscribers', async () => {
    expect(
      await api.post('/api/maillist/team@ml.example', {
        name: 'Team',
        accessPolicy: 'membersOnly',
        members: 'a@ml.example,B@other.example',
      }),
    ).toEqual({
      _success: true,
    });
    expect(await api.ok('GET', '/api/maillist/team@ml.example')).toMatchObject({
      address: 'team@ml.example',
      name: 'Team',
      accesspolicy: 'membersonly',
      members: ['a@ml.example', 'b@other.example'],
      transport: 'mlmmj:ml.example/team',
    });
    expect(await ml('team@ml.example')).toMatchObject({
      subscribers: [
        { mail: 'a@ml.example', subscription: 'normal', confirmed: true },
        { mail: 'b@other.example', subscription: 'normal', confirmed: true },
      ],
    });

    // members replaces the set, keeping the subscription of those who stay.
    await api.ok('PUT', '/api/ml/team@ml.example', { add_subscribers: 'a@ml.example', subscription: 'digest' });
    await api.ok('PUT', '/api/maillist/team@ml.example', {
      members: 'a@ml.example,c@ml.example',
      name: 'Team 2',
      accessPolicy: 'public',
      accountStatus: 'disabled',
    });
    expect(await ml('team@ml.example')).toMatchObject({
      name: 'Team 2',
      accesspolicy: 'public',
      active: 0,
      subscribers: [
        { mail: 'a@ml.example', subscription: 'digest' },
        { mail: 'c@ml.example', subscription: 'normal' },
      ],
    });
    await api.ok('PUT', '/api/maillist/team@ml.example', {
      addMember: 'd@ml.example,e@ml.example',
      removeMember: 'a@ml.example,e@ml.example',
      members: '',
    });
    expect(await api.ok('GET', '/api/maillist/team@ml.example')).toMatchObject({
      members: ['c@ml.example', 'd@ml.example'],
    });

    expect(
      await api.put('/api/maillist/team@ml.example', { members: 'a@ml.example', addMember: 'b@ml.example' }),
    ).toEqual(fail('CONFLICT_MEMBERS_AND_ADD_MEMBER'));
    expect(
      await api.put('/api/maillist/team@ml.example', { members: 'a@ml.example', removeMember: 'b@ml.example' }),
    ).toEqual(fail('CONFLICT_MEMBERS_AND_REMOVE_MEMBER'));
    expect(await api.put('/api/maillist/team@ml.example', { addMember: 'team@ml.example' })).toEqual(
      fail('INVALID_MEMBER'),
    );
    expect(await api.put('/api/maillist/team@ml.example', { members: 'no good' })).toEqual(fail('INVALID_MEMBER'));
    expect(await api.put('/api/maillist/team@ml.example', { accessPolicy: 'x' })).toEqual(
      fail('INVALID_ACCESS_POLICY'),
    );
    expect(await api.put('/api/maillist/ghost@ml.example', { name: 'x' })).toEqual(fail('NO_SUCH_ACCOUNT'));
    expect(await api.get('/api/maillist/ghost@ml.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
    expect(await api.ok('GET', '/api/maillist/team@ml.example')).toMatchObject({
      members: ['c@ml.example', 'd@ml.example'],
    });

    expect(await api.delete('/api/maillist/team@ml.example')).toEqual({ _success: true });
    expect(await api.get('/api/ml/team@ml.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
    expect(await subscriberRows('team@ml.example')).toEqual([]);
    await api.ok('POST', '/api/maillist/plain@ml.example');
    expect(await api.ok('GET', '/api/maillist/plain@ml.example')).toMatchObject({
      accesspolicy: 'public',
      members: [],
      active: 1,
    });
    await api.ok('DELETE', '/api/maillist/plain@ml.example');
  });

  test('subscriptions and memberships follow renames and deletions of the accounts behind them', async () => {
    await api.ok('POST', '/api/alias/crew@ml.example', { members: 'x@ml.example' });
    await api.ok('POST', '/api/ml/club@ml.example', { subscribers: 'crew@ml.example,y@ml.example' });
    await api.ok('PUT', '/api/ml/club@ml.example', { moderators: 'crew@ml.example' });
    await api.ok('POST', '/api/alias/fans@ml.example', { members: 'club@ml.example' });
    await api.ok('POST', '/api/alias/crew@ml.example/change_email/staff@ml.example');
    expect(await ml('club@ml.example')).toMatchObject({
      moderators: ['staff@ml.example'],
      subscribers: [{ mail: 'staff@ml.example' }, { mail: 'y@ml.example' }],
    });
    await api.ok('DELETE', '/api/alias/staff@ml.example');
    expect(await ml('club@ml.example')).toMatchObject({ moderators: [], subscribers: [{ mail: 'y@ml.example' }] });

    // Deleting the list removes its subscribers and removes it from aliases that list it.
    expect(await subscriberRows('club@ml.example')).toHaveLength(1);
    await api.ok('DELETE', '/api/ml/club@ml.example');
    expect(await subscriberRows('club@ml.example')).toEqual([]);
    expect(await api.ok('GET', '/api/alias/fans@ml.example')).toMatchObject({ members: [] });
    await api.ok('DELETE', '/api/alias/fans@ml.example');

    // No key ties subscribers to iRedMail's maillists (migration 009): a list deleted in SQL, as
    // iRedMail's tools do, leaves its rows, and a new list of that address does not inherit them.
    await api.ok('POST', '/api/ml/club@ml.example', { subscribers: 'z@ml.example' });
    await server.db.query(sql`DELETE FROM maillists WHERE address = 'club@ml.example'`);
    await server.db.query(sql`DELETE FROM forwardings WHERE address = 'club@ml.example'`);
    await api.ok('POST', '/api/ml/club@ml.example');
    expect(await subscriberRows('club@ml.example')).toEqual([]);
    await api.ok('DELETE', '/api/ml/club@ml.example');

    // Deleting the domain removes its lists and their subscribers.
    await api.ok('POST', '/api/domain/gone.example');
    await api.ok('POST', '/api/ml/l@gone.example', { subscribers: 's@ml.example' });
    await api.ok('DELETE', '/api/domain/gone.example');
    expect(await subscriberRows('l@gone.example')).toEqual([]);
  });

  test('a normal admin works only inside managed domains', async () => {
    expect(await normal.post('/api/ml/mine@ml.example', { subscribers: 'x@other.example' })).toEqual({
      _success: true,
    });
    await normal.ok('PUT', '/api/ml/mine@ml.example', { name: 'Mine' });
    expect(await normal.ok('GET', '/api/ml/mine@ml.example')).toMatchObject({ name: 'Mine' });
    expect(await normal.post('/api/maillist/mine2@ml.example')).toEqual({ _success: true });
    await api.ok('POST', '/api/ml/theirs@other.example');
    for (const path of ['/api/ml/theirs@other.example', '/api/maillist/theirs@other.example']) {
      expect(await normal.get(path)).toEqual(fail('PERMISSION_DENIED'));
      expect(await normal.put(path, { name: 'x' })).toEqual(fail('PERMISSION_DENIED'));
      expect(await normal.delete(path)).toEqual(fail('PERMISSION_DENIED'));
    }
    expect(await normal.post('/api/ml/new@other.example')).toEqual(fail('PERMISSION_DENIED'));
    expect(await normal.post('/api/maillist/new@other.example')).toEqual(fail('PERMISSION_DENIED'));
    expect(await normal.get('/api/mls/other.example')).toEqual(fail('PERMISSION_DENIED'));
    expect(await new ApiSession(server.url).get('/api/ml/mine@ml.example')).toEqual(fail('LOGIN_REQUIRED'));
    await normal.ok('DELETE', '/api/ml/mine@ml.example');
    await normal.ok('DELETE', '/api/maillist/mine2@ml.example');
    await api.ok('DELETE', '/api/ml/theirs@other.example');
  });

  test('domain and admin limits', async () => {
    await api.ok('POST', '/api/domain/limit.example', { numberOfLists: 1 });
    await api.ok('POST', '/api/ml/one@limit.example');
    expect(await api.post('/api/ml/two@limit.example')).toEqual(fail('EXCEEDED_DOMAIN_ACCOUNT_LIMIT'));
    expect(await api.post('/api/maillist/two@limit.example')).toEqual(fail('EXCEEDED_DOMAIN_ACCOUNT_LIMIT'));
    // Lists and aliases are counted apart.
    await api.ok('POST', '/api/alias/alias@limit.example');

    await api.ok('POST', '/api/domain/capped.example');
    const capped = await normalAdminSession(
      server,
      'capped@capped.example',
      ['capped.example', 'limit.example'],
      'create_max_lists:2',
    );
    expect(await capped.post('/api/ml/a@capped.example')).toEqual({ _success: true });
    expect(await capped.post('/api/maillist/b@capped.example')).toEqual(fail('EXCEED_LIMIT_LISTS'));
    await api.ok('DELETE', '/api/domain/limit.example');
    await api.ok('DELETE', '/api/domain/capped.example');
  });

  test('concurrency: duplicate creates, the domain limit and parallel subscriber changes', async () => {
    const dup = await Promise.all([1, 2, 3].map(() => api.post('/api/ml/race@ml.example')));
    expect(dup.filter((r) => r._success)).toHaveLength(1);
    expect(dup.filter((r) => r._msg === 'ALREADY_EXISTS')).toHaveLength(2);
    const shapes = await Promise.all([
      api.post('/api/maillist/shape@ml.example'),
      api.post('/api/ml/shape@ml.example'),
    ]);
    expect(shapes.filter((r) => r._success)).toHaveLength(1);
    expect(shapes.filter((r) => r._msg === 'ALREADY_EXISTS')).toHaveLength(1);

    await api.ok('POST', '/api/domain/race-limit.example', { numberOfLists: 2 });
    const limited = await Promise.all([1, 2, 3, 4].map((i) => api.post(`/api/ml/r${i}@race-limit.example`)));
    expect(limited.filter((r) => r._success)).toHaveLength(2);
    expect(limited.filter((r) => r._msg === 'EXCEEDED_DOMAIN_ACCOUNT_LIMIT')).toHaveLength(2);

    await Promise.all(
      ['p', 'q', 'r', 's'].map((s) => api.ok('PUT', '/api/ml/race@ml.example', { add_subscribers: `${s}@ml.example` })),
    );
    await Promise.all(
      ['t', 'u'].map((s) => api.ok('PUT', '/api/maillist/race@ml.example', { addMember: `${s}@ml.example` })),
    );
    expect(await api.ok('GET', '/api/maillist/race@ml.example')).toMatchObject({
      members: ['p@ml.example', 'q@ml.example', 'r@ml.example', 's@ml.example', 't@ml.example', 'u@ml.example'],
    });
    await api.ok('DELETE', '/api/ml/race@ml.example');
    await api.ok('DELETE', '/api/ml/shape@ml.example');
    await api.ok('DELETE', '/api/domain/race-limit.example');
  });

  test('a statement failing mid-way rolls the whole write back', async () => {
    const undo = await failWritesWhen(server.db, 'iredadmin_api_maillist_subscribers', "NEW.subscriber LIKE 'boom%'");
    try {
      const created = await api.post('/api/ml/half@ml.example', {
        name: 'Half',
        moderators: 'm@ml.example',
        subscribers: 'a@ml.example,boom@ml.example',
      });
      expect(created._success).toBe(false);
      expect(await api.get('/api/ml/half@ml.example')).toEqual(fail('NO_SUCH_ACCOUNT'));
      expect(await server.db.query(sql`SELECT 1 FROM forwardings WHERE address = 'half@ml.example'`)).toEqual([]);
      expect(await server.db.query(sql`SELECT 1 FROM moderators WHERE address = 'half@ml.example'`)).toEqual([]);

      await api.ok('POST', '/api/maillist/whole@ml.example', { name: 'Whole', members: 'a@ml.example' });
      const changed = await api.put('/api/maillist/whole@ml.example', {
        name: 'Changed',
        accountStatus: 'disabled',
        members: 'b@ml.example,boom@ml.example',
      });
      expect(changed._success).toBe(false);
      expect(await api.ok('GET', '/api/maillist/whole@ml.example')).toMatchObject({
        name: 'Whole',
        active: 1,
        members: ['a@ml.example'],
      });
      expect(await server.db.query(sql`SELECT active FROM forwardings WHERE address = 'whole@ml.example'`)).toEqual([
        { active: 1 },
      ]);
    } finally {
      await undo();
    }
    await api.ok('DELETE', '/api/ml/whole@ml.example');
  });
});
