/**
 * Attacks through the shape of a request rather than its values: prototype-polluting keys in JSON
 * and form bodies, repeated keys, bodies over the limit and with thousands of fields, a JSON body
 * labelled as a form and the reverse, and cookie headers with many or malformed session cookies.
 * Every answer is the JSON envelope (never a 5xx), nothing but the named parameters changes
 * anything, and no request reaches into another object or the server's own objects.
 */
import { sql } from '../../src/server/db/sql';
import { ApiSession, type Envelope } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { BACKENDS, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';
import { rawBytes } from './support/raw-http';

const PW = 'Shap3s!pass-word';
const USER = 'jane@shapes.example';

describe.each(BACKENDS)('request shapes on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let normal: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), { domains: ['shapes.example', 'other.example'] });
  beforeAll(async () => {
    await api.ok('POST', `/api/user/${USER}`, { password: PW, name: 'Jane' });
    normal = await normalAdminSession(server, 'helper@admins.example', ['shapes.example']);
  });

  /** Sends a body exactly as given, with the given content type and the session's cookie. */
  async function send(
    session: ApiSession,
    method: string,
    path: string,
    body: string | undefined,
    contentType?: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; body: Envelope }> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (session.sessionCookie && !('cookie' in headers)) headers.cookie = session.sessionCookie;
    if (contentType) headers['content-type'] = contentType;
    const res = await fetch(server.url + path, { method, headers, body });
    const text = await res.text();
    let parsed: Envelope;
    try {
      parsed = JSON.parse(text) as Envelope;
    } catch {
      throw new Error(`${method} ${path}: not the envelope (HTTP ${res.status}): ${text.slice(0, 200)}`);
    }
    expect(res.status).toBeLessThan(500);
    return { status: res.status, body: parsed };
  }
  const userRow = async () =>
    (await server.db.query(sql`SELECT name, active, quota, isglobaladmin FROM mailbox WHERE username = ${USER}`))[0];
  const FORM = 'application/x-www-form-urlencoded';

  afterEach(() => {
    // Nothing may have reached Object.prototype, whatever a test sent.
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('isGlobal');
    expect(({} as Record<string, unknown>).isGlobalAdmin).toBeUndefined();
  });

  test('__proto__ and constructor.prototype in a JSON body are refused whole: INVALID_REQUEST, nothing changes', async () => {
    const before = await userRow();
    for (const json of [
      `{"name": "Polluter", "__proto__": {"polluted": "yes", "isGlobal": true}}`,
      `{"name": "Polluter", "constructor": {"prototype": {"polluted": "yes"}}}`,
    ]) {
      const answer = await send(normal, 'PUT', `/api/user/${USER}`, json, 'application/json');
      expect(answer).toEqual({ status: 400, body: { _success: false, _msg: 'INVALID_REQUEST' } });
    }
    expect(await userRow()).toEqual(before);
  });

  test('__proto__ and constructor keys in a form body are ordinary unknown parameters', async () => {
    const form = '__proto__[polluted]=yes&__proto__=x&constructor[prototype][polluted]=yes&constructor=y&name=Formed';
    expect((await send(normal, 'PUT', `/api/user/${USER}`, form, FORM)).body).toEqual({ _success: true });
    expect(await userRow()).toMatchObject({ name: 'Formed', isglobaladmin: 0 });
    // In the query string too, on a route anyone may call.
    const login = await send(new ApiSession(server.url), 'POST', '/api/login?__proto__[polluted]=yes', 'x=1', FORM);
    expect(login.body._success).toBe(false);
  });

  test('a repeated key is one value (joined), never two parameters: a bad joined value is refused whole', async () => {
    const before = await userRow();
    const answer = await send(
      normal,
      'PUT',
      `/api/user/${USER}`,
      'name=Twice&accountStatus=active&accountStatus=disabled',
      FORM,
    );
    expect(answer.body._success).toBe(false);
    expect(await userRow()).toEqual(before);
  });

  test('JSON lists nested 100,000 deep are no parameter (they overflowed the stack: a 500); flat lists still are', async () => {
    const before = await userRow();
    const depth = 100_000;
    const deep = `{"name": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect((await send(normal, 'PUT', `/api/user/${USER}`, deep, 'application/json')).body).toEqual({
      _success: true,
    });
    expect(await userRow()).toEqual(before);
    const flat = JSON.stringify({ forwarding: [USER, 'copy@other.example'], name: 'Flat' });
    expect((await send(normal, 'PUT', `/api/user/${USER}`, flat, 'application/json')).body).toEqual({ _success: true });
    expect(await userRow()).toMatchObject({ name: 'Flat' });
  });

  test('a body over 1 MiB answers 413 in the envelope, and the server serves the next request', async () => {
    const huge = `name=${'x'.repeat(2 * 1024 * 1024)}`;
    const answer = await send(normal, 'PUT', `/api/user/${USER}`, huge, FORM);
    expect(answer).toEqual({ status: 413, body: { _success: false, _msg: 'INVALID_REQUEST' } });
    expect((await normal.get(`/api/user/${USER}`))._success).toBe(true);
  });

  test('thousands of fields, in a form or a body of any other type: a parameter after them still counts', async () => {
    const junk = Array.from({ length: 5000 }, (_, i) => `junk${i}=1`).join('&');
    expect((await send(normal, 'PUT', `/api/user/${USER}`, `${junk}&name=AfterJunk`, FORM)).body).toEqual({
      _success: true,
    });
    expect(await userRow()).toMatchObject({ name: 'AfterJunk' });
    // Bodies of other types are read as forms too (clients send PUTs as text/plain or with no
    // type): every field of them, not a silent first thousand.
    for (const type of ['text/plain', 'application/octet-stream']) {
      const name = `Typed ${type}`;
      const typed = await send(normal, 'PUT', `/api/user/${USER}`, `${junk}&name=${encodeURIComponent(name)}`, type);
      expect(typed.body).toEqual({ _success: true });
      expect(await userRow()).toMatchObject({ name });
    }
  });

  test('content-type confusion: JSON sent as a form changes nothing; a form sent as JSON is refused', async () => {
    const before = await userRow();
    const asForm = await send(normal, 'PUT', `/api/user/${USER}`, '{"name":"Confused"}', FORM);
    expect(asForm.body._success).toBe(true);
    expect(await userRow()).toEqual(before);
    const asJson = await send(normal, 'PUT', `/api/user/${USER}`, 'name=Confused', 'application/json');
    expect(asJson).toEqual({ status: 400, body: { _success: false, _msg: 'INVALID_REQUEST' } });
    expect(await userRow()).toEqual(before);
  });

  test('cookies: a forged session cookie first hides a real one behind it', async () => {
    const [name] = normal.sessionCookie!.split('=');
    const forged = await send(normal, 'GET', `/api/user/${USER}`, undefined, undefined, {
      cookie: `${name}=forged; ${normal.sessionCookie}`,
    });
    expect(forged.body).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
    const malformed = await send(normal, 'GET', `/api/user/${USER}`, undefined, undefined, {
      cookie: `${name}=%E0%A4%A; ${name}`,
    });
    expect(malformed.body).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
  });

  const rawEnvelope = async (text: string) => {
    const { status, body } = await rawBytes(server.url, text);
    return { status, body: JSON.parse(body) as Envelope };
  };

  test('headers node refuses (CR in a cookie, a thousand cookies, a bad request line) answer the envelope', async () => {
    const [name] = normal.sessionCookie!.split('=');
    const request = (headers: string) => `GET /api/user/${USER} HTTP/1.1\r\nHost: x\r\n${headers}\r\n\r\n`;
    expect(await rawEnvelope(request(`Cookie: ${normal.sessionCookie}\rSet-Cookie: x=1`))).toEqual({
      status: 400,
      body: { _success: false, _msg: 'INVALID_REQUEST' },
    });
    const many = Array.from({ length: 1000 }, (_, i) => `${name}=t${i}`).join('; ');
    expect(await rawEnvelope(request(`Cookie: ${many}`))).toEqual({
      status: 431,
      body: { _success: false, _msg: 'INVALID_REQUEST' },
    });
    expect(await rawEnvelope('GET /api/domains HTTP/9.9 extra\r\n\r\n')).toEqual({
      status: 400,
      body: { _success: false, _msg: 'INVALID_REQUEST' },
    });
  });

  test('without a session, HEAD, OPTIONS and unknown methods on a guarded route read nothing', async () => {
    const ask = (method: string) =>
      rawBytes(server.url, `${method} /api/user/${USER} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    // HEAD runs the GET route, refusal included: the refused GET's status, and no body.
    const get = await ask('GET');
    expect(JSON.parse(get.body)).toEqual({ _success: false, _msg: 'LOGIN_REQUIRED' });
    expect(await ask('HEAD')).toEqual({ status: get.status, body: '' });
    expect(await ask('OPTIONS')).toEqual({ status: 404, body: JSON.stringify({ _success: false, _msg: 'NOT_FOUND' }) });
    for (const method of ['FOO', 'PROPFIND', 'get']) {
      const answer = await ask(method);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(JSON.parse(answer.body)).toMatchObject({ _success: false });
    }
  });
});
