import type { Dialect } from '../sql';
import { columnTypes } from './types';

/**
 * iRedAPD's greylisting tables (SQL/iredapd.pgsql, with the 2.1 `greylisting_whitelist_domain_spf`
 * update) and its sender-score cache (3.2 update); same column names and types as upstream.
 * iRedAPD's schema enables greylisting server-wide by default: the same `@.` row is seeded here.
 * amavisd's `mailaddr`, `wblist` and `outbound_wblist` already came with 002.
 */
/** iRedAPD's per-account sender lists share one shape: account, sender, comment. */
const senderList = (name: string, serial: string) => `CREATE TABLE IF NOT EXISTS ${name} (
  id ${serial},
  account VARCHAR(255) NOT NULL DEFAULT '',
  sender VARCHAR(255) NOT NULL DEFAULT '',
  comment VARCHAR(255) NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_${name}_account_sender ON ${name} (account, sender);
CREATE INDEX IF NOT EXISTS idx_${name}_comment ON ${name} (comment);`;

export const greylisting = (dialect: Dialect) => {
  const t = columnTypes(dialect);
  return `
CREATE TABLE IF NOT EXISTS greylisting (
  id ${t.serial},
  account VARCHAR(255) NOT NULL DEFAULT '',
  priority SMALLINT NOT NULL DEFAULT 0,
  sender VARCHAR(255) NOT NULL DEFAULT '',
  sender_priority SMALLINT NOT NULL DEFAULT 0,
  comment VARCHAR(255) NOT NULL DEFAULT '',
  active SMALLINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_greylisting_account_sender ON greylisting (account, sender);
CREATE INDEX IF NOT EXISTS idx_greylisting_comment ON greylisting (comment);
INSERT INTO greylisting (account, priority, sender, sender_priority, active)
SELECT '@.', 0, '@.', 0, 1 WHERE NOT EXISTS (SELECT 1 FROM greylisting WHERE account = '@.' AND sender = '@.');

${senderList('greylisting_whitelists', t.serial)}

CREATE TABLE IF NOT EXISTS greylisting_whitelist_domains (
  id ${t.serial},
  domain VARCHAR(255) NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_greylisting_whitelist_domains_domain ON greylisting_whitelist_domains (domain);

${senderList('greylisting_whitelist_domain_spf', t.serial)}

CREATE TABLE IF NOT EXISTS greylisting_tracking (
  id ${t.serial},
  sender VARCHAR(255) NOT NULL,
  recipient VARCHAR(255) NOT NULL,
  client_address VARCHAR(40) NOT NULL,
  sender_domain VARCHAR(255) NOT NULL DEFAULT '',
  rcpt_domain VARCHAR(255) NOT NULL DEFAULT '',
  init_time BIGINT NOT NULL DEFAULT 0,
  block_expired BIGINT NOT NULL DEFAULT 0,
  record_expired BIGINT NOT NULL DEFAULT 0,
  blocked_count BIGINT NOT NULL DEFAULT 0,
  passed SMALLINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_greylisting_tracking_key ON greylisting_tracking (sender, recipient, client_address);
CREATE INDEX IF NOT EXISTS idx_greylisting_tracking_sender_domain ON greylisting_tracking (sender_domain);
CREATE INDEX IF NOT EXISTS idx_greylisting_tracking_rcpt_domain ON greylisting_tracking (rcpt_domain);

CREATE TABLE IF NOT EXISTS senderscore_cache (
  client_address VARCHAR(40) NOT NULL DEFAULT '',
  score INT DEFAULT 0,
  time BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (client_address)
);
CREATE INDEX IF NOT EXISTS idx_senderscore_cache_score ON senderscore_cache (score);
CREATE INDEX IF NOT EXISTS idx_senderscore_cache_time ON senderscore_cache (time);
`;
};
