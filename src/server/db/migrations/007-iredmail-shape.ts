import type { Dialect } from '../sql';

/**
 * Brings the `vmail` tables our own migration 001 made to iRedMail's current shape (checked
 * against iRedMail's samples/iredmail/iredmail.pgsql and iredmail.mysql): Dovecot's `last_login`
 * table, where iRedMail keeps each user's last IMAP/POP3/LDA login; SOGo's per-user switches as
 * 'y'/'n' letters (SOGo reads those); `employeeid` NOT NULL; and no columns iRedMail dropped long
 * ago. Never run on a database iRedMail made: there these tables are iRedMail's and left alone.
 */
const sogoSwitches = ['enablesogowebmail', 'enablesogocalendar', 'enablesogoactivesync'];
const droppedColumns = [
  'lastlogindate',
  'lastloginipv4',
  'lastloginprotocol',
  'allowedsenders',
  'rejectedsenders',
  'allowedrecipients',
  'rejectedrecipients',
];

export const iredmailShape = (dialect: Dialect) => {
  const pg = dialect === 'postgres';
  const lastLogin = pg
    ? `CREATE TABLE IF NOT EXISTS last_login (
  username VARCHAR(255) NOT NULL DEFAULT '',
  domain VARCHAR(255) NOT NULL DEFAULT '',
  imap BIGINT DEFAULT NULL,
  pop3 BIGINT DEFAULT NULL,
  lda BIGINT DEFAULT NULL,
  PRIMARY KEY (username, domain)
);
CREATE INDEX IF NOT EXISTS idx_last_login_domain ON last_login (domain);`
    : `CREATE TABLE IF NOT EXISTS last_login (
  username VARCHAR(255) NOT NULL DEFAULT '',
  domain VARCHAR(255) NOT NULL DEFAULT '',
  imap INT(11) DEFAULT NULL,
  pop3 INT(11) DEFAULT NULL,
  lda INT(11) DEFAULT NULL,
  PRIMARY KEY (username),
  INDEX (domain)
);`;
  // MySQL turns 1/0 into '1'/'0' when the column becomes text; the UPDATE makes them letters.
  // Both forms also take columns that are letters already: an iRedMail database an earlier
  // version of this server migrated (before adoption existed) runs this migration too.
  const sogo = sogoSwitches
    .map((c) =>
      pg
        ? `ALTER TABLE mailbox ALTER COLUMN ${c} DROP DEFAULT,
  ALTER COLUMN ${c} TYPE VARCHAR(1) USING (CASE WHEN ${c}::text IN ('0', 'n') THEN 'n' ELSE 'y' END),
  ALTER COLUMN ${c} SET DEFAULT 'y';`
        : `ALTER TABLE mailbox MODIFY COLUMN ${c} CHAR(1) NOT NULL DEFAULT 'y';
UPDATE mailbox SET ${c} = CASE WHEN ${c} = '0' THEN 'n' WHEN ${c} = '1' THEN 'y' ELSE ${c} END;`,
    )
    .join('\n');
  const employeeId = pg
    ? 'ALTER TABLE mailbox ALTER COLUMN employeeid SET NOT NULL;'
    : "ALTER TABLE mailbox MODIFY COLUMN employeeid VARCHAR(255) NOT NULL DEFAULT '';";
  return `
${lastLogin}

${sogo}

UPDATE mailbox SET employeeid = '' WHERE employeeid IS NULL;
${employeeId}

ALTER TABLE mailbox ${droppedColumns.map((c) => `DROP COLUMN IF EXISTS ${c}`).join(', ')};
`;
};
