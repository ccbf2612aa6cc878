/**
 * A server that echoes what it was sent — a debug error page, an exception in `_msg`, a redirect —
 * in whatever encoding it happens to use: no error the client throws (message, `cause`, inspected
 * whole) shows the password or the session cookie, raw or encoded.
 */
import type { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { sendHtml, sendJson } from './fake-server';
import { rejection, useProductLike } from './harness';
import { ADMIN } from './product-like';
import { htmlEscape, secretSpellings } from './secret-spellings';

jest.setTimeout(15_000);

const h = useProductLike();

/** Every special character a password policy asks for, so that each encoding differs. */
const PASSWORD = `P4ss&<w>"o'rd +%\\/#é`;

async function errorText(call: Promise<unknown>): Promise<string> {
  const error = await rejection(call, Error);
  const cause = error.cause;
  return `${error.message}\n${inspect(error, { depth: 6 })}\n${cause ? inspect(cause, { depth: 6 }) : ''}`;
}

function expectNone(text: string, secret: string): void {
  for (const [name, spelling] of Object.entries(secretSpellings(secret))) {
    expect({ name, found: text.includes(spelling) }).toEqual({ name, found: false });
  }
}

describe.each(Object.keys(secretSpellings(PASSWORD)))('a login error page quoting the password %s', (name) => {
  it('shows it in no error', async () => {
    const quoted = secretSpellings(PASSWORD)[name]!;
    h.server.handle((request, res) => sendHtml(res, 500, `<pre>password=${quoted}\nbody=${request.body}</pre>`));
    const c = h.client({ password: PASSWORD, retries: 0 });
    const text = await errorText(c.login());
    expect(text).toContain('HTTP 500');
    expectNone(text, PASSWORD);
  });
});

it('an exception in _msg quoting the sent form shows neither the password nor its encodings', async () => {
  h.product.route = (request, res) =>
    sendJson(res, { _success: false, _msg: `ValueError: ${request.body} ${htmlEscape(PASSWORD)} '${PASSWORD}'` });
  const text = await errorText(h.client().users.update('u@x.io', { password: PASSWORD }));
  expect(text).toContain('ValueError: password=***');
  expectNone(text, PASSWORD);
});

it('an error page echoing the Cookie header and the form on any call shows neither secret', async () => {
  h.product.route = (request, res) =>
    sendHtml(
      res,
      502,
      `<pre>HTTP_COOKIE=${htmlEscape(request.cookie ?? '')} ${encodeURIComponent(request.cookie ?? '')}</pre>`,
    );
  const c = h.client({ retries: 0 });
  const text = await errorText(c.users.get('u@x.io'));
  expect(text).toContain('HTTP_COOKIE=');
  expect(text).not.toMatch(/sess\d+x[a-z0-9]+/);
  expectNone(text, ADMIN.password);
});

it.each([
  ['a connection reset', (res: ServerResponse) => void res.socket?.destroy()],
  ['no answer at all', () => undefined],
  ['a protocol violation', (res: ServerResponse) => void res.socket?.end('HTTP/1.1 200 OK\r\nbad header\r\n\r\n')],
])(
  '%s: the NetworkError or TimeoutError and its cause show neither the password nor the cookie',
  async (_case, answer) => {
    h.product.route = (_r, res) => answer(res);
    const text = await errorText(h.client({ retries: 0, timeoutMs: 300 }).users.get('u@x.io'));
    expect(text).toMatch(/NetworkError|TimeoutError/);
    expect(text).not.toMatch(/sess\d+x[a-z0-9]+/);
    expectNone(text, ADMIN.password);
  },
);

it.each([
  ['the login', '/api/login'],
  ['a read', '/api/user/u@x.io'],
])('a malformed answer to %s quoting the request: its cause does not carry the bytes', async (_case, path) => {
  h.server.handle(async (request, res, raw) => {
    if (request.path !== path) return h.product.handler(request, res, raw);
    res.socket?.end(`HTTP/1.1 200 OK\r\nx-echo: \u0001 ${request.body} ${request.cookie}\r\n\r\n`);
  });
  const text = await errorText(h.client({ retries: 0 }).users.get('u@x.io'));
  expect(text).toMatch(/NetworkError: .*not valid HTTP/);
  expect(text).not.toMatch(/sess\d+x[a-z0-9]+/);
  expectNone(text, ADMIN.password);
});
