/**
 * iRedMail's `vmail` tables, with iRedMail's column names, types and defaults
 * (iRedMail samples/iredmail/iredmail.pgsql). `IF NOT EXISTS` everywhere so the server
 * can be pointed at an existing iRedMail database and leave its tables alone.
 */

import type { Dialect } from '../sql';
import { columnTypes } from './types';
import { MAILBOX_SERVICE_COLUMNS } from '../mailbox-services';

/** A hyphen in a column name needs quoting in DDL. */
const mailboxServices = MAILBOX_SERVICE_COLUMNS.map((c) => (c.includes('-') ? `"${c}"` : c));

export const vmail = (dialect: Dialect) => {
  const t = columnTypes(dialect);
  const ts = t.createdNow;
  const expired = `${t.timestamp} NOT NULL DEFAULT '9999-12-31 01:01:01'`;
  const flag = (name: string, on = 1) => `${name} ${t.flag} NOT NULL DEFAULT ${on}`;
  /** iRedMail's usual text column: 255 characters, empty by default. */
  const text = (...names: string[]) => names.map((n) => `${n} VARCHAR(255) NOT NULL DEFAULT ''`).join(',\n  ');
  /** iRedMail's record-keeping columns, last in most of its tables. */
  const lifecycle = `created ${ts}, modified ${ts}, expired ${expired},\n  ${flag('active')}`;
  return `
CREATE TABLE IF NOT EXISTS admin (
  username VARCHAR(255) NOT NULL DEFAULT '' PRIMARY KEY,
  ${text('password', 'name')},
  language VARCHAR(5) NOT NULL DEFAULT '',
  passwordlastchange ${ts},
  settings TEXT NOT NULL DEFAULT '',
  ${lifecycle}
);

CREATE TABLE IF NOT EXISTS alias (
  address VARCHAR(255) NOT NULL DEFAULT '' PRIMARY KEY,
  name VARCHAR(255) NOT NULL DEFAULT '',
  accesspolicy VARCHAR(30) NOT NULL DEFAULT '',
  domain VARCHAR(255) NOT NULL DEFAULT '',
  ${lifecycle}
);
CREATE INDEX IF NOT EXISTS idx_alias_domain ON alias (domain);

CREATE TABLE IF NOT EXISTS moderators (
  id ${t.serial},
  ${text('address', 'moderator', 'domain', 'dest_domain')}
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_moderators_address_moderator ON moderators (address, moderator);

CREATE TABLE IF NOT EXISTS forwardings (
  id ${t.serial},
  ${text('address', 'forwarding', 'domain', 'dest_domain')},
  ${flag('is_maillist', 0)}, ${flag('is_list', 0)}, ${flag('is_forwarding', 0)}, ${flag('is_alias', 0)},
  ${flag('active')}
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_forwardings_address_forwarding ON forwardings (address, forwarding);
CREATE INDEX IF NOT EXISTS idx_forwardings_forwarding ON forwardings (forwarding);
CREATE INDEX IF NOT EXISTS idx_forwardings_domain ON forwardings (domain);
CREATE INDEX IF NOT EXISTS idx_forwardings_dest_domain ON forwardings (dest_domain);

CREATE TABLE IF NOT EXISTS domain (
  domain VARCHAR(255) NOT NULL DEFAULT '' PRIMARY KEY,
  description TEXT NOT NULL DEFAULT '',
  disclaimer TEXT NOT NULL DEFAULT '',
  aliases ${t.int8} NOT NULL DEFAULT 0,
  mailboxes ${t.int8} NOT NULL DEFAULT 0,
  maillists ${t.int8} NOT NULL DEFAULT 0,
  maxquota ${t.int8} NOT NULL DEFAULT 0,
  quota ${t.int8} NOT NULL DEFAULT 0,
  transport VARCHAR(255) NOT NULL DEFAULT 'dovecot',
  settings TEXT NOT NULL DEFAULT '',
  ${flag('backupmx', 0)},
  ${lifecycle}
);

CREATE TABLE IF NOT EXISTS alias_domain (
  alias_domain VARCHAR(255) NOT NULL PRIMARY KEY,
  target_domain VARCHAR(255) NOT NULL,
  created ${ts}, modified ${ts},
  ${flag('active')}
);
CREATE INDEX IF NOT EXISTS idx_alias_domain_target_domain ON alias_domain (target_domain);

CREATE TABLE IF NOT EXISTS domain_admins (
  ${text('username', 'domain')},
  ${lifecycle},
  PRIMARY KEY (username, domain)
);
CREATE INDEX IF NOT EXISTS idx_domain_admins_domain ON domain_admins (domain);

CREATE TABLE IF NOT EXISTS mailbox (
  username VARCHAR(255) NOT NULL PRIMARY KEY,
  ${text('password', 'name')},
  language VARCHAR(5) NOT NULL DEFAULT '',
  mailboxformat VARCHAR(50) NOT NULL DEFAULT 'maildir',
  mailboxfolder VARCHAR(50) NOT NULL DEFAULT 'Maildir',
  ${text('storagebasedirectory', 'storagenode', 'maildir')},
  quota ${t.int8} NOT NULL DEFAULT 0,
  ${text('domain', 'transport', 'department')},
  "rank" VARCHAR(255) NOT NULL DEFAULT 'normal',
  employeeid VARCHAR(255) DEFAULT '',
  ${flag('isadmin', 0)}, ${flag('isglobaladmin', 0)},
  ${mailboxServices.map((s) => flag(s)).join(',\n  ')},
  allow_nets TEXT DEFAULT NULL,
  lastlogindate ${ts},
  lastloginipv4 ${t.inet} NOT NULL DEFAULT '0.0.0.0',
  lastloginprotocol CHAR(255) NOT NULL DEFAULT '',
  disclaimer TEXT NOT NULL DEFAULT '',
  allowedsenders TEXT NOT NULL DEFAULT '',
  rejectedsenders TEXT NOT NULL DEFAULT '',
  allowedrecipients TEXT NOT NULL DEFAULT '',
  rejectedrecipients TEXT NOT NULL DEFAULT '',
  settings TEXT NOT NULL DEFAULT '',
  passwordlastchange ${ts},
  ${lifecycle}
);
CREATE INDEX IF NOT EXISTS idx_mailbox_domain ON mailbox (domain);

CREATE TABLE IF NOT EXISTS maillists (
  id ${t.serial},
  ${text('address', 'domain', 'transport')},
  accesspolicy VARCHAR(30) NOT NULL DEFAULT '',
  maxmsgsize ${t.int8} NOT NULL DEFAULT 0,
  name VARCHAR(255) NOT NULL DEFAULT '',
  description TEXT,
  mlid VARCHAR(36) NOT NULL DEFAULT '',
  ${flag('is_newsletter', 0)},
  settings TEXT,
  ${lifecycle}
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_maillists_address ON maillists (address);
CREATE INDEX IF NOT EXISTS idx_maillists_domain ON maillists (domain);

${['sender_bcc_domain', 'recipient_bcc_domain']
  .map(
    (t) => `CREATE TABLE IF NOT EXISTS ${t} (
  domain VARCHAR(255) NOT NULL DEFAULT '' PRIMARY KEY,
  bcc_address VARCHAR(255) NOT NULL DEFAULT '',
  ${lifecycle}
);`,
  )
  .join('\n')}
${['sender_bcc_user', 'recipient_bcc_user']
  .map(
    (t) => `CREATE TABLE IF NOT EXISTS ${t} (
  username VARCHAR(255) NOT NULL DEFAULT '' PRIMARY KEY,
  ${text('bcc_address', 'domain')},
  ${lifecycle}
);`,
  )
  .join('\n')}

CREATE TABLE IF NOT EXISTS sender_relayhost (
  id ${t.serial},
  ${text('account', 'relayhost')}
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_sender_relayhost_account ON sender_relayhost (account);

CREATE TABLE IF NOT EXISTS deleted_mailboxes (
  id ${t.serial},
  timestamp ${t.timestamp} NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ${text('username', 'domain', 'maildir')},
  bytes ${t.int8} NOT NULL DEFAULT 0,
  messages ${t.int8} NOT NULL DEFAULT 0,
  admin VARCHAR(255) NOT NULL DEFAULT '',
  delete_date DATE DEFAULT NULL
);
CREATE INDEX IF NOT EXISTS idx_deleted_mailboxes_username ON deleted_mailboxes (username);

CREATE TABLE IF NOT EXISTS used_quota (
  username VARCHAR(255) NOT NULL PRIMARY KEY,
  bytes ${t.int8} NOT NULL DEFAULT 0,
  messages ${t.int8} NOT NULL DEFAULT 0,
  domain VARCHAR(255) NOT NULL DEFAULT ''
);
`;
};
