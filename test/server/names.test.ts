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
    ["quote'or'1=1@example.com", "quote'or'1=1@example.com"],
    ['semi;colon@example.com', null],
    ['new\nline@example.com', null],
  ])('email %j → %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  test('property: normalizing is idempotent', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const once = normalizeEmail(email);
        if (once !== null) expect(normalizeEmail(once)).toBe(once);
      }),
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
