/**
 * Our server answers mailing lists, aliases, throttles and spam policies like the real
 * iRedAdmin-Pro (SQL edition): one test per fact of the API facts note ("Corrections and
 * additions": Mailing lists and aliases, Throttles, Lists; and the spam policy and throttle
 * shapes), on both backends. Deliberate differences (our throttle DELETE) are checked as such.
 */
import type { ApiSession } from '../support/api';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';
import { raw, sql } from '../../src/server/db/sql';

const D = 'conf.example';
type Row = Record<string, unknown>;

describe.each(SERVER_BACKENDS)('lists, aliases, throttles and spam policies conformance on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), { domains: [D] });
  beforeAll(async () => {
    await api.ok('POST', `/api/user/user@${D}`, { password: 'Us3r!secret' });
  });

  const ml = async (name: string) =>
    (await api.ok('GET', `/api/ml/${name}@${D}`, { with_subscribers: 'yes' })) as Row & {
      subscribers: { mail: string }[];
    };
  const alias = async (name: string) => (await api.ok('GET', `/api/alias/${name}@${D}`)) as Row;
  const throttle = async (path: string) => (await api.get(`/api/throttle/${path}`)).setting;

  // ---- mailing lists (/api/ml) ----

  test('POST /api/ml: the access policy defaults to public', async () => {
    await api.ok('POST', `/api/ml/open@${D}`);
    expect(await ml('open')).toMatchObject({ accesspolicy: 'public' });
  });

  test('POST /api/ml: max_message_size is 0 at creation, set with a PUT', async () => {
    await api.ok('POST', `/api/ml/size@${D}`, { max_message_size: 1048576 });
    expect(await ml('size')).toMatchObject({ maxmsgsize: 0 });
    await api.ok('PUT', `/api/ml/size@${D}`, { accountStatus: 'active', max_message_size: 1048576 });
    expect(await ml('size')).toMatchObject({ maxmsgsize: 1048576 });
  });

  test('POST /api/ml: subscribers (a comma list) are accepted at creation', async () => {
    await api.ok('POST', `/api/ml/subs@${D}`, { subscribers: `a@${D}, B@Elsewhere.example` });
    expect((await ml('subs')).subscribers.map((s) => s.mail)).toEqual([`a@${D}`, 'b@elsewhere.example']);
  });

  test("POST /api/ml: the domain's postmaster@ becomes owner and moderator", async () => {
    await api.ok('POST', `/api/ml/staffed@${D}`, { moderators: `mod@${D}`, owners: `own@${D}` });
    expect(await ml('staffed')).toMatchObject({ owners: [`postmaster@${D}`], moderators: [`postmaster@${D}`] });
  });

  test('PUT /api/ml: moderators and owners replace whole sets; add/remove parameters are not read', async () => {
    await api.ok('POST', `/api/ml/sets@${D}`);
    await api.ok('PUT', `/api/ml/sets@${D}`, {
      accountStatus: 'active',
      moderators: `m1@${D},m2@${D}`,
      owners: `o1@${D}`,
    });
    expect(await ml('sets')).toMatchObject({ moderators: [`m1@${D}`, `m2@${D}`], owners: [`o1@${D}`] });
    await api.ok('PUT', `/api/ml/sets@${D}`, {
      accountStatus: 'active',
      add_moderator: `x@${D}`,
      remove_moderator: `m1@${D}`,
      add_owner: `y@${D}`,
      remove_owner: `o1@${D}`,
      addModerator: `x@${D}`,
      removeOwner: `o1@${D}`,
    });
    expect(await ml('sets')).toMatchObject({ moderators: [`m1@${D}`, `m2@${D}`], owners: [`o1@${D}`] });
    await api.ok('PUT', `/api/ml/sets@${D}`, { accountStatus: 'active', moderators: `m3@${D}` });
    expect(await ml('sets')).toMatchObject({ moderators: [`m3@${D}`], owners: [`o1@${D}`] });
  });

  test('PUT /api/ml: an absent accountStatus re-enables the list', async () => {
    await api.ok('POST', `/api/ml/status@${D}`);
    await api.ok('PUT', `/api/ml/status@${D}`, { accountStatus: 'disabled' });
    expect(await ml('status')).toMatchObject({ active: 0 });
    await api.ok('PUT', `/api/ml/status@${D}`, { accountStatus: 'disabled', name: 'Still off' });
    expect(await ml('status')).toMatchObject({ active: 0, name: 'Still off' });
    await api.ok('PUT', `/api/ml/status@${D}`, { name: 'On again' });
    expect(await ml('status')).toMatchObject({ active: 1, name: 'On again' });
    expect(
      await server.db.query(sql`SELECT active FROM forwardings WHERE address = 'status@${raw(D)}' AND is_maillist = 1`),
    ).toEqual([{ active: 1 }]);
  });

  // ---- aliases ----

  test('aliases have no moderators: moderators / addModerator / removeModerator are not parameters', async () => {
    await api.ok('POST', `/api/alias/nomods@${D}`, { members: `a@${D}`, moderators: `m@${D}` });
    expect(await alias('nomods')).toMatchObject({ members: [`a@${D}`], moderators: [] });
    await api.ok('PUT', `/api/alias/nomods@${D}`, {
      moderators: `m@${D}`,
      addModerator: `n@${D}`,
      removeModerator: 'not an email',
    });
    expect(await alias('nomods')).toMatchObject({ members: [`a@${D}`], moderators: [] });
  });

  test('alias POST ignores accountStatus (a new alias is active); a PUT sets it', async () => {
    await api.ok('POST', `/api/alias/off@${D}`, { accountStatus: 'disabled' });
    expect(await alias('off')).toMatchObject({ active: 1 });
    // Not read, so not checked either.
    expect(await api.post(`/api/alias/odd@${D}`, { accountStatus: 'sleeping' })).toEqual({ _success: true });
    await api.ok('PUT', `/api/alias/off@${D}`, { accountStatus: 'disabled' });
    expect(await alias('off')).toMatchObject({ active: 0 });
  });

  // ---- list flags ----

  test.each(['yes', 'no', ''])(
    'list flags are on when present at all (value %p): email_only, disabled_only, with_subscribers',
    async (value) => {
      await api.ok('POST', `/api/domain/flags-${value || 'empty'}.example`);
      const F = `flags-${value || 'empty'}.example`;
      await api.ok('POST', `/api/alias/on@${F}`);
      await api.ok('POST', `/api/alias/off@${F}`);
      await api.ok('PUT', `/api/alias/off@${F}`, { accountStatus: 'disabled' });
      await api.ok('POST', `/api/ml/list@${F}`, { subscribers: `s@${F}` });
      expect(await api.ok('GET', `/api/aliases/${F}`, { email_only: value })).toEqual([`off@${F}`, `on@${F}`]);
      expect(await api.ok('GET', `/api/aliases/${F}`, { email_only: value, disabled_only: value })).toEqual([
        `off@${F}`,
      ]);
      expect(await api.ok('GET', `/api/mls/${F}`, { email_only: value })).toEqual([`list@${F}`]);
      expect(await api.ok('GET', `/api/ml/list@${F}`, { with_subscribers: value })).toMatchObject({
        subscribers: [{ mail: `s@${F}` }],
      });
      // Absent: off.
      expect(await api.ok('GET', `/api/ml/list@${F}`)).not.toHaveProperty('subscribers');
      expect(((await api.ok('GET', `/api/aliases/${F}`)) as Row[]).map((r) => r.address)).toEqual([
        `off@${F}`,
        `on@${F}`,
      ]);
    },
  );

  // ---- throttles ----

  test('throttle GET answers under `setting`, `{}` when none exists', async () => {
    expect(await api.get(`/api/throttle/${D}/inbound`)).toEqual({ _success: true, setting: {} });
    await api.ok('POST', `/api/throttle/${D}/inbound`, { period: 60, max_msgs: 10 });
    expect(await api.get(`/api/throttle/${D}/inbound`)).toEqual({
      _success: true,
      setting: { account: `@${D}`, kind: 'inbound', priority: 60, period: 60, msg_size: 0, max_msgs: 10, max_quota: 0 },
    });
  });

  test('throttle POST stores the limits it is not sent as 0', async () => {
    await api.ok('POST', '/api/throttle/global/outbound', {
      period: 3600,
      msg_size: 1000,
      max_msgs: 10,
      max_quota: 5000,
    });
    await api.ok('POST', '/api/throttle/global/outbound', { period: 3600, max_msgs: 20 });
    expect(await throttle('global/outbound')).toMatchObject({ period: 3600, msg_size: 0, max_msgs: 20, max_quota: 0 });
  });

  test.each([
    ['no period', { max_msgs: 5 }],
    ['period=0', { period: 0, max_msgs: 5 }],
  ])('throttle POST with %s means "no throttle": the setting is deleted', async (_what, params) => {
    await api.ok('POST', `/api/throttle/user@${D}/outbound`, { period: 60, max_msgs: 10 });
    expect(await throttle(`user@${D}/outbound`)).toMatchObject({ max_msgs: 10 });
    expect(await api.post(`/api/throttle/user@${D}/outbound`, params)).toEqual({ _success: true });
    expect(await throttle(`user@${D}/outbound`)).toEqual({});
    expect(await server.db.query(sql`SELECT 1 FROM throttle WHERE account = 'user@${raw(D)}'`)).toEqual([]);
  });

  test('our extension: DELETE removes a throttle too (the product answers 405)', async () => {
    await api.ok('POST', '/api/throttle/global/inbound', { period: 60, max_msgs: 1 });
    expect(await api.delete('/api/throttle/global/inbound')).toEqual({ _success: true });
    expect(await throttle('global/inbound')).toEqual({});
  });

  // ---- spam policies ----

  test('spam policy GET: `{}` when none; else the amavisd policy row with Y/N flags', async () => {
    expect(await api.get(`/api/spampolicy/domain/${D}`)).toEqual({ _success: true, _data: {} });
    await api.ok('PUT', `/api/spampolicy/domain/${D}`, {
      bypass_virus_checks: 'yes',
      quarantine_spam: 'yes',
      prefix_spam_in_subject: 'yes',
      always_insert_x_spam_headers: 'yes',
      spam_score: 6,
    });
    expect(await api.ok('GET', `/api/spampolicy/domain/${D}`)).toMatchObject({
      policy_name: `@${D}`,
      bypass_spam_checks: 'N',
      bypass_virus_checks: 'Y',
      bypass_banned_checks: 'N',
      bypass_header_checks: 'N',
      spam_quarantine_to: 'spam-quarantine',
      spam_subject_tag2: '[SPAM] ',
      spam_tag_level: -100,
      spam_tag2_level: 6,
      spam_kill_level: 6,
    });
  });

  test('spam policy PUT replaces the whole policy: absent flags fall back to their defaults', async () => {
    await api.ok('PUT', `/api/spampolicy/domain/${D}`, {
      bypass_virus_checks: 'yes',
      quarantine_spam: 'yes',
      spam_score: 6,
    });
    await api.ok('PUT', `/api/spampolicy/domain/${D}`, { prefix_spam_in_subject: 'yes' });
    expect(await api.ok('GET', `/api/spampolicy/domain/${D}`)).toMatchObject({
      bypass_virus_checks: 'N',
      spam_quarantine_to: '',
      virus_quarantine_to: 'virus-quarantine',
      spam_subject_tag2: '[SPAM] ',
      spam_tag2_level: null,
    });
  });

  test('spam policy spam_score takes whole numbers only', async () => {
    expect(await api.put(`/api/spampolicy/domain/${D}`, { spam_score: '5.5' })).toEqual({
      _success: false,
      _msg: 'INVALID_SPAM_SCORE',
    });
    await api.ok('PUT', `/api/spampolicy/domain/${D}`, { spam_score: '5' });
    expect(await api.ok('GET', `/api/spampolicy/domain/${D}`)).toMatchObject({ spam_tag2_level: 5 });
  });
});
