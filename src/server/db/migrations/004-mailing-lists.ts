/**
 * Subscribers of mlmmj mailing lists. On an iRedMail server they live in mlmmj's spool
 * (`subscribers.d/`, `digesters.d/`, `nomailsubs.d/`), which this server does not have, so they
 * are kept here; the key to `maillists (address)` makes them follow the list when it is
 * deleted (also with its domain) or renamed.
 */
export const mailingLists = `
CREATE TABLE IF NOT EXISTS iredadmin_api_maillist_subscribers (
  id SERIAL PRIMARY KEY,
  address VARCHAR(255) NOT NULL REFERENCES maillists (address) ON DELETE CASCADE ON UPDATE CASCADE,
  subscriber VARCHAR(255) NOT NULL,
  domain VARCHAR(255) NOT NULL DEFAULT '',
  dest_domain VARCHAR(255) NOT NULL DEFAULT '',
  subscription VARCHAR(10) NOT NULL DEFAULT 'normal',
  confirmed INT2 NOT NULL DEFAULT 1,
  created TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT NOW()::TIMESTAMP WITHOUT TIME ZONE
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_iredadmin_api_maillist_subscribers_address_subscriber
  ON iredadmin_api_maillist_subscribers (address, subscriber);
CREATE INDEX IF NOT EXISTS idx_iredadmin_api_maillist_subscribers_subscriber
  ON iredadmin_api_maillist_subscribers (subscriber);
`;
