/**
 * Attacks on the per-instance session/account cache (src/server/auth/session-cache.ts) through
 * HTTP, on one instance (two instances: test/reliability/scale-out.test.ts): a cookie the cache
 * has seen must die with the change that kills it, whoever makes the change — the API, or SQL
 * written straight into the database as iRedMail's own tools do — and requests racing a password
 * change must not put the old account back into memory (README, Security: "Sessions").
 */
import { type ApiSession, isSessionAlive } from '../support/api';
import { loggedIn, NORMAL_ADMIN_PASSWORD, normalAdminSession } from '../support/normal-admin';
import { BACKENDS, TEST_ADMIN, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';

const NEW_PW = 'Cached!pass-2';
/** A read only a global admin may make. */
const globalRead = async (session: ApiSession) => (await session.get(`/api/admin/${TEST_ADMIN.email}`))._msg;

/** Milliseconds until `condition` holds, polled every 5 ms; fails after 5 s. */
async function msUntil(condition: () => Promise<boolean>): Promise<number> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > 5000) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - start;
}

describe.each(BACKENDS)('cached sessions on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let n = 0;
  useTestServer(backend, (started) => ({ server, api } = started), {
    domains: ['cached.example'],
    settings: { maxLoginFailures: 1000 },
  });

  /** A separate admin of `domains`, logged in, its session already seen (so held in memory). */
  async function seenAdmin(domains: string[]): Promise<{ email: string; first: ApiSession }> {
    const email = `ops${++n}@cached-admins.example`;
    const first = await normalAdminSession(server, email, domains);
    expect([await isSessionAlive(first), await isSessionAlive(first)]).toEqual([true, true]);
    return { email, first };
  }

  test('requests with the old cookie racing a password change: every one after its answer is refused', async () => {
    // A mail user that is a domain admin may change its own password (its other sessions die).
    const email = `self${++n}@cached.example`;
    await api.ok('POST', `/api/user/${email}`, { password: NORMAL_ADMIN_PASSWORD });
    await api.ok('PUT', '/api/domain/admins/cached.example', { addAdmin: email });
    const [first, second] = [
      await loggedIn(server, email, NORMAL_ADMIN_PASSWORD),
      await loggedIn(server, email, NORMAL_ADMIN_PASSWORD),
    ];
    expect([await isSessionAlive(first), await isSessionAlive(second)]).toEqual([true, true]);
    const racing = Array.from({ length: 40 }, () => isSessionAlive(second));
    await first.ok('PUT', `/api/user/${email}`, { password: NEW_PW });
    await Promise.all(racing);
    for (let i = 0; i < 5; i++) expect(await isSessionAlive(second)).toBe(false);
    expect(await isSessionAlive(first)).toBe(true);

    // Changed by the global admin: the session that was kept dies too.
    const racingFirst = Array.from({ length: 40 }, () => isSessionAlive(first));
    await api.ok('PUT', `/api/user/${email}`, { password: `${NEW_PW}x` });
    await Promise.all(racingFirst);
    for (let i = 0; i < 5; i++) expect(await isSessionAlive(first)).toBe(false);
  });

  test('a separate admin deleted and re-created with the same name: the old cookie is refused', async () => {
    const { email, first } = await seenAdmin(['cached.example']);
    await api.ok('DELETE', `/api/admin/${email}`);
    await api.ok('POST', `/api/admin/${email}`, { password: NORMAL_ADMIN_PASSWORD });
    expect(await isSessionAlive(first)).toBe(false);
    expect(await isSessionAlive(await loggedIn(server, email, NORMAL_ADMIN_PASSWORD))).toBe(true);
  });

  test("a domain removed from a normal admin's domain_admins (even in SQL) is refused on the next request", async () => {
    const { email, first } = await seenAdmin(['cached.example']);
    expect((await first.get('/api/domain/cached.example'))._success).toBe(true);
    await server.db.query("DELETE FROM domain_admins WHERE username = $1 AND domain = 'cached.example'", [email]);
    expect(await first.get('/api/domain/cached.example')).toMatchObject({
      _success: false,
      _msg: 'PERMISSION_DENIED',
    });
  });

  // What iRedMail's tools or psql do: nobody waits for the NOTIFY. (A password changed in SQL:
  // test/security/password-changed-in-sql.test.ts.) PGlite delivers it before the
  // statement returns; PostgreSQL delivers it to the LISTEN connection moments after the commit.
  test.each([
    ['disabled', 'UPDATE admin SET active = 0 WHERE username = $1', 'LOGIN_REQUIRED'],
    ['deleted', 'DELETE FROM admin WHERE username = $1', 'LOGIN_REQUIRED'],
    [
      'whose sessions were expired',
      "UPDATE iredadmin_api_sessions SET expires = NOW()::timestamp - interval '1 second' WHERE username = $1",
      'LOGIN_REQUIRED',
    ],
    [
      'stripped of global rights',
      "DELETE FROM domain_admins WHERE username = $1 AND domain = 'ALL'",
      'PERMISSION_DENIED',
    ],
  ])('an admin %s straight in SQL loses its cached session or rights', async (_change, sql, refusal) => {
    const { email, first } = await seenAdmin(['ALL']);
    expect(await globalRead(first)).toBeUndefined();
    await server.db.query(sql, [email]);
    if (backend === 'pglite') expect(await globalRead(first)).toBe(refusal);
    else expect(await msUntil(async () => (await globalRead(first)) === refusal)).toBeLessThan(1000);
  });
});
