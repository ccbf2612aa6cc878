/**
 * Password attempts per key within a window (`iredadmin_api_login_failures`): the brake on
 * password guessing. A key is a login's client address, or one of the `verifyPasswordKeys`.
 * Rows whose window has passed are deleted as attempts are counted (`deleteExpiredAttempts`):
 * an attacker rotating addresses must not grow the table without bound.
 */
import { isIP } from 'node:net';
import type { ServerSettings } from '../config';
import { clientAddress } from './client-address';
import type { Database, Queryable } from '../db/database';
import { isAnyOf, now, onDuplicateUpdate, raw, secondsFromNow, sql } from '../db/sql';

/**
 * Expired rows one counted attempt deletes at most: far more than the two rows an attempt can add,
 * so any backlog drains, while the work of one request stays bounded.
 */
export const EXPIRED_ATTEMPTS_PER_COUNT = 100;

/**
 * Counts one attempt under each of `keys` (all of them, even after one is over) and says whether
 * any is over the allowance. Called before the password is checked, each count in one statement:
 * parallel guesses each see the counts the others wrote, so no more than MAX_LOGIN_FAILURES of
 * them are ever checked. Expired rows are deleted in the same transaction, after the counts.
 */
export async function attemptsExceeded(
  db: Pick<Database, 'transaction'>,
  keys: readonly string[],
  settings: Pick<ServerSettings, 'loginFailureWindowSeconds' | 'maxLoginFailures'>,
): Promise<boolean> {
  const window = settings.loginFailureWindowSeconds;
  return db.transaction(async (tx) => {
    let exceeded = false;
    for (const key of keys) if ((await countAttempt(tx, key, window)) > settings.maxLoginFailures) exceeded = true;
    await deleteExpiredAttempts(tx, window);
    return exceeded;
  });
}

/** Counts one attempt under `key` and returns the attempts within the window, this one included. */
async function countAttempt(q: Queryable, key: string, windowSeconds: number): Promise<number> {
  const rows = await q.query<{
    failures: number;
  }>(sql`INSERT INTO iredadmin_api_login_failures (client, failures, window_start) VALUES (${key}, 1, ${now})
     ${onDuplicateUpdate(
       'client',
       sql`
       failures = CASE WHEN iredadmin_api_login_failures.window_start > ${secondsFromNow(windowSeconds, '-')}
                       THEN iredadmin_api_login_failures.failures + 1 ELSE 1 END,
       window_start = CASE WHEN iredadmin_api_login_failures.window_start > ${secondsFromNow(windowSeconds, '-')}
                       THEN iredadmin_api_login_failures.window_start ELSE ${now} END`,
     )}
     RETURNING failures`);
  return Number(rows[0]?.failures ?? 1);
}

/**
 * Deletes up to EXPIRED_ATTEMPTS_PER_COUNT rows whose window has passed (the oldest first, through
 * the window_start index). It skips rows other transactions hold instead of waiting for them: a
 * transaction holding the row it just counted never waits on another doing the same, so two
 * attempts cannot deadlock. A deleted row counts as a fresh window, exactly what the upsert in
 * countAttempt makes of an expired one.
 */
async function deleteExpiredAttempts(q: Queryable, windowSeconds: number): Promise<void> {
  const expired = await q.query<{ client: string }>(sql`SELECT client FROM iredadmin_api_login_failures
     WHERE window_start <= ${secondsFromNow(windowSeconds, '-')}
     ORDER BY window_start LIMIT ${raw(String(EXPIRED_ATTEMPTS_PER_COUNT))} FOR UPDATE SKIP LOCKED`);
  if (expired.length === 0) return;
  const clients = expired.map((row) => row.client);
  await q.query(sql`DELETE FROM iredadmin_api_login_failures WHERE client ${isAnyOf(clients)}`);
}

/** Gives back one attempt under `key` (a success, which must not use up the allowance). */
export async function refundAttempt(q: Queryable, key: string): Promise<void> {
  await q.query(
    sql`UPDATE iredadmin_api_login_failures SET failures = GREATEST(failures - 1, 0) WHERE client = ${key}`,
  );
}

/**
 * The keys a verify_password check counts under: the calling client and the target account, so
 * that neither many guesses at one account (from fresh sessions) nor a few at many accounts get
 * far. Kept apart from the login count of the same client.
 */
export function verifyPasswordKeys(client: string, email: string): string[] {
  return [`verify_password client ${attemptClient(client)}`, `verify_password account ${email}`];
}

/**
 * The client a guess counts against: its address (see clientAddress), an IPv6 one as its /64.
 * One subscriber's network holds 2^64 addresses; counted one by one, each had its own allowance
 * and rotating them guessed without end.
 */
export function attemptClient(ip: string): string {
  const address = clientAddress(ip);
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  // A trailing dotted IPv4 part fills two groups.
  const width = (parts: string[]) => parts.reduce((n, p) => n + (p.includes('.') ? 2 : 1), 0);
  const left = groups(head);
  const right = address.includes('::') ? groups(tail) : [];
  const zeros = Array<string>(8 - width(left) - width(right)).fill('0');
  const prefix = [...left, ...zeros, ...right].slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
