/**
 * A deliberately plain HTTP helper for server tests (the real client is tested separately):
 * form-encoded requests, a cookie jar of one session, the parsed JSON envelope.
 */
export interface Envelope {
  _success: boolean;
  _msg?: string;
  _data?: unknown;
  [key: string]: unknown;
}

export type Params = Record<string, string | number | boolean | undefined>;

export class ApiSession {
  private cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** The session cookie (`name=value`), to reuse the session elsewhere. */
  get sessionCookie(): string | undefined {
    return this.cookie;
  }

  /** A session on another server sharing this one's cookie. */
  withBaseUrl(baseUrl: string): ApiSession {
    const other = new ApiSession(baseUrl);
    other.cookie = this.cookie;
    return other;
  }

  async login(username: string, password: string): Promise<Envelope> {
    const { body, headers } = await this.raw('POST', '/api/login', { username, password });
    const setCookie = headers.get('set-cookie');
    if (body._success && setCookie) this.cookie = setCookie.split(';')[0];
    return body;
  }

  async raw(
    method: string,
    path: string,
    params?: Params,
    init?: { json?: boolean; headers?: Record<string, string> },
  ): Promise<{ status: number; body: Envelope; headers: Headers }> {
    const headers: Record<string, string> = { ...init?.headers };
    if (this.cookie) headers.cookie = this.cookie;
    let body: string | undefined;
    if (params) {
      const entries = Object.entries(params).filter(([, v]) => v !== undefined) as [
        string,
        string | number | boolean,
      ][];
      if (init?.json) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(Object.fromEntries(entries));
      } else {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString();
      }
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    let parsed: Envelope;
    try {
      parsed = JSON.parse(text) as Envelope;
    } catch {
      throw new Error(`${method} ${path}: not JSON (HTTP ${res.status}): ${text.slice(0, 200)}`);
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  async call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, params?: Params): Promise<Envelope> {
    return (await this.raw(method, path, params)).body;
  }

  get = (path: string, params?: Params) =>
    this.call('GET', path + (params ? `?${new URLSearchParams(params as Record<string, string>)}` : ''));
  post = (path: string, params?: Params) => this.call('POST', path, params ?? {});
  put = (path: string, params?: Params) => this.call('PUT', path, params ?? {});
  delete = (path: string, params?: Params) => this.call('DELETE', path, params);

  /** The call must succeed; returns `_data`. */
  async ok(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, params?: Params): Promise<unknown> {
    const body = method === 'GET' ? await this.get(path, params) : await this.call(method, path, params ?? {});
    if (!body._success) throw new Error(`${method} ${path} failed: ${body._msg}`);
    return body._data;
  }
}

/** Whether the server still accepts `session`: a read every admin may make answers successfully. */
export async function isSessionAlive(session: ApiSession): Promise<boolean> {
  return (await session.get('/api/domains'))._success;
}

/** A logged-in session as the test server's global admin. */
export async function adminSession(server: {
  url: string;
  admin: { email: string; password: string };
}): Promise<ApiSession> {
  const session = new ApiSession(server.url);
  const result = await session.login(server.admin.email, server.admin.password);
  if (!result._success) throw new Error(`admin login failed: ${result._msg}`);
  return session;
}
