import { escapeDnValue, renderEntry } from '../../src/server/model/ldif/format';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { ApiSession } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

interface ParsedEntry {
  dn: string;
  attrs: Record<string, string[]>;
}

/** A strict little RFC 2849 reader: every line must be `name: value` or `name:: base64`. */
function parseLdif(text: string): ParsedEntry[] {
  return text
    .trimEnd()
    .split('\n\n')
    .map((block) => {
      const attrs: Record<string, string[]> = {};
      for (const line of block.split('\n')) {
        const m = /^([A-Za-z][\w-]*)(::?) (.*)$/.exec(line);
        if (!m) throw new Error(`not an LDIF line: ${JSON.stringify(line)}`);
        const value = m[2] === '::' ? Buffer.from(m[3]!, 'base64').toString('utf8') : m[3]!;
        (attrs[m[1]!] ??= []).push(value);
      }
      const dn = attrs.dn![0]!;
      delete attrs.dn;
      return { dn, attrs };
    });
}

async function ldif(api: ApiSession, path: string): Promise<ParsedEntry[]> {
  const data = await api.ok('GET', path);
  expect(typeof data).toBe('string');
  return parseLdif(data as string);
}

describe.each(SERVER_BACKENDS)('LDIF export on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let normal: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started));
  beforeAll(async () => {
    const db = server.db;
    await api.ok('POST', '/api/domain/ldif.example', {
      name: 'LDIF Inc',
      quota: 2048,
      numberOfUsers: 10,
      defaultQuota: 512,
      senderBcc: 'audit@ldif.example',
    });
    await api.ok('PUT', '/api/domain/ldif.example', {
      catchall: 'user@ldif.example,keeper@other.example',
      outboundRelay: 'smtp:[192.0.2.1]:25',
    });
    await api.ok('POST', '/api/domain/other.example');
    await db.query(
      sql`INSERT INTO alias_domain (alias_domain, target_domain) VALUES ('alias-of-ldif.example', 'ldif.example')`,
    );
    await db.query(sql`INSERT INTO mailbox (username, password, name, language, domain, quota, storagebasedirectory, storagenode, maildir,
                            employeeid, passwordlastchange, settings, enablepop3, isadmin)
       VALUES ('user@ldif.example', '{SSHA512}c2VjcmV0aGFzaA==', 'Zoë Example', 'de_DE', 'ldif.example', 1024, '/var/vmail',
               'vmail1', 'ldif.example/u/s/e/user-2024/', 'E-42', '1970-01-11 12:00:00', 'min_passwd_length:10', 0, 1)`);
    await db.query(sql`INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding, is_alias, is_list) VALUES
        ('user@ldif.example', 'user@ldif.example', 'ldif.example', 'ldif.example', 1, 0, 0),
        ('user@ldif.example', 'far@other.example', 'ldif.example', 'other.example', 1, 0, 0),
        ('nick@ldif.example', 'user@ldif.example', 'ldif.example', 'ldif.example', 0, 1, 0),
        ('team@ldif.example', 'user@ldif.example', 'ldif.example', 'ldif.example', 0, 0, 1),
        ('team@ldif.example', 'far@other.example', 'ldif.example', 'other.example', 0, 0, 1)`);
    await db.query(
      sql`INSERT INTO sender_bcc_user (username, bcc_address, domain) VALUES ('user@ldif.example', 'copy@ldif.example', 'ldif.example')`,
    );
    await db.query(
      sql`INSERT INTO alias (address, name, accesspolicy, domain) VALUES ('team@ldif.example', 'The Team', 'membersonly', 'ldif.example')`,
    );
    await db.query(
      sql`INSERT INTO moderators (address, moderator, domain, dest_domain) VALUES ('team@ldif.example', 'user@ldif.example', 'ldif.example', 'ldif.example')`,
    );
    await db.query(sql`INSERT INTO maillists (address, domain, transport, accesspolicy, maxmsgsize, name, description, mlid, active)
       VALUES ('list@ldif.example', 'ldif.example', 'mlmmj:ldif.example/list', 'public', 102400, 'List', 'About us', 'f00d-id', 0)`);
    normal = await normalAdminSession(server, 'helper@ldif.example', ['ldif.example'], 'create_max_domains:2');
    await db.query(sql`UPDATE admin SET name = 'Helper', language = 'en_US' WHERE username = 'helper@ldif.example'`);
  });
  afterEach(() => {
    delete process.env.LDAP_BASEDN;
  });

  test('a domain: the mailDomain entry and its Users/Groups/Aliases containers', async () => {
    const [domain, ...containers] = await ldif(api, '/api/ldif/domain/LDIF.example');
    expect(domain).toEqual({
      dn: 'domainName=ldif.example,o=domains,dc=example,dc=com',
      attrs: {
        objectClass: ['mailDomain'],
        domainName: ['ldif.example'],
        cn: ['LDIF Inc'],
        accountStatus: ['active'],
        mtaTransport: ['dovecot'],
        domainBackupMX: ['no'],
        enabledService: ['mail'],
        domainAliasName: ['alias-of-ldif.example'],
        domainAdmin: ['helper@ldif.example'],
        domainSenderBccAddress: ['audit@ldif.example'],
        senderRelayHost: ['smtp:[192.0.2.1]:25'],
        domainMaxQuotaSize: ['2048'],
        domainMaxUserNumber: ['10'],
        domainDefaultUserQuota: ['512'],
        accountSetting: ['default_user_quota:512'],
      },
    });
    expect(containers.map((c) => c.dn)).toEqual(
      ['Users', 'Groups', 'Aliases'].map((ou) => `ou=${ou},domainName=ldif.example,o=domains,dc=example,dc=com`),
    );
    expect(containers[0]!.attrs).toEqual({ objectClass: ['organizationalUnit'], ou: ['Users'] });
  });

  test('the base DN comes from LDAP_BASEDN', async () => {
    process.env.LDAP_BASEDN = 'dc=mail,dc=corp,dc=test';
    const [domain] = await ldif(api, '/api/ldif/domain/ldif.example');
    expect(domain!.dn).toBe('domainName=ldif.example,o=domains,dc=mail,dc=corp,dc=test');
    const [admin] = await ldif(api, '/api/ldif/admin/helper@ldif.example');
    expect(admin!.dn).toBe('mail=helper@ldif.example,o=domainAdmins,dc=mail,dc=corp,dc=test');
  });

  test('the catch-all is a mailUser mail=@domain forwarding to its addresses', async () => {
    expect(await ldif(api, '/api/ldif/catchall/ldif.example')).toEqual([
      {
        dn: 'mail=@ldif.example,ou=Users,domainName=ldif.example,o=domains,dc=example,dc=com',
        attrs: {
          objectClass: ['inetOrgPerson', 'mailUser'],
          mail: ['@ldif.example'],
          uid: ['@ldif.example'],
          cn: ['catch-all'],
          sn: ['catch-all'],
          accountStatus: ['active'],
          enabledService: ['mail', 'deliver'],
          mailForwardingAddress: ['keeper@other.example', 'user@ldif.example'],
        },
      },
    ]);
    expect(await api.get('/api/ldif/catchall/other.example')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
  });

  test('a user: quota in bytes, storage paths, services, aliases, forwardings, groups; never the password', async () => {
    const text = (await api.ok('GET', '/api/ldif/user/user@ldif.example')) as string;
    expect(text).not.toMatch(/userPassword|SSHA512|c2VjcmV0aGFzaA/);
    const [user] = parseLdif(text);
    expect(user!.dn).toBe('mail=user@ldif.example,ou=Users,domainName=ldif.example,o=domains,dc=example,dc=com');
    expect(user!.attrs).toMatchObject({
      objectClass: ['inetOrgPerson', 'mailUser', 'shadowAccount', 'amavisAccount'],
      mail: ['user@ldif.example'],
      uid: ['user'],
      sn: ['user'],
      cn: ['Zoë Example'],
      accountStatus: ['active'],
      mailQuota: [String(1024 * 1024 * 1024)],
      storageBaseDirectory: ['/var/vmail'],
      mailMessageStore: ['vmail1/ldif.example/u/s/e/user-2024'],
      homeDirectory: ['/var/vmail/vmail1/ldif.example/u/s/e/user-2024'],
      mailboxFormat: ['maildir'],
      mailboxFolder: ['Maildir'],
      preferredLanguage: ['de_DE'],
      employeeNumber: ['E-42'],
      shadowAddress: ['nick@ldif.example'],
      mailForwardingAddress: ['far@other.example', 'user@ldif.example'],
      memberOfGroup: ['team@ldif.example'],
      userSenderBccAddress: ['copy@ldif.example'],
      shadowLastChange: ['10'],
      amavisLocal: ['TRUE'],
      accountSetting: ['min_passwd_length:10'],
    });
    const services = user!.attrs.enabledService!;
    expect(services).toEqual(expect.arrayContaining(['mail', 'smtp', 'imap', 'deliver', 'lib-storage', 'domainadmin']));
    expect(services).not.toContain('pop3');
    // Non-ASCII values travel base64-encoded.
    expect(text).toContain(`cn:: ${Buffer.from('Zoë Example').toString('base64')}`);
  });

  test('a user who only delivers locally has no mailForwardingAddress', async () => {
    await server.db.query(sql`INSERT INTO mailbox (username, domain) VALUES ('plain@ldif.example', 'ldif.example')`);
    await server.db.query(
      sql`INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding) VALUES ('plain@ldif.example', 'plain@ldif.example', 'ldif.example', 'ldif.example', 1)`,
    );
    const [user] = await ldif(api, '/api/ldif/user/plain@ldif.example');
    expect(user!.attrs.mailForwardingAddress).toBeUndefined();
    expect(user!.attrs.cn).toEqual(['plain']);
    expect(user!.attrs.mailQuota).toEqual(['0']);
  });

  test('an alias with members and moderators; a mailing list', async () => {
    expect(await ldif(api, '/api/ldif/alias/team@ldif.example')).toEqual([
      {
        dn: 'mail=team@ldif.example,ou=Aliases,domainName=ldif.example,o=domains,dc=example,dc=com',
        attrs: {
          objectClass: ['mailAlias'],
          mail: ['team@ldif.example'],
          cn: ['The Team'],
          accountStatus: ['active'],
          accessPolicy: ['membersonly'],
          enabledService: ['mail', 'deliver'],
          mailForwardingAddress: ['far@other.example', 'user@ldif.example'],
          listModerator: ['user@ldif.example'],
        },
      },
    ]);
    expect(await ldif(api, '/api/ldif/maillist/list@ldif.example')).toEqual([
      {
        dn: 'mail=list@ldif.example,ou=Groups,domainName=ldif.example,o=domains,dc=example,dc=com',
        attrs: {
          objectClass: ['mailList'],
          mail: ['list@ldif.example'],
          cn: ['List'],
          accountStatus: ['disabled'],
          description: ['About us'],
          accessPolicy: ['public'],
          mailingListID: ['f00d-id'],
          mtaTransport: ['mlmmj:ldif.example/list'],
          maxMessageSize: ['102400'],
          enabledService: ['mail', 'deliver'],
        },
      },
    ]);
  });

  test('a separate admin, without its password', async () => {
    const text = (await api.ok('GET', '/api/ldif/admin/Helper@LDIF.example')) as string;
    expect(text).not.toMatch(/userPassword|\{SSHA/);
    expect(parseLdif(text)[0]!.attrs).toMatchObject({
      objectClass: ['mailAdmin'],
      mail: ['helper@ldif.example'],
      cn: ['Helper'],
      accountStatus: ['active'],
      preferredLanguage: ['en_US'],
      domainGlobalAdmin: ['no'],
      accountSetting: ['create_max_domains:2'],
    });
    const [global] = await ldif(api, `/api/ldif/admin/${server.admin.email}`);
    expect(global!.attrs.domainGlobalAdmin).toEqual(['yes']);
  });

  test('CR/LF and other unsafe text cannot inject attributes or entries', async () => {
    const evil = 'Mallory\r\nuserPassword: {PLAIN}x\n\ndn: cn=admin,dc=example,dc=com';
    await server.db.query(
      sql`INSERT INTO alias (address, name, domain) VALUES ('evil@ldif.example', ${evil}, 'ldif.example')`,
    );
    const text = (await api.ok('GET', '/api/ldif/alias/evil@ldif.example')) as string;
    const entries = parseLdif(text);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.attrs.cn).toEqual([evil]);
    expect(entries[0]!.attrs.userPassword).toBeUndefined();
    expect(text.split('\n').filter((l) => l.startsWith('dn'))).toHaveLength(1);

    for (const value of [' leading space', ':colon', '<url', 'trailing ', 'tab\there is fine']) {
      const rendered = renderEntry({ dn: 'cn=x', attributes: [['cn', value]] });
      expect(parseLdif(rendered)[0]!.attrs.cn).toEqual([value]);
      expect(rendered.includes('cn:: ')).toBe(value !== 'tab\there is fine');
    }
  });

  test('DN values are escaped (extension addresses with +)', async () => {
    expect(escapeDnValue('user+Tag@ldif.example')).toBe('user\\+Tag@ldif.example');
    expect(escapeDnValue('#a,b;c"d\\e<f>g ')).toBe('\\#a\\,b\\;c\\"d\\\\e\\<f\\>g\\ ');
    await server.db.query(sql`INSERT INTO mailbox (username, domain) VALUES ('user+Tag@ldif.example', 'ldif.example')`);
    const [user] = await ldif(api, '/api/ldif/user/user+Tag@ldif.example');
    expect(user!.dn).toBe('mail=user\\+Tag@ldif.example,ou=Users,domainName=ldif.example,o=domains,dc=example,dc=com');
  });

  test('missing accounts and bad names', async () => {
    const none = { _success: false, _msg: 'NO_SUCH_ACCOUNT' };
    expect(await api.get('/api/ldif/domain/missing.example')).toEqual({ _success: false, _msg: 'NO_SUCH_DOMAIN' });
    expect(await api.get('/api/ldif/catchall/missing.example')).toEqual({ _success: false, _msg: 'NO_SUCH_DOMAIN' });
    for (const kind of ['user', 'alias', 'maillist', 'admin']) {
      expect(await api.get(`/api/ldif/${kind}/nobody@ldif.example`)).toEqual(none);
    }
    // Each export finds only its own account type.
    expect(await api.get('/api/ldif/alias/user@ldif.example')).toEqual(none);
    expect(await api.get('/api/ldif/user/team@ldif.example')).toEqual(none);
    expect(await api.get('/api/ldif/domain/not_a_domain')).toEqual({ _success: false, _msg: 'INVALID_DOMAIN_NAME' });
    expect(await api.get('/api/ldif/user/not-an-email')).toEqual({ _success: false, _msg: 'INVALID_MAIL' });
    expect(await api.post('/api/ldif/user/user@ldif.example')).toEqual({
      _success: false,
      _msg: 'INVALID_HTTP_METHOD',
    });
  });

  test('a normal admin exports inside managed domains only; admins are for global admins', async () => {
    await normal.ok('GET', '/api/ldif/domain/ldif.example');
    await normal.ok('GET', '/api/ldif/user/user@ldif.example');
    await normal.ok('GET', '/api/ldif/catchall/ldif.example');
    const denied = { _success: false, _msg: 'PERMISSION_DENIED' };
    expect(await normal.get('/api/ldif/domain/other.example')).toEqual(denied);
    expect(await normal.get('/api/ldif/user/x@other.example')).toEqual(denied);
    expect(await normal.get('/api/ldif/catchall/missing.example')).toEqual(denied);
    expect(await normal.get('/api/ldif/admin/helper@ldif.example')).toEqual(denied);
    expect(await new ApiSession(server.url).get('/api/ldif/domain/ldif.example')).toEqual({
      _success: false,
      _msg: 'LOGIN_REQUIRED',
    });
  });
});
