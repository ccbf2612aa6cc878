import fc from 'fast-check';
import { normalizeDomain, normalizeEmail } from '../../src/common/mail-names';
import { formatSettings, parseSettings, settingsForApi } from '../../src/server/model/settings-column';
import { collectInput } from '../../src/server/http/input';

describe('names', () => {
  test.each([
    ['Example.COM', 'example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['sub.domain.example.org.', 'sub.domain.example.org'],
    ['localhost', null],
    ['-bad.example', null],
    ['bad-.example', null],
    ['a..b', null],
    ['1.2.3.4', null],
    ['exa mple.com', null],
    ['../etc/passwd', null],
    [`${'x'.repeat(64)}.com`, null],
  ])('domain %j → %j', (raw, expected) => {
    expect(normalizeDomain(raw)).toBe(expected);
  });

  test.each([
    ['User@Example.COM', 'user@example.com'],
    ['User+Tag@Example.com', 'user+Tag@example.com'],
    ['first.last@bücher.example', 'first.last@xn--bcher-kva.example'],
    ['no-at-sign', null],
    ['@example.com', null],
    ['a@b', null],
    ['two@@example.com', null],
    ['.dot@example.com', null],
    ['dot.@example.com', null],
    ["quote'or'1=1@example.com", null],
    ['semi;colon@example.com', null],
    ['new\nline@example.com', null],
  ])('email %j → %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  // iRedAdmin-Pro's `<mail>` route segment: the local part starts with a letter, digit, `_`, `-` or
  // `#` and goes on with those or `. + = / &`; any other address has no route there (404).
  test.each([
    ['_under@example.com', '_under@example.com'],
    ['-dash@example.com', '-dash@example.com'],
    ['#hash@example.com', '#hash@example.com'],
    ['9lives@example.com', '9lives@example.com'],
    ['A.B-C_D#E&F=G/H@example.com', 'a.b-c_d#e&f=g/h@example.com'],
    ['Sales+EU/West=1&2@example.com', 'sales+EU/West=1&2@example.com'],
    ['a/b@example.com', 'a/b@example.com'],
  ])('local part %j is one iRedAdmin-Pro accepts → %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  test.each([..."!$%'*?^`{|}~"])(
    'a local part holding %j (RFC 5322 allows it, iRedAdmin-Pro does not) is refused',
    (char) => {
      expect(normalizeEmail(`ab${char}cd@example.com`)).toBeNull();
      expect(normalizeEmail(`${char}abcd@example.com`)).toBeNull();
    },
  );

  test.each(['+tag@example.com', '=x@example.com', '/x@example.com', '&x@example.com', '.x@example.com'])(
    '%j starts with a character that may only follow: refused',
    (raw) => {
      expect(normalizeEmail(raw)).toBeNull();
    },
  );

  test.each([
    'a..b@example.com',
    'ab.@example.com',
    'a b@example.com',
    'a,b@example.com',
    'a"b@example.com',
    'a\\b@example.com',
  ])('%j is refused (doubled or trailing dot, or a character outside the set)', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });

  test('property: normalizing is idempotent', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const once = normalizeEmail(email);
        if (once !== null) expect(normalizeEmail(once)).toBe(once);
      }),
    );
  });

  // An oracle written from the product's route pattern (plus our rule on dots), not from our regex.
  const productTakes = (local: string) =>
    local.length <= 64 && /^[\w#-][\w#.+=/&-]*$/.test(local) && !/\.\.|\.$/.test(local);

  test('property: an RFC 5322 local part is accepted exactly when iRedAdmin-Pro takes it', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const local = email.slice(0, email.lastIndexOf('@'));
        expect(normalizeEmail(`${local}@example.com`) !== null).toBe(productTakes(local));
      }),
      { numRuns: 500 },
    );
  });
});

describe('settings column', () => {
  test('parses, formats and shows iRedMail settings strings', () => {
    const raw = 'max_user_quota:1024;disabled_domain_profiles:bcc,relay;default_language:en_US';
    const parsed = parseSettings(raw);
    expect(parsed).toEqual({
      max_user_quota: '1024',
      disabled_domain_profiles: 'bcc,relay',
      default_language: 'en_US',
    });
    expect(parseSettings(formatSettings(parsed))).toEqual(parsed);
    expect(settingsForApi(raw)).toEqual({
      max_user_quota: 1024,
      disabled_domain_profiles: ['bcc', 'relay'],
      default_language: 'en_US',
    });
    expect(settingsForApi('enabled_services:self-service')).toEqual({ enabled_services: ['self-service'] });
    expect(parseSettings('')).toEqual({});
  });
});

describe('request input', () => {
  test('merges query and body, later sources win, JSON values become strings', () => {
    expect(collectInput({ a: '1', b: '2' }, { b: 3, c: true, d: ['x', 'y'], e: null, f: { nested: 1 } })).toEqual({
      a: '1',
      b: '3',
      c: 'yes',
      d: 'x,y',
    });
  });
});
