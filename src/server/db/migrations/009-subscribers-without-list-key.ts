import type { Dialect } from '../sql';

/**
 * Drops 004's foreign key from our subscribers to iRedMail's `maillists (address)`: on
 * PostgreSQL it put constraint triggers on `maillists`, and nothing of ours may sit on
 * iRedMail's tables of a database iRedMail made. Subscribers now follow their list in the
 * model instead (a list's or its domain's delete removes them in the same transaction; a new
 * list starts without the rows a list deleted by other tools left). On every database, so there
 * is one behaviour. The names are the ones each database gave 004's unnamed key.
 */
export const subscribersWithoutListKey = (dialect: Dialect) =>
  dialect === 'postgres'
    ? 'ALTER TABLE IF EXISTS iredadmin_api_maillist_subscribers DROP CONSTRAINT IF EXISTS iredadmin_api_maillist_subscribers_address_fkey;'
    : 'ALTER TABLE IF EXISTS iredadmin_api_maillist_subscribers DROP FOREIGN KEY IF EXISTS iredadmin_api_maillist_subscribers_ibfk_1;';
