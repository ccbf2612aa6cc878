/** Fixed vocabularies of the API (spec: "Available … are listed below"). */
export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;

/** SQL edition domain services (LDAP-only names are accepted so LDAP-era clients keep working). */
export const DOMAIN_SERVICES = ['self-service', 'mail', 'domainalias', 'senderbcc', 'recipientbcc'] as const;

export const DOMAIN_PROFILES = [
  'bcc',
  'relay',
  'catchall',
  'aliases',
  'throttle',
  'greylisting',
  'wblist',
  'spampolicy',
  'backupmx',
  'advanced',
] as const;

export const USER_PROFILES = [
  'bcc',
  'forwarding',
  'relay',
  'aliases',
  'throttle',
  'greylisting',
  'wblist',
  'spampolicy',
] as const;

export const USER_PREFERENCES = [
  'personal_info',
  'forwarding',
  'wblist',
  'quarantine',
  'rcvd_mails',
  'spampolicy',
] as const;

/** Mail services of a user: each is the `enable<name>` column of `mailbox`. */
export const USER_SERVICES = [
  'smtp',
  'smtpsecured',
  'pop3',
  'pop3secured',
  'imap',
  'imapsecured',
  'sogo',
  'sogowebmail',
  'sogocalendar',
  'sogoactivesync',
  'managesieve',
  'managesievesecured',
  'sieve',
  'sievesecured',
  'deliver',
] as const;

/** `active`/`disabled` ⇄ the `active` column. */
export const statusToActive = (status: (typeof ACCOUNT_STATUSES)[number]) => (status === 'active' ? 1 : 0);

/** Language codes as iRedAdmin stores them (`en_US`, `de`), at most 5 characters. */
export const LANGUAGE = /^[a-z]{2}(_[A-Z]{2})?$/;
