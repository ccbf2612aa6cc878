/** A logged-in normal (domain) admin, written straight into `admin` + `domain_admins`. */
import { hashPassword } from '../../src/server/auth/passwords';
import { ApiSession } from './api';
import type { TestServer } from './test-server';

const PASSWORD = 'N0rmal!admin';

export async function normalAdminSession(server: TestServer, email: string, domains: string[]): Promise<ApiSession> {
  await server.db.query('INSERT INTO admin (username, password) VALUES ($1, $2)', [email, await hashPassword(PASSWORD, 'SSHA512')]);
  for (const d of domains) await server.db.query('INSERT INTO domain_admins (username, domain) VALUES ($1, $2)', [email, d]);
  const session = new ApiSession(server.url);
  const login = await session.login(email, PASSWORD);
  if (!login._success) throw new Error(`login failed: ${login._msg}`);
  return session;
}
