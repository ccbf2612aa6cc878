/**
 * Attacks with a stolen or stale cookie: a session must die with a password change (all but the
 * one that made it), a disable (and stay dead after re-enabling), a rights change, and a delete of
 * the account or of its domain; a re-created account of the same address never accepts an old
 * cookie (README, Security: "Sessions").
 */
import { BACKENDS, type TestServer } from '../support/test-server';
import { type ApiSession, isSessionAlive } from '../support/api';
import { loggedIn, normalAdminSession } from '../support/normal-admin';
import { useTestServer } from '../support/use-test-server';
import { sql } from '../../src/server/db/sql';

const PW = 'Sess!on-pass1';
const NEW_PW = 'Sess!on-pass2';

describe.each(BACKENDS)('sessions on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let n = 0;
  /** A fresh domain with a mail-user admin of it, logged in twice. */
  async function mailAdmin(): Promise<{ domain: string; email: string; first: ApiSession; second: ApiSession }> {
    const domain = `s${++n}.example`;
    const email = `admin@${domain}`;
    await api.ok('POST', `/api/domain/${domain}`, {});
    await api.ok('POST', `/api/user/${email}`, { password: PW });
    await api.ok('PUT', `/api/domain/admins/${domain}`, { addAdmin: email });
    return { domain, email, first: await loggedIn(server, email, PW), second: await loggedIn(server, email, PW) };
  }

  useTestServer(backend, (started) => ({ server, api } = started), { settings: { maxLoginFailures: 1000 } });

  test('a password change ends every other session of the account, and keeps the one that made it', async () => {
    const { email, first, second } = await mailAdmin();
    await first.ok('PUT', `/api/user/${email}`, { password: NEW_PW });
    expect([await isSessionAlive(first), await isSessionAlive(second)]).toEqual([true, false]);
    // Changed by someone else: none of its sessions survive.
    const third = await loggedIn(server, email, NEW_PW);
    await api.ok('PUT', `/api/user/${email}`, { password_hash: '{PLAIN-MD5}0cc175b9c0f1b6a831c399e269772661' });
    expect([await isSessionAlive(first), await isSessionAlive(third)]).toEqual([false, false]);
  });

  test('a bulk password change ends the sessions of every account it changed', async () => {
    const { domain, first } = await mailAdmin();
    await api.ok('PUT', `/api/users/${domain}/password`, { password: NEW_PW });
    expect(await isSessionAlive(first)).toBe(false);
  });

  test("a separate admin's password change, disable or rights change ends its sessions", async () => {
    const ops = await normalAdminSession(server, 'ops@admins.example', []);
    await api.ok('PUT', '/api/admin/ops@admins.example', { password: NEW_PW });
    expect(await isSessionAlive(ops)).toBe(false);
    const again = await loggedIn(server, 'ops@admins.example', NEW_PW);
    await api.ok('PUT', '/api/admin/ops@admins.example', { isGlobalAdmin: 'no', maxDomains: 3 });
    expect(await isSessionAlive(again)).toBe(false);
    const third = await loggedIn(server, 'ops@admins.example', NEW_PW);
    await api.ok('PUT', '/api/admin/ops@admins.example', { accountStatus: 'disabled' });
    await api.ok('PUT', '/api/admin/ops@admins.example', { accountStatus: 'active' });
    expect(await isSessionAlive(third)).toBe(false);
  });

  test('disabling then re-enabling a user does not revive its old sessions (one by one or in bulk)', async () => {
    const { domain, email, first, second } = await mailAdmin();
    await api.ok('PUT', `/api/user/${email}`, { accountStatus: 'disabled' });
    await api.ok('PUT', `/api/user/${email}`, { accountStatus: 'active' });
    expect(await isSessionAlive(first)).toBe(false);
    expect(await isSessionAlive(second)).toBe(false);
    const third = await loggedIn(server, email, PW);
    await api.ok('PUT', `/api/users/${domain}`, { accountStatus: 'disabled' });
    await api.ok('PUT', `/api/users/${domain}`, { accountStatus: 'active' });
    expect(await isSessionAlive(third)).toBe(false);
  });

  test('a rights change ends the sessions: removed or added as a domain admin, made or unmade global', async () => {
    const { domain, email, first } = await mailAdmin();
    await api.ok('PUT', `/api/user/${email}`, { isGlobalAdmin: 'yes' });
    expect(await isSessionAlive(first)).toBe(false);
    const global = await loggedIn(server, email, PW);
    await api.ok('PUT', `/api/user/${email}`, { isGlobalAdmin: 'no' });
    expect(await isSessionAlive(global)).toBe(false);
    const again = await loggedIn(server, email, PW);
    await api.ok('PUT', `/api/domain/admins/${domain}`, { removeAdmin: email });
    expect(await isSessionAlive(again)).toBe(false);
  });

  test('deleting a domain ends the sessions of its accounts and of its separate admins', async () => {
    const { domain, first } = await mailAdmin();
    const boss = await normalAdminSession(server, `boss@${domain.replace('.example', '')}-admins.example`, [domain]);
    expect(await isSessionAlive(boss)).toBe(true);
    await api.ok('DELETE', `/api/domain/${domain}`);
    expect([await isSessionAlive(first), await isSessionAlive(boss)]).toEqual([false, false]);
  });

  test('a re-created account of the same address does not accept the old cookie', async () => {
    const { domain, email, first } = await mailAdmin();
    // Removed behind the API's back, so no code path had the chance to end the session.
    await server.db.query(sql`DELETE FROM mailbox WHERE username = ${email}`);
    await api.ok('POST', `/api/user/${email}`, { password: PW });
    await api.ok('PUT', `/api/domain/admins/${domain}`, { addAdmin: email });
    expect(await isSessionAlive(first)).toBe(false);
    expect(await isSessionAlive(await loggedIn(server, email, PW))).toBe(true);
  });
});
