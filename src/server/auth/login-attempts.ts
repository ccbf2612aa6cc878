/** Login attempts per client within a window (`iredadmin_api_login_failures`): the brake on password guessing. */
import type { Queryable } from '../db/database';

/** Counts one login attempt from `client` and returns the attempts within the window, this one included. */
export async function countLoginAttempt(q: Queryable, client: string, windowSeconds: number): Promise<number> {
  const rows = await q.query<{ failures: number }>(
    `INSERT INTO iredadmin_api_login_failures (client, failures, window_start) VALUES ($1, 1, NOW()::timestamp)
     ON CONFLICT (client) DO UPDATE SET
       failures = CASE WHEN iredadmin_api_login_failures.window_start > NOW()::timestamp - make_interval(secs => $2)
                       THEN iredadmin_api_login_failures.failures + 1 ELSE 1 END,
       window_start = CASE WHEN iredadmin_api_login_failures.window_start > NOW()::timestamp - make_interval(secs => $2)
                       THEN iredadmin_api_login_failures.window_start ELSE NOW()::timestamp END
     RETURNING failures`,
    [client, windowSeconds],
  );
  return rows[0]?.failures ?? 1;
}

/** Gives back one attempt of `client` (a successful login). */
export async function refundLoginAttempt(q: Queryable, client: string): Promise<void> {
  await q.query('UPDATE iredadmin_api_login_failures SET failures = GREATEST(failures - 1, 0) WHERE client = $1', [
    client,
  ]);
}
