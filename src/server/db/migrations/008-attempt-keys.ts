import type { Dialect } from '../sql';

/**
 * Attempt counters are also kept per account (`verify_password account <email>`, see
 * login-attempts.ts): an email takes up to 255 characters, so the key needs room for its prefix.
 */
export const attemptKeys = (dialect: Dialect) =>
  dialect === 'postgres'
    ? 'ALTER TABLE iredadmin_api_login_failures ALTER COLUMN client TYPE VARCHAR(320);'
    : 'ALTER TABLE iredadmin_api_login_failures MODIFY COLUMN client VARCHAR(320) NOT NULL;';
