/** `iredadmin_domain`: a mail domain, its limits, defaults, catch-all, relay and profile settings. */
import type { Domain, IRedAdminClient } from '../../client';
import { DOMAIN_PROFILES, USER_PREFERENCES, USER_PROFILES } from '../../common/domain-vocabulary';
import { attributesFor } from '../framework';
import {
  accountStatus,
  addressSet,
  amount,
  bccPair,
  displayName,
  byDomain,
  keepMailboxDays,
  keepMailboxOption,
  language,
  subsetOf,
  toggles,
  transport,
  wholeNumber,
  defineResourceWithDataSource,
} from '../kit';

const a = attributesFor<Domain>();

const RELAY_PREFIX = 'relay:';

/** What POST /api/domain accepts; the rest of a create is sent as a PUT right after. */
const CREATE_PARAMS = [
  'name',
  'quota',
  'language',
  'transport',
  'defaultQuota',
  'maxUserQuota',
  'numberOfUsers',
  'numberOfAliases',
  'numberOfLists',
  'senderBcc',
  'recipientBcc',
];

/** Why `max_lists` cannot change in place, and what to do instead (plan-time error and docs). */
const MAX_LISTS_FIXED =
  'the iRedAdmin-Pro API takes `numberOfLists` only when it creates a domain (an update ignores it), and ' +
  'replacing the domain would delete its mailboxes. To change it, change the limit on the server (e.g. in the ' +
  'iRedAdmin-Pro web interface) and then set the same value here (a refresh reads it back), or restore the ' +
  'previous value.';

/** A limit of the domain, sent as `param`: 0 = unlimited. */
const limit = (
  param: string,
  read: (d: Domain) => number | null | undefined,
  samples: [number, number],
  what: string,
  ...errorCodes: string[]
) => amount<Domain>({ param, read, samples, description: `${what}; 0 = unlimited.`, errorCodes });

type SwitchedOff = 'disabled_domain_profiles' | 'disabled_user_profiles' | 'disabled_user_preferences';

/** Pages or preferences switched off one by one: `disable<Noun>` / `enable<Noun>` with the difference. */
const switchedOff = (
  key: SwitchedOff,
  noun: string,
  allowed: readonly string[],
  samples: readonly [string[], string[]],
  what: string,
) =>
  a.stringSet({
    samples,
    optional: true,
    validators: [subsetOf(allowed)],
    write: toggles(`disable${noun}`, `enable${noun}`),
    read: (d) => d.settings?.[key] ?? [],
    description: `${what}: ${allowed.join(', ')}.`,
  });

const domainAttributes = {
  domain: byDomain.attribute<Domain>({
    samples: [(c) => c.domain, (c) => c.otherDomain],
    requiresReplace: true,
    read: (d) => d.domain,
    description:
      'The domain name, e.g. `example.com`. An IDN name may be written in Unicode (`bücher.example`) or punycode ' +
      '(`xn--bcher-kva.example`): the server stores punycode, the ID is punycode, and either spelling gives an ' +
      'empty plan.',
    errorCodes: ['INVALID_DOMAIN_NAME'],
  }),
  name: displayName<Domain>(
    (d) => d.description,
    ['Example Inc.', 'Example Ltd.'],
    'Short description, e.g. the company name.',
  ),
  account_status: accountStatus<Domain>((d) => d.active, '`active` or `disabled`.'),
  quota: limit(
    'quota',
    (d) => d.maxquota,
    [10240, 20480],
    'Mailbox quota of the whole domain, in MB',
    'INVALID_QUOTA_SIZE',
  ),
  default_quota: limit('defaultQuota', (d) => d.settings?.default_user_quota, [512, 1024], 'Quota of new users, in MB'),
  max_user_quota: limit(
    'maxUserQuota',
    (d) => d.settings?.max_user_quota,
    [2048, 4096],
    'Largest quota a user may have, in MB',
  ),
  max_users: limit('numberOfUsers', (d) => d.mailboxes, [50, 60], 'Most mail users', 'INVALID_NUMBER_OF_USERS'),
  max_aliases: limit('numberOfAliases', (d) => d.aliases, [20, 30], 'Most aliases', 'INVALID_NUMBER_OF_ALIASES'),
  max_lists: a.number({
    samples: [5, 6],
    optional: true,
    param: 'numberOfLists',
    paramOn: 'create',
    fixedAfterCreate: MAX_LISTS_FIXED,
    validators: [wholeNumber],
    read: (d) => d.maillists ?? 0,
    description: `Most mailing lists; 0 = unlimited. Set when the domain is created: ${MAX_LISTS_FIXED}`,
    errorCodes: ['INVALID_NUMBER_OF_LISTS'],
  }),
  language: language<Domain>(
    (d) => (typeof d.settings?.default_language === 'string' ? d.settings.default_language : null),
    'Default language of new users, e.g. `en_US`.',
  ),
  transport: transport<Domain>(
    (d) => d.transport ?? 'dovecot',
    'Postfix transport, e.g. `dovecot` (local delivery). Conflicts with `backup_mx`.',
    ['smtp:[192.0.2.1]:25', 'lmtp:unix:private/dovecot-lmtp'],
    // A backup MX keeps its primary MX as the transport.
    { unknownWhenChanged: ['backup_mx', 'primary_mx'] },
  ),
  backup_mx: a.bool({
    samples: [true, false],
    sampleWith: (on): Record<string, string> => (on ? { primary_mx: '[mx1.example.com]:25' } : {}),
    optional: true,
    read: (d) => d.backupmx === true,
    // Turning it on is sent with primary_mx (the API wants both together); turning it off alone.
    write: (next, prev) => (next === false && prev === true ? { isBackupMx: false } : {}),
    description: 'Serve as backup MX for the domain (needs `primary_mx`).',
  }),
  primary_mx: a.string({
    samples: ['[mx1.example.com]:25', '[mx2.example.com]:25'],
    sampleWith: () => ({ backup_mx: true }),
    optional: true,
    read: (d) => (d.backupmx && d.transport?.startsWith(RELAY_PREFIX) ? d.transport.slice(RELAY_PREFIX.length) : ''),
    write: (next) => (next ? { isBackupMx: true, primaryMx: next } : {}),
    description: 'Primary MX when `backup_mx` is true: host or IP, optional port, e.g. `[mx1.example.com]:25`.',
    errorCodes: ['INVALID_PRIMARYMX', 'MISSING_PRIMARYMX'],
  }),
  ...bccPair<Domain>(
    { sender: (d) => d.sbcc_addr, recipient: (d) => d.rbcc_addr },
    { sender: 'sent from the domain', recipient: 'sent to the domain' },
  ),
  catchall: addressSet<Domain>({
    samples: [(c) => [`postmaster@${c.domain}`], (c) => [`hostmaster@${c.domain}`, `postmaster@${c.domain}`]],
    param: 'catchall',
    read: (d) => d.catchall,
    description: 'Catch-all addresses: mail to unknown users of the domain goes to them. Empty = no catch-all.',
    errorCodes: ['INVALID_CATCHALL_ADDRESS'],
  }),
  outbound_relay: a.string({
    samples: ['smtp:[192.0.2.1]:25', 'smtp:[192.0.2.2]:587'],
    optional: true,
    param: 'outboundRelay',
    read: (d) => d.relayhost ?? '',
    description: 'Relay for outgoing mail, e.g. `smtp:[192.0.2.1]:25`; `""` for none.',
    errorCodes: ['INVALID_OUTBOUND_RELAY'],
  }),
  min_password_length: amount<Domain>({
    param: 'minPasswordLength',
    read: (d) => d.settings?.min_passwd_length,
    samples: [10, 12],
    description: "Shortest password of the domain's users; 0 = server default.",
  }),
  max_password_length: amount<Domain>({
    param: 'maxPasswordLength',
    read: (d) => d.settings?.max_passwd_length,
    samples: [40, 50],
    description: "Longest password of the domain's users; 0 = no limit.",
  }),
  services: a.stringSet({
    samples: [['self-service'], ['mail', 'senderbcc']],
    optional: true,
    param: 'services',
    read: (d) => d.settings?.enabled_services ?? [],
    description:
      'Enabled domain services, e.g. `["self-service"]` (the SQL edition\'s `services` parameter: the whole set; ' +
      '`[]` disables them all).',
    errorCodes: ['INVALID_SERVICE'],
  }),
  disabled_domain_profiles: switchedOff(
    'disabled_domain_profiles',
    'DomainProfile',
    DOMAIN_PROFILES,
    [['bcc', 'relay'], ['wblist']],
    'Domain profile pages normal admins may not see or change',
  ),
  disabled_user_profiles: switchedOff(
    'disabled_user_profiles',
    'UserProfile',
    USER_PROFILES,
    [['bcc'], ['forwarding', 'relay']],
    'User profile pages normal admins may not see or change',
  ),
  disabled_user_preferences: switchedOff(
    'disabled_user_preferences',
    'UserPreference',
    USER_PREFERENCES,
    [['wblist'], ['quarantine', 'spampolicy']],
    'Self-service preferences users may not change',
  ),
  keep_mailbox_days: keepMailboxDays<Domain>(
    'When the domain is destroyed, keep its mailboxes on disk this many days.',
  ),
};

export const domainRegistration = defineResourceWithDataSource({
  typeName: 'iredadmin_domain',
  description:
    'A mail domain of iRedMail, with its limits, defaults for new users, catch-all, bcc, relay and the profile ' +
    "pages normal admins may use. Sent with the SQL edition's parameters (`services`; `numberOfLists` only at " +
    'creation); the LDAP edition names some differently (`enableService` / `disableService`).',
  attributes: domainAttributes,
  ...byDomain.resource('the domain name, e.g. `example.com`'),
  validate(v) {
    const issues = [];
    if (v.backup_mx && !v.primary_mx)
      issues.push({
        attribute: 'primary_mx',
        summary: 'Missing primary_mx',
        detail: 'A backup MX domain needs `primary_mx`: the host that receives its mail, e.g. "[mx1.example.com]:25".',
      });
    if (v.primary_mx && !v.backup_mx)
      issues.push({
        attribute: 'primary_mx',
        summary: 'primary_mx without backup_mx',
        detail: 'Set `backup_mx = true` together with `primary_mx`, or remove `primary_mx`.',
      });
    if (v.backup_mx && v.transport)
      issues.push({
        attribute: 'transport',
        summary: 'transport conflicts with backup_mx',
        detail: 'A backup MX relays to `primary_mx`; remove `transport`.',
      });
    if (v.min_password_length && v.max_password_length && v.min_password_length > v.max_password_length) {
      issues.push({
        attribute: 'min_password_length',
        summary: 'min_password_length above max_password_length',
        detail: 'Make `min_password_length` ≤ `max_password_length`.',
      });
    }
    return issues;
  },
  ...byDomain.crud((client: IRedAdminClient) => client.domains, CREATE_PARAMS),
  delete: (client: IRedAdminClient, v) => client.domains.delete(v.domain!, keepMailboxOption(v)),
  dataSource: {
    description: 'Reads an existing mail domain.',
    lookup: { domain: 'The domain to read.' },
  },
});
