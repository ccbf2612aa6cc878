/**
 * What the fuzz test throws at the server: every route the server registers as a path template, the
 * parameter names the API knows, and hostile values (unicode, huge, wrong JSON types, SQL and
 * LDIF injection, path traversal). Nothing here names the canary domain in a form that is a
 * valid address, so any change to canary rows is a bug, not a legitimate request.
 */
import fc from 'fast-check';
import { METHODS, registeredUrls, type Method } from './routes';

export type { Method };

/** What a fuzzed path segment stands for. */
export type SegmentKind = 'mail' | 'domain' | 'n' | 'target';

/** The route parameters the server uses, by what they hold; a new name fails the fuzz test until it is added. */
const SEGMENT_KINDS: Record<string, SegmentKind> = {
  mail: 'mail',
  newMail: 'mail',
  domain: 'domain',
  days: 'n',
  kind: 'n',
  target: 'target',
  ip: 'n',
};

/**
 * Every route the server registers (see routes.ts) with every method: `{kind}` holes are filled
 * with fuzzed path segments. Methods a route does not serve answer INVALID_HTTP_METHOD, which is
 * an answer like any other.
 */
export const ENDPOINTS: ReadonlyArray<[readonly Method[], string]> = registeredUrls().map((url) => [
  METHODS,
  url.replace(/:(\w+)/g, (_m, param: string) => {
    const kind = SEGMENT_KINDS[param];
    if (!kind) throw new Error(`fuzz-inputs: no segment kind for the route parameter :${param} of ${url}`);
    return `{${kind}}`;
  }),
]);

export const PARAMS = [
  'username',
  'password',
  'password_hash',
  'name',
  'language',
  'quota',
  'defaultQuota',
  'maxUserQuota',
  'numberOfUsers',
  'numberOfAliases',
  'numberOfLists',
  'minPasswordLength',
  'maxPasswordLength',
  'transport',
  'catchall',
  'outboundRelay',
  'senderBcc',
  'recipientBcc',
  'accountStatus',
  'is_backupmx',
  'primarymx',
  'services',
  'addService',
  'removeService',
  'enableService',
  'disableService',
  'disableDomainProfile',
  'disableUserProfile',
  'disableUserPreference',
  'addAdmin',
  'removeAdmin',
  'removeAllAdmins',
  'isGlobalAdmin',
  'maxDomains',
  'maxUsers',
  'maxAliases',
  'maxLists',
  'maxQuota',
  'quotaUnit',
  'employeeid',
  'mailboxFormat',
  'mailboxFolder',
  'maildir',
  'forwarding',
  'addForwarding',
  'removeForwarding',
  'aliases',
  'addAlias',
  'removeAlias',
  'members',
  'addMember',
  'removeMember',
  'moderators',
  'addModerator',
  'owners',
  'accessPolicy',
  'subscription',
  'require_confirm',
  'max_message_size',
  'is_newsletter',
  'bypass_spam_checks',
  'quarantine_spam',
  'spam_score',
  'period',
  'msg_size',
  'max_msgs',
  'max_quota',
  'max_rcpts',
  'with_subscribers',
  'email_only',
  'disabled_only',
  'keep_archive',
];

const HOSTILE = [
  "' OR '1'='1",
  "'; DROP TABLE mailbox; --",
  "1; DELETE FROM domain WHERE domain LIKE '%",
  "\\'",
  '"',
  '`',
  "x' UNION SELECT password FROM admin --",
  "' OR domain='canary.example' --",
  'dn: mail=x,o=domains\nchangetype: delete',
  '\nuserPassword: {PLAIN}x',
  ')(objectClass=*',
  '*)(uid=*))(|(uid=*',
  '../../etc/passwd',
  '..%2f..%2fcanary.example',
  '%00',
  '\u0000',
  '\r\nSet-Cookie: a=b',
  '${jndi:ldap://x}',
  '{{7*7}}',
  'NaN',
  'Infinity',
  '-1',
  '-9223372036854775809',
  '99999999999999999999999',
  '1e309',
  '0x10',
  '1.5',
  ' 1 ',
  '',
  'yes',
  'no',
  'true',
  'global',
  'fuzz@fuzz.example',
  'fuzz.example',
  'a@b',
  '@fuzz.example',
  'x@@fuzz.example',
  'Ünïcödé@fuzz.example',
  'δοκιμή.example',
  '𝔘𝔫𝔦@fuzz.example',
  '\u202e@fuzz.example',
  `${'a'.repeat(300)}@fuzz.example`,
];

/** A string value: hostile constants, arbitrary unicode, or huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom(200_000, 1_000_000).map((n) => 'x'.repeat(n)), weight: 1 },
  {
    arbitrary: fc.array(fc.constantFrom(...HOSTILE), { minLength: 2, maxLength: 4 }).map((a) => a.join(',')),
    weight: 1,
  },
);

/** A JSON value of the wrong type, for JSON bodies. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

/** A path segment; encoded unless it is a traversal attempt meant to reach the router raw. */
const PLAIN_SEGMENTS: Record<SegmentKind, string[]> = {
  mail: ['fuzz@fuzz.example', 'victim2@fuzz.example', 'FUZZ@Fuzz.Example'],
  domain: ['fuzz.example', 'other.fuzz.example'],
  n: ['inbound', 'outbound', '0', '30', '192.0.2.1', '2001:db8::1'],
  target: ['global', 'fuzz.example', 'fuzz@fuzz.example'],
};

export const segment = (kind: SegmentKind): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...PLAIN_SEGMENTS[kind]),
    hostileString.map((s) => encodeURIComponent(s.slice(0, 600))),
    fc.constantFrom(
      '%2e%2e%2fcanary.example',
      '..%2F..%2Fdomain%2Fcanary.example',
      'x%2F..%2F..%2Fuser%2Fvictim',
      '%2e%2e',
      '.',
      '%252e%252e%252f',
    ),
  );
