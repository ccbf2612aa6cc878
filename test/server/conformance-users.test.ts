/**
 * Our server answers users, change_email and passwords like the real iRedAdmin-Pro (SQL edition):
 * one test per fact of the API facts note, "Corrections and additions" (Users and Lists), on both
 * backends. Deliberate differences (no password hash in list rows) are checked as such.
 */
import { hashPassword } from '../../src/server/auth/passwords';
import { ApiSession } from '../support/api';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

const PW = 'Us3r!secret';
type Row = Record<string, unknown>;

describe.each(SERVER_BACKENDS)('users conformance on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), { domains: ['conf.example', 'elsewhere.example'] });

  const get = async (email: string) => (await api.ok('GET', `/api/user/${email}`)) as Row;

  test('GET user: bcc as sender_bcc_address / recipient_bcc_address (null when none) with sbcc_active / rbcc_active', async () => {
    await api.ok('POST', '/api/user/bcc@conf.example', { password: PW });
    const none = await get('bcc@conf.example');
    expect(none).toMatchObject({ sender_bcc_address: null, recipient_bcc_address: null });
    expect(none).not.toHaveProperty('sbcc_addr');
    expect(none).not.toHaveProperty('rbcc_addr');

    await api.ok('PUT', '/api/user/bcc@conf.example', {
      senderBcc: 'out@archive.example',
      recipientBcc: 'in@archive.example',
    });
    expect(await get('bcc@conf.example')).toMatchObject({
      sender_bcc_address: 'out@archive.example',
      sbcc_active: 1,
      recipient_bcc_address: 'in@archive.example',
      rbcc_active: 1,
    });
    await api.ok('PUT', '/api/user/bcc@conf.example', { senderBcc: '' });
    expect(await get('bcc@conf.example')).toMatchObject({
      sender_bcc_address: null,
      recipient_bcc_address: 'in@archive.example',
    });
  });

  test('change_email is a POST (user and alias); another method is not a route', async () => {
    await api.ok('POST', '/api/user/before@conf.example', { password: PW });
    await api.ok('POST', '/api/alias/team-before@conf.example');
    for (const method of ['GET', 'PUT'] as const) {
      expect((await api.call(method, '/api/user/before@conf.example/change_email/after@conf.example'))._success).toBe(
        false,
      );
      expect(
        (await api.call(method, '/api/alias/team-before@conf.example/change_email/team-after@conf.example'))._success,
      ).toBe(false);
    }
    expect(await api.post('/api/user/before@conf.example/change_email/after@conf.example')).toEqual({ _success: true });
    expect(await api.post('/api/alias/team-before@conf.example/change_email/team-after@conf.example')).toEqual({
      _success: true,
    });
    expect(await get('after@conf.example')).toMatchObject({ username: 'after@conf.example' });
    expect(await api.ok('GET', '/api/alias/team-after@conf.example')).toMatchObject({
      address: 'team-after@conf.example',
    });
  });

  test('change_email to an address in another domain: PERMISSION_DENIED, nothing changes (user and alias)', async () => {
    await api.ok('POST', '/api/user/stay@conf.example', { password: PW });
    await api.ok('POST', '/api/alias/stay-team@conf.example');
    expect(await api.post('/api/user/stay@conf.example/change_email/stay@elsewhere.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await api.post('/api/alias/stay-team@conf.example/change_email/stay-team@elsewhere.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await get('stay@conf.example')).toMatchObject({ username: 'stay@conf.example' });
    expect(await api.get('/api/user/stay@elsewhere.example')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    expect((await api.get('/api/alias/stay-team@conf.example'))._success).toBe(true);
  });

  test('a password that breaks several rules fails with all of them, comma-joined in one _msg', async () => {
    expect(await api.post('/api/user/weak@conf.example', { password: 'lower!case' })).toEqual({
      _success: false,
      _msg: 'PW_NO_UPPERCASE,PW_NO_DIGIT_NUMBER',
    });
    await api.ok('POST', '/api/user/strong@conf.example', { password: PW });
    expect(await api.put('/api/user/strong@conf.example', { password: 'abc' })).toEqual({
      _success: false,
      _msg: 'PW_SHORTER_THAN_MIN_LENGTH,PW_NO_UPPERCASE,PW_NO_DIGIT_NUMBER,PW_NO_SPECIAL_CHAR',
    });
  });

  test('a user POST without a password gets PW_EMPTY', async () => {
    expect(await api.post('/api/user/nopass@conf.example', {})).toEqual({ _success: false, _msg: 'PW_EMPTY' });
    expect(await api.post('/api/user/nopass@conf.example', { password: '', name: 'No Pass' })).toEqual({
      _success: false,
      _msg: 'PW_EMPTY',
    });
    expect(await api.get('/api/user/nopass@conf.example')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
  });

  test('a user quota above what the domain allows is clamped, not refused (POST and PUT)', async () => {
    await api.ok('POST', '/api/domain/clamp.example', { maxUserQuota: 100 });
    expect(await api.post('/api/user/big@clamp.example', { password: PW, quota: 500 })).toEqual({ _success: true });
    expect(await get('big@clamp.example')).toMatchObject({ quota: 100 });
    expect(await api.put('/api/user/big@clamp.example', { quota: 0 })).toEqual({ _success: true });
    expect(await get('big@clamp.example')).toMatchObject({ quota: 100 });
    await api.ok('PUT', '/api/user/big@clamp.example', { quota: 40 });
    expect(await get('big@clamp.example')).toMatchObject({ quota: 40 });
  });

  test('GET /api/users/<domain> rows: last_login {imap, pop3, lda} (epoch seconds, 0 = never), used_quota {bytes, messages}, no hash', async () => {
    await api.ok('POST', '/api/domain/rows.example');
    await api.ok('POST', '/api/user/active@rows.example', { password: PW });
    await api.ok('POST', '/api/user/idle@rows.example', { password: PW });
    await server.db.query(
      sql`INSERT INTO last_login (username, domain, imap, lda) VALUES ('active@rows.example', 'rows.example', 1714979289, 1714900000)`,
    );
    await server.db.query(
      sql`INSERT INTO used_quota (username, bytes, messages, domain) VALUES ('active@rows.example', 12345, 6, 'rows.example')`,
    );
    const rows = (await api.ok('GET', '/api/users/rows.example')) as Row[];
    const byName = Object.fromEntries(rows.map((r) => [r.username, r]));
    expect(byName['active@rows.example']).toMatchObject({
      last_login: { imap: Date.UTC(2024, 4, 6, 7, 8, 9) / 1000, pop3: 0, lda: 1714900000 },
      used_quota: { bytes: 12345, messages: 6 },
    });
    expect(byName['idle@rows.example']).toMatchObject({
      last_login: { imap: 0, pop3: 0, lda: 0 },
      used_quota: { bytes: 0, messages: 0 },
    });
    // Deliberately different from the real product, which returns the hash here.
    for (const row of rows) expect(row).not.toHaveProperty('password');
    expect(JSON.stringify(rows)).not.toMatch(/\{SSHA/);
  });

  test('list flags email_only and disabled_only are on when present at all, whatever their value (even "no")', async () => {
    await api.ok('POST', '/api/domain/flags.example');
    await api.ok('POST', '/api/user/on@flags.example', { password: PW });
    await api.ok('POST', '/api/user/off@flags.example', { password: PW });
    await api.ok('PUT', '/api/user/off@flags.example', { accountStatus: 'disabled' });
    for (const value of ['yes', 'no', '', '0']) {
      expect(await api.ok('GET', '/api/users/flags.example', { email_only: value })).toEqual([
        'off@flags.example',
        'on@flags.example',
      ]);
      expect(await api.ok('GET', '/api/users/flags.example', { email_only: 'no', disabled_only: value })).toEqual([
        'off@flags.example',
      ]);
    }
    const rows = (await api.ok('GET', '/api/users/flags.example')) as Row[];
    expect(rows.map((r) => r.username)).toEqual(['off@flags.example', 'on@flags.example']);
  });

  test('a normal admin may not move a user out of its domain either', async () => {
    await server.db.query(
      sql`INSERT INTO admin (username, password) VALUES (${'boss@admins.example'}, ${await hashPassword(PW, 'SSHA512')})`,
    );
    for (const d of ['conf.example', 'elsewhere.example']) {
      await server.db.query(sql`INSERT INTO domain_admins (username, domain) VALUES (${'boss@admins.example'}, ${d})`);
    }
    const boss = new ApiSession(server.url);
    expect(await boss.login('boss@admins.example', PW)).toEqual({ _success: true });
    await boss.ok('POST', '/api/user/mover@conf.example', { password: PW });
    expect(await boss.post('/api/user/mover@conf.example/change_email/mover@elsewhere.example')).toEqual({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
    expect(await boss.post('/api/user/mover@conf.example/change_email/moved@conf.example')).toEqual({ _success: true });
  });
});
