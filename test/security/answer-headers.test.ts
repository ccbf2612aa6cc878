/**
 * Every answer carries `Cache-Control: no-store` and `X-Content-Type-Options: nosniff`: answers
 * hold account data and set session cookies, and no cache or browser may keep or re-read them
 * (README, Security: "Answers are not cached"). Headers only: one backend is enough.
 */
import { ApiSession } from '../support/api';
import type { TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';
import { rawExchange } from './support/raw-http';

const EXPECTED = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
const answerHeaders = (headers: Headers | Record<string, string>) => {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  return { 'cache-control': get('cache-control'), 'x-content-type-options': get('x-content-type-options') };
};

describe('answer headers', () => {
  let server: TestServer;
  let api: ApiSession;
  useTestServer('pglite', (started) => ({ server, api } = started), { domains: ['headers.example'] });

  test('a GET answer', async () => {
    const answer = await api.raw('GET', '/api/domain/headers.example');
    expect(answer.body._success).toBe(true);
    expect(answerHeaders(answer.headers)).toEqual(EXPECTED);
  });

  test('a login setting its session cookie', async () => {
    const answer = await new ApiSession(server.url).raw('POST', '/api/login', {
      username: server.admin.email,
      password: server.admin.password,
    });
    expect(answer.body).toEqual({ _success: true });
    expect(answer.headers.get('set-cookie')).toBeTruthy();
    expect(answerHeaders(answer.headers)).toEqual(EXPECTED);
  });

  test('refusals: a wrong password, no session, a 404 and a URL the router refuses', async () => {
    const anonymous = new ApiSession(server.url);
    const refused = [
      await anonymous.raw('POST', '/api/login', { username: server.admin.email, password: 'wrong' }),
      await anonymous.raw('GET', '/api/domain/headers.example'),
      await api.raw('GET', '/no/such/url'),
      await api.raw('GET', `/api/domain/${'a'.repeat(600)}.example`),
    ];
    expect(refused.map((a) => [a.status, a.body._msg])).toEqual([
      [200, 'INVALID_CREDENTIALS'],
      [200, 'LOGIN_REQUIRED'],
      [404, 'NOT_FOUND'],
      [414, 'INVALID_REQUEST'],
    ]);
    expect(refused.map((a) => answerHeaders(a.headers))).toEqual(refused.map(() => EXPECTED));
  });

  test("a request node's HTTP parser refuses", async () => {
    const answer = await rawExchange(server.url, 'GET /api/login HTTP/1.1\r\nHost: x\r\nCookie: a\rb\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ _success: false, _msg: 'INVALID_REQUEST' });
    expect(answerHeaders(answer.headers)).toEqual(EXPECTED);
  });
});
