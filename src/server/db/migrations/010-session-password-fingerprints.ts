/**
 * A session remembers a fingerprint of the password hash it was opened with (see
 * auth/sessions.ts), so a password changed by any tool ends it. Sessions from before this
 * migration have none and are refused: their holders log in again once.
 */
export const sessionPasswordFingerprints = () =>
  "ALTER TABLE iredadmin_api_sessions ADD COLUMN IF NOT EXISTS password_fingerprint CHAR(64) NOT NULL DEFAULT '';";
