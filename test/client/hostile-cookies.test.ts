/**
 * A hostile or misconfigured server's cookies: scoped to another domain or path, named like the
 * session cookie, too many, too large, with bytes no header may carry. The jar keeps only what
 * belongs to the configured URL and stays bounded; the session keeps working.
 */
import { CookieJar, MAX_COOKIE_BYTES, MAX_COOKIES } from '../../src/client/cookies';
import type { LogEntry } from '../../src/client';
import { NetworkError } from '../../src/client';
import type { RecordedRequest } from './fake-server';
import { sendJson } from './fake-server';
import { rejection, useProductLike } from './harness';
import { COOKIE_NAME } from './product-like';

jest.setTimeout(15_000);

describe('the jar', () => {
  const jar = () => new CookieJar(new URL('https://mail.example.com/iredadmin'));

  it.each([
    ['another domain', 'Domain=evil.example'],
    ['a sibling of the host', 'Domain=www.example.com'],
    ['a longer name ending like the host', 'Domain=notmail.example.com'],
    ['another path', 'Path=/elsewhere'],
    ['a path beside the base path', 'Path=/iredadmin2'],
    ['a path narrower than the API', 'Path=/iredadmin/api/user'],
  ])('ignores a cookie for %s', (_case, attribute) => {
    const j = jar();
    expect(j.update(`sid=abc; ${attribute}`)).toEqual([{ name: 'sid', reason: expect.stringMatching(/^for another/) }]);
    expect(j.header()).toBeUndefined();
  });

  it.each([
    ['no attributes', ''],
    ['the host itself', 'Domain=mail.example.com'],
    ['a parent domain, with a leading dot', 'Domain=.example.com'],
    ['the root path', 'Path=/'],
    ['the base path', 'Path=/iredadmin'],
    ['the API path', 'Path=/iredadmin/api/'],
  ])('keeps a cookie for %s', (_case, attribute) => {
    const j = jar();
    expect(j.update(`sid=abc; ${attribute}`)).toEqual([]);
    expect(j.header()).toBe('sid=abc');
  });

  it('an IP address host matches only itself', () => {
    const ip = new CookieJar(new URL('http://10.1.2.3:8080/'));
    expect(ip.update(['a=1; Domain=10.1.2.3', 'b=2; Domain=2.3'])).toHaveLength(1);
    expect(ip.header()).toBe('a=1');
  });

  it('a cookie named like the session cookie but for another path neither replaces nor deletes it', () => {
    const j = jar();
    j.update(`${COOKIE_NAME}=good; Path=/iredadmin; HttpOnly`);
    j.update([`${COOKIE_NAME}=evil; Path=/other`, `${COOKIE_NAME}=; Max-Age=0; Domain=evil.example`]);
    expect(j.header()).toBe(`${COOKIE_NAME}=good`);
  });

  it(`stays bounded: at most ${MAX_COOKIES} cookies of at most ${MAX_COOKIE_BYTES} bytes each`, () => {
    const j = jar();
    j.update('sid=session');
    const flood = Array.from({ length: 1000 }, (_, i) => `c${i}=${'v'.repeat(100)}`);
    expect(j.update(flood)).toHaveLength(1000 - (MAX_COOKIES - 1));
    expect(j.update(`huge=${'x'.repeat(MAX_COOKIE_BYTES)}`)).toEqual([{ name: 'huge', reason: expect.any(String) }]);
    expect(j.size).toBe(MAX_COOKIES);
    expect(j.header()).toMatch(/^sid=session; /);
    // A cookie already held is still updated when the jar is full.
    j.update('sid=renewed');
    expect(j.header()).toMatch(/^sid=renewed; /);
  });

  it.each([
    ['a non-ASCII byte', 'sid=caf\u00c3\u00a9'],
    ['a tab', 'sid=a\tb'],
    ['a malformed name', 'a b=c'],
    ['no name', '=value'],
  ])('ignores a cookie with %s', (_case, header) => {
    const j = jar();
    expect(j.update(header)).toHaveLength(1);
    expect(j.size).toBe(0);
  });
});

describe('on the wire', () => {
  const h = useProductLike();
  const reads = () => h.server.requests.filter((r: RecordedRequest) => r.path === '/api/domain/x.io');

  it('cookies for another domain or path, named like ours, are not sent and do not break the session', async () => {
    h.product.route = (_r, res) =>
      sendJson(res, { _success: true, _data: { domain: 'x.io' } }, 200, {
        'set-cookie': [
          `${COOKIE_NAME}=hijacked; Domain=evil.example; Path=/`,
          `${COOKIE_NAME}=shadow; Path=/not-the-api`,
          'tracker=1; Domain=evil.example',
        ],
      });
    const logs: LogEntry[] = [];
    const c = h.client({ logger: (entry) => logs.push(entry) });
    await c.domains.get('x.io');
    await c.domains.get('x.io');
    const second = reads()[1]!;
    expect(second.cookie).toMatch(new RegExp(`^${COOKIE_NAME}=sess1x[a-z0-9]+$`));
    expect(h.product.logins).toBe(1);
    const warning = logs.find(
      (l) => l.message === 'ignored cookies the jar refuses (another domain or path, malformed, or over its limits)',
    );
    expect(warning?.fields).toMatchObject({ count: 3, cookies: expect.stringContaining('for another domain') });
    expect(JSON.stringify(logs)).not.toMatch(/hijacked|shadow/);
  });

  it('a server setting hundreds of large cookies cannot grow the Cookie header past the bound', async () => {
    let round = 0;
    h.product.route = (_r, res) => {
      round += 1;
      const cookies = Array.from({ length: 20 }, (_, i) => `r${round}c${i}=${'v'.repeat(500)}`);
      sendJson(res, { _success: true, _data: { domain: 'x.io' } }, 200, { 'set-cookie': cookies });
    };
    const c = h.client();
    for (let i = 0; i < 10; i += 1) await c.domains.get('x.io');
    const last = reads().at(-1)!.cookie ?? '';
    expect(last.split('; ')).toHaveLength(MAX_COOKIES);
    expect(last.startsWith(`${COOKIE_NAME}=sess1x`)).toBe(true);
    expect(h.product.logins).toBe(1);
  });

  it('a Set-Cookie with a CR in it is a protocol error (NetworkError naming the call), never a header sent on', async () => {
    h.product.route = (_r, res) => {
      res.socket?.write('HTTP/1.1 200 OK\r\nset-cookie: a=b\rX-Injected: 1\r\ncontent-length: 2\r\n\r\n{}');
      res.socket?.end();
    };
    const error = await rejection(h.client({ retries: 0 }).domains.get('x.io'), NetworkError);
    expect(error.path).toBe('/api/domain/x.io');
    expect(h.server.requests.some((r) => /X-Injected/i.test(r.cookie ?? ''))).toBe(false);
  });
});
