/**
 * The typed client logged in (on first use) as the test server's global admin: short timeouts and
 * one quick retry unless `options` say otherwise, so a failing test fails fast.
 */
import { IRedAdminClient, type IRedAdminClientOptions } from '../../src/client';
import type { TestServer } from './test-server';

export function adminClient(
  server: Pick<TestServer, 'url' | 'admin'>,
  options: Partial<IRedAdminClientOptions> = {},
): IRedAdminClient {
  return new IRedAdminClient({
    baseUrl: server.url,
    username: server.admin.email,
    password: server.admin.password,
    timeoutMs: 10_000,
    retries: { retries: 1, baseDelayMs: 10, maxDelayMs: 50 },
    ...options,
  });
}
