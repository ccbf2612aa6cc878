import type { Dialect } from '../sql';
import { columnTypes } from './types';

/**
 * amavisd's spam policy tables (iRedMail samples/amavisd/amavisd.pgsql, with the
 * installer's default `@.` policy) and iRedAPD's `throttle` (iRedAPD SQL/iredapd.pgsql
 * plus its 5.0 `max_rcpts` column). Same column names and types as upstream.
 */
export const policy = (dialect: Dialect) => {
  const t = columnTypes(dialect);
  const throttleRef = t.references('tid', 'throttle(id)');
  return `
CREATE TABLE IF NOT EXISTS policy (
  id ${t.amavisdSerial},
  policy_name VARCHAR(255),
  virus_lover CHAR(1) DEFAULT NULL, spam_lover CHAR(1) DEFAULT NULL,
  unchecked_lover CHAR(1) DEFAULT NULL, banned_files_lover CHAR(1) DEFAULT NULL,
  bad_header_lover CHAR(1) DEFAULT NULL,
  bypass_virus_checks CHAR(1) DEFAULT NULL, bypass_spam_checks CHAR(1) DEFAULT NULL,
  bypass_banned_checks CHAR(1) DEFAULT NULL, bypass_header_checks CHAR(1) DEFAULT NULL,
  virus_quarantine_to VARCHAR(64) DEFAULT NULL, spam_quarantine_to VARCHAR(64) DEFAULT NULL,
  banned_quarantine_to VARCHAR(64) DEFAULT NULL, unchecked_quarantine_to VARCHAR(64) DEFAULT NULL,
  bad_header_quarantine_to VARCHAR(64) DEFAULT NULL, clean_quarantine_to VARCHAR(64) DEFAULT NULL,
  archive_quarantine_to VARCHAR(64) DEFAULT NULL,
  spam_tag_level REAL DEFAULT NULL, spam_tag2_level REAL DEFAULT NULL,
  spam_tag3_level REAL DEFAULT NULL, spam_kill_level REAL DEFAULT NULL,
  spam_dsn_cutoff_level REAL DEFAULT NULL, spam_quarantine_cutoff_level REAL DEFAULT NULL,
  addr_extension_virus VARCHAR(64) DEFAULT NULL, addr_extension_spam VARCHAR(64) DEFAULT NULL,
  addr_extension_banned VARCHAR(64) DEFAULT NULL, addr_extension_bad_header VARCHAR(64) DEFAULT NULL,
  warnvirusrecip CHAR(1) DEFAULT NULL, warnbannedrecip CHAR(1) DEFAULT NULL, warnbadhrecip CHAR(1) DEFAULT NULL,
  newvirus_admin VARCHAR(64) DEFAULT NULL, virus_admin VARCHAR(64) DEFAULT NULL,
  banned_admin VARCHAR(64) DEFAULT NULL, bad_header_admin VARCHAR(64) DEFAULT NULL,
  spam_admin VARCHAR(64) DEFAULT NULL,
  spam_subject_tag VARCHAR(64) DEFAULT NULL, spam_subject_tag2 VARCHAR(64) DEFAULT NULL,
  spam_subject_tag3 VARCHAR(64) DEFAULT NULL,
  message_size_limit INTEGER DEFAULT NULL,
  banned_rulenames VARCHAR(64) DEFAULT NULL, disclaimer_options VARCHAR(64) DEFAULT NULL,
  forward_method VARCHAR(64) DEFAULT NULL, sa_userconf VARCHAR(64) DEFAULT NULL,
  sa_username VARCHAR(64) DEFAULT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS policy_idx_policy_name ON policy (policy_name);

CREATE TABLE IF NOT EXISTS users (
  id ${t.amavisdSerial},
  priority INTEGER NOT NULL DEFAULT '7',
  policy_id INTEGER NOT NULL DEFAULT '1' CHECK (policy_id >= 0),
  email ${t.bytes} NOT NULL UNIQUE,
  fullname VARCHAR(255) DEFAULT NULL
);

CREATE TABLE IF NOT EXISTS mailaddr (
  id ${t.amavisdSerial},
  priority INTEGER NOT NULL DEFAULT '7',
  email ${t.bytes} NOT NULL UNIQUE
);

CREATE TABLE IF NOT EXISTS wblist (
  rid INTEGER NOT NULL CHECK (rid >= 0),
  sid INTEGER NOT NULL CHECK (sid >= 0),
  wb VARCHAR(10) NOT NULL,
  PRIMARY KEY (rid, sid)
);

CREATE TABLE IF NOT EXISTS outbound_wblist (
  rid INTEGER NOT NULL CHECK (rid >= 0),
  sid INTEGER NOT NULL CHECK (sid >= 0),
  wb VARCHAR(10) NOT NULL,
  PRIMARY KEY (rid, sid)
);

-- The installer's server-wide default policy.
INSERT INTO policy (policy_name, spam_lover, virus_lover, banned_files_lover, bad_header_lover,
  bypass_spam_checks, bypass_virus_checks, bypass_banned_checks, bypass_header_checks,
  spam_quarantine_to, virus_quarantine_to, banned_quarantine_to, bad_header_quarantine_to)
SELECT '@.', 'Y', 'N', 'N', 'Y', 'N', 'N', 'N', 'N', '', 'virus-quarantine', 'banned-quarantine', ''
WHERE NOT EXISTS (SELECT 1 FROM policy WHERE policy_name = '@.');
INSERT INTO users (priority, email, policy_id)
SELECT 0, ${t.bytesLiteral('@.')}, (SELECT id FROM policy WHERE policy_name = '@.')
WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = ${t.bytesLiteral('@.')});

CREATE TABLE IF NOT EXISTS throttle (
  id ${t.serial},
  account VARCHAR(255) NOT NULL,
  kind VARCHAR(10) NOT NULL DEFAULT 'outbound',
  priority BIGINT NOT NULL DEFAULT 0,
  period BIGINT NOT NULL DEFAULT 0,
  msg_size BIGINT NOT NULL DEFAULT -1,
  max_msgs BIGINT NOT NULL DEFAULT -1,
  max_quota BIGINT NOT NULL DEFAULT -1,
  max_rcpts BIGINT NOT NULL DEFAULT -1
);
ALTER TABLE throttle ADD COLUMN IF NOT EXISTS max_rcpts BIGINT NOT NULL DEFAULT -1;
CREATE INDEX IF NOT EXISTS idx_account ON throttle (account);

CREATE TABLE IF NOT EXISTS throttle_tracking (
  id ${t.serial},
  tid ${t.serialRef}${throttleRef.inline},
  account VARCHAR(255) NOT NULL DEFAULT '',
  period BIGINT NOT NULL DEFAULT 0,
  cur_msgs BIGINT NOT NULL DEFAULT 0,
  cur_quota BIGINT NOT NULL DEFAULT 0,
  init_time BIGINT NOT NULL DEFAULT 0,
  last_time BIGINT NOT NULL DEFAULT 0${throttleRef.constraint}
);
`;
};
