/**
 * Expired attempt counters are deleted oldest first as attempts are counted (see
 * auth/login-attempts.ts): an index on window_start keeps finding them cheap however many live.
 */
export const attemptWindowIndex = () =>
  'CREATE INDEX IF NOT EXISTS idx_iredadmin_api_login_failures_window_start ON iredadmin_api_login_failures (window_start);';
