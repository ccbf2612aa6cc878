/** Login attempts per client within a window (`iredadmin_api_login_failures`): the brake on password guessing. */
import type { Queryable } from '../db/database';
import { now, onDuplicateUpdate, secondsFromNow, sql } from '../db/sql';

/** Counts one login attempt from `client` and returns the attempts within the window, this one included. */
export async function countLoginAttempt(q: Queryable, client: string, windowSeconds: number): Promise<number> {
  const rows = await q.query<{
    failures: number;
  }>(sql`INSERT INTO iredadmin_api_login_failures (client, failures, window_start) VALUES (${client}, 1, ${now})
     ${onDuplicateUpdate(
       'client',
       sql`
       failures = CASE WHEN iredadmin_api_login_failures.window_start > ${secondsFromNow(windowSeconds, '-')}
                       THEN iredadmin_api_login_failures.failures + 1 ELSE 1 END,
       window_start = CASE WHEN iredadmin_api_login_failures.window_start > ${secondsFromNow(windowSeconds, '-')}
                       THEN iredadmin_api_login_failures.window_start ELSE ${now} END`,
     )}
     RETURNING failures`);
  return rows[0]?.failures ?? 1;
}

/** Gives back one attempt of `client` (a successful login). */
export async function refundLoginAttempt(q: Queryable, client: string): Promise<void> {
  await q.query(
    sql`UPDATE iredadmin_api_login_failures SET failures = GREATEST(failures - 1, 0) WHERE client = ${client}`,
  );
}
