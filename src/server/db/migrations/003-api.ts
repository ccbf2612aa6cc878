import type { Dialect } from '../sql';
import { columnTypes } from './types';

/**
 * The API server's own tables. Sessions and login-failure counters live in the
 * database (not in process memory) so several server instances on one PostgreSQL
 * serve the same logged-in clients.
 */
export const api = (dialect: Dialect) => {
  const t = columnTypes(dialect);
  return `
CREATE TABLE IF NOT EXISTS iredadmin_api_sessions (
  token_hash CHAR(64) PRIMARY KEY,
  username VARCHAR(255) NOT NULL,
  created ${t.createdNow},
  expires ${t.timestamp} NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_iredadmin_api_sessions_expires ON iredadmin_api_sessions (expires);

CREATE TABLE IF NOT EXISTS iredadmin_api_login_failures (
  client VARCHAR(255) NOT NULL PRIMARY KEY,
  failures INT4 NOT NULL DEFAULT 0,
  window_start ${t.createdNow}
);
`;
};
