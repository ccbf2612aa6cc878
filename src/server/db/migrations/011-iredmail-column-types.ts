import type { Dialect } from '../sql';

/**
 * On MySQL, gives the columns our migrations 001, 002 and 005 typed differently from iRedMail's
 * iredmail.mysql, amavisd.mysql and iredapd.mysql iRedMail's type, width and default (our
 * PostgreSQL tables already match iRedMail's .pgsql files), and adds iRedAPD's
 * `throttle_tracking.last_notify_time` on both. The differences kept on purpose are listed, with
 * their reasons, in test/server/iredmail-column-shapes.test.ts. Never run on a database iRedMail
 * made: there these tables are iRedMail's and already so.
 */
const columns: Record<string, string[]> = {
  domain: [
    'aliases INT(10) NOT NULL DEFAULT 0',
    'mailboxes INT(10) NOT NULL DEFAULT 0',
    'maillists INT(10) NOT NULL DEFAULT 0',
  ],
  mailbox: ["username VARCHAR(255) NOT NULL DEFAULT ''"],
  deleted_mailboxes: ['timestamp TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP'],
  policy: [
    "policy_name VARCHAR(255) NOT NULL DEFAULT ''",
    ...['tag', 'tag2', 'tag3', 'kill', 'dsn_cutoff', 'quarantine_cutoff'].map(
      (c) => `spam_${c}_level FLOAT DEFAULT NULL`,
    ),
  ],
  users: ["policy_id INT UNSIGNED NOT NULL DEFAULT '1'"],
  wblist: ['rid INT UNSIGNED NOT NULL', 'sid INT UNSIGNED NOT NULL'],
  outbound_wblist: ['rid INT UNSIGNED NOT NULL', 'sid INT UNSIGNED NOT NULL'],
  throttle: ['priority TINYINT(1) UNSIGNED NOT NULL DEFAULT 0', 'period INT(10) UNSIGNED NOT NULL DEFAULT 0'],
  throttle_tracking: [
    'tid BIGINT(20) UNSIGNED NOT NULL DEFAULT 0',
    'period INT(10) UNSIGNED NOT NULL DEFAULT 0',
    'cur_msgs MEDIUMINT(8) UNSIGNED NOT NULL DEFAULT 0',
    'cur_quota INT(10) UNSIGNED NOT NULL DEFAULT 0',
    'init_time INT(10) UNSIGNED NOT NULL DEFAULT 0',
    'last_time INT(10) UNSIGNED NOT NULL DEFAULT 0',
  ],
  greylisting: [
    "account VARCHAR(100) NOT NULL DEFAULT ''",
    'priority TINYINT(2) NOT NULL DEFAULT 0',
    "sender VARCHAR(100) NOT NULL DEFAULT ''",
    'sender_priority TINYINT(2) NOT NULL DEFAULT 0',
    'active TINYINT(1) NOT NULL DEFAULT 1',
  ],
  greylisting_whitelists: ["account VARCHAR(100) NOT NULL DEFAULT ''", "sender VARCHAR(100) NOT NULL DEFAULT ''"],
  greylisting_whitelist_domain_spf: [
    "account VARCHAR(100) NOT NULL DEFAULT ''",
    "sender VARCHAR(100) NOT NULL DEFAULT ''",
  ],
  greylisting_tracking: [
    'init_time INT(10) UNSIGNED NOT NULL DEFAULT 0',
    'block_expired INT(10) UNSIGNED NOT NULL DEFAULT 0',
    'record_expired INT(10) UNSIGNED NOT NULL DEFAULT 0',
    'passed TINYINT(1) NOT NULL DEFAULT 0',
  ],
  senderscore_cache: ['score INT(3) UNSIGNED DEFAULT 0', 'time INT(10) UNSIGNED NOT NULL DEFAULT 0'],
};

/** iRedMail's MySQL schema has its rows expire at midnight of 9999-12-31, its PostgreSQL schema at 01:01:01. */
const expiring = [
  'admin',
  'alias',
  'domain',
  'domain_admins',
  'mailbox',
  'maillists',
  'sender_bcc_domain',
  'recipient_bcc_domain',
  'sender_bcc_user',
  'recipient_bcc_user',
];

export const iredmailColumnTypes = (dialect: Dialect) =>
  dialect === 'postgres'
    ? 'ALTER TABLE throttle_tracking ADD COLUMN IF NOT EXISTS last_notify_time BIGINT NOT NULL DEFAULT 0;'
    : [
        'ALTER TABLE throttle_tracking ADD COLUMN IF NOT EXISTS last_notify_time INT(10) UNSIGNED NOT NULL DEFAULT 0;',
        ...Object.entries(columns).map(
          ([table, defs]) => `ALTER TABLE ${table} ${defs.map((d) => `MODIFY COLUMN ${d}`).join(', ')};`,
        ),
        ...expiring.map((table) => `ALTER TABLE ${table} ALTER COLUMN expired SET DEFAULT '9999-12-31 00:00:00';`),
      ].join('\n');
