import fc from 'fast-check';
import { hashPassword, isAcceptedHash, verifyPassword } from '../../src/server/auth/passwords';
import { md5Crypt } from '../../src/server/auth/md5-crypt';
import { passwordPolicyViolation } from '../../src/server/auth/password-policy';
import type { PasswordScheme } from '../../src/server/config';

const SCHEMES: PasswordScheme[] = ['SSHA512', 'SSHA', 'SHA512', 'SHA', 'PLAIN-MD5', 'MD5', 'BCRYPT'];

describe('password schemes', () => {
  test.each(SCHEMES)('%s hashes verify, and only with the right password', async (scheme) => {
    const hash = await hashPassword('C0rrect!horse', scheme);
    expect(hash.startsWith(`{${scheme}}`)).toBe(true);
    expect(hash).not.toContain('C0rrect!horse');
    await expect(verifyPassword('C0rrect!horse', hash)).resolves.toBe(true);
    await expect(verifyPassword('C0rrect!hors', hash)).resolves.toBe(false);
  });

  test('salted schemes give a different hash every time', async () => {
    expect(await hashPassword('same', 'SSHA512')).not.toBe(await hashPassword('same', 'SSHA512'));
  });

  test('known vectors from other tools verify (existing iRedMail databases)', async () => {
    // python: base64(sha512(b"password" + b"12345678") + b"12345678")
    await expect(
      verifyPassword(
        'password',
        '{SSHA512}o9FQwV8amk4H05j62UVoRg47BEVwtjK/Z+J9OiMaBOSTGq2ho772vZTQiAHODGhP7UUHBYZ99vB/oKOVxCVgcTEyMzQ1Njc4',
      ),
    ).resolves.toBe(true);
    // openssl passwd -1 -salt AbCd1234 …
    expect(md5Crypt('password', 'AbCd1234')).toBe('$1$AbCd1234$cirw/L2mCGWC6TQoYr6RB1');
    expect(md5Crypt('Pässwörd!', 'AbCd1234')).toBe('$1$AbCd1234$ch5W/fiCYIGcsZiU87cIO0');
    await expect(verifyPassword('password', '{CRYPT}$1$AbCd1234$cirw/L2mCGWC6TQoYr6RB1')).resolves.toBe(true);
    await expect(verifyPassword('password', '{PLAIN-MD5}5f4dcc3b5aa765d61d8327deb882cf99')).resolves.toBe(true);
  });

  test('unknown schemes and garbage never verify', async () => {
    await expect(verifyPassword('x', '{ROT13}k')).resolves.toBe(false);
    await expect(verifyPassword('x', 'x')).resolves.toBe(false);
    await expect(verifyPassword('x', '{SSHA512}')).resolves.toBe(false);
    expect(isAcceptedHash('{SSHA512}abc')).toBe(true);
    expect(isAcceptedHash('{ROT13}abc')).toBe(false);
    expect(isAcceptedHash('plain')).toBe(false);
  });

  test('property: SSHA512 round-trips any printable password', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (password) => {
        const hash = await hashPassword(password, 'SSHA512');
        expect(await verifyPassword(password, hash)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('password policy', () => {
  const bounds = { min: 8, max: 20 };
  test.each([
    ['', 'PW_EMPTY'],
    ['Sh0rt!', 'PW_SHORTER_THAN_MIN_LENGTH'],
    [`${'A'.repeat(19)}1!x`, 'PW_GREATER_THAN_MAX_LENGTH'],
    ['12345678!', 'PW_NO_LETTER,PW_NO_UPPERCASE'],
    ['lowercase1!', 'PW_NO_UPPERCASE'],
    ['NoDigits!!', 'PW_NO_DIGIT_NUMBER'],
    ['NoSpecial1', 'PW_NO_SPECIAL_CHAR'],
    ['Ünïcode1!x', 'PW_NON_ASCII,PW_NO_UPPERCASE'],
    // Every broken rule at once, comma-joined like the real product.
    ['short', 'PW_SHORTER_THAN_MIN_LENGTH,PW_NO_UPPERCASE,PW_NO_DIGIT_NUMBER,PW_NO_SPECIAL_CHAR'],
    ['Go0d!enough', null],
  ])('%j → %s', (password, code) => {
    expect(passwordPolicyViolation(password, bounds)).toBe(code);
  });
});
