/**
 * What each method puts on the wire: HTTP method, path, and every parameter under the API's own
 * name and encoding. Also the read side quirks: throttle `setting`, `{}` for none, LDIF on SQL.
 */
import { IRedAdminClient, UnsupportedError } from '../../src/client';
import type { FakeServer, RecordedRequest } from './fake-server';
import { sendHtml, sendJson, startFakeServer } from './fake-server';
import { ADMIN, ProductLike } from './product-like';

jest.setTimeout(15_000);

let server: FakeServer;
let product: ProductLike;
let client: IRedAdminClient;

beforeEach(async () => {
  server = await startFakeServer();
  product = new ProductLike(server);
  client = new IRedAdminClient({ baseUrl: `${server.url}/iredadmin/`, ...ADMIN, retries: 0, timeoutMs: 2_000 });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

/** The one API request a call made (login excluded). */
function lastCall(): { method: string; path: string; params: Record<string, string>; contentType: string | undefined } {
  const calls = server.requests.filter((r: RecordedRequest) => !r.path.endsWith('/api/login'));
  const last = calls[calls.length - 1]!;
  return {
    method: last.method,
    path: last.path,
    params: Object.fromEntries(last.params),
    contentType: last.contentType,
  };
}

const P = '/iredadmin/api';

describe('requests on the wire', () => {
  it('domains: create, update (every parameter), delete, list, admins', async () => {
    await client.domains.create('example.com', {
      name: 'Google Inc',
      quota: 2048,
      language: 'en_US',
      transport: 'dovecot',
      defaultQuota: 1024,
      maxUserQuota: 2048,
      numberOfUsers: 20,
      numberOfAliases: 30,
      numberOfLists: 40,
      senderBcc: 'sbcc@example.com',
      recipientBcc: 'rbcc@example.com',
    });
    expect(lastCall()).toEqual({
      method: 'POST',
      path: `${P}/domain/example.com`,
      contentType: 'application/x-www-form-urlencoded',
      params: {
        name: 'Google Inc',
        quota: '2048',
        language: 'en_US',
        transport: 'dovecot',
        defaultQuota: '1024',
        maxUserQuota: '2048',
        numberOfUsers: '20',
        numberOfAliases: '30',
        numberOfLists: '40',
        senderBcc: 'sbcc@example.com',
        recipientBcc: 'rbcc@example.com',
      },
    });

    await client.domains.update('example.com', {
      name: 'G',
      accountStatus: 'disabled',
      quota: 1,
      language: 'de_DE',
      minPasswordLength: 8,
      maxPasswordLength: 20,
      defaultQuota: 2,
      maxUserQuota: 3,
      numberOfUsers: 4,
      numberOfAliases: 5,
      senderBcc: '',
      recipientBcc: 'r@example.com',
      isBackupMx: true,
      primaryMx: '[mail.iredmail.org]:25',
      catchall: ['a@example.com', 'b@example.com'],
      outboundRelay: '',
      services: ['self-service', 'domainalias'],
      addService: ['self-service'],
      removeService: ['domainalias'],
      enableService: ['self-service'],
      disableService: ['domainalias'],
      removeAllServices: true,
      disableDomainProfile: ['bcc', 'relay', 'aliases'],
      enableDomainProfile: ['throttle'],
      disableUserProfile: ['forwarding'],
      enableUserProfile: ['wblist'],
      disableUserPreference: ['forwarding', 'wblist'],
      enableUserPreference: ['quarantine'],
    });
    expect(lastCall()).toEqual({
      method: 'PUT',
      path: `${P}/domain/example.com`,
      contentType: 'application/x-www-form-urlencoded',
      params: {
        name: 'G',
        accountStatus: 'disabled',
        quota: '1',
        language: 'de_DE',
        minPasswordLength: '8',
        maxPasswordLength: '20',
        defaultQuota: '2',
        maxUserQuota: '3',
        numberOfUsers: '4',
        numberOfAliases: '5',
        senderBcc: '',
        recipientBcc: 'r@example.com',
        is_backupmx: 'yes',
        primarymx: '[mail.iredmail.org]:25',
        catchall: 'a@example.com,b@example.com',
        outboundRelay: '',
        services: 'self-service,domainalias',
        addService: 'self-service',
        removeService: 'domainalias',
        enableService: 'self-service',
        disableService: 'domainalias',
        removeAllServices: '',
        disableDomainProfile: 'bcc,relay,aliases',
        enableDomainProfile: 'throttle',
        disableUserProfile: 'forwarding',
        enableUserProfile: 'wblist',
        disableUserPreference: 'forwarding,wblist',
        enableUserPreference: 'quarantine',
      },
    });

    await client.domains.delete('example.com');
    expect(lastCall()).toMatchObject({ method: 'DELETE', path: `${P}/domain/example.com`, params: {} });
    await client.domains.delete('example.com', { keepMailboxDays: 30 });
    expect(lastCall()).toMatchObject({ method: 'DELETE', path: `${P}/domain/example.com/keep_mailbox_days/30` });

    product.route = (_r, res) => sendJson(res, { _success: true, _data: ['a.io', { domain: 'b.io' }] });
    await expect(client.domains.list({ nameOnly: true, disabledOnly: true })).resolves.toEqual(['a.io', 'b.io']);
    expect(lastCall()).toMatchObject({
      method: 'GET',
      path: `${P}/domains`,
      params: { name_only: 'yes', disabled_only: 'yes' },
    });

    product.route = (_r, res) => sendJson(res, { _success: true, _data: ['one@example.com'] });
    await expect(client.domains.admins.get('example.com')).resolves.toEqual(['one@example.com']);
    await client.domains.admins.add('example.com', ['one@example.com', 'two@example.com']);
    expect(lastCall()).toMatchObject({
      method: 'PUT',
      path: `${P}/domain/admins/example.com`,
      params: { addAdmin: 'one@example.com,two@example.com' },
    });
    await client.domains.admins.remove('example.com', ['one@example.com']);
    expect(lastCall().params).toEqual({ removeAdmin: 'one@example.com' });
    await client.domains.admins.removeAll('example.com');
    expect(lastCall().params).toEqual({ removeAllAdmins: '' });
  });

  it('domains.update re-sends the current catch-all and outbound relay unless told otherwise', async () => {
    product.route = (request, res) => {
      if (request.method === 'GET') {
        return sendJson(res, {
          _success: true,
          _data: { domain: 'x.io', catchall: 'c@x.io', relayhost: 'smtp:[10.0.0.1]:25' },
        });
      }
      sendJson(res, { _success: true });
    };
    await client.domains.update('x.io', { name: 'X' });
    expect(lastCall().params).toEqual({ name: 'X', catchall: 'c@x.io', outboundRelay: 'smtp:[10.0.0.1]:25' });
    await client.domains.update('x.io', { name: 'X', catchall: [] });
    expect(lastCall().params).toEqual({ name: 'X', catchall: '', outboundRelay: 'smtp:[10.0.0.1]:25' });
    await client.domains.update('x.io', { name: 'X' }, { preserveUnsent: false });
    expect(lastCall().params).toEqual({ name: 'X' });
  });

  it('admins: create and update with every parameter, verifyPassword', async () => {
    await client.admins.create('adm@example.com', {
      name: 'My Admin',
      password: 'AsTr0ng@',
      accountStatus: 'active',
      language: 'en_US',
      isGlobalAdmin: false,
      maxDomains: 5,
      maxQuota: 2,
      quotaUnit: 'TB',
      maxUsers: 100,
      maxAliases: 200,
      maxLists: 300,
    });
    expect(lastCall()).toMatchObject({
      method: 'POST',
      path: `${P}/admin/adm@example.com`,
      params: {
        name: 'My Admin',
        password: 'AsTr0ng@',
        accountStatus: 'active',
        language: 'en_US',
        isGlobalAdmin: 'no',
        maxDomains: '5',
        maxQuota: '2',
        quotaUnit: 'TB',
        maxUsers: '100',
        maxAliases: '200',
        maxLists: '300',
      },
    });
    await client.admins.update('adm@example.com', { isGlobalAdmin: true, accountStatus: 'disabled' });
    expect(lastCall()).toMatchObject({ method: 'PUT', params: { isGlobalAdmin: 'yes', accountStatus: 'disabled' } });
    await expect(client.admins.update('adm@example.com', { maxQuota: 2 })).rejects.toThrow(/quotaUnit/);
    await client.admins.delete('adm@example.com');
    expect(lastCall()).toMatchObject({ method: 'DELETE', path: `${P}/admin/adm@example.com` });

    await expect(client.admins.verifyPassword('adm@example.com', 'u0tBF82cIV@vi8Gme')).resolves.toBe(true);
    expect(lastCall()).toMatchObject({
      method: 'POST',
      path: `${P}/verify_password/admin/adm@example.com`,
      params: { password: 'u0tBF82cIV@vi8Gme' },
    });
    const sent = server.requests.length;
    const site = { name: 'ValidationError', method: 'POST', path: '/api/verify_password/user/<mail>' };
    await expect(client.users.verifyPassword('not an email', 'x')).rejects.toMatchObject(site);
    await expect(client.users.verifyPassword('u@example.com', '')).rejects.toMatchObject(site);
    expect(server.requests.length).toBe(sent);
    product.route = (_r, res) => sendJson(res, { _success: false });
    await expect(client.admins.verifyPassword('adm@example.com', 'wrong')).resolves.toBe(false);
    product.route = (_r, res) => sendJson(res, { _success: false, _msg: 'PERMISSION_DENIED' });
    await expect(client.users.verifyPassword('u@example.com', 'x')).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
  });

  it('users: create, update (every parameter), change_email, updateAll, list, delete', async () => {
    await client.users.create('u+tag@example.com', {
      name: 'My New Name',
      password: 'AsTr0ng@',
      language: 'en_US',
      quota: 1024,
    });
    expect(lastCall()).toMatchObject({
      method: 'POST',
      path: `${P}/user/u+tag@example.com`,
      params: { name: 'My New Name', password: 'AsTr0ng@', language: 'en_US', quota: '1024' },
    });
    await client.users.create('h@example.com', { passwordHash: '{SSHA512}abc=' });
    expect(lastCall().params).toEqual({ password_hash: '{SSHA512}abc=' });
    await expect(client.users.create('n@example.com', {})).rejects.toThrow(/password or passwordHash/);

    await client.users.update('u@example.com', {
      name: 'N',
      password: 'u0tBF82cIV@vi8Gme',
      quota: 0,
      accountStatus: 'active',
      language: 'fr_FR',
      employeeId: 'E-1',
      transport: 'dovecot',
      forwarding: ['u@example.com', 'f@example.com'],
      aliases: [],
      isGlobalAdmin: false,
      senderBcc: 's@example.com',
      recipientBcc: '',
      maildir: 'example.com/u/s/e/u-2024/',
      services: ['imap', 'smtp', 'sogo'],
      mailboxFormat: 'maildir',
      mailboxFolder: 'Maildir',
    });
    expect(lastCall()).toMatchObject({
      method: 'PUT',
      path: `${P}/user/u@example.com`,
      params: {
        name: 'N',
        password: 'u0tBF82cIV@vi8Gme',
        quota: '0',
        accountStatus: 'active',
        language: 'fr_FR',
        employeeid: 'E-1',
        transport: 'dovecot',
        forwarding: 'u@example.com,f@example.com',
        aliases: '',
        isGlobalAdmin: 'no',
        senderBcc: 's@example.com',
        recipientBcc: '',
        maildir: 'example.com/u/s/e/u-2024/',
        services: 'imap,smtp,sogo',
        mailboxFormat: 'maildir',
        mailboxFolder: 'Maildir',
      },
    });
    await client.users.update('u@example.com', {
      addAlias: ['a1@example.com'],
      removeAlias: ['a2@example.com'],
      addForwarding: ['f1@example.com'],
      removeForwarding: ['f2@example.com'],
      addService: ['pop3'],
      removeService: ['sieve', 'sievesecured'],
      passwordHash: '{SSHA}xyz',
    });
    expect(lastCall().params).toEqual({
      addAlias: 'a1@example.com',
      removeAlias: 'a2@example.com',
      addForwarding: 'f1@example.com',
      removeForwarding: 'f2@example.com',
      addService: 'pop3',
      removeService: 'sieve,sievesecured',
      password_hash: '{SSHA}xyz',
    });

    await client.users.changeEmail('u@example.com', 'v@example.com');
    expect(lastCall()).toMatchObject({ method: 'POST', path: `${P}/user/u@example.com/change_email/v@example.com` });
    await client.users.updateAll('example.com', {
      accountStatus: 'disabled',
      password: 'P!1aaaaa',
      language: 'en_US',
      transport: 'dovecot',
    });
    expect(lastCall()).toMatchObject({
      method: 'PUT',
      path: `${P}/users/example.com`,
      params: { accountStatus: 'disabled', password: 'P!1aaaaa', language: 'en_US', transport: 'dovecot' },
    });
    await client.users.delete('u@example.com', { keepMailboxDays: 7 });
    expect(lastCall()).toMatchObject({ method: 'DELETE', path: `${P}/user/u@example.com/keep_mailbox_days/7` });

    product.route = (_r, res) =>
      sendJson(res, { _success: true, _data: [{ username: 'a@example.com', password: '{SSHA}leak' }] });
    const rows = await client.users.list('example.com', { disabledOnly: true });
    expect(rows).toEqual([{ username: 'a@example.com' }]);
    expect(lastCall()).toMatchObject({
      method: 'GET',
      path: `${P}/users/example.com`,
      params: { disabled_only: 'yes' },
    });
    product.route = (_r, res) => sendJson(res, { _success: true, _data: ['a@example.com'] });
    await expect(client.users.list('example.com', { emailOnly: true })).resolves.toEqual(['a@example.com']);
    expect(lastCall().params).toEqual({ email_only: 'yes' });
  });

  it('aliases: create, update, change_email, list, delete', async () => {
    await client.aliases.create('al@example.com', {
      name: 'My List Name',
      accessPolicy: 'public',
      members: ['a@example.com', 'b@example.com'],
    });
    expect(lastCall()).toMatchObject({
      method: 'POST',
      path: `${P}/alias/al@example.com`,
      params: { name: 'My List Name', accessPolicy: 'public', members: 'a@example.com,b@example.com' },
    });
    await client.aliases.update('al@example.com', {
      addMember: ['c@example.com'],
      removeMember: ['a@example.com'],
      accessPolicy: 'membersonly',
    });
    expect(lastCall()).toMatchObject({
      method: 'PUT',
      params: { addMember: 'c@example.com', removeMember: 'a@example.com', accessPolicy: 'membersonly' },
    });
    await expect(
      client.aliases.update('al@example.com', { members: [], addMember: ['c@example.com'] }),
    ).rejects.toThrow(/conflicts/);
    await client.aliases.changeEmail('al@example.com', 'al2@example.com');
    expect(lastCall()).toMatchObject({
      method: 'POST',
      path: `${P}/alias/al@example.com/change_email/al2@example.com`,
    });
    await client.aliases.delete('al2@example.com');
    expect(lastCall()).toMatchObject({ method: 'DELETE', path: `${P}/alias/al2@example.com` });
    product.route = (_r, res) =>
      sendJson(res, { _success: true, _data: [{ address: 'x@example.com', members: 'a@example.com' }] });
    await expect(client.aliases.list('example.com')).resolves.toEqual([
      { address: 'x@example.com', members: ['a@example.com'] },
    ]);
    // A flag is on whenever it is present (even `email_only=no`): one that is off is not sent at all.
    await client.aliases.list('example.com', { emailOnly: false, disabledOnly: false });
    expect(lastCall().params).toEqual({});
    await client.mailingLists.get('ml@example.com', { withSubscribers: false }).catch(() => undefined);
    expect(lastCall()).toMatchObject({ path: `${P}/ml/ml@example.com` });
    expect(lastCall().params).toEqual({});
  });

  it('aliases: status only on update, no moderators; lists: whole moderator/owner sets, subscribers as emails', async () => {
    await client.aliases.create('al@example.com', { members: ['m@example.com'] });
    expect(lastCall().params).toEqual({ members: 'm@example.com' });
    await client.aliases.update('al@example.com', { accountStatus: 'active' });
    expect(lastCall().params).toEqual({ accountStatus: 'active' });
    // The SQL edition reads neither on an alias: the client refuses them instead of sending them to be ignored.
    await expect(client.aliases.create('al@example.com', { accountStatus: 'disabled' } as never)).rejects.toThrow(
      /accountStatus/,
    );
    await expect(client.aliases.update('al@example.com', { moderators: ['m@example.com'] } as never)).rejects.toThrow(
      /moderators/,
    );
    // No add/remove parameters for them: whole sets, `[]` sent empty to clear.
    await client.mailingLists.update('ml@example.com', {
      accountStatus: 'disabled',
      moderators: [],
      owners: ['o@example.com'],
    });
    expect(lastCall().params).toEqual({ accountStatus: 'disabled', moderators: '', owners: 'o@example.com' });
    await expect(
      client.mailingLists.update('ml@example.com', { addModerator: ['m@example.com'] } as never),
    ).rejects.toThrow(/addModerator|accountStatus/);
    // Every update carries the status: the SQL edition re-enables a list whose PUT leaves it out.
    await expect(client.mailingLists.update('ml@example.com', { name: 'x' } as never)).rejects.toThrow(/accountStatus/);
    product.route = (_r, res) =>
      sendJson(res, {
        _success: true,
        _data: {
          address: 'ml@example.com',
          subscribers: [{ mail: 's1@example.com', subscription: 'normal' }, 's2@example.com'],
        },
      });
    await expect(client.mailingLists.get('ml@example.com', { withSubscribers: true })).resolves.toMatchObject({
      subscribers: ['s1@example.com', 's2@example.com'],
    });
  });

  it('mailing lists: the SQL edition shape (/api/ml) and the LDAP one (/api/maillist)', async () => {
    await client.mailingLists.create('ml@example.com', {
      name: 'ML',
      onlySubscriberCanPost: true,
      isNewsletter: false,
      subscribers: ['a@example.com', 'b@example.com'],
    });
    expect(lastCall()).toMatchObject({
      method: 'POST',
      path: `${P}/ml/ml@example.com`,
      params: {
        name: 'ML',
        only_subscriber_can_post: 'yes',
        is_newsletter: 'no',
        subscribers: 'a@example.com,b@example.com',
      },
    });
    // POST does not read them: the client does not offer them there.
    await expect(client.mailingLists.create('ml@example.com', { maxMessageSize: 1024 } as never)).rejects.toThrow(
      /maxMessageSize/,
    );
    await client.mailingLists.update('ml@example.com', {
      accountStatus: 'active',
      maxMessageSize: 1024,
      accessPolicy: 'moderatorsonly',
      onlyModeratorCanPost: true,
      newsletterDescription: 'News',
      moderators: ['m@example.com'],
      owners: ['o@example.com'],
      addSubscribers: ['s1@example.com', 's2@example.com'],
      removeSubscribers: ['s3@example.com'],
      subscription: 'digest',
      requireConfirm: false,
    });
    expect(lastCall().params).toEqual({
      accountStatus: 'active',
      max_message_size: '1024',
      accessPolicy: 'moderatorsonly',
      only_moderator_can_post: 'yes',
      newsletter_description: 'News',
      moderators: 'm@example.com',
      owners: 'o@example.com',
      add_subscribers: 's1@example.com,s2@example.com',
      remove_subscribers: 's3@example.com',
      subscription: 'digest',
      require_confirm: 'no',
    });
    await client.mailingLists.delete('ml@example.com', { keepArchive: false });
    expect(lastCall()).toMatchObject({
      method: 'DELETE',
      path: `${P}/ml/ml@example.com`,
      params: { keep_archive: 'no' },
    });
    product.route = (_r, res) =>
      sendJson(res, { _success: true, _data: { address: 'ml@example.com', owners: ['o@example.com'] } });
    await expect(client.mailingLists.get('ml@example.com', { withSubscribers: true })).resolves.toMatchObject({
      owners: ['o@example.com'],
    });
    expect(lastCall().params).toEqual({ with_subscribers: 'yes' });
    product.route = (_r, res) => sendJson(res, { _success: true, _data: ['ml@example.com'] });
    await expect(client.mailingLists.list('example.com', { emailOnly: true })).resolves.toEqual(['ml@example.com']);
    expect(lastCall()).toMatchObject({ path: `${P}/mls/example.com`, params: { email_only: 'yes' } });

    const ldap = new IRedAdminClient({ baseUrl: server.url, ...ADMIN, mailingListApi: 'ldap', retries: 0 });
    try {
      product.route = (_r, res) => sendJson(res, { _success: true });
      await ldap.mailingLists.create('ml@example.com', {
        name: 'ML',
        accessPolicy: 'public',
        members: ['a@example.com'],
      });
      expect(lastCall()).toMatchObject({
        method: 'POST',
        path: '/api/maillist/ml@example.com',
        params: { name: 'ML', accessPolicy: 'public', members: 'a@example.com' },
      });
      await ldap.mailingLists.update('ml@example.com', {
        addMember: ['b@example.com'],
        removeMember: ['a@example.com'],
      });
      expect(lastCall()).toMatchObject({
        method: 'PUT',
        params: { addMember: 'b@example.com', removeMember: 'a@example.com' },
      });
      await expect(ldap.mailingLists.list('example.com')).rejects.toBeInstanceOf(UnsupportedError);
    } finally {
      await ldap.close();
    }
  });

  it('spam policies: the full policy is always sent; GET reads the amavisd row; {} is none', async () => {
    await client.spamPolicies.set({ global: true }, { bypassSpamChecks: true, spamScore: 4 });
    expect(lastCall()).toMatchObject({
      method: 'PUT',
      path: `${P}/spampolicy/global`,
      params: {
        bypass_spam_checks: 'yes',
        bypass_virus_checks: 'no',
        bypass_banned_checks: 'no',
        bypass_header_checks: 'no',
        quarantine_spam: 'no',
        quarantine_virus: 'yes',
        quarantine_banned: 'no',
        quarantine_bad_header: 'no',
        prefix_spam_in_subject: 'no',
        always_insert_x_spam_headers: 'no',
        spam_score: '4',
      },
    });
    await client.spamPolicies.set({ domain: 'example.com' });
    expect(lastCall().path).toBe(`${P}/spampolicy/domain/example.com`);
    expect(lastCall().params.spam_score).toBeUndefined();
    await expect(client.spamPolicies.set({ user: 'u@example.com' }, { spamScore: 4.5 })).rejects.toThrow(/spamScore/);
    await client.spamPolicies.delete({ user: 'u@example.com' });
    expect(lastCall()).toMatchObject({ method: 'DELETE', path: `${P}/spampolicy/user/u@example.com` });

    product.route = (_r, res) => sendJson(res, { _success: true, _data: {} });
    await expect(client.spamPolicies.get({ global: true })).resolves.toBeNull();
    product.route = (_r, res) =>
      sendJson(res, {
        _success: true,
        _data: {
          policy_name: '@.',
          bypass_spam_checks: 'Y',
          virus_quarantine_to: 'virus-quarantine',
          spam_tag2_level: 5,
        },
      });
    await expect(client.spamPolicies.get({ global: true })).resolves.toMatchObject({
      settings: { bypassSpamChecks: true, quarantineVirus: true, quarantineSpam: false, spamScore: 5 },
      row: { policy_name: '@.' },
    });
  });

  it('throttles: all four values always sent; GET reads `setting`; {} is none', async () => {
    await client.throttles.set({ global: true }, 'inbound', { period: 3600, maxMsgs: 20 });
    expect(lastCall()).toMatchObject({
      method: 'POST',
      path: `${P}/throttle/global/inbound`,
      params: { period: '3600', msg_size: '0', max_msgs: '20', max_quota: '0' },
    });
    await client.throttles.set({ domain: 'example.com' }, 'outbound', {
      period: 60,
      msgSize: 10485760,
      maxMsgs: -1,
      maxQuota: 1048576000,
    });
    expect(lastCall()).toMatchObject({
      path: `${P}/throttle/example.com/outbound`,
      params: { period: '60', msg_size: '10485760', max_msgs: '-1', max_quota: '1048576000' },
    });
    await expect(client.throttles.set({ user: 'u@example.com' }, 'inbound', { maxMsgs: 1 } as never)).rejects.toThrow(
      /period/,
    );

    product.route = (_r, res) => sendJson(res, { _success: true, setting: {} });
    await expect(client.throttles.get({ user: 'u@example.com' }, 'outbound')).resolves.toBeNull();
    expect(lastCall()).toMatchObject({ method: 'GET', path: `${P}/throttle/u@example.com/outbound` });
    product.route = (_r, res) =>
      sendJson(res, {
        _success: true,
        setting: {
          account: '@example.com',
          kind: 'inbound',
          period: '3600',
          max_msgs: '20',
          msg_size: 0,
          max_quota: 0,
        },
      });
    await expect(client.throttles.get({ domain: 'example.com' }, 'inbound')).resolves.toEqual({
      account: '@example.com',
      kind: 'inbound',
      period: 3600,
      max_msgs: 20,
      msg_size: 0,
      max_quota: 0,
    });
  });

  it('throttles: max_rcpts only when given; delete is a POST with period=0 (the product has no DELETE)', async () => {
    await client.throttles.set({ user: 'u@example.com' }, 'outbound', { period: 60, maxRcpts: 30 });
    expect(lastCall()).toMatchObject({
      params: { period: '60', msg_size: '0', max_msgs: '0', max_quota: '0', max_rcpts: '30' },
    });
    await client.throttles.set({ user: 'u@example.com' }, 'outbound', { period: 60 });
    expect(lastCall().params).not.toHaveProperty('max_rcpts');

    await client.throttles.delete({ domain: 'example.com' }, 'inbound');
    expect(lastCall()).toMatchObject({
      method: 'POST',
      path: `${P}/throttle/example.com/inbound`,
      params: { period: '0', msg_size: '0', max_msgs: '0', max_quota: '0' },
    });
    product.route = (_r, res) => sendJson(res, { _success: false, _msg: 'PERMISSION_DENIED' });
    await expect(client.throttles.delete({ global: true }, 'outbound')).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
  });

  it('LDIF: exports text on the LDAP edition; the SQL edition 404 page is UnsupportedError', async () => {
    product.route = (_r, res) =>
      sendJson(res, { _success: true, _data: 'dn: mail=u@example.com,ou=Users\nmail: u@example.com\n' });
    await expect(client.ldif.user('u@example.com')).resolves.toContain('dn: mail=u@example.com');
    for (const [call, path] of [
      [() => client.ldif.domain('example.com'), `${P}/ldif/domain/example.com`],
      [() => client.ldif.catchall('example.com'), `${P}/ldif/catchall/example.com`],
      [() => client.ldif.admin('a@example.com'), `${P}/ldif/admin/a@example.com`],
      [() => client.ldif.maillist('m@example.com'), `${P}/ldif/maillist/m@example.com`],
      [() => client.ldif.alias('al@example.com'), `${P}/ldif/alias/al@example.com`],
    ] as const) {
      await call();
      expect(lastCall()).toMatchObject({ method: 'GET', path });
    }
    product.route = (_r, res) => sendHtml(res, 404, '<html><body>not found</body></html>');
    const error = await client.ldif.domain('example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect((error as Error).message).toMatch(/SQL edition/);
  });
});
