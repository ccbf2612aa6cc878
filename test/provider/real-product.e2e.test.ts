/**
 * The provider against a server that answers like the real iRedAdmin-Pro (SQL edition): our
 * server on PGlite behind test/support/product-proxy.ts (303 redirects to the login page for
 * expired sessions on spam policies and global throttles, no throttle DELETE, no LDIF, a
 * verify_password failure without `_msg`). The standard life cycle
 * runs for every resource through it, with sessions deleted on the server in the middle of the
 * spam policy and global throttle runs, so terraform goes through the 303 → log in again path
 * (and of the wblist run: PERMISSION_DENIED → log in again).
 */
import { IRedAdminClient } from '../../src/client';
import { adminSession, type ApiSession } from '../support/api';
import { describeLifecycle, type LifecycleSpec } from '../support/lifecycle';
import { startProductProxy, type ProductProxy } from '../support/product-proxy';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import type { TerraformWorkspace } from '../support/terraform';
import type { TestServer } from '../support/test-server';
import { sql } from '../../src/server/db/sql';

const D = 'real.example';

let e2e: ProviderE2E;
let server: TestServer;
let api: ApiSession;
let proxy: ProductProxy;
/** A path prefix whose next request first loses every session on the server (armed by a test step). */
let expireBefore: string | undefined;

/** A terraform workspace whose provider talks to the product-like proxy. */
function workspace(): TerraformWorkspace {
  return e2e.workspace({ IREDADMIN_URL: proxy.url });
}

/** Every session on the server ends (as when the product's 1800 s run out); the test's own logs in again. */
async function expireSessions(): Promise<void> {
  await server.db.query(sql`DELETE FROM iredadmin_api_sessions`);
  const login = await api.login(server.admin.email, server.admin.password);
  if (!login._success) throw new Error(`re-login failed: ${login._msg}`);
}

beforeAll(async () => {
  e2e = await startProviderE2E('pglite');
  ({ server, api } = e2e);
  proxy = await startProductProxy(server.url, {
    async beforeForward(_method, path) {
      if (expireBefore === undefined || !path.startsWith(expireBefore)) return;
      expireBefore = undefined;
      await expireSessions();
    },
  });
  await api.ok('POST', `/api/domain/${D}`, { name: 'Real' });
  for (const name of ['jane', 'bob']) await api.ok('POST', `/api/user/${name}@${D}`, { password: 'Secr3t!pass', name });
});
afterAll(async () => {
  await proxy?.close();
  await e2e?.close();
});

const get = (path: string) => api.ok('GET', path) as Promise<Record<string, unknown>>;
const gone = async (path: string, code = 'NO_SUCH_ACCOUNT') =>
  expect(await api.get(path)).toEqual({ _success: false, _msg: code });

/** One resource's life cycle in a workspace of its own. */
function lifecycle(title: string, spec: LifecycleSpec): void {
  describe(`${title} through the real-product proxy`, () => {
    let tf: TerraformWorkspace;
    beforeAll(() => {
      tf = workspace();
    });
    describeLifecycle(spec, () => ({ tf, api, newWorkspace: workspace }));
  });
}

lifecycle('iredadmin_domain', {
  address: 'iredadmin_domain.life',
  importId: 'life.example',
  create: `resource "iredadmin_domain" "life" {
  domain = "life.example"
  name   = "Life"
  quota  = 2048
}
`,
  update: `resource "iredadmin_domain" "life" {
  domain        = "life.example"
  name          = "Life 2"
  quota         = 4096
  default_quota = 512
}
`,
  async checkServer(_a, stage) {
    expect(await get('/api/domain/life.example')).toMatchObject(
      stage === 'created' ? { description: 'Life', maxquota: 2048 } : { description: 'Life 2', maxquota: 4096 },
    );
  },
  async changeOutOfBand(a) {
    await a.ok('PUT', '/api/domain/life.example', { name: 'Drifted', quota: 4096 });
  },
  expectInPlan: /~ name\s+= "Drifted" -> "Life 2"/,
  async deleteOutOfBand(a) {
    await a.ok('DELETE', '/api/domain/life.example');
  },
  checkGone: () => gone('/api/domain/life.example', 'NO_SUCH_DOMAIN'),
});

lifecycle('iredadmin_user', {
  address: 'iredadmin_user.carol',
  importId: `carol@${D}`,
  create: `resource "iredadmin_user" "carol" {
  email    = "carol@${D}"
  password = "Car0l!secret"
  name     = "Carol"
  quota    = 1024
}
`,
  update: `resource "iredadmin_user" "carol" {
  email          = "carol@${D}"
  password       = "Car0l!secret"
  name           = "Carol C."
  quota          = 2048
  account_status = "disabled"
}
`,
  async checkServer(_a, stage) {
    expect(await get(`/api/user/carol@${D}`)).toMatchObject(
      stage === 'created' ? { name: 'Carol', quota: 1024, active: 1 } : { name: 'Carol C.', quota: 2048, active: 0 },
    );
  },
  async changeOutOfBand(a) {
    await a.ok('PUT', `/api/user/carol@${D}`, { name: 'Drifted' });
  },
  expectInPlan: /~ name\s+= "Drifted" -> "Carol C."/,
  async deleteOutOfBand(a) {
    await a.ok('DELETE', `/api/user/carol@${D}`);
  },
  checkGone: () => gone(`/api/user/carol@${D}`),
  importIgnores: ['password', 'keep_mailbox_days'],
});

lifecycle('iredadmin_admin', {
  address: 'iredadmin_admin.ops',
  importId: 'ops@admins.test',
  create: `resource "iredadmin_admin" "ops" {
  email       = "ops@admins.test"
  name        = "Ops"
  password    = "0ps!Secret"
  max_domains = 2
}
`,
  update: `resource "iredadmin_admin" "ops" {
  email       = "ops@admins.test"
  name        = "Ops team"
  password    = "0ps!Secret"
  max_domains = 3
  max_users   = 10
}
`,
  async checkServer(_a, stage) {
    expect(await get('/api/admin/ops@admins.test')).toMatchObject({ name: stage === 'created' ? 'Ops' : 'Ops team' });
  },
  async changeOutOfBand(a) {
    await a.ok('PUT', '/api/admin/ops@admins.test', { name: 'Drifted' });
  },
  expectInPlan: /~ name\s+= "Drifted" -> "Ops team"/,
  async deleteOutOfBand(a) {
    await a.ok('DELETE', '/api/admin/ops@admins.test');
  },
  checkGone: () => gone('/api/admin/ops@admins.test'),
  importIgnores: ['password'],
});

const adminsOf = async () => ((await api.ok('GET', `/api/domain/admins/${D}`)) as string[]).slice().sort();

lifecycle('iredadmin_domain_admins', {
  address: 'iredadmin_domain_admins.real',
  importId: D,
  create: `resource "iredadmin_domain_admins" "real" {
  domain = "${D}"
  admins = ["jane@${D}"]
}
`,
  update: `resource "iredadmin_domain_admins" "real" {
  domain = "${D}"
  admins = ["jane@${D}", "bob@${D}"]
}
`,
  async checkServer(_a, stage) {
    expect(await adminsOf()).toEqual(stage === 'created' ? [`jane@${D}`] : [`bob@${D}`, `jane@${D}`]);
  },
  async changeOutOfBand(a) {
    await a.ok('PUT', `/api/domain/admins/${D}`, { removeAdmin: `bob@${D}` });
  },
  expectInPlan: new RegExp(`\\+\\s+"bob@${D.replace('.', '\\.')}"`),
  async deleteOutOfBand(a) {
    await a.ok('PUT', `/api/domain/admins/${D}`, { removeAllAdmins: '' });
  },
  async checkGone() {
    expect(await adminsOf()).toEqual([]);
  },
});

lifecycle('iredadmin_alias', {
  address: 'iredadmin_alias.team',
  importId: `team@${D}`,
  // Created disabled: POST ignores accountStatus, so the provider follows it with a PUT.
  create: `resource "iredadmin_alias" "team" {
  email          = "team@${D}"
  name           = "Team"
  members        = ["jane@${D}"]
  account_status = "disabled"
}
`,
  update: `resource "iredadmin_alias" "team" {
  email          = "team@${D}"
  name           = "Team 2"
  access_policy  = "domain"
  members        = ["jane@${D}", "bob@${D}"]
  account_status = "active"
}
`,
  async checkServer(_a, stage) {
    expect(await get(`/api/alias/team@${D}`)).toMatchObject(
      stage === 'created'
        ? { name: 'Team', active: 0, members: [`jane@${D}`] }
        : { name: 'Team 2', active: 1, accesspolicy: 'domain', members: [`bob@${D}`, `jane@${D}`] },
    );
  },
  async changeOutOfBand(a) {
    await a.ok('PUT', `/api/alias/team@${D}`, { name: 'Drifted' });
  },
  expectInPlan: /~ name\s+= "Drifted" -> "Team 2"/,
  async deleteOutOfBand(a) {
    await a.ok('DELETE', `/api/alias/team@${D}`);
  },
  checkGone: () => gone(`/api/alias/team@${D}`),
});

const list = async () => {
  const view = (await api.ok('GET', `/api/ml/news@${D}`, { with_subscribers: 'yes' })) as Record<string, unknown> & {
    subscribers: { mail: string }[];
  };
  return { ...view, subscribers: view.subscribers.map((s) => s.mail) };
};

lifecycle('iredadmin_maillist', {
  address: 'iredadmin_maillist.news',
  importId: `news@${D}`,
  // Moderators and owners unset: the postmaster the server adds is no diff.
  create: `resource "iredadmin_maillist" "news" {
  email            = "news@${D}"
  name             = "News"
  members          = ["jane@${D}"]
  max_message_size = 1048576
}
`,
  update: `resource "iredadmin_maillist" "news" {
  email          = "news@${D}"
  name           = "News 2"
  members        = ["jane@${D}", "bob@${D}"]
  moderators     = ["jane@${D}"]
  account_status = "disabled"
}
`,
  async checkServer(_a, stage) {
    expect(await list()).toMatchObject(
      stage === 'created'
        ? {
            name: 'News',
            accesspolicy: 'public',
            maxmsgsize: 1048576,
            active: 1,
            subscribers: [`jane@${D}`],
            moderators: [`postmaster@${D}`],
            owners: [`postmaster@${D}`],
          }
        : {
            name: 'News 2',
            active: 0,
            subscribers: [`bob@${D}`, `jane@${D}`],
            moderators: [`jane@${D}`],
            owners: [`postmaster@${D}`],
          },
    );
  },
  async changeOutOfBand(a) {
    // No accountStatus: the list is enabled again, as the product does.
    await a.ok('PUT', `/api/ml/news@${D}`, { name: 'Drifted' });
  },
  expectInPlan: /^(?=[\s\S]*~ account_status\s+= "active" -> "disabled")(?=[\s\S]*~ name\s+= "Drifted" -> "News 2")/,
  async deleteOutOfBand(a) {
    await a.ok('DELETE', `/api/ml/news@${D}`);
  },
  checkGone: () => gone(`/api/ml/news@${D}`),
});

lifecycle('iredadmin_throttle (global)', {
  address: 'iredadmin_throttle.global',
  importId: 'global/inbound',
  create: `resource "iredadmin_throttle" "global" {
  target    = "global"
  direction = "inbound"
  period    = 60
  max_msgs  = 100
}
`,
  update: `resource "iredadmin_throttle" "global" {
  target    = "global"
  direction = "inbound"
  period    = 3600
  max_msgs  = 1000
  msg_size  = 10485760
}
`,
  async checkServer(a, stage) {
    expect((await a.get('/api/throttle/global/inbound')).setting).toEqual(
      stage === 'created'
        ? { account: '@.', kind: 'inbound', priority: 0, period: 60, msg_size: 0, max_msgs: 100, max_quota: 0 }
        : {
            account: '@.',
            kind: 'inbound',
            priority: 0,
            period: 3600,
            msg_size: 10485760,
            max_msgs: 1000,
            max_quota: 0,
          },
    );
  },
  async changeOutOfBand(a) {
    await a.ok('POST', '/api/throttle/global/inbound', { period: 3600, max_msgs: 1, msg_size: 10485760 });
    // The next plan's refresh finds its session gone: the product redirects it to the login page.
    expireBefore = '/api/throttle/global/';
  },
  expectInPlan: /~ max_msgs\s+= 1 -> 1000/,
  async deleteOutOfBand(a) {
    await a.ok('POST', '/api/throttle/global/inbound', { period: 0 });
  },
  async checkGone(a) {
    // Destroyed with period=0 (the product has no DELETE): nothing left.
    expect(await a.get('/api/throttle/global/inbound')).toEqual({ _success: true, setting: {} });
  },
});

lifecycle('iredadmin_spampolicy', {
  address: 'iredadmin_spampolicy.real',
  importId: D,
  create: `resource "iredadmin_spampolicy" "real" {
  target          = "${D}"
  quarantine_spam = true
  spam_score      = 5
}
`,
  update: `resource "iredadmin_spampolicy" "real" {
  target                 = "${D}"
  prefix_spam_in_subject = true
  bypass_virus_checks    = true
  spam_score             = 6
}
`,
  async checkServer(a, stage) {
    expect(await a.ok('GET', `/api/spampolicy/domain/${D}`)).toMatchObject(
      stage === 'created'
        ? { policy_name: `@${D}`, spam_quarantine_to: 'spam-quarantine', bypass_virus_checks: 'N', spam_tag2_level: 5 }
        : {
            policy_name: `@${D}`,
            spam_quarantine_to: '',
            spam_subject_tag2: '[SPAM] ',
            bypass_virus_checks: 'Y',
            spam_tag2_level: 6,
          },
    );
  },
  async changeOutOfBand(a) {
    await a.ok('PUT', `/api/spampolicy/domain/${D}`, { prefix_spam_in_subject: 'yes', spam_score: 6 });
    expireBefore = '/api/spampolicy/';
  },
  expectInPlan: /~ bypass_virus_checks\s+= false -> true/,
  async deleteOutOfBand(a) {
    await a.ok('DELETE', `/api/spampolicy/domain/${D}`);
  },
  async checkGone(a) {
    expect(await a.ok('GET', `/api/spampolicy/domain/${D}`)).toEqual({});
  },
});

lifecycle('iredadmin_wblist', {
  address: 'iredadmin_wblist.real',
  importId: `${D}/inbound`,
  create: `resource "iredadmin_wblist" "real" {
  target    = "${D}"
  direction = "inbound"
  whitelist = ["@partner.example"]
  blacklist = ["@spam.example"]
}
`,
  update: `resource "iredadmin_wblist" "real" {
  target    = "${D}"
  direction = "inbound"
  whitelist = ["@partner.example", "192.0.2.0/24"]
  blacklist = ["bounce@*"]
}
`,
  async checkServer(a, stage) {
    expect([
      await a.ok('GET', `/api/wblist/inbound/whitelist/${D}`),
      await a.ok('GET', `/api/wblist/inbound/blacklist/${D}`),
    ]).toEqual(
      stage === 'created'
        ? [['@partner.example'], ['@spam.example']]
        : [['192.0.2.0/24', '@partner.example'], ['bounce@*']],
    );
  },
  async changeOutOfBand(a) {
    await a.ok('POST', `/api/wblist/inbound/blacklist/${D}`, { addresses: 'intruder@example.org' });
    // The next refresh finds its session gone: the product answers PERMISSION_DENIED there.
    expireBefore = '/api/wblist/';
  },
  expectInPlan: /- "intruder@example\.org"/,
  async deleteOutOfBand(a) {
    await a.ok('DELETE', `/api/wblist/inbound/whitelist/${D}`);
    await a.ok('DELETE', `/api/wblist/inbound/blacklist/${D}`);
  },
  async checkGone(a) {
    expect([
      await a.ok('GET', `/api/wblist/inbound/whitelist/${D}`),
      await a.ok('GET', `/api/wblist/inbound/blacklist/${D}`),
    ]).toEqual([[], []]);
  },
});

lifecycle('iredadmin_greylisting', {
  address: 'iredadmin_greylisting.real',
  importId: `jane@${D}`,
  create: `resource "iredadmin_greylisting" "real" {
  target  = "jane@${D}"
  enabled = false
}
`,
  update: `resource "iredadmin_greylisting" "real" {
  target              = "jane@${D}"
  enabled             = true
  whitelisted_senders = ["@partner.example"]
}
`,
  async checkServer(a, stage) {
    expect(await a.ok('GET', `/api/greylisting/jane@${D}`)).toEqual({
      status: stage === 'created' ? 'disabled' : 'enabled',
    });
    expect(await a.ok('GET', `/api/greylisting/jane@${D}/whitelists`)).toEqual({
      whitelists: stage === 'created' ? [] : ['@partner.example'],
    });
  },
  async changeOutOfBand(a) {
    await a.ok('POST', `/api/greylisting/jane@${D}`, { status: 'disable' });
    expireBefore = '/api/greylisting/';
  },
  expectInPlan: /~ enabled\s+= false -> true/,
  async deleteOutOfBand(a) {
    await a.ok('POST', `/api/greylisting/jane@${D}`, { status: 'inherit' });
  },
  async checkGone(a) {
    expect(await a.ok('GET', `/api/greylisting/jane@${D}`)).toEqual({ status: 'inherit' });
  },
});

describe('what only the real product does', () => {
  test('the expired sessions were answered with 303 redirects, and terraform logged in again', () => {
    expect(expireBefore).toBeUndefined();
    expect(proxy.rewritten).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET \/api\/throttle\/global\/inbound -> 303$/),
        expect.stringMatching(new RegExp(`^GET /api/spampolicy/domain/${D.replace('.', '\\.')} -> 303$`)),
      ]),
    );
    // On /api/wblist the product says PERMISSION_DENIED without a session: the provider logged in again.
    expect(proxy.rewritten).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET \/api\/wblist\/inbound\/(white|black)list\/real\.example -> 200$/),
      ]),
    );
    // No throttle DELETE reached the proxy: destroy used period=0.
    expect(proxy.refused.filter((r) => r.startsWith('DELETE /api/throttle/'))).toEqual([]);
  });

  test('the ldif data source says the SQL edition has no LDIF export', async () => {
    const tf = workspace();
    tf.write(`data "iredadmin_ldif" "real" {\n  kind   = "domain"\n  target = "${D}"\n}\n`);
    await tf.init();
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('not supported by this server');
    expect(proxy.refused).toContain(`GET /api/ldif/domain/${D}`);
  });

  test("the client reads a verify_password failure without _msg, and user list rows shaped as the product's", async () => {
    const client = new IRedAdminClient({
      baseUrl: proxy.url,
      username: server.admin.email,
      password: server.admin.password,
      retries: 0,
    });
    try {
      await expect(client.users.verifyPassword(`jane@${D}`, 'Secr3t!pass')).resolves.toBe(true);
      await expect(client.users.verifyPassword(`jane@${D}`, 'Wrong!pass1')).resolves.toBe(false);
      expect(proxy.rewritten).toContain(`POST /api/verify_password/user/jane@${D} -> 200`);
      const rows = await client.users.list(D);
      expect(rows.find((r) => r.username === `jane@${D}`)).toMatchObject({
        last_login: { imap: 0, pop3: 0, lda: 0 },
        used_quota: { bytes: 0, messages: 0 },
      });
      expect(rows.find((r) => r.username === `jane@${D}`)).not.toHaveProperty('password');
    } finally {
      await client.close();
    }
  });

  test('a parameter the product does not take on a route is ignored, as the product ignores it', async () => {
    const viaProxy = await adminSession({ url: proxy.url, admin: server.admin });
    await viaProxy.ok('PUT', `/api/domain/${D}`, { numberOfLists: 7, name: 'Real, renamed' });
    expect(proxy.ignored).toContain(`PUT /api/domain/${D}: numberOfLists`);
    expect(await get(`/api/domain/${D}`)).toMatchObject({ description: 'Real, renamed', maillists: 0 });
    await viaProxy.ok('PUT', `/api/domain/${D}`, { name: 'Real' });
    // A normal admin's limits count on PUT only with isGlobalAdmin=no.
    const admin = 'limits@ops.example.net';
    await viaProxy.ok('POST', `/api/admin/${admin}`, { password: 'Secr3t!pass', maxDomains: 2, maxUsers: 10 });
    await viaProxy.ok('PUT', `/api/admin/${admin}`, { maxUsers: 20 });
    expect(proxy.ignored).toContain(`PUT /api/admin/${admin}: maxUsers`);
    await viaProxy.ok('PUT', `/api/admin/${admin}`, { isGlobalAdmin: 'no', maxUsers: 30 });
    expect(proxy.ignored.filter((entry) => entry.includes(admin))).toEqual([`PUT /api/admin/${admin}: maxUsers`]);
    await viaProxy.ok('DELETE', `/api/admin/${admin}`);
  });
});
