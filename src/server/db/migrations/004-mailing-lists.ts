import type { Dialect } from '../sql';
import { columnTypes } from './types';

/**
 * Subscribers of mlmmj mailing lists. On an iRedMail server they live in mlmmj's spool
 * (`subscribers.d/`, `digesters.d/`, `nomailsubs.d/`), which this server does not have, so they
 * are kept here; the key to `maillists (address)` makes them follow the list when it is
 * deleted (also with its domain) or renamed.
 */
export const mailingLists = (dialect: Dialect) => {
  const t = columnTypes(dialect);
  const listRef = t.references('address', 'maillists (address)', 'ON DELETE CASCADE ON UPDATE CASCADE');
  return `
CREATE TABLE IF NOT EXISTS iredadmin_api_maillist_subscribers (
  id ${t.serial},
  address VARCHAR(255) NOT NULL${listRef.inline},
  subscriber VARCHAR(255) NOT NULL,
  domain VARCHAR(255) NOT NULL DEFAULT '',
  dest_domain VARCHAR(255) NOT NULL DEFAULT '',
  subscription VARCHAR(10) NOT NULL DEFAULT 'normal',
  confirmed ${t.flag} NOT NULL DEFAULT 1,
  created ${t.createdNow}${listRef.constraint}
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_iredadmin_api_maillist_subscribers_address_subscriber
  ON iredadmin_api_maillist_subscribers (address, subscriber);
CREATE INDEX IF NOT EXISTS idx_iredadmin_api_maillist_subscribers_subscriber
  ON iredadmin_api_maillist_subscribers (subscriber);
`;
};
