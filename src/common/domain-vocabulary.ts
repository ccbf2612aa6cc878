/**
 * Profile pages and self-service preferences a global admin can hide per domain (`disableDomainProfile`,
 * `disableUserProfile`, `disableUserPreference`): the one list of each, shared by the server (request validation),
 * the client (its zod enums) and the provider (plan-time validation, docs). Free of dependencies, like
 * access-policies.ts.
 */
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
