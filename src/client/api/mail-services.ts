/**
 * Mail services of a user (SQL edition): each is the `enable<name>` column of `mailbox`.
 * A plain list (no zod) so the provider can validate plans without loading the whole client.
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
