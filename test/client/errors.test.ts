import fc from 'fast-check';
import { ApiError, AuthError } from '../../src/client/errors';
import { redact } from '../../src/client/redact';
import { CookieJar } from '../../src/client/cookies';
import { backoffDelay } from '../../src/client/backoff';
import { Semaphore } from '../../src/client/semaphore';
import { parseEnvelope } from '../../src/client/envelope';

const site = { method: 'GET', path: '/api/user/a@x.io' } as const;

describe('errors', () => {
  it('classifies codes precisely', () => {
    const make = (msg: string | undefined, notFoundCodes?: string[]) =>
      new ApiError({ ...site, msg, status: 200, notFoundCodes });
    for (const code of ['NO_SUCH_ACCOUNT', 'ACCOUNT_NOT_EXIST', 'OLD_EMAIL_NOT_EXIST', 'NO_SUCH_DOMAIN'])
      expect(make(code).isNotFound()).toBe(true);
    // INVALID_* are syntax errors unless a call declares otherwise (domain reads do).
    expect(make('INVALID_DOMAIN_NAME').isNotFound()).toBe(false);
    expect(make('INVALID_MAIL').isNotFound()).toBe(false);
    expect(make('INVALID_DOMAIN_NAME', ['INVALID_DOMAIN_NAME']).isNotFound()).toBe(true);
    expect(make('ALREADY_EXISTS').isAlreadyExists()).toBe(true);
    expect(make('NEW_EMAIL_ALREADY_EXISTS').isAlreadyExists()).toBe(true);
    for (const code of [
      'PERMISSION_DENIED',
      'NOT_AUTHORIZED',
      'NOT_ALLOWED',
      'PERMISSION_DENIED_UPDATE_GLOBAL_ADMIN_PROFILE',
    ]) {
      expect(make(code).isPermissionDenied()).toBe(true);
    }
    expect(make('LOGIN_REQUIRED').isLoginRequired()).toBe(true);
    expect(make(undefined).isNotFound()).toBe(false);
    expect(make("KeyError('x')").normalizedCode).toBeUndefined();
    expect(make('EMPTY_PASSSWORD').normalizedCode).toBe('EMPTY_PASSWORD');
    // Comma-joined codes: each one counts, misspellings fixed; free text with commas is not a code list.
    const joined = make('PW_NO_UPPERCASE, EMPTY_PASSSWORD');
    expect(joined.codes).toEqual(['PW_NO_UPPERCASE', 'EMPTY_PASSWORD']);
    expect(joined.normalizedCode).toBe('PW_NO_UPPERCASE,EMPTY_PASSWORD');
    expect(make('ALREADY_EXISTS,PW_EMPTY').isAlreadyExists()).toBe(true);
    expect(make("KeyError('a, b')").codes).toEqual([]);
    expect(make(undefined).codes).toEqual([]);
    const auth = new AuthError({ method: 'POST', path: '/api/login', msg: 'INVALID_CREDENTIALS', status: 200 });
    expect(auth).toBeInstanceOf(ApiError);
    expect(auth.name).toBe('AuthError');
    expect(auth.message).toContain('INVALID_CREDENTIALS');
  });

  it('property: a redacted text never contains a secret (of password length)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string({ minLength: 4 }), { minLength: 1, maxLength: 3 }),
        fc.nat(3),
        (text, secrets, at) => {
          const withSecret = text.slice(0, at) + secrets[0] + text.slice(at);
          const out = redact(withSecret, secrets);
          for (const secret of secrets) expect(out.includes(secret)).toBe(false);
        },
      ),
    );
    expect(redact('pw=xx*x*', ['x*x*'])).not.toContain('x*x*');
  });

  it('property: ApiError messages built from any _msg never show the call secrets', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8 }), fc.string(), (secret, noise) => {
        const error = new ApiError({ ...site, msg: `${noise}${secret}${noise}`, status: 200, secrets: [secret] });
        expect(error.message.includes(secret)).toBe(false);
        expect(error.code?.includes(secret)).toBe(false);
      }),
    );
  });
});

describe('cookie jar', () => {
  it('keeps cookies of any name, replaces and deletes them', () => {
    const jar = new CookieJar(new URL('https://mail.example.com/iredadmin'));
    jar.update(['iRedAdmin-Pro-MYSQL=abc; Path=/; HttpOnly', 'other=1']);
    expect(jar.header()).toBe('iRedAdmin-Pro-MYSQL=abc; other=1');
    jar.update('iRedAdmin-Pro-MYSQL=def; Path=/');
    expect(jar.header()).toBe('iRedAdmin-Pro-MYSQL=def; other=1');
    jar.update('other=gone; Max-Age=0');
    jar.update('iRedAdmin-Pro-MYSQL=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    expect(jar.header()).toBeUndefined();
    jar.update('v=a=b');
    expect(jar.values()).toEqual(['a=b']);
  });
});

describe('backoff and semaphore', () => {
  it('property: the delay stays within [0, min(max, base·2^(n-1))]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.nat(1000),
        fc.nat(100_000),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (retry, base, max, r) => {
          const delay = backoffDelay(retry, { baseDelayMs: base, maxDelayMs: max }, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(max, base * 2 ** (retry - 1)));
        },
      ),
    );
  });

  it('runs at most N tasks at once, in arrival order', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        semaphore.run(async () => {
          order.push(i);
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await expect(semaphore.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(semaphore.run(async () => 'still works')).resolves.toBe('still works');
  });
});

describe('envelope', () => {
  it('keeps extra top-level keys (throttle `setting`) and requires a boolean _success', () => {
    const raw = (body: string) => ({ status: 200, contentType: 'application/json', body });
    expect(parseEnvelope(site, raw('{"_success":true,"setting":{"period":60}}'))).toEqual({
      _success: true,
      setting: { period: 60 },
    });
    expect(parseEnvelope(site, raw('{"_success":false}'))).toEqual({ _success: false });
    expect(() => parseEnvelope(site, raw('[]'))).toThrow(/envelope/);
    expect(() => parseEnvelope(site, raw('{"_success":1}'))).toThrow(/envelope/);
    expect(() => parseEnvelope(site, { status: 405, contentType: 'text/plain', body: 'Method Not Allowed' })).toThrow(
      /HTTP 405/,
    );
  });
});
