/**
 * Mail services of a user (SQL edition): each is the `enable<name>` column of `mailbox`. The one list, shared by the
 * server (request validation, SQL columns), the client (its zod enum) and the provider (plan-time validation, adopt).
 * Free of dependencies, so the provider's start-up bundle can use it without loading the client.
 */
export const MAIL_SERVICES = [
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
