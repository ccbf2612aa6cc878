import { hashPassword, verifyPassword } from '../../src/server/auth/passwords';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { useTestServer } from '../support/use-test-server';
import { daysFromToday, type Sql, sql } from '../../src/server/db/sql';

const PW = 'Us3r!secret';
type View = Record<string, unknown>;

describe.each(SERVER_BACKENDS)('users on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let domainAdmin: ApiSession;

  const user = async (email: string) => (await api.ok('GET', `/api/user/${email}`)) as View;
  const row = async (statement: Sql) => (await server.db.query(statement))[0];

  useTestServer(backend, (started) => ({ server, api } = started), {
    domains: ['example.com', 'managed.example', 'other.example', 'second.example'],
  });
  beforeAll(async () => {
    domainAdmin = await normalAdminSession(server, 'boss@admins.example', ['managed.example', 'second.example']);
  });

  test('create writes iRedMail rows and GET reads them back without the hash', async () => {
    await api.ok('PUT', '/api/domain/example.com', { defaultQuota: 300, language: 'de' });
    expect(await api.post('/api/user/Alice@Example.com', { name: 'Alice', password: PW })).toEqual({ _success: true });
    const mailbox = await row(sql`SELECT * FROM mailbox WHERE username = ${'alice@example.com'}`);
    expect(mailbox).toMatchObject({
      domain: 'example.com',
      name: 'Alice',
      quota: 300,
      language: 'de',
      storagebasedirectory: '/var/vmail',
      storagenode: 'vmail1',
      active: 1,
    });
    expect(mailbox!.maildir).toMatch(/^example\.com\/a\/l\/i\/alice-\d{4}\.\d\d\.\d\d\.\d\d\.\d\d\.\d\d\/$/);
    expect(String(mailbox!.password)).toMatch(/^\{SSHA512\}/);
    expect(await verifyPassword(PW, String(mailbox!.password))).toBe(true);
    expect(
      await server.db.query(
        sql`SELECT address, forwarding, is_forwarding, domain, dest_domain FROM forwardings WHERE address = ${'alice@example.com'}`,
      ),
    ).toEqual([
      {
        address: 'alice@example.com',
        forwarding: 'alice@example.com',
        is_forwarding: 1,
        domain: 'example.com',
        dest_domain: 'example.com',
      },
    ]);

    const view = await user('alice@example.com');
    expect(view).not.toHaveProperty('password');
    expect(view).toMatchObject({
      username: 'alice@example.com',
      name: 'Alice',
      quota: 300,
      settings: {},
      aliases: [],
      mailing_aliases: [],
      mailing_lists: [],
      forwardings: [],
      stored_bytes: 0,
      stored_messages: 0,
      last_login: null,
      isadmin: 0,
    });
    expect(view).not.toHaveProperty('managed_domains');
    expect(view.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);

    expect(await api.post('/api/user/alice@example.com', { password: PW })).toEqual({
      _success: false,
      _msg: 'ALREADY_EXISTS',
    });
    expect(await api.get('/api/user/nobody@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
  });

  test('short local parts, password_hash, explicit language and quota', async () => {
    const hash = await hashPassword('Whatever1!', 'SSHA');
    await api.ok('POST', '/api/user/bo@example.com', { password_hash: hash, language: 'en_US', quota: 10 });
    const box = await row(
      sql`SELECT maildir, password, language, quota FROM mailbox WHERE username = ${'bo@example.com'}`,
    );
    expect(box).toMatchObject({ password: hash, language: 'en_US', quota: 10 });
    expect(box!.maildir).toMatch(/^example\.com\/b\/o\/o\/bo-/);
    await api.ok('POST', '/api/user/x@example.com', { password: PW });
    expect((await row(sql`SELECT maildir FROM mailbox WHERE username = ${'x@example.com'}`))!.maildir).toMatch(
      /^example\.com\/x\/x\/x\/x-/,
    );
  });

  const maildirOf = async (email: string) =>
    String((await row(sql`SELECT maildir FROM mailbox WHERE username = ${email}`))!.maildir);

  test('a / in the local part is no directory level: no user gets a maildir inside another one', async () => {
    await api.ok('POST', '/api/user/vic@example.com', { password: PW });
    const victim = await maildirOf('vic@example.com');
    // The victim's folder name (`vic-<timestamp>`) followed by `/…`: before, this landed inside it.
    const intruder = `${victim.split('/').at(-2)}/inbox@example.com`;
    await api.ok('POST', `/api/user/${encodeURIComponent(intruder)}`, { password: PW });
    const placed = await maildirOf(intruder);
    expect(placed.startsWith(victim)).toBe(false);
    expect(placed).toMatch(/^example\.com\/v\/i\/c\/vic-[\d.]+~inbox-\d{4}(\.\d\d){5}\/$/);

    await api.ok('POST', '/api/user/a@example.com', { password: PW });
    await api.ok('POST', `/api/user/${encodeURIComponent('a/b@example.com')}`, { password: PW });
    expect(await maildirOf('a/b@example.com')).toMatch(/^example\.com\/a\/_\/b\/a~b-[\d.]+\/$/);
    // As iRedMail's own tools: a `.` is no hash level either.
    await api.ok('POST', '/api/user/a.b@example.com', { password: PW });
    expect(await maildirOf('a.b@example.com')).toMatch(/^example\.com\/a\/_\/b\/a\.b-[\d.]+\/$/);
  });

  test('local parts iRedAdmin-Pro accepts are created and read back', async () => {
    const email = '#ops_1&2=3+EU/West.x@example.com';
    await api.ok('POST', `/api/user/${encodeURIComponent(email)}`, { password: PW });
    expect((await user(encodeURIComponent(email))).username).toBe(email);
  });

  test.each([..."!$%'*?^`{|}~"])(
    'an address whose local part holds %j is refused on create (iRedAdmin-Pro has no route for it)',
    async (char) => {
      const email = `in${char}valid@example.com`;
      expect(await api.post(`/api/user/${encodeURIComponent(email)}`, { password: PW })).toEqual({
        _success: false,
        _msg: 'INVALID_MAIL',
      });
      expect(await row(sql`SELECT username FROM mailbox WHERE username = ${email}`)).toBeUndefined();
    },
  );

  test.each([
    [{}, 'PW_EMPTY'],
    [{ password: '' }, 'PW_EMPTY'],
    [{ password: 'short1A!' + '', quota: 'many' }, 'INVALID_QUOTA_SIZE'],
    [{ password: 'alllowercase1!' }, 'PW_NO_UPPERCASE'],
    [{ password: 'Sh0rt!' }, 'PW_SHORTER_THAN_MIN_LENGTH'],
    [{ password_hash: 'plain-text' }, 'INVALID_PASSWORD_HASH'],
    [{ password: PW, password_hash: '{SSHA}abcd' }, 'CONFLICT_PASSWORD_AND_PASSWORD_HASH'],
    [{ password: PW, language: 'english' }, 'INVALID_LANGUAGE'],
  ])('POST %p fails with %s and creates nothing', async (params, code) => {
    expect(await api.post('/api/user/bad@example.com', params)).toEqual({ _success: false, _msg: code });
    expect(await server.db.query(sql`SELECT 1 FROM mailbox WHERE username = 'bad@example.com'`)).toEqual([]);
  });

  test('creation needs a valid address, an existing domain and a free address', async () => {
    expect(await api.post('/api/user/not-an-email', { password: PW })).toEqual({
      _success: false,
      _msg: 'INVALID_MAIL',
    });
    expect(await api.post('/api/user/u@missing.example', { password: PW })).toEqual({
      _success: false,
      _msg: 'INVALID_DOMAIN',
    });
    await server.db.query(sql`INSERT INTO alias (address, domain) VALUES ('team@example.com', 'example.com')`);
    expect(await api.post('/api/user/team@example.com', { password: PW })).toEqual({
      _success: false,
      _msg: 'ALREADY_EXISTS',
    });
    expect(await api.post('/api/user/postmaster@test.example', { password: PW })).toEqual({
      _success: false,
      _msg: 'INVALID_DOMAIN',
    });
    // Generic clients send every parameter, empty when unset.
    await api.ok('POST', '/api/user/empty@example.com', {
      password: PW,
      name: '',
      language: '',
      quota: '',
      password_hash: '',
    });
  });

  test('domain limits: account count; a quota above the per-user maximum or the domain quota left is clamped', async () => {
    await api.ok('POST', '/api/domain/limits.example', { numberOfUsers: 3, maxUserQuota: 100, quota: 150 });
    const quota = async (email: string) => (await user(email)).quota;
    // Above the per-user maximum (0 = unlimited is above it too): stored as the maximum, as the real product does.
    await api.ok('POST', '/api/user/one@limits.example', { password: PW, quota: 101 });
    expect(await quota('one@limits.example')).toBe(100);
    // Above what is left of the domain quota: stored as what is left.
    await api.ok('POST', '/api/user/two@limits.example', { password: PW, quota: 0 });
    expect(await quota('two@limits.example')).toBe(50);
    // Nothing left at all: refused (0 would mean unlimited).
    expect(await api.post('/api/user/three@limits.example', { password: PW, quota: 1 })).toEqual({
      _success: false,
      _msg: 'EXCEEDED_DOMAIN_QUOTA_SIZE',
    });
    expect(await api.get('/api/user/three@limits.example')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    // Updates are clamped the same way, not counting the user's own current quota.
    await api.ok('PUT', '/api/user/two@limits.example', { quota: 51 });
    expect(await quota('two@limits.example')).toBe(50);
    await api.ok('PUT', '/api/user/one@limits.example', { quota: 120 });
    expect(await quota('one@limits.example')).toBe(100);
    await api.ok('PUT', '/api/user/one@limits.example', { quota: 90 });
    await api.ok('PUT', '/api/user/two@limits.example', { quota: 60 });
    expect([await quota('one@limits.example'), await quota('two@limits.example')]).toEqual([90, 60]);
    await api.ok('PUT', '/api/domain/limits.example', { quota: 1000 });
    await api.ok('POST', '/api/user/three@limits.example', { password: PW, quota: 1 });
    expect(await api.post('/api/user/four@limits.example', { password: PW, quota: 1 })).toEqual({
      _success: false,
      _msg: 'EXCEEDED_DOMAIN_ACCOUNT_LIMIT',
    });
  });

  test('16 concurrent creates of one user: exactly one succeeds, and it is written once', async () => {
    const email = 'race@example.com';
    const results = await Promise.all(
      Array.from({ length: 16 }, () => api.post(`/api/user/${email}`, { password: PW })),
    );
    expect(results.filter((r) => r._success)).toHaveLength(1);
    expect(results.filter((r) => r._msg === 'ALREADY_EXISTS')).toHaveLength(15);
    expect(await row(sql`SELECT count(*) AS n FROM mailbox WHERE username = ${email}`)).toEqual({ n: 1 });
    expect(
      await row(sql`SELECT count(*) AS n FROM forwardings WHERE address = ${email} AND forwarding = ${email}`),
    ).toEqual({ n: 1 });
  });

  test('concurrent creates never exceed the domain account limit', async () => {
    await api.ok('POST', '/api/domain/crowd.example', { numberOfUsers: 2 });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => api.post(`/api/user/u${i}@crowd.example`, { password: PW })),
    );
    expect(results.filter((r) => r._success)).toHaveLength(2);
    expect(results.filter((r) => r._msg === 'EXCEEDED_DOMAIN_ACCOUNT_LIMIT')).toHaveLength(3);
  });

  test('PUT updates the profile, services and storage columns', async () => {
    await api.ok('POST', '/api/user/carol@example.com', { password: PW });
    await api.ok('PUT', '/api/user/carol@example.com', {
      name: 'Carol',
      quota: 2048,
      accountStatus: 'disabled',
      language: 'fr_FR',
      employeeid: 'E-7',
      transport: 'relay:[10.0.0.1]',
      mailboxFormat: 'mdbox',
      mailboxFolder: 'Mail',
      maildir: '/var/vmail/vmail1/example.com/c/a/r/carol/',
      services: 'imap,smtp',
      givenName: 'ignored LDAP name',
    });
    const view = await user('carol@example.com');
    expect(view).toMatchObject({
      name: 'Carol',
      quota: 2048,
      active: 0,
      language: 'fr_FR',
      employeeid: 'E-7',
      transport: 'relay:[10.0.0.1]',
      mailboxformat: 'mdbox',
      mailboxfolder: 'Mail',
      maildir: 'example.com/c/a/r/carol/',
      enableimap: 1,
      enablesmtp: 1,
      enablepop3: 0,
      enabledeliver: 0,
      enablesogo: 0,
    });
    await api.ok('PUT', '/api/user/carol@example.com', {
      addService: 'pop3,deliver',
      removeService: 'imap',
      accountStatus: 'active',
    });
    expect(await user('carol@example.com')).toMatchObject({
      enableimap: 0,
      enablesmtp: 1,
      enablepop3: 1,
      enabledeliver: 1,
      active: 1,
    });

    const before = await row(sql`SELECT password FROM mailbox WHERE username = ${'carol@example.com'}`);
    await api.ok('PUT', '/api/user/carol@example.com', { password: 'N3w!password' });
    const after = await row(sql`SELECT password FROM mailbox WHERE username = ${'carol@example.com'}`);
    expect(after!.password).not.toEqual(before!.password);
    expect(await verifyPassword('N3w!password', String(after!.password))).toBe(true);
    const hash = await hashPassword('Other1!pw', 'BCRYPT');
    await api.ok('PUT', '/api/user/carol@example.com', { password_hash: hash });
    expect(await row(sql`SELECT password FROM mailbox WHERE username = ${'carol@example.com'}`)).toEqual({
      password: hash,
    });
  });

  test.each([
    [{ quota: '-5' }, 'INVALID_QUOTA_SIZE'],
    [{ accountStatus: 'frozen' }, 'INVALID_ACCOUNT_STATUS'],
    [{ services: 'imap,teleport' }, 'INVALID_SERVICE'],
    [{ addService: 'warp' }, 'INVALID_SERVICE'],
    [{ services: 'imap', addService: 'pop3' }, 'CONFLICT_SERVICES_AND_ADD_SERVICE'],
    [{ services: 'imap', removeService: 'pop3' }, 'CONFLICT_SERVICES_AND_REMOVE_SERVICE'],
    [{ forwarding: 'a@b.example', addForwarding: 'c@d.example' }, 'CONFLICT_FORWARDING_AND_ADD_FORWARDING'],
    [{ forwarding: 'a@b.example', removeForwarding: 'c@d.example' }, 'CONFLICT_FORWARDING_AND_REMOVE_FORWARDING'],
    [{ aliases: 'a@example.com', addAlias: 'b@example.com' }, 'CONFLICT_ALIASES_AND_ADD_ALIAS'],
    [{ aliases: '', removeAlias: 'b@example.com' }, 'CONFLICT_ALIASES_AND_REMOVE_ALIAS'],
    [{ forwarding: 'not mail' }, 'INVALID_FORWARDING_ADDRESS'],
    [{ addAlias: 'x@@example.com' }, 'INVALID_ALIAS_ADDRESS'],
    [{ senderBcc: 'nope' }, 'INVALID_SENDER_BCC'],
    [{ recipientBcc: 'nope' }, 'INVALID_RECIPIENT_BCC'],
    [{ mailboxFormat: 'mbox' }, 'INVALID_MAILBOX_FORMAT'],
    [{ mailboxFolder: '../x' }, 'INVALID_MAILBOX_FOLDER'],
    [{ maildir: '/etc/passwd' }, 'INVALID_MAILDIR'],
    [{ maildir: 'a/../../etc/' }, 'INVALID_MAILDIR'],
    [{ isGlobalAdmin: 'maybe' }, 'INVALID_IS_GLOBAL_ADMIN'],
    [{ password: 'weak' }, 'PW_SHORTER_THAN_MIN_LENGTH,PW_NO_UPPERCASE,PW_NO_DIGIT_NUMBER,PW_NO_SPECIAL_CHAR'],
    [{ addAlias: 'x@nowhere.example' }, 'ALIAS_DOMAIN_NOT_MANAGED'],
  ])('PUT %p fails with %s and changes nothing', async (params, code) => {
    await api.post('/api/user/dave@example.com', { password: PW, name: 'Dave' });
    expect(await api.put('/api/user/dave@example.com', { name: 'Changed', ...params })).toEqual({
      _success: false,
      _msg: code,
    });
    expect(await user('dave@example.com')).toMatchObject({ name: 'Dave' });
  });

  test('PUT on a missing user', async () => {
    expect(await api.put('/api/user/ghost@example.com', { name: 'x' })).toEqual({
      _success: false,
      _msg: 'NO_SUCH_ACCOUNT',
    });
    expect(await api.put('/api/user/ghost@missing.example', { name: 'x' })).toEqual({
      _success: false,
      _msg: 'NO_SUCH_ACCOUNT',
    });
  });

  test('forwardings: replace, add, remove, keeping a copy', async () => {
    await api.ok('POST', '/api/user/fwd@example.com', { password: PW });
    await api.ok('PUT', '/api/user/fwd@example.com', { forwarding: 'a@far.example,FWD@example.com' });
    expect((await user('fwd@example.com')).forwardings).toEqual(['a@far.example', 'fwd@example.com']);
    await api.ok('PUT', '/api/user/fwd@example.com', {
      removeForwarding: 'fwd@example.com',
      addForwarding: 'b@far.example',
    });
    expect((await user('fwd@example.com')).forwardings).toEqual(['a@far.example', 'b@far.example']);
    expect(
      await server.db.query(
        sql`SELECT 1 FROM forwardings WHERE address = 'fwd@example.com' AND forwarding = 'fwd@example.com'`,
      ),
    ).toEqual([]);
    await api.ok('PUT', '/api/user/fwd@example.com', { removeForwarding: 'a@far.example,b@far.example' });
    // No forwarding left: mail goes into the mailbox again (the self row is back).
    expect((await user('fwd@example.com')).forwardings).toEqual([]);
    expect(await server.db.query(sql`SELECT is_forwarding FROM forwardings WHERE address = 'fwd@example.com'`)).toEqual(
      [{ is_forwarding: 1 }],
    );
    await api.ok('PUT', '/api/user/fwd@example.com', { addForwarding: 'c@far.example', forwarding: '' });
    expect((await user('fwd@example.com')).forwardings).toEqual(['c@far.example']);
    expect(await row(sql`SELECT dest_domain FROM forwardings WHERE address = 'fwd@example.com'`)).toEqual({
      dest_domain: 'far.example',
    });
  });

  test('per-user alias addresses: replace, add, remove, and taken addresses are skipped', async () => {
    await api.ok('POST', '/api/user/ali@example.com', { password: PW });
    await api.ok('POST', '/api/user/taken@example.com', { password: PW });
    await api.ok('PUT', '/api/user/ali@example.com', {
      aliases: 'a1@example.com,a2@other.example,taken@example.com,team@example.com',
    });
    expect((await user('ali@example.com')).aliases).toEqual(['a1@example.com', 'a2@other.example']);
    expect(
      await row(sql`SELECT is_alias, domain, dest_domain FROM forwardings WHERE address = 'a2@other.example'`),
    ).toEqual({
      is_alias: 1,
      domain: 'other.example',
      dest_domain: 'example.com',
    });
    await api.ok('PUT', '/api/user/ali@example.com', { addAlias: 'a3@example.com', removeAlias: 'a1@example.com' });
    expect((await user('ali@example.com')).aliases).toEqual(['a2@other.example', 'a3@example.com']);
    // Another user cannot take an alias address that exists.
    await api.ok('PUT', '/api/user/taken@example.com', { addAlias: 'a3@example.com' });
    expect((await user('taken@example.com')).aliases).toEqual([]);
    expect(await api.post('/api/user/a3@example.com', { password: PW })).toEqual({
      _success: false,
      _msg: 'ALREADY_EXISTS',
    });
    // The documented "empty removes all".
    await api.ok('PUT', '/api/user/ali@example.com', { aliases: '' });
    expect((await user('ali@example.com')).aliases).toEqual([]);
  });

  test('bcc, memberships and usage show in GET', async () => {
    await api.ok('POST', '/api/user/bcc@example.com', { password: PW });
    await api.ok('PUT', '/api/user/bcc@example.com', {
      senderBcc: 'out@archive.example',
      recipientBcc: 'in@archive.example',
    });
    expect(await user('bcc@example.com')).toMatchObject({
      sender_bcc_address: 'out@archive.example',
      recipient_bcc_address: 'in@archive.example',
    });
    await api.ok('PUT', '/api/user/bcc@example.com', { senderBcc: '' });
    expect(await user('bcc@example.com')).toMatchObject({
      sender_bcc_address: null,
      recipient_bcc_address: 'in@archive.example',
    });

    await server.db.query(sql`INSERT INTO alias (address, domain) VALUES ('staff@example.com', 'example.com')`);
    await server.db.query(sql`INSERT INTO maillists (address, domain) VALUES ('news@example.com', 'example.com')`);
    for (const list of ['staff@example.com', 'news@example.com']) {
      await server.db.query(
        sql`INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_list) VALUES (${list}, 'bcc@example.com', 'example.com', 'example.com', 1)`,
      );
    }
    await server.db.query(
      sql`INSERT INTO used_quota (username, bytes, messages, domain) VALUES ('bcc@example.com', 12345, 6, 'example.com')`,
    );
    // Dovecot's last_login row (epoch seconds per protocol): the latest is the user's last login.
    await server.db.query(
      sql`INSERT INTO last_login (username, domain, imap, pop3) VALUES ('bcc@example.com', 'example.com', 1714979289, 1714900000)`,
    );
    expect(await user('bcc@example.com')).toMatchObject({
      mailing_aliases: ['staff@example.com'],
      mailing_lists: ['news@example.com'],
      stored_bytes: 12345,
      stored_messages: 6,
      last_login: '2024-05-06T07:08:09',
    });
  });

  test('isGlobalAdmin makes a mail user a global admin and back', async () => {
    await api.ok('POST', '/api/user/chief@example.com', { password: PW });
    await api.ok('PUT', '/api/user/chief@example.com', { isGlobalAdmin: 'yes' });
    expect(await user('chief@example.com')).toMatchObject({ isadmin: 1, isglobaladmin: 1, managed_domains: ['ALL'] });
    const chief = new ApiSession(server.url);
    expect(await chief.login('chief@example.com', PW)).toEqual({ _success: true });
    expect(await chief.ok('GET', '/api/user/alice@example.com')).toMatchObject({ username: 'alice@example.com' });
    await api.ok('PUT', '/api/user/chief@example.com', { isGlobalAdmin: 'no' });
    expect(await user('chief@example.com')).toMatchObject({ isadmin: 0, isglobaladmin: 0 });
    expect(await chief.get('/api/user/alice@example.com')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test('delete records the mailbox and removes every trace', async () => {
    await api.ok('POST', '/api/user/gone@example.com', { password: PW });
    await api.ok('PUT', '/api/user/gone@example.com', {
      aliases: 'gone-alias@example.com',
      forwarding: 'x@far.example',
      senderBcc: 'b@far.example',
    });
    await server.db.query(
      sql`INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_list) VALUES ('staff@example.com', 'gone@example.com', 'example.com', 'example.com', 1)`,
    );
    await api.ok('POST', '/api/user/kept@example.com', { password: PW });

    expect(await api.delete('/api/user/gone@example.com')).toEqual({ _success: true });
    expect(await api.delete('/api/user/kept@example.com/keep_mailbox_days/30')).toEqual({ _success: true });
    expect(await api.get('/api/user/gone@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    expect(
      await server.db.query(
        sql`SELECT 1 FROM forwardings WHERE address IN ('gone@example.com', 'gone-alias@example.com') OR forwarding = 'gone@example.com'`,
      ),
    ).toEqual([]);
    expect(await server.db.query(sql`SELECT 1 FROM sender_bcc_user WHERE username = 'gone@example.com'`)).toEqual([]);

    const deleted = await server.db.query<{
      username: string;
      delete_date: string | null;
      maildir: string;
      admin: string;
      keep: number | null;
    }>(sql`SELECT username, delete_date, maildir, admin, CASE WHEN delete_date = ${daysFromToday(30)} THEN 30 END AS keep FROM deleted_mailboxes
        WHERE username IN ('gone@example.com', 'kept@example.com') ORDER BY username`);
    expect(deleted).toHaveLength(2);
    expect(deleted[0]).toMatchObject({ username: 'gone@example.com', delete_date: null, admin: server.admin.email });
    expect(deleted[0]!.maildir).toMatch(/^\/var\/vmail\/vmail1\/example\.com\/g\/o\/n\/gone-/);
    expect(deleted[1]).toMatchObject({ username: 'kept@example.com', keep: 30 });

    // Deleting what does not exist succeeds, as in iRedAdmin-Pro.
    expect(await api.delete('/api/user/gone@example.com')).toEqual({ _success: true });
    expect(await api.delete('/api/user/x@example.com/keep_mailbox_days/soon')).toEqual({
      _success: false,
      _msg: 'INVALID_KEEP_MAILBOX_DAYS',
    });
  });

  test('change_email moves every row naming the user', async () => {
    await api.ok('POST', '/api/user/old@example.com', { password: PW, quota: 5 });
    await api.ok('PUT', '/api/user/old@example.com', {
      aliases: 'old-alias@example.com',
      forwarding: 'old@example.com,out@far.example',
      senderBcc: 's@far.example',
      recipientBcc: 'r@far.example',
    });
    await api.ok('POST', '/api/user/friend@example.com', { password: PW });
    await api.ok('PUT', '/api/user/friend@example.com', { forwarding: 'old@example.com' });
    const q = (sql: string) => server.db.query(sql);
    await q(
      "INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_list) VALUES ('staff@example.com', 'old@example.com', 'example.com', 'example.com', 1)",
    );
    await q(
      "INSERT INTO moderators (address, moderator, domain, dest_domain) VALUES ('staff@example.com', 'old@example.com', 'example.com', 'example.com')",
    );
    await q("INSERT INTO domain_admins (username, domain) VALUES ('old@example.com', 'example.com')");
    await q("UPDATE mailbox SET isadmin = 1 WHERE username = 'old@example.com'");
    await q("INSERT INTO sender_relayhost (account, relayhost) VALUES ('old@example.com', 'smtp:[10.1.1.1]')");
    await q("INSERT INTO throttle (account, kind, priority, period) VALUES ('old@example.com', 'outbound', 100, 60)");
    await q("INSERT INTO policy (policy_name) VALUES ('old@example.com')");
    await q(
      "INSERT INTO users (priority, email, policy_id) VALUES (10, 'old@example.com', (SELECT id FROM policy WHERE policy_name = 'old@example.com'))",
    );
    await q(
      "INSERT INTO used_quota (username, bytes, messages, domain) VALUES ('old@example.com', 99, 1, 'example.com')",
    );
    const maildir = (await row(sql`SELECT maildir FROM mailbox WHERE username = 'old@example.com'`))!.maildir;

    expect(await api.post('/api/user/old@example.com/change_email/New@Example.com')).toEqual({ _success: true });
    expect(await api.get('/api/user/old@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    expect(await user('new@example.com')).toMatchObject({
      username: 'new@example.com',
      domain: 'example.com',
      maildir,
      aliases: ['old-alias@example.com'],
      forwardings: ['new@example.com', 'out@far.example'],
      mailing_aliases: ['staff@example.com'],
      sender_bcc_address: 's@far.example',
      recipient_bcc_address: 'r@far.example',
      stored_bytes: 99,
      managed_domains: ['example.com'],
      isadmin: 1,
    });
    expect((await user('friend@example.com')).forwardings).toEqual(['new@example.com']);
    expect(
      await q("SELECT 1 FROM forwardings WHERE address = 'old@example.com' OR forwarding = 'old@example.com'"),
    ).toEqual([]);
    expect(
      await q(
        "SELECT domain, dest_domain FROM forwardings WHERE address = 'new@example.com' AND forwarding = 'new@example.com'",
      ),
    ).toEqual([{ domain: 'example.com', dest_domain: 'example.com' }]);
    expect(await q("SELECT moderator, dest_domain FROM moderators WHERE address = 'staff@example.com'")).toEqual([
      { moderator: 'new@example.com', dest_domain: 'example.com' },
    ]);
    expect(await q("SELECT account FROM sender_relayhost WHERE relayhost = 'smtp:[10.1.1.1]'")).toEqual([
      { account: 'new@example.com' },
    ]);
    expect(await q('SELECT account FROM throttle WHERE period = 60')).toEqual([{ account: 'new@example.com' }]);
    expect(
      await q(
        "SELECT 1 FROM users u JOIN policy p ON p.id = u.policy_id WHERE u.email = 'new@example.com' AND p.policy_name = 'new@example.com'",
      ),
    ).toHaveLength(1);
    expect(await q("SELECT domain FROM used_quota WHERE username = 'new@example.com'")).toEqual([
      { domain: 'example.com' },
    ]);
  });

  test('change_email errors', async () => {
    await api.ok('POST', '/api/user/stay@example.com', { password: PW });
    await api.ok('POST', '/api/user/there@example.com', { password: PW });
    const move = (from: string, to: string) => api.post(`/api/user/${from}/change_email/${to}`);
    expect(await move('bad', 'x@example.com')).toEqual({ _success: false, _msg: 'INVALID_OLD_EMAIL' });
    expect(await move('stay@example.com', 'bad')).toEqual({ _success: false, _msg: 'INVALID_NEW_EMAIL' });
    expect(await move('nobody@example.com', 'x@example.com')).toEqual({ _success: false, _msg: 'OLD_EMAIL_NOT_EXIST' });
    expect(await move('stay@example.com', 'there@example.com')).toEqual({
      _success: false,
      _msg: 'NEW_EMAIL_ALREADY_EXISTS',
    });
    expect(await move('stay@example.com', 'staff@example.com')).toEqual({
      _success: false,
      _msg: 'NEW_EMAIL_ALREADY_EXISTS',
    });
    expect(await move('stay@example.com', 'stay@example.com')).toEqual({
      _success: false,
      _msg: 'NEW_EMAIL_ALREADY_EXISTS',
    });
    // Only within the user's domain, as in the real product.
    expect(await move('stay@example.com', 'x@missing.example')).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });
    expect(await move('stay@example.com', 'stay@other.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await user('stay@example.com')).toMatchObject({ username: 'stay@example.com' });
    // Within one domain.
    await api.ok('POST', '/api/user/stay@example.com/change_email/stayed@example.com');
    expect(await user('stayed@example.com')).toMatchObject({ domain: 'example.com' });
  });

  test('list and bulk update of a domain', async () => {
    await api.ok('POST', '/api/domain/bulk.example');
    await api.ok('POST', '/api/user/b1@bulk.example', { password: PW });
    await api.ok('POST', '/api/user/b2@bulk.example', { password: PW });
    expect(await api.ok('GET', '/api/users/bulk.example', { email_only: 'yes' })).toEqual([
      'b1@bulk.example',
      'b2@bulk.example',
    ]);
    const rows = (await api.ok('GET', '/api/users/bulk.example')) as View[];
    expect(rows.map((r) => r.username)).toEqual(['b1@bulk.example', 'b2@bulk.example']);
    for (const r of rows) expect(r).not.toHaveProperty('password');

    await api.ok('PUT', '/api/user/b2@bulk.example', { accountStatus: 'disabled' });
    expect(await api.ok('GET', '/api/users/bulk.example', { email_only: 'yes', disabled_only: 'yes' })).toEqual([
      'b2@bulk.example',
    ]);

    await api.ok('PUT', '/api/users/bulk.example', {
      accountStatus: 'active',
      language: 'it_IT',
      transport: 'lmtp:unix:private/dovecot-lmtp',
      password: 'Bulk!pass1',
    });
    for (const r of (await api.ok('GET', '/api/users/bulk.example')) as View[]) {
      expect(r).toMatchObject({ active: 1, language: 'it_IT', transport: 'lmtp:unix:private/dovecot-lmtp' });
    }
    const hashes = await server.db.query<{ password: string }>(
      sql`SELECT password FROM mailbox WHERE domain = 'bulk.example'`,
    );
    for (const h of hashes) expect(await verifyPassword('Bulk!pass1', h.password)).toBe(true);

    await api.ok('PUT', '/api/users/bulk.example/password', { password: 'Other!pass2', language: 'xx' });
    for (const h of await server.db.query<{ password: string; language: string }>(
      sql`SELECT password, language FROM mailbox WHERE domain = 'bulk.example'`,
    )) {
      expect(await verifyPassword('Other!pass2', h.password)).toBe(true);
      expect(h.language).toBe('it_IT');
    }
    expect(await api.put('/api/users/bulk.example/password', {})).toEqual({ _success: false, _msg: 'NO_PASSWORD' });
    expect(await api.put('/api/users/bulk.example', { password: 'weak' })).toEqual({
      _success: false,
      _msg: 'PW_SHORTER_THAN_MIN_LENGTH,PW_NO_UPPERCASE,PW_NO_DIGIT_NUMBER,PW_NO_SPECIAL_CHAR',
    });
    expect(await api.put('/api/users/bulk.example', { accountStatus: 'gone' })).toEqual({
      _success: false,
      _msg: 'INVALID_ACCOUNT_STATUS',
    });
    expect(await api.get('/api/users/missing.example')).toEqual({ _success: false, _msg: 'NO_SUCH_DOMAIN' });
    expect(await api.put('/api/users/missing.example', { language: 'de' })).toEqual({
      _success: false,
      _msg: 'NO_SUCH_DOMAIN',
    });
    expect(await api.get('/api/users/not_a_domain')).toEqual({ _success: false, _msg: 'INVALID_DOMAIN_NAME' });
  });

  test('a normal domain admin manages users only in its own domains', async () => {
    await api.ok('POST', '/api/user/outsider@other.example', { password: PW });
    expect(await domainAdmin.post('/api/user/new@managed.example', { password: PW })).toEqual({ _success: true });
    expect(await domainAdmin.ok('GET', '/api/user/new@managed.example')).toMatchObject({
      username: 'new@managed.example',
    });
    await domainAdmin.ok('PUT', '/api/user/new@managed.example', { name: 'Mine', aliases: 'n2@second.example' });
    expect(await domainAdmin.post('/api/user/new@other.example', { password: PW })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await domainAdmin.get('/api/user/outsider@other.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await domainAdmin.put('/api/user/outsider@other.example', { name: 'x' })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await domainAdmin.delete('/api/user/outsider@other.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await domainAdmin.get('/api/users/other.example')).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });
    expect(await domainAdmin.put('/api/users/other.example', { language: 'de' })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await domainAdmin.put('/api/user/new@managed.example', { addAlias: 'n3@other.example' })).toEqual({
      _success: false,
      _msg: 'ALIAS_DOMAIN_NOT_MANAGED',
    });
    expect(await domainAdmin.put('/api/user/new@managed.example', { isGlobalAdmin: 'yes' })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await domainAdmin.post('/api/user/new@managed.example/change_email/new@other.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await domainAdmin.post('/api/user/outsider@other.example/change_email/o@managed.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await domainAdmin.post('/api/user/new@managed.example/change_email/moved@second.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    await domainAdmin.ok('POST', '/api/user/new@managed.example/change_email/moved@managed.example');
    expect(await domainAdmin.ok('GET', '/api/users/managed.example', { email_only: 'yes' })).toContain(
      'moved@managed.example',
    );
    await domainAdmin.ok('DELETE', '/api/user/moved@managed.example');
  });

  test("a normal admin cannot touch a global admin's mailbox", async () => {
    await api.ok('POST', '/api/user/root@managed.example', { password: PW, name: 'Root' });
    await api.ok('PUT', '/api/user/root@managed.example', { isGlobalAdmin: 'yes' });
    await api.ok('POST', '/api/user/plain@managed.example', { password: PW });
    expect(await domainAdmin.ok('GET', '/api/user/root@managed.example')).toMatchObject({ isglobaladmin: 1 });
    expect(await domainAdmin.put('/api/user/root@managed.example', { password: 'Takeover!1' })).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED_UPDATE_GLOBAL_ADMIN_PROFILE',
    });
    expect(await domainAdmin.delete('/api/user/root@managed.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await domainAdmin.post('/api/user/root@managed.example/change_email/r@managed.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    // A bulk change by a normal admin leaves the global admin's mailbox alone.
    await domainAdmin.ok('PUT', '/api/users/managed.example', { password: 'Bulk!pass1', name: 'x' });
    const root = await row(sql`SELECT password, name FROM mailbox WHERE username = 'root@managed.example'`);
    expect(await verifyPassword(PW, String(root!.password))).toBe(true);
    const plain = await row(sql`SELECT password FROM mailbox WHERE username = 'plain@managed.example'`);
    expect(await verifyPassword('Bulk!pass1', String(plain!.password))).toBe(true);
  });

  test("a normal admin's own limits: users and quota across its domains", async () => {
    await api.ok('POST', '/api/domain/lim-a.example');
    await api.ok('POST', '/api/domain/lim-b.example');
    const limited = await normalAdminSession(
      server,
      'limited@admins.example',
      ['lim-a.example', 'lim-b.example'],
      'create_max_users:2;create_max_quota:100',
    );
    expect(await limited.post('/api/user/u0@lim-a.example', { password: PW })).toEqual({
      _success: false,
      _msg: 'EXCEED_LIMIT_QUOTA',
    });
    await limited.ok('POST', '/api/user/u1@lim-a.example', { password: PW, quota: 60 });
    expect(await limited.post('/api/user/u2@lim-b.example', { password: PW, quota: 41 })).toEqual({
      _success: false,
      _msg: 'EXCEED_LIMIT_QUOTA',
    });
    await limited.ok('POST', '/api/user/u2@lim-b.example', { password: PW, quota: 40 });
    expect(await limited.post('/api/user/u3@lim-b.example', { password: PW, quota: 1 })).toEqual({
      _success: false,
      _msg: 'EXCEED_LIMIT_USERS',
    });
    expect(await limited.put('/api/user/u1@lim-a.example', { quota: 61 })).toEqual({
      _success: false,
      _msg: 'EXCEED_LIMIT_QUOTA',
    });
    await limited.ok('PUT', '/api/user/u1@lim-a.example', { quota: 50 });
    // A global admin is not bound by them.
    await api.ok('POST', '/api/user/u3@lim-b.example', { password: PW, quota: 500 });
  });

  test('a failing statement in the middle of a PUT leaves nothing half-written', async () => {
    await api.ok('POST', '/api/user/atomic@example.com', { password: PW, name: 'Before' });
    // Break the bcc table so the update fails after the mailbox row was already changed.
    await server.db.query(sql`ALTER TABLE recipient_bcc_user RENAME TO recipient_bcc_user_away`);
    try {
      const result = await api.put('/api/user/atomic@example.com', {
        name: 'After',
        forwarding: 'x@far.example',
        recipientBcc: 'r@far.example',
      });
      expect(result._success).toBe(false);
    } finally {
      await server.db.query(sql`ALTER TABLE recipient_bcc_user_away RENAME TO recipient_bcc_user`);
    }
    expect(await user('atomic@example.com')).toMatchObject({ name: 'Before', forwardings: [] });
  });

  test('login is required and unknown methods are refused', async () => {
    const anonymous = new ApiSession(server.url);
    expect(await anonymous.get('/api/user/alice@example.com')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
    expect(await anonymous.put('/api/users/example.com', { language: 'de' })).toEqual({
      _success: false,
      _msg: 'LOGIN_REQUIRED',
    });
    expect(await api.get('/api/user/alice@example.com/change_email/z@example.com')).toEqual({
      _success: false,
      _msg: 'INVALID_HTTP_METHOD',
    });
  });
});
