/**
 * Normal (domain) admins for tests that attack or exercise the permission rules: a separate
 * admin written straight into `admin` + `domain_admins`, logged in.
 */
import { hashPassword } from '../../src/server/auth/passwords';
import { ApiSession } from './api';
import type { TestServer } from './test-server';
import { sql } from '../../src/server/db/sql';

export const NORMAL_ADMIN_PASSWORD = 'N0rmal!admin';

/** `settings` is the admin's settings column, e.g. `create_max_aliases:3`. */
export async function normalAdminSession(
  server: Pick<TestServer, 'db' | 'url'>,
  email: string,
  domains: string[],
  settings = '',
): Promise<ApiSession> {
  await server.db.query(
    sql`INSERT INTO admin (username, password, settings) VALUES (${email}, ${await hashPassword(NORMAL_ADMIN_PASSWORD, 'SSHA512')}, ${settings})`,
  );
  for (const d of domains)
    await server.db.query(sql`INSERT INTO domain_admins (username, domain) VALUES (${email}, ${d})`);
  return loggedIn(server, email, NORMAL_ADMIN_PASSWORD);
}

export async function loggedIn(server: Pick<TestServer, 'url'>, email: string, password: string): Promise<ApiSession> {
  const session = new ApiSession(server.url);
  const login = await session.login(email, password);
  if (!login._success) throw new Error(`login as ${email} failed: ${login._msg}`);
  return session;
}
