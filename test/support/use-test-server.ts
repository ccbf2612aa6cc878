/**
 * What a server test's describe block starts with, registered as its beforeAll/afterAll: a test
 * server on one backend, a global-admin session, the domains the block needs, and the server
 * closed afterwards. The block keeps its own `server` and `api` variables, set through `assign`
 * (so tests read as before); later beforeAll hooks of the block run after this one.
 */
import type { ServerSettings } from '../../src/server/config';
import { adminSession, type ApiSession } from './api';
import { startTestServer, type Backend, type TestServer } from './test-server';

export interface StartedTestServer {
  readonly server: TestServer;
  readonly api: ApiSession;
}

export function useTestServer(
  backend: Backend,
  assign: (started: StartedTestServer) => void,
  options: { domains?: readonly string[]; settings?: Partial<ServerSettings> } = {},
): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer({ backend, settings: options.settings });
    const api = await adminSession(server);
    for (const domain of options.domains ?? []) await api.ok('POST', `/api/domain/${domain}`);
    assign({ server, api });
  });
  afterAll(() => server?.close());
}
