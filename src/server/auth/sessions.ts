/**
 * Login sessions, kept in the database so any server instance on the same PostgreSQL
 * accepts a session another one created. Only a SHA-256 of the token is stored.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { type AccountRow, accountFromRow, adminAccountSql, type AdminAccount, findAdminAccount } from './accounts';
import { markRevoking } from './account-changes';
import { SessionCache } from './session-cache';
import { type Dialect, isAnyOf, now, raw, secondsFromNow, sql } from '../db/sql';

type SessionRow = AccountRow & { username: string; remaining_seconds: number; password_fingerprint: string };

/** The session cookie's name: the real product's on a PostgreSQL install (PGlite too) and on a MySQL one. */
export function sessionCookie(dialect: Dialect): string {
  return dialect === 'mysql' ? 'iRedAdmin-Pro-MYSQL' : 'iRedAdmin-Pro-PGSQL';
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * What a session remembers of the password hash it was opened with: an HMAC keyed by the
 * session's own token, which only its holder has (the database keeps a SHA-256 of it). A password
 * changed by any tool, iRedMail's or psql, no longer matches, and the session is over; the stored
 * value tells nothing about the hash and needs no secret shared between server instances.
 */
const passwordFingerprint = (token: string, passwordHash: string) =>
  createHmac('sha256', token).update(passwordHash).digest('hex');

function sameFingerprint(stored: string, token: string, passwordHash: string): boolean {
  const expected = Buffer.from(passwordFingerprint(token, passwordHash));
  const actual = Buffer.from(stored.trim());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The database slides a session's expiry once less than this share of its lifetime remains. */
const SLIDE_BELOW = 0.9;

export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly ttlSeconds: number,
    /** Off unless something keeps it told of every change (see account-changes.ts). */
    private readonly cache: SessionCache = new SessionCache(),
  ) {}

  /** A new session of `account`, remembering the password it logged in with. */
  async create({ username, passwordHash }: Pick<AdminAccount, 'username' | 'passwordHash'>): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query(sql`INSERT INTO iredadmin_api_sessions (token_hash, username, expires, password_fingerprint)
       VALUES (${hashToken(token)}, ${username}, ${secondsFromNow(this.ttlSeconds)},
               ${passwordFingerprint(token, passwordHash)})`);
    // Opportunistic clean-up keeps the table small without a timer in every instance.
    await this.db.query(sql`DELETE FROM iredadmin_api_sessions WHERE expires < ${now}`);
    return token;
  }

  /**
   * The account of a live session, sliding its expiry forward (rewritten only when less than
   * 90% of the lifetime remains). Null when the session is unknown or expired, its account is
   * gone, or the account's password is not the one the session was opened with. Answered from
   * the cache until the database would slide the expiry: a cached answer is the one the database
   * would give, as long as the cache hears of every change.
   */
  async resolveAccount(token: string): Promise<AdminAccount | null> {
    const tokenHash = hashToken(token);
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    const ticket = this.cache.ticket();
    const row = this.db.dialect === 'mysql' ? await this.lookupInSteps(tokenHash) : await this.lookup(tokenHash);
    if (!row) return null;
    if (!sameFingerprint(row.password_fingerprint, token, row.password)) {
      // Over for good: changing the password back must not revive it.
      await this.db.query(sql`DELETE FROM iredadmin_api_sessions WHERE token_hash = ${tokenHash}`);
      return null;
    }
    const account = accountFromRow(row.username, row);
    const secondsUntilSlide = row.remaining_seconds - this.ttlSeconds * SLIDE_BELOW;
    this.cache.put(ticket, tokenHash, account, secondsUntilSlide * 1000);
    return account;
  }

  /** The live session's account and seconds left, sliding the expiry: one statement on PostgreSQL. */
  private async lookup(tokenHash: string): Promise<SessionRow | undefined> {
    const rows = await this.db.query<SessionRow>(
      // One statement: it used to take two round trips (PGlite runs them one at a time).
      `WITH live AS (
         SELECT token_hash, username, expires, created, password_fingerprint FROM iredadmin_api_sessions
         WHERE token_hash = $1 AND expires > NOW()::timestamp),
       touched AS (
         UPDATE iredadmin_api_sessions s SET expires = NOW()::timestamp + make_interval(secs => $2)
         FROM live WHERE s.token_hash = live.token_hash
           AND live.expires < NOW()::timestamp + make_interval(secs => $2 * ${SLIDE_BELOW})
         RETURNING s.username)
       SELECT live.username, live.password_fingerprint, account.*,
         CASE WHEN live.expires < NOW()::timestamp + make_interval(secs => $2 * ${SLIDE_BELOW}) THEN $2::float8
              ELSE EXTRACT(EPOCH FROM live.expires - NOW()::timestamp)::float8 END AS remaining_seconds
       FROM live CROSS JOIN LATERAL (${adminAccountSql(raw('live.username')).render('postgres').text}) account
        -- A session older than its account belonged to an earlier account of the same address.
        WHERE account.created <= live.created`,
      [tokenHash, this.ttlSeconds],
    );
    return rows[0];
  }

  /** The same on MariaDB, which has neither data-modifying CTEs nor LATERAL: up to three statements. */
  private async lookupInSteps(tokenHash: string): Promise<SessionRow | undefined> {
    const [live] = await this.db.query<{
      username: string;
      created: string;
      remaining: number;
      password_fingerprint: string;
    }>(
      sql`SELECT username, created, password_fingerprint, TIMESTAMPDIFF(SECOND, ${now}, expires) AS remaining
        FROM iredadmin_api_sessions WHERE token_hash = ${tokenHash} AND expires > ${now}`,
    );
    if (!live) return undefined;
    let remaining = Number(live.remaining);
    if (remaining < this.ttlSeconds * SLIDE_BELOW) {
      await this.db.query(
        sql`UPDATE iredadmin_api_sessions SET expires = ${secondsFromNow(this.ttlSeconds)} WHERE token_hash = ${tokenHash}`,
      );
      remaining = this.ttlSeconds;
    }
    const [account] = await this.db.query<AccountRow & { created: string }>(adminAccountSql(sql`${live.username}`));
    // A session older than its account belonged to an earlier account of the same address.
    if (!account || account.created > live.created) return undefined;
    return {
      ...account,
      username: live.username,
      remaining_seconds: remaining,
      password_fingerprint: live.password_fingerprint,
    };
  }
}

/**
 * Ends the sessions of `usernames` inside the caller's transaction: a password change, a disable,
 * a rights change or a delete must not leave a stolen or stale cookie working. `except` keeps one
 * session (the caller's own, when it changes its own password): it is told the new password.
 */
export async function endSessions(q: Queryable, usernames: readonly string[], except?: string): Promise<void> {
  if (usernames.length === 0) return;
  const ended = await q.query(
    sql`DELETE FROM iredadmin_api_sessions WHERE username ${isAnyOf([...usernames])}
        AND token_hash <> ${except ? hashToken(except) : ''} RETURNING 1`,
  );
  if (ended.length > 0) markRevoking(q);
  if (except) await refreshFingerprint(q, except, usernames);
}

/** The session of `token`, if it belongs to one of `usernames`, remembers its account's current password. */
async function refreshFingerprint(q: Queryable, token: string, usernames: readonly string[]): Promise<void> {
  const tokenHash = hashToken(token);
  const [session] = await q.query<{ username: string }>(
    sql`SELECT username FROM iredadmin_api_sessions WHERE token_hash = ${tokenHash}`,
  );
  if (!session || !usernames.includes(session.username)) return;
  const account = await findAdminAccount(q, session.username);
  if (!account) return;
  await q.query(
    sql`UPDATE iredadmin_api_sessions SET password_fingerprint = ${passwordFingerprint(token, account.passwordHash)}
        WHERE token_hash = ${tokenHash}`,
  );
}

/** What a change did to an account, as far as its sessions are concerned. */
export interface AccountChange {
  password?: boolean;
  disabled?: boolean;
  rights?: boolean;
}

/**
 * Ends sessions after `change` to `usernames`: all of them for a disable or a rights change;
 * for a password change all but the session making the change (whose holder knows the new one).
 */
export async function endSessionsAfter(
  q: Queryable,
  cookieHeader: string | undefined,
  usernames: readonly string[],
  change: AccountChange,
): Promise<void> {
  if (change.disabled || change.rights) await endSessions(q, usernames);
  else if (change.password) await endSessions(q, usernames, sessionToken(cookieHeader, q.dialect));
}

/** The session token the request came with, if any. */
export function sessionToken(header: string | undefined, dialect: Dialect): string | undefined {
  return readCookie(header, sessionCookie(dialect));
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeCookieValue(part.slice(i + 1).trim());
  }
  return undefined;
}

/** A malformed value (`%`, `%E0`) is no session, not a server error. */
function decodeCookieValue(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
