/**
 * Attacks through account life cycles: deleting one domain must not change another domain's
 * forwardings, memberships, moderators, bcc or subscriptions that name its addresses; a restart
 * must not re-grant rights or a password to the bootstrap admin (README, Security: "Domain deletion",
 * "Bootstrap admin").
 */
import { BACKENDS, createTestDatabase } from '../support/test-server';
import { adminSession, ApiSession } from '../support/api';
import { DEFAULT_SETTINGS } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { startServer, type RunningServer } from '../../src/server/server';
import { sql } from '../../src/server/db/sql';

const PW = 'L1fe!cycle-pass';
const BOOT = { email: 'boot@admins.example', password: 'B00t!strap-pass' };
const OTHER = { email: 'other@admins.example', password: 'Oth3r!global-pw' };

describe.each(BACKENDS)('life cycles on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = (await createTestDatabase(backend)).db;
  });
  afterAll(() => db?.close());

  async function withServer<T>(
    admin: { email: string; password: string },
    run: (server: RunningServer) => Promise<T>,
  ): Promise<T> {
    const server = await startServer({ settings: { ...DEFAULT_SETTINGS, enableApi: true }, db, admin });
    try {
      return await run(server);
    } finally {
      await server.app.close();
    }
  }

  test('deleting a domain leaves what other domains hold that names its addresses', async () => {
    await withServer(BOOT, async (server) => {
      const api = await adminSession({ url: server.url, admin: BOOT });
      for (const d of ['gone.example', 'kept.example']) await api.ok('POST', `/api/domain/${d}`, {});
      await api.ok('POST', '/api/user/jane@gone.example', { password: PW });
      await api.ok('POST', '/api/user/kim@kept.example', { password: PW });
      await api.ok('PUT', '/api/user/kim@kept.example', {
        forwarding: 'kim@kept.example,jane@gone.example',
        recipientBcc: 'jane@gone.example',
      });
      await api.ok('POST', '/api/alias/team@kept.example', { members: 'kim@kept.example,jane@gone.example' });
      await api.ok('POST', '/api/ml/news@kept.example', { subscribers: 'jane@gone.example' });
      const kept = async () => ({
        kim: await api.ok('GET', '/api/user/kim@kept.example'),
        team: await api.ok('GET', '/api/alias/team@kept.example'),
        news: await api.ok('GET', '/api/ml/news@kept.example', { with_subscribers: 'yes' }),
        rows: await db.query(
          sql`SELECT address, forwarding FROM forwardings WHERE domain = 'kept.example' ORDER BY address, forwarding`,
        ),
      });
      const before = await kept();
      expect(JSON.stringify(before)).toContain('jane@gone.example');
      await api.ok('DELETE', '/api/domain/gone.example');
      expect(await db.query(sql`SELECT 1 FROM mailbox WHERE domain = 'gone.example'`)).toEqual([]);
      expect(await kept()).toEqual(before);
    });
  });

  test('a restart neither re-grants global rights to IREDADMIN_ADMIN nor resets its password', async () => {
    await withServer(BOOT, async (server) => {
      const boot = await adminSession({ url: server.url, admin: BOOT });
      await boot.ok('POST', `/api/admin/${OTHER.email}`, { password: OTHER.password, isGlobalAdmin: 'yes' });
      const other = await adminSession({ url: server.url, admin: OTHER });
      await other.ok('PUT', `/api/admin/${BOOT.email}`, { isGlobalAdmin: 'no', password: PW });
    });
    await withServer(BOOT, async (server) => {
      expect(await new ApiSession(server.url).login(BOOT.email, BOOT.password)).toEqual({
        _success: false,
        _msg: 'INVALID_CREDENTIALS',
      });
      const demoted = await adminSession({ url: server.url, admin: { email: BOOT.email, password: PW } });
      expect(await demoted.get(`/api/admin/${OTHER.email}`)).toEqual({ _success: false, _msg: 'PERMISSION_DENIED' });
      expect(
        await db.query(sql`SELECT domain FROM domain_admins WHERE username = ${BOOT.email} AND domain = 'ALL'`),
      ).toEqual([]);
    });
  });
});
