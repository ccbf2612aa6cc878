import fc from 'fast-check';
import { z } from 'zod';
import { domainSchema } from '../../src/client/api/domains';
import { spamPolicyRowSchema, spamPolicySettingsFromRow } from '../../src/client/api/spam-policies';
import { throttleRowSchema } from '../../src/client/api/throttles';
import { userSchema } from '../../src/client/api/users';
import { flag, list, num, parseSettingsString, settings, toBoolean } from '../../src/client/normalize';

describe('response normalization', () => {
  it('reads every spelling of a flag', () => {
    for (const yes of [true, 1, '1', 'Y', 'y', 'yes', 'YES', 'true', 'active']) expect(flag.parse(yes)).toBe(true);
    for (const no of [false, 0, '0', 'N', 'n', 'no', 'No', 'false', 'disabled', '']) expect(flag.parse(no)).toBe(false);
    expect(flag.parse(null)).toBeNull();
    expect(flag.safeParse('maybe').success).toBe(false);
    expect(toBoolean(2)).toBe(2);
  });

  it('property: numbers and numeric strings read as the same number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => {
        expect(num.parse(n)).toBe(n);
        expect(num.parse(String(n))).toBe(Number(String(n)));
      }),
    );
    expect(num.parse('')).toBeNull();
    expect(num.safeParse('12 apples').success).toBe(false);
  });

  it('property: a comma string and an array read as the same list', () => {
    const item = fc.string().filter((s) => !s.includes(',') && s.trim() === s && s !== '');
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        expect(list.parse(items)).toEqual(items);
        expect(list.parse(items.join(','))).toEqual(items);
        expect(list.parse(items.join(' , '))).toEqual(items);
      }),
    );
    expect(list.parse(null)).toEqual([]);
    expect(list.parse('')).toEqual([]);
  });

  it('property: the settings string parses into the same object as the API gives', () => {
    const token = fc.stringMatching(/^[a-z_]{1,12}$/);
    const value = fc.stringMatching(/^[a-zA-Z0-9_,@.-]{0,12}$/);
    fc.assert(
      fc.property(fc.dictionary(token, value), (record) => {
        const text = Object.entries(record)
          .map(([k, v]) => `${k}:${v}`)
          .join(';');
        expect(parseSettingsString(text)).toEqual(record);
      }),
    );
  });

  it('types known settings keys (numbers, lists) and keeps the others', () => {
    const parsed = settings.parse('default_user_quota:1024;disabled_user_profiles:bcc,relay;foo:bar');
    expect(parsed).toEqual({ default_user_quota: 1024, disabled_user_profiles: ['bcc', 'relay'], foo: 'bar' });
    expect(settings.parse({ min_passwd_length: '8', enabled_services: ['self-service'] })).toEqual({
      min_passwd_length: 8,
      enabled_services: ['self-service'],
    });
    expect(settings.parse(null)).toEqual({});
  });

  it('keeps a settings key named __proto__ as data and pollutes nothing', () => {
    expect(Object.keys(parseSettingsString('__proto__:x;a:1'))).toEqual(['__proto__', 'a']);
    const parsed = settings.parse('__proto__:polluted;a:1');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('normalizes a user row, keeps unknown fields and drops password hashes', () => {
    const user = userSchema.parse({
      username: 'a@x.io',
      password: '{SSHA}secrethash',
      quota: '1024',
      active: '1',
      isadmin: 0,
      enableimap: 'yes',
      aliases: 'b@x.io,c@x.io',
      forwardings: ['a@x.io'],
      settings: 'max_passwd_length:20',
      last_login: 1700000000,
      some_new_column: { nested: true },
    });
    expect(user).toEqual({
      username: 'a@x.io',
      quota: 1024,
      active: true,
      isadmin: false,
      enableimap: true,
      aliases: ['b@x.io', 'c@x.io'],
      forwardings: ['a@x.io'],
      settings: { max_passwd_length: 20 },
      last_login: 1700000000,
      some_new_column: { nested: true },
    });
    expect('password' in user).toBe(false);
  });

  it('normalizes a domain row (catch-all list, counters, backup MX flag)', () => {
    const domain = domainSchema.parse({
      domain: 'x.io',
      catchall: 'a@x.io',
      backupmx: 0,
      num_existing_users: '3',
      maxquota: 100,
    });
    expect(domain).toMatchObject({
      domain: 'x.io',
      catchall: ['a@x.io'],
      backupmx: false,
      num_existing_users: 3,
      maxquota: 100,
    });
  });

  it('reads a throttle row with numeric strings', () => {
    expect(
      throttleRowSchema.parse({ account: '@.', kind: 'inbound', period: '3600', max_msgs: 20, msg_size: '0' }),
    ).toEqual({
      account: '@.',
      kind: 'inbound',
      period: 3600,
      max_msgs: 20,
      msg_size: 0,
    });
  });

  it('reads a spam policy row back as the API flags', () => {
    const row = spamPolicyRowSchema.parse({
      policy_name: '@x.io',
      bypass_spam_checks: 'Y',
      bypass_virus_checks: 'N',
      bypass_banned_checks: 'N',
      bypass_header_checks: 'Y',
      spam_quarantine_to: 'spam-quarantine',
      virus_quarantine_to: '',
      banned_quarantine_to: null,
      bad_header_quarantine_to: 'bad-header-quarantine',
      spam_subject_tag2: '[SPAM] ',
      spam_tag_level: -100,
      spam_tag2_level: '6',
      spam_kill_level: 6,
    });
    expect(spamPolicySettingsFromRow(row)).toEqual({
      bypassSpamChecks: true,
      bypassVirusChecks: false,
      bypassBannedChecks: false,
      bypassHeaderChecks: true,
      quarantineSpam: true,
      quarantineVirus: false,
      quarantineBanned: false,
      quarantineBadHeader: true,
      prefixSpamInSubject: true,
      alwaysInsertXSpamHeaders: true,
      spamScore: 6,
    });
  });

  it('rejects a known field of the wrong kind (typed), but not unknown ones', () => {
    expect(userSchema.safeParse({ username: 'a@x.io', quota: 'lots' }).success).toBe(false);
    expect(z.array(userSchema).safeParse([{ username: 'a@x.io', whatever: [1, 2] }]).success).toBe(true);
  });
});
