/**
 * Attack: keep using a session after the account's password was changed outside the API — by
 * iRedMail's tools, another admin panel, psql — on every backend, with the session held in the
 * instance's memory (PGlite, PostgreSQL) and without (not yet seen; MariaDB keeps no cache).
 * A session remembers a keyed fingerprint of the password hash it was opened with and dies when
 * the hash changes (README, Security: "Sessions").
 */
import { createHash } from 'node:crypto';
import { hashPassword } from '../../src/server/auth/passwords';
import { sql } from '../../src/server/db/sql';
import { type ApiSession, isSessionAlive } from '../support/api';
import { loggedIn, NORMAL_ADMIN_PASSWORD, normalAdminSession } from '../support/normal-admin';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';

const NEW_PW = 'Changed!in-sql-1';

/** True once `session` is refused; PostgreSQL tells the cache moments after the commit (1 s at most here). */
async function refusedSoon(session: ApiSession): Promise<boolean> {
  const start = performance.now();
  while (await isSessionAlive(session)) {
    if (performance.now() - start > 1000) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

describe.each(SERVER_BACKENDS)('a password changed straight in SQL on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let n = 0;
  useTestServer(backend, (started) => ({ server, api } = started), {
    domains: ['sqlpw.example'],
    settings: { maxLoginFailures: 1000 },
  });

  /** Two sessions of one account: `seen` has answered a request (so is cached where there is a cache), `unseen` not. */
  async function sessionsOf(email: string, password: string) {
    const seen = await loggedIn(server, email, password);
    const unseen = await loggedIn(server, email, password);
    expect([await isSessionAlive(seen), await isSessionAlive(seen)]).toEqual([true, true]);
    return { seen, unseen };
  }

  test('admin.password: every session of the separate admin ends, the new password logs in', async () => {
    const email = `ops${++n}@sqlpw-admins.example`;
    const first = await normalAdminSession(server, email, ['sqlpw.example']);
    const { seen, unseen } = await sessionsOf(email, NORMAL_ADMIN_PASSWORD);
    await server.db.query(
      sql`UPDATE admin SET password = ${await hashPassword(NEW_PW, 'SSHA512')} WHERE username = ${email}`,
    );
    expect(await isSessionAlive(unseen)).toBe(false);
    expect(await refusedSoon(seen)).toBe(true);
    expect(await refusedSoon(first)).toBe(true);
    expect(await isSessionAlive(await loggedIn(server, email, NEW_PW))).toBe(true);
  });

  test('mailbox.password of a domain admin (as iRedMail’s tools write it): its sessions end', async () => {
    const email = `boss${++n}@sqlpw.example`;
    await api.ok('POST', `/api/user/${email}`, { password: NORMAL_ADMIN_PASSWORD });
    await api.ok('PUT', '/api/domain/admins/sqlpw.example', { addAdmin: email });
    const { seen, unseen } = await sessionsOf(email, NORMAL_ADMIN_PASSWORD);
    // doveadm pw -s SSHA512 writes another scheme's hash; any new hash ends the sessions.
    await server.db.query(
      sql`UPDATE mailbox SET password = ${await hashPassword(NEW_PW, 'BCRYPT')} WHERE username = ${email}`,
    );
    expect(await refusedSoon(seen)).toBe(true);
    expect(await isSessionAlive(unseen)).toBe(false);
    expect(await isSessionAlive(await loggedIn(server, email, NEW_PW))).toBe(true);
  });

  test('a global admin’s password changed in SQL and back: a session refused in between stays dead', async () => {
    const email = `root${++n}@sqlpw-admins.example`;
    await normalAdminSession(server, email, ['ALL']);
    const { seen } = await sessionsOf(email, NORMAL_ADMIN_PASSWORD);
    const [old] = await server.db.query<{ password: string }>(
      sql`SELECT password FROM admin WHERE username = ${email}`,
    );
    await server.db.query(
      sql`UPDATE admin SET password = ${await hashPassword(NEW_PW, 'SSHA512')} WHERE username = ${email}`,
    );
    expect(await refusedSoon(seen)).toBe(true);
    await server.db.query(sql`UPDATE admin SET password = ${old!.password} WHERE username = ${email}`);
    expect(await isSessionAlive(seen)).toBe(false);
  });

  test('the same hash written again (a tool that rewrites the row) ends nothing', async () => {
    const email = `same${++n}@sqlpw-admins.example`;
    await normalAdminSession(server, email, ['sqlpw.example']);
    const { seen, unseen } = await sessionsOf(email, NORMAL_ADMIN_PASSWORD);
    await server.db.query(
      sql`UPDATE admin SET password = password, modified = ${'2026-01-01 00:00:00'} WHERE username = ${email}`,
    );
    expect([await isSessionAlive(seen), await isSessionAlive(unseen)]).toEqual([true, true]);
  });

  test('a password changed through the API keeps the session that changed it, on every backend', async () => {
    const email = `self${++n}@sqlpw.example`;
    await api.ok('POST', `/api/user/${email}`, { password: NORMAL_ADMIN_PASSWORD });
    await api.ok('PUT', '/api/domain/admins/sqlpw.example', { addAdmin: email });
    const { seen, unseen } = await sessionsOf(email, NORMAL_ADMIN_PASSWORD);
    await seen.ok('PUT', `/api/user/${email}`, { password: NEW_PW });
    expect([await isSessionAlive(seen), await isSessionAlive(unseen)]).toEqual([true, false]);
    // Its next password change (the session now remembers the new password) keeps it too.
    await seen.ok('PUT', `/api/user/${email}`, { password: `${NEW_PW}x` });
    expect(await isSessionAlive(seen)).toBe(true);
  });

  test('what the database keeps of a session reveals neither the token nor the password hash', async () => {
    const email = `peek${++n}@sqlpw-admins.example`;
    await normalAdminSession(server, email, ['sqlpw.example']);
    await sessionsOf(email, NORMAL_ADMIN_PASSWORD);
    const [account] = await server.db.query<{ password: string }>(
      sql`SELECT password FROM admin WHERE username = ${email}`,
    );
    const rows = await server.db.query<{ token_hash: string; password_fingerprint: string }>(
      sql`SELECT token_hash, password_fingerprint FROM iredadmin_api_sessions WHERE username = ${email}`,
    );
    expect(rows).toHaveLength(3);
    const fingerprints = new Set(rows.map((r) => r.password_fingerprint.trim()));
    // Keyed by each session's token: one per session, none of them the hash or a plain digest of it.
    expect(fingerprints.size).toBe(3);
    for (const f of fingerprints) {
      expect(f).toMatch(/^[0-9a-f]{64}$/);
      expect(account!.password).not.toContain(f);
      expect(f).not.toBe(createHash('sha256').update(account!.password).digest('hex'));
    }
  });
});
