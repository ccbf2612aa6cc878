/**
 * Fault injection against a scripted local server: the client's retries, timeouts, re-login and
 * typed errors. Every client is built with small timeouts and delays, so nothing can hang.
 */
import { inspect } from 'node:util';
import {
  ApiError,
  AuthError,
  IRedAdminClient,
  type LogEntry,
  NetworkError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from '../../src/client';
import { sendHtml, sendJson } from './fake-server';
import { useProductLike } from './harness';
import { ADMIN, COOKIE_NAME, LOGIN_PAGE, ProductLike } from './product-like';

jest.setTimeout(15_000);

const h = useProductLike();
const client = (options?: Parameters<typeof h.client>[0]) => h.client(options);

describe('session', () => {
  it('logs in once with username and password and keeps whatever cookie the login set', async () => {
    h.product.route = (_r, res) => sendJson(res, { _success: true, _data: { domain: 'x.io' } });
    const c = client();
    await c.domains.get('x.io');
    await c.domains.get('x.io');
    expect(h.product.logins).toBe(1);
    const login = h.server.requests.find((r) => r.path === '/api/login')!;
    expect(login.method).toBe('POST');
    expect(login.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(login.params)).toEqual({ username: ADMIN.username, password: ADMIN.password });
    const reads = h.server.requests.filter((r) => r.path === '/api/domain/x.io');
    expect(reads.every((r) => r.cookie?.startsWith(`${COOKIE_NAME}=sess1`))).toBe(true);
  });

  it('100 concurrent first calls cause exactly one login', async () => {
    h.product.route = (_r, res) => sendJson(res, { _success: true, _data: { username: 'u@x.io' } });
    const c = client({ maxConcurrency: 10 });
    const users = await Promise.all(Array.from({ length: 100 }, (_, i) => c.users.get(`u${i}@x.io`)));
    expect(users).toHaveLength(100);
    expect(h.product.logins).toBe(1);
  });

  it('an expired session mid-run (LOGIN_REQUIRED once) causes one re-login and the call succeeds', async () => {
    h.product.route = (_r, res) => sendJson(res, { _success: true, _data: { username: 'u@x.io' } });
    const c = client();
    await c.users.get('u@x.io');
    h.product.expireSessions();
    await expect(c.users.get('u@x.io')).resolves.toMatchObject({ username: 'u@x.io' });
    expect(h.product.logins).toBe(2);
  });

  it('100 concurrent calls on an expired session cause exactly one re-login', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    h.product.route = (_r, res) => sendJson(res, { _success: true, _data: { username: 'u@x.io' } });
    const c = client({ maxConcurrency: 16 });
    await c.users.get('u@x.io');
    h.product.expireSessions();
    // Hold the first LOGIN_REQUIRED answers until many calls have been sent with the dead cookie.
    let held = 0;
    h.server.handle(async (request, res, raw) => {
      if (request.path !== '/api/login' && h.product.sessions.size === 0 && held < 16) {
        held += 1;
        if (held === 16) release();
        await gate;
      }
      await h.product.handler(request, res, raw);
    });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => c.users.get(`u${i}@x.io`)));
    expect(results.every((u) => u?.username === 'u@x.io')).toBe(true);
    expect(h.product.logins).toBe(2);
  });

  it('a session refused right after a fresh login fails with AuthError instead of looping', async () => {
    h.product.route = (_r, res) => sendJson(res, { _success: false, _msg: 'LOGIN_REQUIRED' });
    const c = client();
    const error = await c.users.get('u@x.io').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).isLoginRequired()).toBe(true);
    expect(h.product.logins).toBe(2);
  });

  it('bad credentials give AuthError with the code, and neither password nor cookie in the message', async () => {
    const c = client({ password: 'Wr0ng!Password' });
    const error = await c.users.get('u@x.io').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('INVALID_CREDENTIALS');
    expect((error as AuthError).path).toBe('/api/login');
    expect(inspect(error)).not.toContain('Wr0ng!Password');
    expect(h.product.logins).toBe(1);
  });

  it('a 303 to the login page on an expired session (spam policy, global throttle) means "log in again"', async () => {
    h.product.onExpired = 'redirect';
    h.product.route = (_r, res) => sendJson(res, { _success: true, _data: { policy_name: 'global' } });
    const logs: LogEntry[] = [];
    const c = client({ logger: (entry) => logs.push(entry) });
    await c.spamPolicies.get({ global: true });
    h.product.expireSessions();
    await expect(c.spamPolicies.get({ global: true })).resolves.toBeDefined();
    expect(h.product.logins).toBe(2);
    // The redirect is not followed: the login page is never fetched.
    expect(h.server.count(LOGIN_PAGE)).toBe(0);
    expect(logs.some((l) => l.message === 'session expired; logging in again' && l.fields?.answer === 'HTTP 303')).toBe(
      true,
    );
  });

  it('a 303 to the login page that outlasts one fresh login is a typed error naming the status', async () => {
    h.product.route = (_r, res) =>
      sendHtml(res, 303, `<a href="${LOGIN_PAGE}">See Other</a>`, { location: `${h.server.url}${LOGIN_PAGE}` });
    const c = client();
    const error = await c.throttles.get({ global: true }, 'inbound').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).status).toBe(303);
    expect((error as Error).message).toMatch(/HTTP 303.*redirected to the login page/);
    expect(h.product.logins).toBe(2);
    expect(h.server.count(LOGIN_PAGE)).toBe(0);
  });

  it('keeps whatever session cookie the login sets (iRedAdmin-Pro-MYSQL on a MySQL install)', async () => {
    h.server.handle(() => undefined);
    const mysql = new ProductLike(h.server, { cookieName: 'iRedAdmin-Pro-MYSQL' });
    mysql.route = (_r, res) => sendJson(res, { _success: true, _data: { username: 'u@x.io' } });
    const c = client();
    await expect(c.users.get('u@x.io')).resolves.toMatchObject({ username: 'u@x.io' });
    expect(mysql.logins).toBe(1);
    expect(
      h.server.requests
        .filter((r) => r.path === '/api/user/u@x.io')
        .every((r) => r.cookie?.startsWith('iRedAdmin-Pro-MYSQL=sess1')),
    ).toBe(true);
  });

  it('the password never shows when the client itself is inspected', () => {
    const c = client();
    expect(inspect(c, { depth: 5 })).not.toContain(ADMIN.password);
    expect(JSON.stringify(c)).not.toContain(ADMIN.password);
  });
});

describe('retries and typed errors', () => {
  it('a dropped connection on GET is retried and then succeeds', async () => {
    let reads = 0;
    h.product.route = (_request, res) => {
      reads += 1;
      if (reads === 1) {
        res.socket?.destroy();
        return;
      }
      sendJson(res, { _success: true, _data: { domain: 'x.io' } });
    };
    const c = client();
    await expect(c.domains.get('x.io')).resolves.toMatchObject({ domain: 'x.io' });
    expect(h.server.count('/api/domain/x.io', 'GET')).toBe(2);
  });

  it('a connection dropped on every attempt ends in NetworkError after the configured retries', async () => {
    h.product.route = (_r, res) => void res.socket?.destroy();
    const c = client({ retries: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const error = await c.domains.get('x.io').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).requestMayHaveBeenSent).toBe(true);
    expect(h.server.count('/api/domain/x.io')).toBe(3);
  });

  it('a connection refused is a NetworkError that was never sent', async () => {
    const gone = await h.another();
    await gone.close();
    const c = client({ baseUrl: gone.url, retries: { retries: 1, baseDelayMs: 1 } });
    const error = await c.domains.get('x.io').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).requestMayHaveBeenSent).toBe(false);
    expect((error as NetworkError).path).toBe('/api/login');
  });

  it('a slow response gives TimeoutError within the deadline (and nothing hangs)', async () => {
    h.product.route = () => undefined; // never answers
    const c = client({ timeoutMs: 150, retries: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    const started = Date.now();
    const error = await c.users.get('u@x.io').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(150);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(h.server.count('/api/user/u@x.io')).toBe(2);
  });

  it('a body that trickles forever is cut by the overall deadline', async () => {
    h.product.route = (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"_success": ');
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    };
    const c = client({ timeoutMs: 200, retries: 0 });
    await expect(c.users.get('u@x.io')).rejects.toBeInstanceOf(TimeoutError);
  });

  it('5xx then success: a GET is retried', async () => {
    let reads = 0;
    h.product.route = (_r, res) => {
      reads += 1;
      if (reads < 3) return sendHtml(res, 502, '<html><body>Bad Gateway</body></html>');
      sendJson(res, { _success: true, _data: { username: 'u@x.io' } });
    };
    const c = client();
    await expect(c.users.get('u@x.io')).resolves.toMatchObject({ username: 'u@x.io' });
    expect(h.server.count('/api/user/u@x.io', 'GET')).toBe(3);
  });

  it('5xx on a create POST is not retried', async () => {
    h.product.route = (request, res) => {
      if (request.method === 'POST') return sendHtml(res, 500, '<h1>Internal Server Error</h1>');
      sendJson(res, { _success: true });
    };
    const c = client();
    const error = await c.users.create('u@x.io', { password: 'P4ss!word' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).status).toBe(500);
    expect(h.server.count('/api/user/u@x.io', 'POST')).toBe(1);
  });

  it('429 is retried, even for a create (the server turned it away unprocessed)', async () => {
    let posts = 0;
    h.product.route = (request, res) => {
      if (request.method === 'POST' && ++posts === 1)
        return sendJson(res, { _success: false, _msg: 'TOO_MANY_REQUESTS' }, 429);
      sendJson(res, { _success: true });
    };
    const c = client();
    await c.aliases.create('list@x.io', { members: ['a@x.io'] });
    expect(h.server.count('/api/alias/list@x.io', 'POST')).toBe(2);
  });

  it('create POST with a connection reset after the server applied it: reads back, does not re-send', async () => {
    const created = new Set<string>();
    h.product.route = (request, res) => {
      if (request.method === 'POST') {
        created.add(request.path);
        res.socket?.destroy(); // applied, but the answer is lost
        return;
      }
      if (created.has(request.path)) return sendJson(res, { _success: true, _data: { username: 'u@x.io' } });
      sendJson(res, { _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    };
    const logs: LogEntry[] = [];
    const c = client({ logger: (entry) => logs.push(entry) });
    await expect(c.users.create('u@x.io', { password: 'P4ss!word' })).resolves.toBeUndefined();
    expect(h.server.count('/api/user/u@x.io', 'POST')).toBe(1);
    expect(h.server.count('/api/user/u@x.io', 'GET')).toBe(1);
    expect(logs.some((l) => l.level === 'warn' && /took effect/.test(l.message))).toBe(true);
  });

  it('create POST with a connection reset before the server applied it: reads back, then sends again', async () => {
    let posts = 0;
    let exists = false;
    h.product.route = (request, res) => {
      if (request.method === 'POST') {
        if (++posts === 1) return void res.socket?.destroy(); // lost before being applied
        exists = true;
        return sendJson(res, { _success: true });
      }
      if (exists) return sendJson(res, { _success: true, _data: { domain: 'x.io' } });
      sendJson(res, { _success: false, _msg: 'INVALID_DOMAIN_NAME' });
    };
    const c = client();
    await c.domains.create('x.io', { name: 'X' });
    expect(h.server.requests.filter((r) => r.path === '/api/domain/x.io').map((r) => r.method)).toEqual([
      'POST',
      'GET',
      'POST',
    ]);
  });

  it('a non-idempotent POST whose outcome cannot be read back is not repeated', async () => {
    h.product.route = (_r, res) => void res.socket?.destroy();
    const c = client();
    // change_email reads back both names; the read-back fails too, so the original error surfaces.
    await expect(c.users.changeEmail('a@x.io', 'b@x.io')).rejects.toBeInstanceOf(NetworkError);
    expect(h.server.count('/api/user/a@x.io/change_email/b@x.io', 'POST')).toBe(1);
  });

  it('malformed JSON is an UnexpectedResponseError naming the status', async () => {
    h.product.route = (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"_success": tru');
    };
    const c = client();
    const error = await c.users.get('u@x.io').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).status).toBe(200);
    expect(h.server.count('/api/user/u@x.io')).toBe(1);
  });

  it('JSON without a boolean _success is not taken for an answer', async () => {
    h.product.route = (_r, res) => sendJson(res, { _success: 'true', _data: {} });
    await expect(client().users.get('u@x.io')).rejects.toThrow(/no boolean "_success"/);
  });

  it('an HTML 404 (API switched off) is a typed error naming the status', async () => {
    h.server.handle((_r, res) => sendHtml(res, 404, '<html><title>404 Not Found</title></html>'));
    const error = await client()
      .users.get('u@x.io')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).status).toBe(404);
    expect((error as Error).message).toMatch(/HTTP 404.*ENABLE_RESTFUL_API/);
  });

  it('a 303 redirect (after one re-login) and a 405 are typed errors naming the status, not followed', async () => {
    h.product.route = (request, res) => {
      if (request.method === 'GET') return sendHtml(res, 303, '', { location: LOGIN_PAGE });
      sendHtml(res, 405, 'Method Not Allowed');
    };
    const c = client();
    await expect(c.users.get('u@x.io')).rejects.toMatchObject({ name: 'RedirectError', status: 303 });
    await expect(c.users.update('u@x.io', { name: 'U' })).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      status: 405,
    });
    expect(h.server.count(LOGIN_PAGE)).toBe(0);
  });

  it('a 303 whose body happens to be JSON is still a redirect, not an answer', async () => {
    h.product.route = (_r, res) =>
      sendJson(res, { _success: true, _data: { username: 'u@x.io' } }, 303, { location: LOGIN_PAGE });
    await expect(client().users.get('u@x.io')).rejects.toMatchObject({ name: 'RedirectError', status: 303 });
  });

  it('several codes comma-joined in one _msg: each is exposed, with the password scrubbed', async () => {
    h.product.route = (_r, res) => sendJson(res, { _success: false, _msg: 'PW_NO_UPPERCASE,PW_NO_DIGIT_NUMBER' });
    const error = await client()
      .users.update('u@x.io', { password: 'lower!case' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('PW_NO_UPPERCASE,PW_NO_DIGIT_NUMBER');
    expect((error as ApiError).codes).toEqual(['PW_NO_UPPERCASE', 'PW_NO_DIGIT_NUMBER']);
    expect((error as ApiError).hasCode('PW_NO_DIGIT_NUMBER')).toBe(true);
    expect((error as Error).message).toContain('PW_NO_UPPERCASE,PW_NO_DIGIT_NUMBER');
    expect(inspect(error)).not.toContain('lower!case');
  });

  it('a failure without _msg ({"_success": false}) is a typed error with no codes, never a crash', async () => {
    h.product.route = (_r, res) => sendJson(res, { _success: false });
    const error = await client()
      .users.update('u@x.io', { name: 'U' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBeUndefined();
    expect((error as ApiError).codes).toEqual([]);
    expect((error as ApiError).isNotFound()).toBe(false);
    expect((error as Error).message).toMatch(/no _msg.*HTTP 200/);
  });

  it('get returns null for a missing account; other failures are ApiErrors with helpers', async () => {
    h.product.route = (request, res) => {
      if (request.path === '/api/user/gone@x.io') return sendJson(res, { _success: false, _msg: 'NO_SUCH_ACCOUNT' });
      if (request.path === '/api/domain/gone.io')
        return sendJson(res, { _success: false, _msg: 'INVALID_DOMAIN_NAME' });
      if (request.path === '/api/alias/other@y.io')
        return sendJson(res, { _success: false, _msg: 'PERMISSION_DENIED' });
      if (request.path === '/api/admin/dup@x.io') return sendJson(res, { _success: false, _msg: 'ALREADY_EXISTS' });
      sendJson(res, { _success: false });
    };
    const c = client();
    await expect(c.users.get('gone@x.io')).resolves.toBeNull();
    await expect(c.domains.get('gone.io')).resolves.toBeNull();
    const denied = await c.aliases.get('other@y.io').catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(ApiError);
    expect((denied as ApiError).isPermissionDenied()).toBe(true);
    expect((denied as ApiError).isNotFound()).toBe(false);
    const dup = await c.admins.create('dup@x.io', { password: 'P4ss!word' }).catch((e: unknown) => e);
    expect((dup as ApiError).isAlreadyExists()).toBe(true);
    expect((dup as ApiError).method).toBe('POST');
    expect((dup as ApiError).path).toBe('/api/admin/dup@x.io');
    const bare = await c.aliases.delete('a@x.io').catch((e: unknown) => e);
    expect(bare).toBeInstanceOf(ApiError);
    expect((bare as ApiError).code).toBeUndefined();
    expect((bare as Error).message).toMatch(/no _msg/);
  });

  it('free-text and misspelt _msg values are errors, with the password scrubbed', async () => {
    h.product.route = (request, res) => {
      if (request.method === 'PUT') {
        return sendJson(res, {
          _success: false,
          _msg: `IntegrityError('duplicate key', password='${request.params.get('password')}')`,
        });
      }
      sendJson(res, { _success: false, _msg: 'EMPTY_PASSSWORD' });
    };
    const c = client();
    const freeText = await c.users.update('u@x.io', { password: 'N3w!Secret-pw' }).catch((e: unknown) => e);
    expect(freeText).toBeInstanceOf(ApiError);
    expect(inspect(freeText)).not.toContain('N3w!Secret-pw');
    expect((freeText as ApiError).code).toContain('IntegrityError');
    expect((freeText as ApiError).normalizedCode).toBeUndefined();
    const misspelt = await c.admins.create('a@x.io', { password: 'x' }).catch((e: unknown) => e);
    expect((misspelt as ApiError).code).toBe('EMPTY_PASSSWORD');
    expect((misspelt as ApiError).normalizedCode).toBe('EMPTY_PASSWORD');
  });

  it('an error page echoing the request shows neither the cookie nor the password', async () => {
    h.product.route = (request, res) =>
      sendHtml(res, 500, `<pre>HTTP_COOKIE=${request.cookie} password=${ADMIN.password}</pre>`);
    const c = client({ retries: 0 });
    const error = await c.users.get('u@x.io').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    const text = `${(error as Error).message}\n${inspect(error)}`;
    expect(text).not.toContain(ADMIN.password);
    expect(text).not.toMatch(/sess1x[a-z0-9]+/);
  });

  it('invalid input is refused before sending, naming fields but not values', async () => {
    const c = client();
    const error = await c.users.update('u@x.io', { quota: -1, password: '' } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(['password', 'quota']);
    await expect(c.users.get('not an email')).rejects.toBeInstanceOf(ValidationError);
    await expect(c.users.update('u@x.io', { aliases: [], addAlias: ['a@x.io'] })).rejects.toThrow(/conflicts/);
    await expect(c.users.update('u@x.io', { services: ['imap', 'bogus' as never] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(h.server.requests).toHaveLength(0);
  });

  it('bounds concurrency to maxConcurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    h.product.route = async (_r, res) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight -= 1;
      sendJson(res, { _success: true, _data: { username: 'u@x.io' } });
    };
    const c = client({ maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 30 }, () => c.users.get('u@x.io')));
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });
});

describe('real-shaped answers of the product', () => {
  it('user GET: bcc as sender_bcc_address / recipient_bcc_address (null when none) with their flags', async () => {
    h.product.route = (_r, res) =>
      sendJson(res, {
        _success: true,
        _data: {
          username: 'u@x.io',
          sender_bcc_address: 'audit@x.io',
          sbcc_active: 1,
          recipient_bcc_address: null,
          rbcc_active: null,
        },
      });
    await expect(client().users.get('u@x.io')).resolves.toMatchObject({
      sender_bcc_address: 'audit@x.io',
      sbcc_active: true,
      recipient_bcc_address: null,
      rbcc_active: null,
    });
  });

  it('a quota the server clamped reads back as stored: the update succeeds and GET tells the truth', async () => {
    let stored = 50;
    h.product.route = (request, res) => {
      if (request.method === 'PUT') {
        stored = Math.min(Number(request.params.get('quota')), 100); // the domain's max_user_quota
        return sendJson(res, { _success: true });
      }
      sendJson(res, { _success: true, _data: { username: 'u@x.io', quota: String(stored) } });
    };
    const c = client();
    await expect(c.users.update('u@x.io', { quota: 500 })).resolves.toBeUndefined();
    expect(h.server.requests.at(-1)!.params.get('quota')).toBe('500');
    await expect(c.users.get('u@x.io')).resolves.toMatchObject({ quota: 100 });
  });

  it("user list rows: last_login per protocol and used_quota as objects; the product's hash is dropped", async () => {
    h.product.route = (_r, res) =>
      sendJson(res, {
        _success: true,
        _data: [
          {
            username: 'a@x.io',
            password: '{SSHA}leak',
            last_login: { imap: 1714979289, pop3: 0, lda: '0' },
            used_quota: { bytes: '12345', messages: 6 },
          },
        ],
      });
    const rows = await client().users.list('x.io');
    expect(rows).toEqual([
      {
        username: 'a@x.io',
        last_login: { imap: 1714979289, pop3: 0, lda: 0 },
        used_quota: { bytes: 12345, messages: 6 },
      },
    ]);
    // Flags are on when present at all, so only the wanted ones are sent.
    expect(h.server.requests.at(-1)!.query.has('email_only')).toBe(false);
    expect(h.server.requests.at(-1)!.query.has('disabled_only')).toBe(false);
  });
});

describe('login transport faults, options and logs', () => {
  it('a 503 on login is retried (login is idempotent)', async () => {
    let attempts = 0;
    h.server.handle(async (request, res, raw) => {
      if (request.path === '/api/login' && ++attempts === 1) return sendHtml(res, 503, 'Service Unavailable');
      await h.product.handler(request, res, raw);
    });
    await expect(client().login()).resolves.toBeUndefined();
    expect(h.server.count('/api/login')).toBe(2);
  });

  it('logs never carry the password or the session cookie', async () => {
    const logs: LogEntry[] = [];
    let reads = 0;
    h.product.route = (_r, res) => {
      if (++reads === 1) return void res.socket?.destroy();
      sendJson(res, { _success: true, _data: { username: 'u@x.io' } });
    };
    const c = client({ logger: (entry) => logs.push(entry) });
    await c.users.get('u@x.io');
    h.product.expireSessions();
    await c.users.get('u@x.io');
    const text = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThan(3);
    expect(text).not.toContain(ADMIN.password);
    expect(text).not.toMatch(/sess\d+x/);
  });

  it('invalid options fail at construction without echoing the password', () => {
    expect(() => new IRedAdminClient({ baseUrl: 'ftp://nope', ...ADMIN })).toThrow(/baseUrl/);
    let message = '';
    try {
      new IRedAdminClient({ baseUrl: h.server.url, ...ADMIN, timeoutMs: -5, password: ADMIN.password });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/timeoutMs/);
    expect(message).not.toContain(ADMIN.password);
  });
});
