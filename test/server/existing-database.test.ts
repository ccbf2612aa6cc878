/**
 * The server on a database iRedMail's own installer made (iRedMail's schema files, rows inserted
 * with SQL the way iRedMail's tools insert them): our migrations add only our tables, every
 * iRedMail password scheme verifies, and reads and writes land exactly where iRedMail and
 * iRedAdmin-Pro keep them.
 */
import { ensureGlobalAdmin } from '../../src/server/bootstrap';
import { DEFAULT_SETTINGS } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { isAnyOf, raw, sql } from '../../src/server/db/sql';
import { VMAIL_ORIGIN, migrate } from '../../src/server/db/migrate';
import { api } from '../../src/server/db/migrations/003-api';
import { changeTriggersInstalled } from '../../src/server/db/change-triggers';
import { visibleSchema } from '../../src/server/db/schema-check';
import { type RunningServer, startServer } from '../../src/server/server';
import { ApiSession } from '../support/api';
import { createIredmailDatabase } from '../support/iredmail-database';
import { BARE_ADMIN, POSTMASTER, SCHEMES, SEPARATE_ADMIN, allIn, seedIredmail } from '../support/iredmail-seed';
import { IREDMAIL_RELATION, indexesOf, schemaOf } from '../support/schema-of';
import { type Backend, BACKENDS, createTestDatabase } from '../support/test-server';

/** Our usual backends and MariaDB, fed iRedMail's MySQL schema files. */
const ALL_BACKENDS: Backend[] = [...BACKENDS, 'mysql'];

const sortedIndexesOf = async (db: Database) => (await indexesOf(db)).map((r) => r.d).sort();

const settings = { ...DEFAULT_SETTINGS, enableApi: true };

describe.each(ALL_BACKENDS)('our migrations on an existing iRedMail database on %s', (backend) => {
  let db: Database;
  let iredmailSchema: string[];

  beforeAll(async () => {
    db = await createIredmailDatabase(backend);
    await seedIredmail(allIn(db));
    iredmailSchema = await schemaOf(db);
    await migrate(db);
  });
  afterAll(() => db?.close());

  test("our migrations add only our own tables: iRedMail's columns, indexes and triggers are untouched", async () => {
    expect(await schemaOf(db)).toEqual(iredmailSchema);
    const ours = await db.query<{ table_name: string }>(
      sql`SELECT table_name AS table_name FROM information_schema.tables
           WHERE table_schema ${visibleSchema(db.dialect)} AND table_name LIKE 'iredadmin_api_%' ORDER BY 1`,
    );
    expect(ours.map((r) => r.table_name)).toEqual([
      'iredadmin_api_login_failures',
      'iredadmin_api_maillist_subscribers',
      'iredadmin_api_migrations',
      'iredadmin_api_sessions',
    ]);
    // iRedMail's tables were adopted, not made: recorded so (VMAIL_ORIGIN), and those migrations
    // are recorded without having run.
    const adopted = await db.query<{ version: number }>(
      sql`SELECT version FROM iredadmin_api_migrations WHERE adopted = 1 ORDER BY version`,
    );
    expect(adopted.map((r) => r.version)).toEqual([VMAIL_ORIGIN, 1, 2, 5, 7, 11, 14]);
    // Without CHANGE_TRIGGERS nothing of ours is attached to iRedMail's tables (schemaOf lists
    // every trigger there); the server keeps no session cache and says so.
    expect(await changeTriggersInstalled(db)).toBe(false);
    // Starting again changes nothing.
    expect(await migrate(db)).toEqual([]);
    expect(await schemaOf(db)).toEqual(iredmailSchema);
  });

  test("CHANGE_TRIGGERS puts 006's and 012's triggers on iRedMail's tables; a start without it takes them off again", async () => {
    await migrate(db, { changeTriggers: true });
    if (db.dialect === 'postgres') {
      // The same triggers as on a database our migrations made, and nothing else.
      const ours = (await createTestDatabase(backend)).db;
      try {
        expect(await changeTriggerDefinitions(db)).toEqual(await changeTriggerDefinitions(ours));
      } finally {
        await ours.close();
      }
      expect(await changeTriggersInstalled(db)).toBe(true);
      expect(await schemaOf(db)).not.toEqual(iredmailSchema);
    } else {
      // MariaDB has no NOTIFY: nothing to install.
      expect(await schemaOf(db)).toEqual(iredmailSchema);
    }
    // This is also where a database adopted before the setting existed stood (006 had put the
    // triggers there): the next start without the setting leaves iRedMail's tables as they were.
    await migrate(db);
    expect(await schemaOf(db)).toEqual(iredmailSchema);
    expect(await changeTriggersInstalled(db)).toBe(false);
  });
});

/** Definitions of our `iredadmin_api_*` triggers on tables that are not ours (PostgreSQL). */
async function changeTriggerDefinitions(db: Database): Promise<string[]> {
  const rows = await db.query<{ d: string }>(
    sql`SELECT pg_get_triggerdef(t.oid) AS d FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
         WHERE t.tgname LIKE 'iredadmin\\_api\\_%' AND ${raw(IREDMAIL_RELATION)} ORDER BY 1`,
  );
  return rows.map((r) => r.d);
}

describe.each(ALL_BACKENDS)('an existing iRedMail database on %s', (backend) => {
  let db: Database;
  let server: RunningServer;
  let api: ApiSession;
  const notes: string[] = [];

  beforeAll(async () => {
    db = await createIredmailDatabase(backend);
    await seedIredmail(allIn(db));
    await migrate(db);
    server = await startServer({ settings, db, logNote: (note) => notes.push(note) });
    api = new ApiSession(server.url);
    expect(await api.login(POSTMASTER.email, POSTMASTER.password)).toEqual({ _success: true });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  test.each(SCHEMES)('a {$user} password hash verifies, a wrong password does not', async ({ user, password }) => {
    const path = `/api/verify_password/user/${user}@example.com`;
    expect(await api.post(path, { password })).toEqual({ _success: true });
    expect(await api.post(path, { password: `${password}x` })).toEqual({
      _success: false,
      _msg: 'INVALID_CREDENTIALS',
    });
  });

  test('without CHANGE_TRIGGERS the server keeps no session cache, says so once, and reads every session from the database', async () => {
    // MariaDB has no NOTIFY and so never a cache: nothing to say there.
    expect(notes).toEqual(
      db.dialect === 'postgres' ? [expect.stringMatching(/^session cache off: .*CHANGE_TRIGGERS=true/)] : [],
    );
    const boss = new ApiSession(server.url);
    expect(await boss.login(SEPARATE_ADMIN.email, SEPARATE_ADMIN.password)).toMatchObject({ _success: true });
    // Twice: a caching server would now answer this session from memory.
    for (let i = 0; i < 2; i++) expect((await boss.get('/api/domains'))._success).toBe(true);
    // Ended without any NOTIFY (our triggers on the sessions table skipped): only memory would still know it.
    await db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(sql`DELETE FROM iredadmin_api_sessions WHERE username = ${SEPARATE_ADMIN.email}`);
    });
    expect(await boss.get('/api/domains')).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  test('a separate admin with a {CRYPT}$2y$ (bcrypt) hash logs in, global through domain_admins ALL', async () => {
    const boss = new ApiSession(server.url);
    expect(await boss.login(SEPARATE_ADMIN.email, SEPARATE_ADMIN.password)).toMatchObject({ _success: true });
    expect(await boss.get('/api/domain/example.com')).toMatchObject({ _success: true });
  });

  test("reads come from iRedMail's columns: domain quota in maxquota, settings, bcc, forwardings, last login, used quota", async () => {
    const domain = (await api.ok('GET', '/api/domain/example.com')) as Record<string, unknown>;
    expect(domain).toMatchObject({
      domain: 'example.com',
      maxquota: 10240,
      mailboxes: 50,
      settings: { default_user_quota: 1024, max_user_quota: 1536 },
      rbcc_addr: 'inbound@example.com',
      admins: [],
    });
    const user = (await api.ok('GET', '/api/user/ssha512@example.com')) as Record<string, unknown>;
    expect(user).toMatchObject({
      username: 'ssha512@example.com',
      quota: 1024,
      forwardings: ['away@else.example', 'ssha512@example.com'],
      stored_bytes: 4096,
      stored_messages: 3,
      last_login: '2024-05-06T07:08:09',
      enablesogowebmail: 'y',
      // mailbox.birthday is a DATE: a date, as iRedMail stores it, on every backend.
      birthday: '0001-01-01',
    });
    expect(user).not.toHaveProperty('password');
    expect(await api.ok('GET', '/api/user/ssha@example.com')).toMatchObject({
      sender_bcc_address: 'archive@example.com',
    });
    const rows = (await api.ok('GET', '/api/users/example.com')) as Record<string, unknown>[];
    expect(rows.find((r) => r.username === 'ssha512@example.com')).toMatchObject({
      last_login: { imap: 1714979289, pop3: 0, lda: 0 },
      used_quota: { bytes: 4096, messages: 3 },
    });
    expect(await api.get('/api/spampolicy/domain/example.com')).toMatchObject({ _success: true });
    expect(await api.get('/api/throttle/example.com/outbound')).toMatchObject({
      _success: true,
      setting: { account: '@example.com', kind: 'outbound', priority: 60, period: 3600, max_msgs: 500 },
    });
  });

  test('domain quota and max user quota are written to domain.maxquota and settings, other settings kept', async () => {
    await api.ok('PUT', '/api/domain/example.com', { quota: 20480, maxUserQuota: 2048 });
    expect(await db.query(sql`SELECT maxquota, settings FROM domain WHERE domain = 'example.com'`)).toEqual([
      {
        maxquota: 20480,
        settings: expect.stringMatching(/^(?=.*\bdefault_user_quota:1024(;|$))(?=.*\bmax_user_quota:2048(;|$))/),
      },
    ]);
  });

  test('a user change lands in mailbox.quota, forwardings, sender_bcc_user and the SOGo switch letters', async () => {
    await api.ok('PUT', '/api/user/ssha@example.com', {
      quota: 700,
      forwarding: 'one@else.example,ssha@example.com',
      senderBcc: 'copy@example.com',
      removeService: 'sogowebmail,imap',
    });
    expect(
      await db.query(
        "SELECT quota, enablesogowebmail, enableimap, enablesogocalendar FROM mailbox WHERE username = 'ssha@example.com'",
      ),
    ).toEqual([{ quota: 700, enablesogowebmail: 'n', enableimap: 0, enablesogocalendar: 'y' }]);
    expect(
      await db.query(
        "SELECT forwarding, domain, dest_domain, is_forwarding, is_alias, is_list FROM forwardings WHERE address = 'ssha@example.com' ORDER BY forwarding",
      ),
    ).toEqual([
      {
        forwarding: 'one@else.example',
        domain: 'example.com',
        dest_domain: 'else.example',
        is_forwarding: 1,
        is_alias: 0,
        is_list: 0,
      },
      {
        forwarding: 'ssha@example.com',
        domain: 'example.com',
        dest_domain: 'example.com',
        is_forwarding: 1,
        is_alias: 0,
        is_list: 0,
      },
    ]);
    expect(
      await db.query("SELECT bcc_address, domain FROM sender_bcc_user WHERE username = 'ssha@example.com'"),
    ).toEqual([{ bcc_address: 'copy@example.com', domain: 'example.com' }]);
    await api.ok('PUT', '/api/user/ssha@example.com', { addService: 'sogowebmail' });
    expect(await db.query("SELECT enablesogowebmail FROM mailbox WHERE username = 'ssha@example.com'")).toEqual([
      { enablesogowebmail: 'y' },
    ]);
  });

  test('a domain admin is a domain_admins row plus mailbox.isadmin', async () => {
    await api.ok('PUT', '/api/domain/admins/example.com', { addAdmin: 'plain@example.com' });
    expect(await db.query("SELECT username, domain FROM domain_admins WHERE domain = 'example.com'")).toEqual([
      { username: 'plain@example.com', domain: 'example.com' },
    ]);
    expect(await db.query("SELECT isadmin FROM mailbox WHERE username = 'plain@example.com'")).toEqual([
      { isadmin: 1 },
    ]);
  });

  test("spam policy and throttle of a user land in amavisd's policy/users and iRedAPD's throttle; deleting the user takes them", async () => {
    await api.ok('PUT', '/api/spampolicy/user/bcrypt@example.com', { bypass_spam_checks: 'yes', spam_score: 6 });
    // users.email (bytea/varbinary) is matched as the address's bytes.
    const policies = await db.query(
      sql`SELECT p.policy_name, p.bypass_spam_checks, p.spam_tag2_level, u.priority
           FROM users u JOIN policy p ON p.id = u.policy_id WHERE u.email = ${Buffer.from('bcrypt@example.com')}`,
    );
    expect(policies).toEqual([
      {
        policy_name: 'bcrypt@example.com',
        bypass_spam_checks: 'Y',
        spam_tag2_level: 6,
        priority: 10,
      },
    ]);
    await api.ok('POST', '/api/throttle/bcrypt@example.com/outbound', { period: 60, max_msgs: 10 });
    expect(
      await db.query("SELECT kind, priority, period, max_msgs FROM throttle WHERE account = 'bcrypt@example.com'"),
    ).toEqual([{ kind: 'outbound', priority: 100, period: 60, max_msgs: 10 }]);

    await api.ok('DELETE', '/api/user/bcrypt@example.com');
    const gone = 'bcrypt@example.com';
    for (const statement of [
      sql`SELECT 1 FROM mailbox WHERE username = ${gone}`,
      sql`SELECT 1 FROM forwardings WHERE address = ${gone}`,
      sql`SELECT 1 FROM throttle WHERE account = ${gone}`,
      sql`SELECT 1 FROM policy WHERE policy_name = ${gone}`,
      sql`SELECT 1 FROM users WHERE email = ${Buffer.from(gone)}`,
    ]) {
      expect(await db.query(statement)).toEqual([]);
    }
    // The domain's own policy and throttle stay.
    expect(await db.query(sql`SELECT 1 FROM users WHERE email = ${Buffer.from('@example.com')}`)).toHaveLength(1);
    expect(await db.query("SELECT 1 FROM throttle WHERE account = '@example.com'")).toHaveLength(1);
  });

  test("white/blacklists and greylisting land in amavisd's wblist/mailaddr and iRedAPD's greylisting", async () => {
    await api.ok('POST', '/api/wblist/inbound/whitelist/plain@example.com', { addresses: 'friend@partner.example' });
    expect(await api.ok('GET', '/api/wblist/inbound/whitelist/plain@example.com')).toEqual(['friend@partner.example']);
    expect(
      await db.query(
        sql`SELECT w.wb FROM wblist w JOIN users u ON u.id = w.rid JOIN mailaddr m ON m.id = w.sid
             WHERE u.email = ${Buffer.from('plain@example.com')} AND m.email = ${Buffer.from('friend@partner.example')}`,
      ),
    ).toEqual([{ wb: 'W' }]);
    await api.ok('POST', '/api/greylisting/example.com', { status: 'disable' });
    expect(await api.ok('GET', '/api/greylisting/example.com')).toEqual({ status: 'disabled' });
    expect(await db.query("SELECT sender, active FROM greylisting WHERE account = '@example.com'")).toEqual([
      { sender: '@.', active: 0 },
    ]);
  });

  test("rows the API creates carry the time of the insert, not the 1970 default of iRedMail's MySQL schema", async () => {
    await api.ok('POST', '/api/domain/stamped.example', {});
    await api.ok('PUT', '/api/domain/stamped.example', {
      senderBcc: 'out@stamped.example',
      recipientBcc: 'in@stamped.example',
    });
    await api.ok('POST', '/api/user/u@stamped.example', { password: 'Stamped!pw12' });
    await api.ok('PUT', '/api/user/u@stamped.example', {
      senderBcc: 'copy@stamped.example',
      recipientBcc: 'copy@stamped.example',
    });
    await api.ok('PUT', '/api/domain/admins/stamped.example', { addAdmin: 'u@stamped.example' });
    await api.ok('POST', '/api/alias/a@stamped.example', {});
    await api.ok('POST', '/api/ml/l@stamped.example', {});
    await api.ok('POST', '/api/admin/stamped@admins.example', { password: 'Stamped!pw12', isGlobalAdmin: 'yes' });
    // The first global admin a server start creates (IREDADMIN_ADMIN).
    await ensureGlobalAdmin(db, 'first@admins.example', 'Stamped!pw12', 'SSHA512');
    // `changed`: passwordlastchange where the table has one.
    const stamps = await db.query<{ t: string; created: string; modified: string; changed: string }>(
      sql`SELECT 'domain' AS t, created, modified, created AS changed FROM domain WHERE domain = 'stamped.example'
          UNION ALL SELECT 'sender_bcc_domain', created, modified, created FROM sender_bcc_domain WHERE domain = 'stamped.example'
          UNION ALL SELECT 'recipient_bcc_domain', created, modified, created FROM recipient_bcc_domain WHERE domain = 'stamped.example'
          UNION ALL SELECT 'mailbox', created, modified, passwordlastchange FROM mailbox WHERE username = 'u@stamped.example'
          UNION ALL SELECT 'sender_bcc_user', created, modified, created FROM sender_bcc_user WHERE username = 'u@stamped.example'
          UNION ALL SELECT 'recipient_bcc_user', created, modified, created FROM recipient_bcc_user WHERE username = 'u@stamped.example'
          UNION ALL SELECT 'domain_admins', created, modified, created FROM domain_admins WHERE domain = 'stamped.example'
          UNION ALL SELECT 'alias', created, modified, created FROM alias WHERE address = 'a@stamped.example'
          UNION ALL SELECT 'maillists', created, modified, created FROM maillists WHERE address = 'l@stamped.example'
          UNION ALL SELECT 'admin', created, modified, passwordlastchange FROM admin WHERE username = 'stamped@admins.example'
          UNION ALL SELECT 'domain_admins ALL', created, modified, created FROM domain_admins WHERE username = 'stamped@admins.example'
          UNION ALL SELECT 'first admin', created, modified, passwordlastchange FROM admin WHERE username = 'first@admins.example'
          UNION ALL SELECT 'first admin ALL', created, modified, created FROM domain_admins WHERE username = 'first@admins.example'`,
    );
    expect(stamps.map((r) => r.t)).toHaveLength(13);
    const year = String(new Date().getUTCFullYear());
    for (const row of stamps)
      for (const stamp of [row.created, row.modified, row.changed])
        expect(`${row.t} ${String(stamp).slice(0, 4)}`).toBe(`${row.t} ${year}`);
  });

  test('a new user gets the rows iRedMail gives one: mailbox with maildir and quota, its self-forwarding row', async () => {
    await api.ok('POST', '/api/user/new@example.com', { password: 'NewUser!pw12', quota: 256 });
    const [row] = await db.query<Record<string, unknown>>(
      "SELECT quota, domain, storagebasedirectory, storagenode, maildir, enablesogowebmail FROM mailbox WHERE username = 'new@example.com'",
    );
    expect(row).toMatchObject({
      quota: 256,
      domain: 'example.com',
      storagebasedirectory: '/var/vmail',
      storagenode: 'vmail1',
      maildir: expect.stringMatching(/^example\.com\/n\/e\/w\/new-/),
      enablesogowebmail: 'y',
    });
    expect(
      await db.query("SELECT forwarding, is_forwarding FROM forwardings WHERE address = 'new@example.com'"),
    ).toEqual([{ forwarding: 'new@example.com', is_forwarding: 1 }]);
  });

  test("TEXT columns iRedMail's MySQL schema leaves NULL (settings, description, disclaimer) read as empty and take writes", async () => {
    // Rows as iRedMail's tools insert them, naming no TEXT column: NULL on MariaDB, '' on PostgreSQL.
    await db.query("INSERT INTO domain (domain, transport, created) VALUES ('bare.example', 'dovecot', NOW())");
    await db.query(
      "INSERT INTO mailbox (username, password, maildir, domain, created) VALUES ('bare@bare.example', '{PLAIN}Bare!pw123', 'bare.example/b/a/r/bare/', 'bare.example', NOW())",
    );
    await db.query(
      sql`INSERT INTO admin (username, password, name) VALUES (${BARE_ADMIN.email}, ${`{PLAIN}${BARE_ADMIN.password}`}, 'Bare')`,
    );
    await db.query(
      "INSERT INTO maillists (address, domain, transport, mlid, created) VALUES ('list@bare.example', 'bare.example', 'mlmmj:bare.example/list', 'bare-list-id', NOW())",
    );
    // NULL description/disclaimer answer '' as on PostgreSQL, whose schema has '' there.
    expect(await api.ok('GET', '/api/domain/bare.example')).toMatchObject({
      settings: {},
      description: '',
      disclaimer: '',
    });
    expect(await api.ok('GET', '/api/domains')).toMatchObject({
      'bare.example': { description: '', disclaimer: '' },
    });
    expect(await api.ok('GET', '/api/user/bare@bare.example')).toMatchObject({ settings: {}, disclaimer: '' });
    expect(await api.ok('GET', '/api/users/bare.example')).toEqual([
      expect.objectContaining({ username: 'bare@bare.example', disclaimer: '' }),
    ]);
    expect(await api.ok('GET', `/api/admin/${BARE_ADMIN.email}`)).toMatchObject({ settings: {} });
    expect(await api.ok('GET', '/api/ml/list@bare.example')).toMatchObject({ settings: {}, owners: [] });
    expect(await api.get('/api/ldif/domain/bare.example')).toMatchObject({ _success: true });

    await api.ok('PUT', '/api/domain/bare.example', { name: 'Bare', maxUserQuota: 2048 });
    expect(await db.query("SELECT description, settings FROM domain WHERE domain = 'bare.example'")).toEqual([
      { description: 'Bare', settings: 'max_user_quota:2048' },
    ]);
    await api.ok('PUT', '/api/ml/list@bare.example', { owners: 'bare@bare.example' });
    expect(await db.query("SELECT settings FROM maillists WHERE address = 'list@bare.example'")).toEqual([
      { settings: 'owners:bare@bare.example' },
    ]);
    // A name change leaves the admin's rights as they were: its session stays.
    const bare = new ApiSession(server.url);
    expect(await bare.login(BARE_ADMIN.email, BARE_ADMIN.password)).toMatchObject({ _success: true });
    await api.ok('PUT', `/api/admin/${BARE_ADMIN.email}`, { name: 'Bare Two' });
    expect(await bare.get('/api/domains')).toMatchObject({ _success: true });
    expect(await db.query(sql`SELECT name FROM admin WHERE username = ${BARE_ADMIN.email}`)).toEqual([
      { name: 'Bare Two' },
    ]);
    // A mail user made domain admin, its mailbox.settings (its limits) NULL, creates accounts.
    await api.ok('PUT', '/api/domain/admins/bare.example', { addAdmin: 'bare@bare.example' });
    const domainAdmin = new ApiSession(server.url);
    expect(await domainAdmin.login('bare@bare.example', 'Bare!pw123')).toMatchObject({ _success: true });
    await domainAdmin.ok('POST', '/api/user/second@bare.example', { password: 'Second!pw123' });
    await domainAdmin.ok('POST', '/api/alias/team@bare.example', {});
    await domainAdmin.ok('POST', '/api/ml/news@bare.example', {});
    expect(await domainAdmin.ok('GET', '/api/domain/bare.example')).toMatchObject({
      num_existing_users: 2,
      num_existing_aliases: 1,
      num_existing_lists: 2,
    });
  });
});

describe.each(ALL_BACKENDS)('an iRedMail database an earlier version of this server migrated, on %s', (backend) => {
  test('migrations 1-6 recorded as run (before adoption existed): the next start keeps SOGo letters and data', async () => {
    const db = await createIredmailDatabase(backend);
    try {
      await seedIredmail(allIn(db));
      await db.query(sql`UPDATE mailbox SET enablesogocalendar = 'n' WHERE username = 'ssha@example.com'`);
      await db.exec('CREATE TABLE iredadmin_api_migrations (version INT PRIMARY KEY, name TEXT NOT NULL)');
      // What that version's migration 3 made (later migrations change its tables).
      await db.exec(api(db.dialect));
      for (const version of [1, 2, 3, 4, 5, 6]) {
        await db.query(sql`INSERT INTO iredadmin_api_migrations (version, name) VALUES (${version}, 'earlier')`);
      }
      const indexes = await sortedIndexesOf(db);
      await migrate(db);
      // Migration 14's keys and indexes carry iRedMail's names: iRedMail's are found, none made twice.
      expect(await sortedIndexesOf(db)).toEqual(indexes);
      expect(
        await db.query(
          sql`SELECT username, enablesogowebmail, enablesogocalendar FROM mailbox
               WHERE username ${isAnyOf(['ssha@example.com', 'plain@example.com'])} ORDER BY username`,
        ),
      ).toEqual([
        { username: 'plain@example.com', enablesogowebmail: 'y', enablesogocalendar: 'y' },
        { username: 'ssha@example.com', enablesogowebmail: 'y', enablesogocalendar: 'n' },
      ]);
    } finally {
      await db.close();
    }
  });
});

describe.each(ALL_BACKENDS)('the server refuses an incomplete iRedMail database on %s', (backend) => {
  test('vmail without the amavisd and iredapd tables: the missing tables and where iRedMail keeps them', async () => {
    const db = await createIredmailDatabase(backend, ['vmail']);
    try {
      await expect(migrate(db)).rejects.toThrow(
        /table policy is missing \(iRedMail keeps it in iRedMail's `amavisd` database.*table throttle is missing \(iRedMail keeps it in iRedAPD's `iredapd` database/,
      );
      // Nothing was left behind: not even our own tables.
      expect(
        await db.query(
          sql`SELECT table_name AS t FROM information_schema.tables
               WHERE table_schema ${visibleSchema(db.dialect)} AND table_name LIKE 'iredadmin_api_%'`,
        ),
      ).toEqual([]);
    } finally {
      await db.close();
    }
  });

  test('a column the server uses is missing: named, with the fix', async () => {
    const db = await createIredmailDatabase(backend);
    try {
      await db.exec('ALTER TABLE mailbox DROP COLUMN enablesogowebmail');
      await db.exec('ALTER TABLE throttle DROP COLUMN max_rcpts');
      await expect(migrate(db)).rejects.toThrow(
        /table mailbox lacks column\(s\) enablesogowebmail; table throttle lacks column\(s\) max_rcpts\. .*apply iRedMail's own upgrade scripts/,
      );
    } finally {
      await db.close();
    }
  });
});
