/** A fake server that handles sessions like the real product: login sets a cookie, other calls need it. */
import type { ServerResponse } from 'node:http';
import type { FakeServer, Handler, RecordedRequest } from './fake-server';
import { sendJson } from './fake-server';

export const ADMIN = { username: 'postmaster@example.com', password: 'S3cr3t!pass#word' };
export const COOKIE_NAME = 'iRedAdmin-Pro-PGSQL';

export type Route = (request: RecordedRequest, res: ServerResponse) => void | Promise<void>;

/** Behaves like the product's session handling; `route` answers everything after the session check. */
export class ProductLike {
  logins = 0;
  readonly sessions = new Set<string>();
  route: Route = (_r, res) => sendJson(res, { _success: true });

  /** The request handler; tests may wrap it and install the wrapper with `server.handle`. */
  readonly handler: Handler = async (request, res) => {
    if (request.path.endsWith('/api/login')) {
      this.logins += 1;
      if (request.params.get('username') !== ADMIN.username || request.params.get('password') !== ADMIN.password) {
        sendJson(res, { _success: false, _msg: 'INVALID_CREDENTIALS' });
        return;
      }
      const session = `sess${this.logins}x${Math.random().toString(36).slice(2)}`;
      this.sessions.add(session);
      sendJson(res, { _success: true }, 200, { 'set-cookie': `${COOKIE_NAME}=${session}; Path=/; HttpOnly` });
      return;
    }
    const session = /iRedAdmin-Pro-PGSQL=([^;]+)/.exec(request.cookie ?? '')?.[1];
    if (!session || !this.sessions.has(session)) {
      sendJson(res, { _success: false, _msg: 'LOGIN_REQUIRED' });
      return;
    }
    await this.route(request, res);
  };

  constructor(server: FakeServer) {
    server.handle(this.handler);
  }

  expireSessions(): void {
    this.sessions.clear();
  }
}
