/**
 * A hostile or misconfigured server answering with redirects: the client follows none, sends
 * nothing off the configured origin, and reads a 303 as "log in again" only when it points at the
 * login page on the configured host (any scheme or port: a product behind a proxy names its own).
 */
import { inspect } from 'node:util';
import { RedirectError } from '../../src/client';
import { sendHtml, sendJson } from './fake-server';
import { rejection, useProductLike } from './harness';
import { ADMIN, LOGIN_PAGE } from './product-like';

jest.setTimeout(15_000);

const h = useProductLike();

const failure = (call: Promise<unknown>) => rejection(call, RedirectError);

describe.each([301, 302, 303, 307, 308])('HTTP %i to another origin', (status) => {
  it('is not followed, sends nothing there and causes no re-login', async () => {
    const elsewhere = await h.another();
    // Another host name (the client would reach the same machine, had it followed).
    const target = elsewhere.url.replace('127.0.0.1', 'localhost');
    h.product.route = (_r, res) => sendHtml(res, status, '', { location: `${target}${LOGIN_PAGE}?next=/api` });
    const error = await failure(h.client().domains.get('x.io'));
    expect(error.status).toBe(status);
    expect(error.sameOrigin).toBe(false);
    expect(error.location).toBe(`${target}${LOGIN_PAGE}`);
    expect(error.message).toContain(`redirected to ${target}/login, off the configured URL's origin`);
    expect(elsewhere.requests).toHaveLength(0);
    expect(h.product.logins).toBe(1);
  });
});

describe('a 303 to a login page', () => {
  it('on another host name, even of the same address, is not "log in again"', async () => {
    const moved = h.server.url.replace('127.0.0.1', 'localhost');
    h.product.route = (_r, res) => sendHtml(res, 303, '', { location: `${moved}${LOGIN_PAGE}` });
    const error = await failure(h.client().spamPolicies.get({ global: true }));
    expect(error.sameOrigin).toBe(false);
    expect(error.toLoginPage).toBe(false);
    expect(error.message).toContain("off the configured URL's origin");
    expect(h.product.logins).toBe(1);
  });

  // A product behind a TLS-terminating proxy names its own scheme and port in Location.
  it.each([
    ['http for an https URL', (url: string) => url.replace(/^http:/, 'https:')],
    ['another port of the same host', (url: string) => url.replace(/:(\d+)$/, (_m, port) => `:${Number(port) + 1}`)],
  ])('on %s is "log in again" at the configured URL, never there', async (_name, moved) => {
    const elsewhere = moved(h.server.url);
    h.product.route = (_r, res) => sendHtml(res, 303, '', { location: `${elsewhere}${LOGIN_PAGE}` });
    const error = await failure(h.client().spamPolicies.get({ global: true }));
    expect(error).toMatchObject({ sameOrigin: false, toLoginPage: true });
    expect(error.message).toContain('redirected to the login page');
    // One login, one re-login at the configured URL: the redirect answered both, so the call fails.
    expect(h.product.logins).toBe(2);
  });

  it('given as a relative Location on the configured origin is "log in again"', async () => {
    h.product.route = (_r, res) => sendJson(res, { _success: true, _data: { policy_name: 'global' } });
    const c = h.client();
    await c.spamPolicies.get({ global: true });
    h.product.expireSessions();
    h.product.onExpired = 'redirect';
    h.server.handle(async (request, res, raw) => {
      if (request.path !== '/api/login' && h.product.sessions.size === 0)
        return sendHtml(res, 303, '', { location: `${LOGIN_PAGE}?msg=LOGIN_REQUIRED` });
      await h.product.handler(request, res, raw);
    });
    await expect(c.spamPolicies.get({ global: true })).resolves.toMatchObject({ row: { policy_name: 'global' } });
    expect(h.product.logins).toBe(2);
    expect(h.server.count(LOGIN_PAGE)).toBe(0);
  });

  it("is the login page of the base URL's path: /iredadmin/login for https://host/iredadmin", async () => {
    let expired = true;
    h.server.handle((request, res) => {
      if (request.path === '/iredadmin/api/login') {
        h.product.logins += 1;
        expired = false;
        return sendJson(res, { _success: true }, 200, { 'set-cookie': 'sid=s1; Path=/iredadmin' });
      }
      if (expired) return sendHtml(res, 303, '', { location: '/iredadmin/login' });
      if (request.path === '/iredadmin/api/domain/y.io') return sendHtml(res, 303, '', { location: '/login' });
      sendJson(res, { _success: true, _data: { domain: 'x.io' } });
    });
    const c = h.client({ baseUrl: `${h.server.url}/iredadmin/` });
    await c.login();
    expired = true;
    await expect(c.domains.get('x.io')).resolves.toMatchObject({ domain: 'x.io' });
    expect(h.product.logins).toBe(2);
    const outside = await failure(c.domains.get('y.io'));
    expect(outside).toMatchObject({ status: 303, sameOrigin: true, toLoginPage: false, location: '/login' });
    expect(h.product.logins).toBe(2);
  });
});

describe('other redirects', () => {
  it('a 303 to another page of the configured origin is thrown at once (a permission redirect), no re-login', async () => {
    h.product.route = (_r, res) =>
      sendHtml(res, 303, '', { location: `${h.server.url}/domains?msg=PERMISSION_DENIED` });
    const error = await failure(h.client().throttles.get({ global: true }, 'inbound'));
    expect(error).toMatchObject({ status: 303, sameOrigin: true, toLoginPage: false, location: '/domains' });
    expect(error.message).toMatch(/HTTP 303.*redirected to \/domains/);
    expect(h.product.logins).toBe(1);
    expect(h.server.count('/domains')).toBe(0);
  });

  it('a redirect without a Location is a RedirectError saying so', async () => {
    h.product.route = (_r, res) => sendHtml(res, 302, 'moved');
    const error = await failure(h.client().users.get('u@x.io'));
    expect(error.message).toContain('no usable Location header');
  });

  it('a redirect to the login page on login itself is an error, not a loop', async () => {
    h.server.handle((_r, res) => sendHtml(res, 303, '', { location: LOGIN_PAGE }));
    await failure(h.client().login());
    expect(h.server.count('/api/login')).toBe(1);
  });

  it('a Location that echoes the session cookie or the password shows neither', async () => {
    h.product.route = (request, res) => {
      const session = /=([^;]+)/.exec(request.cookie ?? '')?.[1] ?? '';
      sendHtml(res, 302, '', { location: `/echo/${session}/${encodeURIComponent(ADMIN.password)}/${ADMIN.password}` });
    };
    const error = await failure(h.client().users.get('u@x.io'));
    const text = `${error.message}\n${inspect(error)}`;
    expect(text).toContain('/echo/***/');
    expect(text).not.toMatch(/sess\d+x/);
    expect(text).not.toContain(ADMIN.password);
  });
});

describe('the configured URL', () => {
  it('refuses credentials in it (they would be dropped silently, and printed wherever the URL is)', () => {
    const withUser = h.server.url.replace('http://', `http://admin:${encodeURIComponent(ADMIN.password)}@`);
    let message = '';
    try {
      h.client({ baseUrl: withUser });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /baseUrl: must not carry a user name or password \(user:password@\); give them as username and password/,
    );
    expect(message).not.toContain(encodeURIComponent(ADMIN.password));
  });

  it('refuses a query string or fragment, which would be dropped silently', () => {
    expect(() => h.client({ baseUrl: `${h.server.url}/iredadmin?x=1` })).toThrow(/baseUrl: .*query string or fragment/);
    expect(() => h.client({ baseUrl: `${h.server.url}/iredadmin#top` })).toThrow(/baseUrl: .*query string or fragment/);
  });
});
