import type { Queryable } from '../database';
import { type Dialect, raw } from '../sql';

/**
 * Gives iRedMail's tables the keys and indexes our migrations 001, 002, 005 and 007 left out,
 * as iRedMail's iredmail.*, amavisd.* and iredapd.* files have them (PostgreSQL against the
 * .pgsql files, MySQL against the .mysql ones; compared in test/server/iredmail-index-shapes.test.ts,
 * with the differences kept on purpose): the unique `maillists.mlid`; on MySQL iRedAPD's unique
 * `throttle (account, kind)` and `throttle_tracking (tid, account)` (each replacing the index
 * on its first column); and the ordinary indexes iRedMail's lookups and cleanup jobs use.
 * Never run on a database iRedMail made: there these tables are iRedMail's and already so.
 * Before it changes anything, `refuseDuplicateKeys` checks no rows already break a new unique key.
 */

/** Single-column indexes, or `a, b` for one on both columns in that order. */
type Indexes = Record<string, readonly string[]>;

const BOTH: Indexes = {
  admin: ['passwordlastchange', 'expired', 'active'],
  alias: ['expired', 'active'],
  alias_domain: ['active'],
  deleted_mailboxes: ['timestamp', 'domain', 'admin', 'delete_date'],
  domain: ['backupmx', 'expired', 'active'],
  domain_admins: ['username', 'active'],
  forwardings: ['is_maillist', 'is_list', 'is_alias'],
  greylisting_tracking: ['client_address, passed'],
  last_login: ['imap', 'pop3', 'lda'],
  mailbox: [
    'department',
    'employeeid',
    'isadmin',
    'isglobaladmin',
    ...['smtp', 'smtpsecured', 'pop3', 'pop3secured', 'pop3tls', 'imap', 'imapsecured', 'imaptls'].map(
      (s) => `enable${s}`,
    ),
    ...['deliver', 'lda', 'managesieve', 'managesievesecured', 'sieve', 'sievesecured', 'sievetls'].map(
      (s) => `enable${s}`,
    ),
    ...['lmtp', 'internal', 'doveadm', 'lib-storage', 'quota-status', 'indexer-worker', 'dsync', 'sogo'].map(
      (s) => `enable${s}`,
    ),
    'passwordlastchange',
    'expired',
    'active',
  ],
  maillists: ['is_newsletter', 'active'],
  moderators: ['domain', 'dest_domain'],
  sender_bcc_domain: ['bcc_address', 'expired', 'active'],
  sender_bcc_user: ['bcc_address', 'domain', 'expired', 'active'],
  recipient_bcc_domain: ['bcc_address', 'expired', 'active'],
  recipient_bcc_user: ['bcc_address', 'expired', 'active'],
  used_quota: ['domain'],
};

/** iredmail.pgsql and iredapd.pgsql index these besides; their .mysql files do not. */
const POSTGRES_ONLY: Indexes = {
  forwardings: ['address', 'is_forwarding'],
  moderators: ['address', 'moderator'],
  throttle_tracking: ['tid, account'],
};

/** A unique key this migration adds, by table, on these columns. */
interface UniqueKey {
  table: string;
  columns: readonly string[];
}

function uniqueKeys(dialect: Dialect): UniqueKey[] {
  const keys: UniqueKey[] = [{ table: 'maillists', columns: ['mlid'] }];
  if (dialect === 'mysql')
    keys.push(
      { table: 'throttle', columns: ['account', 'kind'] },
      { table: 'throttle_tracking', columns: ['tid', 'account'] },
    );
  return keys;
}

/** iredmail.pgsql's and iredapd.pgsql's names that do not follow `idx_<table>_<columns>`. */
const POSTGRES_NAMES: Record<string, string> = {
  'deleted_mailboxes(delete_date)': 'idx_delete_date',
  'throttle_tracking(tid, account)': 'idx_tid_account',
};

/**
 * The name iRedMail's schema files give this index: `idx_<table>_<columns>` in the .pgsql files;
 * in the .mysql ones, the column's own name (MySQL names an unnamed index so) or, for two
 * columns, both joined by `_`. So on an iRedMail database an earlier version of this server
 * migrated (before adoption existed), `IF NOT EXISTS` finds iRedMail's index and makes no second one.
 */
export function iredmailIndexName(dialect: Dialect, table: string, columns: readonly string[]): string {
  if (dialect === 'mysql') return columns.join('_');
  return POSTGRES_NAMES[`${table}(${columns.join(', ')})`] ?? `idx_${table}_${columns.join('_').replaceAll('-', '_')}`;
}

const quoted = (dialect: Dialect, name: string) =>
  dialect === 'mysql' ? `\`${name}\`` : /^\w+$/.test(name) ? name : `"${name}"`;

function createIndex(dialect: Dialect, table: string, columns: readonly string[], unique = false): string {
  const name = quoted(dialect, iredmailIndexName(dialect, table, columns));
  return `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${table} (${columns
    .map((c) => quoted(dialect, c))
    .join(', ')});`;
}

function ordinaryIndexes(dialect: Dialect, indexes: Indexes): string[] {
  return Object.entries(indexes).flatMap(([table, list]) =>
    list.map((columns) => createIndex(dialect, table, columns.split(', '))),
  );
}

export const iredmailIndexes = (dialect: Dialect) =>
  [
    ...uniqueKeys(dialect).map((key) => createIndex(dialect, key.table, key.columns, true)),
    // The unique keys above serve what these indexes on their first column did (on
    // throttle_tracking, the foreign key to throttle too): iredapd.mysql has neither.
    ...(dialect === 'mysql'
      ? [
          'ALTER TABLE throttle DROP INDEX IF EXISTS idx_account;',
          'ALTER TABLE throttle_tracking DROP INDEX IF EXISTS tid;',
        ]
      : []),
    ...ordinaryIndexes(dialect, BOTH),
    ...(dialect === 'postgres' ? ordinaryIndexes(dialect, POSTGRES_ONLY) : []),
  ].join('\n');

/** The query that lists the rows breaking `key`, for the operator to run. */
function duplicateRowsQuery({ table, columns }: UniqueKey): string {
  const list = columns.join(', ');
  const notNull = columns.map((c) => `${c} IS NOT NULL`).join(' AND ');
  return (
    `SELECT * FROM ${table} WHERE (${list}) IN ` +
    `(SELECT ${list} FROM ${table} WHERE ${notNull} GROUP BY ${list} HAVING COUNT(*) > 1) ORDER BY ${list}`
  );
}

/**
 * Refuses, before anything is changed (MySQL commits each DDL statement at once), a database of
 * ours whose rows already break a unique key this migration adds (rows put there by psql or
 * mysql, or by iRedAPD on MySQL, which counted on that key): the error names the table, the key
 * and the query that lists the rows, which the operator makes unique or deletes.
 */
export async function refuseDuplicateKeys(tx: Queryable): Promise<void> {
  const problems: string[] = [];
  for (const key of uniqueKeys(tx.dialect)) {
    const query = duplicateRowsQuery(key);
    const [row] = await tx.query<{ n: number }>(raw(`SELECT COUNT(*) AS n FROM (${query}) duplicates`));
    if (Number(row?.n) > 0)
      problems.push(
        `${row?.n} rows of table ${key.table} share a value of (${key.columns.join(', ')}), which iRedMail's ` +
          `schema keeps unique; list them with: ${query}`,
      );
  }
  if (problems.length > 0)
    throw new Error(
      `the server cannot add iRedMail's unique keys to this database: ${problems.join('; ')}. Keep one row of each value ` +
        "(delete the others or change their value), then start the server again (none of iRedMail's keys and indexes was added yet)",
    );
}
