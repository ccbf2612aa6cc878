/**
 * The `enable*` flag columns of iRedMail's `mailbox` table, one per service, in iRedMail's order
 * (samples/iredmail/iredmail.pgsql). Shared by migration 001 and the schema check's column list.
 */
export const MAILBOX_SERVICE_COLUMNS = [
  'enablesmtp',
  'enablesmtpsecured',
  'enablepop3',
  'enablepop3secured',
  'enablepop3tls',
  'enableimap',
  'enableimapsecured',
  'enableimaptls',
  'enabledeliver',
  'enablelda',
  'enablemanagesieve',
  'enablemanagesievesecured',
  'enablesieve',
  'enablesievesecured',
  'enablesievetls',
  'enableinternal',
  'enabledoveadm',
  'enablelib-storage',
  'enablequota-status',
  'enableindexer-worker',
  'enablelmtp',
  'enabledsync',
  'enablesogo',
  'enablesogowebmail',
  'enablesogocalendar',
  'enablesogoactivesync',
] as const;
