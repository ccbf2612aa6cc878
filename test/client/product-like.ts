/**
 * A fake server that answers like the real product (iRedAdmin-Pro SQL edition): login sets a cookie
 * whose name varies by install, other calls need it, and an expired session is answered either with
 * JSON `LOGIN_REQUIRED` or — as the product's spam policy and global throttle pages do — with an HTTP
 * 303 redirect to the login page.
 */
import type { ServerResponse } from 'node:http';
import type { FakeServer, Handler, RecordedRequest } from './fake-server';
import { sendHtml, sendJson } from './fake-server';

export const ADMIN = { username: 'postmaster@example.com', password: 'S3cr3t!pass#word' };
export const COOKIE_NAME = 'iRedAdmin-Pro-PGSQL';
/**
 * Where the product redirects a request whose session has expired: `<base path>/login`, as an
 * absolute URL (web.py's `seeother` makes it one); the tests' base URL has no path.
 */
export const LOGIN_PAGE = '/login';

export type Route = (request: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface ProductLikeOptions {
  /** The session cookie's name: `iRedAdmin-Pro-PGSQL` on a PostgreSQL install, `iRedAdmin-Pro-MYSQL` on MySQL. */
  cookieName?: string;
  /** How a call without a live session is answered: JSON `LOGIN_REQUIRED` (default) or a 303 to the login page. */
  onExpired?: 'login-required' | 'redirect';
}

/** Behaves like the product's session handling; `route` answers everything after the session check. */
export class ProductLike {
  logins = 0;
  readonly sessions = new Set<string>();
  route: Route = (_r, res) => sendJson(res, { _success: true });
  readonly cookieName: string;
  onExpired: 'login-required' | 'redirect';

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
      sendJson(res, { _success: true }, 200, { 'set-cookie': `${this.cookieName}=${session}; Path=/; HttpOnly` });
      return;
    }
    const session = new RegExp(`(?:^|; )${this.cookieName}=([^;]+)`).exec(request.cookie ?? '')?.[1];
    if (!session || !this.sessions.has(session)) {
      if (this.onExpired === 'redirect') sendHtml(res, 303, '', { location: `${this.#server.url}${LOGIN_PAGE}` });
      else sendJson(res, { _success: false, _msg: 'LOGIN_REQUIRED' });
      return;
    }
    await this.route(request, res);
  };

  readonly #server: FakeServer;

  constructor(server: FakeServer, options: ProductLikeOptions = {}) {
    this.#server = server;
    this.cookieName = options.cookieName ?? COOKIE_NAME;
    this.onExpired = options.onExpired ?? 'login-required';
    server.handle(this.handler);
  }

  expireSessions(): void {
    this.sessions.clear();
  }
}
