/**
 * Attacks of a normal admin on its own domain, where it is allowed in but must not gain more
 * (README, Security: "Wider admins", "Limits and locks", "Mail storage"):
 * - taking over an account with wider rights (resetting the password of a mail user who also
 *   administers another domain, or of a global admin, one by one or in bulk), then acting as it;
 * - lifting its own domain's limits and locks (every parameter a normal admin must not set);
 * - pointing a mailbox at another user's, another domain's or the whole storage's mail.
 */
import { BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { normalAdminSession, loggedIn } from '../support/normal-admin';
import { verifyPassword } from '../../src/server/auth/passwords';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

const PW = 'Wide!admin-pass1';
const NEW_PW = 'Pwned!by-normal2';
const denied = { _success: false, _msg: 'PERMISSION_DENIED' };

describe.each(BACKENDS)('a normal admin escalating on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let normal: ApiSession;
  const domainView = async (domain: string) => {
    const { modified: _modified, ...rest } = (await api.ok('GET', `/api/domain/${domain}`)) as Record<string, unknown>;
    return rest;
  };
  const passwordOf = async (email: string) =>
    (await server.db.query<{ password: string }>(sql`SELECT password FROM mailbox WHERE username = ${email}`))[0]
      ?.password;

  useTestServer(backend, (started) => ({ server, api } = started), { settings: { maxLoginFailures: 1000 } });
  beforeAll(async () => {
    for (const d of ['mine.example', 'theirs.example']) await api.ok('POST', `/api/domain/${d}`, { name: d });
    // wide@ administers its own domain and another; peer@ only its own; root@ is a global admin.
    for (const user of ['wide', 'peer', 'root', 'plain'])
      await api.ok('POST', `/api/user/${user}@mine.example`, { password: PW });
    await api.ok('POST', '/api/user/victim@theirs.example', { password: PW });
    await api.ok('PUT', '/api/domain/admins/mine.example', { addAdmin: 'wide@mine.example,peer@mine.example' });
    await api.ok('PUT', '/api/domain/admins/theirs.example', { addAdmin: 'wide@mine.example' });
    await api.ok('PUT', '/api/user/root@mine.example', { isGlobalAdmin: 'yes' });
    normal = await normalAdminSession(server, 'boss@admins.example', ['mine.example']);
  });

  describe('wider admins', () => {
    test('their passwords cannot be reset, one by one or in bulk, and they cannot be deleted or renamed', async () => {
      const before = { wide: await passwordOf('wide@mine.example'), root: await passwordOf('root@mine.example') };
      expect(await normal.put('/api/user/wide@mine.example', { password: NEW_PW })).toEqual(denied);
      expect(
        await normal.put('/api/user/wide@mine.example', {
          password_hash: '{PLAIN-MD5}0cc175b9c0f1b6a831c399e269772661',
        }),
      ).toEqual(denied);
      expect(await normal.put('/api/user/wide@mine.example', { forwarding: 'boss@admins.example' })).toEqual(denied);
      expect(await normal.put('/api/user/root@mine.example', { password: NEW_PW })).toEqual({
        _success: false,
        _msg: 'PERMISSION_DENIED_UPDATE_GLOBAL_ADMIN_PROFILE',
      });
      expect(await normal.delete('/api/user/wide@mine.example')).toEqual(denied);
      expect(await normal.delete('/api/user/wide@mine.example/keep_mailbox_days/0')).toEqual(denied);
      expect(await normal.post('/api/user/wide@mine.example/change_email/wide2@mine.example')).toEqual(denied);
      expect(await normal.put('/api/domain/admins/mine.example', { removeAdmin: 'wide@mine.example' })).toEqual(denied);
      // Bulk changes skip them; everyone within the actor's rights is changed.
      await normal.ok('PUT', '/api/users/mine.example/password', { password: NEW_PW });
      await normal.ok('PUT', '/api/users/mine.example', { password: NEW_PW, accountStatus: 'active' });
      expect({ wide: await passwordOf('wide@mine.example'), root: await passwordOf('root@mine.example') }).toEqual(
        before,
      );
      expect(await new ApiSession(server.url).login('wide@mine.example', NEW_PW)).toEqual({
        _success: false,
        _msg: 'INVALID_CREDENTIALS',
      });
      // The attacker's way in stays shut, so theirs.example is out of reach.
      const wide = await loggedIn(server, 'wide@mine.example', PW);
      expect((await wide.get('/api/user/victim@theirs.example'))._success).toBe(true);
      expect(await normal.get('/api/user/victim@theirs.example')).toEqual(denied);
    });

    test("accounts whose rights are within the actor's stay its to manage", async () => {
      await normal.ok('PUT', '/api/user/peer@mine.example', { password: NEW_PW });
      await normal.ok('PUT', '/api/user/plain@mine.example', { name: 'Plain' });
      expect(await new ApiSession(server.url).login('peer@mine.example', NEW_PW)).toEqual({ _success: true });
      // The bulk change of the test before reached plain@ (no admin rights at all).
      expect(await verifyPassword(NEW_PW, (await passwordOf('plain@mine.example'))!)).toBe(true);
    });
  });

  describe('limits and locks of its own domain', () => {
    beforeAll(async () => {
      await api.ok('PUT', '/api/domain/mine.example', {
        quota: 1000,
        numberOfUsers: 10,
        numberOfAliases: 10,
        numberOfLists: 10,
        maxUserQuota: 100,
        defaultQuota: 50,
        senderBcc: 'audit@theirs.example',
        recipientBcc: 'audit@theirs.example',
        outboundRelay: 'smtp:[192.0.2.1]:25',
        catchall: 'peer@mine.example',
        minPasswordLength: 12,
        maxPasswordLength: 40,
        services: 'mail',
        disableDomainProfile: 'catchall,backupmx',
        disableUserProfile: 'forwarding,relay,bcc,aliases',
        disableUserPreference: 'forwarding',
      });
    });

    test.each([
      ['quota', { quota: 0 }],
      ['numberOfUsers', { numberOfUsers: 0 }],
      ['numberOfAliases', { numberOfAliases: 0 }],
      ['numberOfLists', { numberOfLists: 0 }],
      ['maxUserQuota', { maxUserQuota: 0 }],
      ['defaultQuota', { defaultQuota: 999 }],
      ['senderBcc', { senderBcc: '' }],
      ['recipientBcc', { recipientBcc: 'spy@mine.example' }],
      ['outboundRelay', { outboundRelay: 'smtp:[203.0.113.9]:25' }],
      ['absent outboundRelay (which clears it from a global admin)', {}],
      ['services', { services: 'self-service,mail,senderbcc' }],
      ['services cleared', { services: '' }],
      ['addService/removeService', { addService: 'self-service', removeService: 'mail' }],
      ['domain profiles', { enableDomainProfile: 'catchall,backupmx' }],
      ['user profiles', { enableUserProfile: 'forwarding,relay,bcc,aliases' }],
      ['user preferences', { enableUserPreference: 'forwarding' }],
      ['a lower minPasswordLength', { minPasswordLength: 1 }],
      ['no maxPasswordLength', { maxPasswordLength: 0 }],
      ['a higher maxPasswordLength', { maxPasswordLength: 200 }],
      ['catchall (profile disabled)', { catchall: 'boss@admins.example' }],
      ['backup MX (profile disabled)', { is_backupmx: 'yes', primarymx: '203.0.113.9' }],
    ])('%s: ignored, the rest of the PUT applies', async (_label, params) => {
      const before = await domainView('mine.example');
      await normal.ok('PUT', '/api/domain/mine.example', { ...params, name: `renamed for ${_label}` });
      const after = await domainView('mine.example');
      expect(after.description).toBe(`renamed for ${_label}`);
      expect({ ...after, description: before.description }).toEqual(before);
    });

    test('tightening the password lengths is allowed', async () => {
      await normal.ok('PUT', '/api/domain/mine.example', { minPasswordLength: 14, maxPasswordLength: 30 });
      expect((await domainView('mine.example')).settings).toMatchObject({
        min_passwd_length: 14,
        max_passwd_length: 30,
      });
    });

    test('parameters of disabled user profiles are ignored on its users, one by one and in bulk', async () => {
      const view = async () => (await api.ok('GET', '/api/user/plain@mine.example')) as Record<string, unknown>;
      const before = await view();
      await normal.ok('PUT', '/api/user/plain@mine.example', {
        forwarding: 'boss@admins.example',
        transport: 'smtp:[203.0.113.9]:25',
        senderBcc: 'spy@theirs.example',
        addAlias: 'alias@mine.example',
        name: 'Still Plain',
      });
      await normal.ok('PUT', '/api/users/mine.example', { transport: 'smtp:[203.0.113.9]:25' });
      const after = await view();
      expect(after.name).toBe('Still Plain');
      const { name: _a, modified: _b, ...rest } = after;
      const { name: _c, modified: _d, ...restBefore } = before;
      expect(rest).toEqual(restBefore);
    });

    test('throttles and spam policies: readable, never writable', async () => {
      await api.ok('POST', '/api/throttle/mine.example/outbound', { period: 60, max_msgs: 10 });
      await api.ok('PUT', '/api/spampolicy/domain/mine.example', { spam_score: 5 });
      expect((await normal.get('/api/throttle/mine.example/outbound'))._success).toBe(true);
      expect((await normal.get('/api/spampolicy/domain/mine.example'))._success).toBe(true);
      const writes: [string, string, Record<string, string | number>][] = [
        ['POST', '/api/throttle/mine.example/outbound', { period: 60, max_msgs: 0 }],
        ['DELETE', '/api/throttle/mine.example/outbound', {}],
        ['POST', '/api/throttle/plain@mine.example/outbound', { period: 60, max_msgs: 0 }],
        ['DELETE', '/api/throttle/plain@mine.example/inbound', {}],
        ['PUT', '/api/spampolicy/domain/mine.example', { bypass_spam_checks: 'yes' }],
        ['DELETE', '/api/spampolicy/domain/mine.example', {}],
        ['PUT', '/api/spampolicy/user/plain@mine.example', { bypass_spam_checks: 'yes' }],
        ['DELETE', '/api/spampolicy/user/plain@mine.example', {}],
      ];
      for (const [method, path, params] of writes)
        expect([method, path, await normal.call(method as 'PUT', path, params)]).toEqual([method, path, denied]);
      expect(await api.get('/api/throttle/mine.example/outbound')).toMatchObject({ setting: { max_msgs: 10 } });
    });

    test('white/blacklists and greylisting: locked where the domain or user profile is off, never on a wider admin', async () => {
      const writes = (target: string): [string, string, Record<string, string>][] => [
        ['POST', `/api/wblist/inbound/whitelist/${target}`, { addresses: 'friend@example.net' }],
        ['DELETE', `/api/wblist/inbound/blacklist/${target}`, {}],
        ['POST', `/api/greylisting/${target}`, { status: 'disable' }],
        ['POST', `/api/greylisting/${target}/whitelists`, { addSenders: 'friend@example.net' }],
      ];
      const answers = async (target: string) => {
        const out: string[] = [];
        for (const [method, path, params] of writes(target))
          out.push(`${method} ${path} → ${(await normal.call(method as 'POST', path, params))._msg ?? 'ok'}`);
        return out;
      };
      // Open profiles: its own domain and users are its to change.
      expect((await answers('mine.example')).filter((a) => !a.endsWith('ok'))).toEqual([]);
      expect((await answers('plain@mine.example')).filter((a) => !a.endsWith('ok'))).toEqual([]);
      // A wider admin's settings are not.
      expect((await answers('wide@mine.example')).filter((a) => !a.endsWith('PERMISSION_DENIED'))).toEqual([]);
      expect(
        (await answers('root@mine.example')).filter(
          (a) => !a.endsWith('PERMISSION_DENIED_UPDATE_GLOBAL_ADMIN_PROFILE'),
        ),
      ).toEqual([]);
      await api.ok('PUT', '/api/domain/mine.example', {
        disableDomainProfile: 'wblist,greylisting',
        disableUserProfile: 'wblist,greylisting',
      });
      expect((await answers('mine.example')).filter((a) => !a.endsWith('PERMISSION_DENIED'))).toEqual([]);
      expect((await answers('plain@mine.example')).filter((a) => !a.endsWith('PERMISSION_DENIED'))).toEqual([]);
      // Reading stays allowed; a global admin still writes.
      expect((await normal.get('/api/greylisting/mine.example'))._success).toBe(true);
      await api.ok('POST', '/api/greylisting/mine.example', { status: 'enable' });
    });

    test("creating a domain is a global admin's, whatever maxDomains says", async () => {
      await server.db.query(
        sql`UPDATE admin SET settings = 'create_max_domains:5' WHERE username = 'boss@admins.example'`,
      );
      expect(await normal.post('/api/domain/new-one.example', { name: 'x' })).toEqual(denied);
      expect(await server.db.query(sql`SELECT 1 FROM domain WHERE domain = 'new-one.example'`)).toEqual([]);
    });
  });

  describe('mail storage', () => {
    const maildirOf = async (email: string) =>
      (await server.db.query<{ maildir: string }>(sql`SELECT maildir FROM mailbox WHERE username = ${email}`))[0]!
        .maildir;

    test('a normal admin cannot set maildir at all', async () => {
      const before = await maildirOf('plain@mine.example');
      expect(
        await normal.put('/api/user/plain@mine.example', { maildir: '/var/vmail/vmail1/mine.example/p/l/a/plain/' }),
      ).toEqual(denied);
      expect(await maildirOf('plain@mine.example')).toBe(before);
    });

    test.each([
      ["another user's maildir", async () => `/var/vmail/vmail1/${await maildirOf('victim@theirs.example')}`],
      ['another domain', async () => '/var/vmail/vmail1/theirs.example'],
      ['another domain, deeper', async () => '/var/vmail/vmail1/theirs.example/v/i/c/'],
      ['the storage node', async () => '/var/vmail/vmail1/'],
      ['its own domain directory itself', async () => '/var/vmail/vmail1/mine.example/'],
      ['the current directory', async () => '.'],
      ['a dot segment', async () => '/var/vmail/vmail1/mine.example/./'],
      ['a way up', async () => '/var/vmail/vmail1/mine.example/../theirs.example/v/'],
      ['outside the storage', async () => '/etc/dovecot'],
      ['a relative path', async () => 'mine.example/p/l/a/plain/'],
      ['a domain sharing the prefix', async () => '/var/vmail/vmail1/mine.example.evil/x/'],
    ])('not even a global admin points a mailbox at %s', async (_label, path) => {
      const before = await maildirOf('plain@mine.example');
      expect(await api.put('/api/user/plain@mine.example', { maildir: await path() })).toEqual({
        _success: false,
        _msg: 'INVALID_MAILDIR',
      });
      expect(await maildirOf('plain@mine.example')).toBe(before);
    });

    test("a normal admin's new user never gets a maildir inside another user's (a / in the local part)", async () => {
      const victim = await maildirOf('plain@mine.example');
      // `plain-<timestamp>/cur`: iRedAdmin-Pro takes the `/`; as a directory level it would make
      // `<domain>/p/l/a/plain-<timestamp>/cur-…/` — inside plain's Maildir, whose `cur` Dovecot reads.
      const intruder = `${victim.split('/').at(-2)}/cur@mine.example`;
      await normal.ok('POST', `/api/user/${encodeURIComponent(intruder)}`, { password: PW });
      const placed = await maildirOf(intruder);
      expect(placed.startsWith(victim)).toBe(false);
      expect(placed.split('/').filter(Boolean)).toHaveLength(5);
    });

    test('a global admin moves a mailbox within its domain directory (absolute path in, stored below node)', async () => {
      await api.ok('PUT', '/api/user/plain@mine.example', {
        maildir: '/var/vmail/vmail1/mine.example/p/l/a/plain-moved',
      });
      expect(await maildirOf('plain@mine.example')).toBe('mine.example/p/l/a/plain-moved/');
    });
  });
});
