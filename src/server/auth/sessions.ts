/**
 * Login sessions, kept in the database so any server instance on the same PostgreSQL
 * accepts a session another one created. Only a SHA-256 of the token is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { type AccountRow, accountFromRow, adminAccountSql, type AdminAccount } from './accounts';
import { markRevoking } from './account-changes';
import { SessionCache } from './session-cache';
import { isAnyOf, now, raw, secondsFromNow, sql } from '../db/sql';

type SessionRow = AccountRow & { username: string; remaining_seconds: number };

/** The real product's name on a PostgreSQL install (ours runs on PostgreSQL or PGlite). */
export const SESSION_COOKIE = 'iRedAdmin-Pro-PGSQL';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The database slides a session's expiry once less than this share of its lifetime remains. */
const SLIDE_BELOW = 0.9;

export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly ttlSeconds: number,
    /** Off unless something keeps it told of every change (see account-changes.ts). */
    private readonly cache: SessionCache = new SessionCache(),
  ) {}

  async create(username: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query(sql`INSERT INTO iredadmin_api_sessions (token_hash, username, expires)
       VALUES (${hashToken(token)}, ${username}, ${secondsFromNow(this.ttlSeconds)})`);
    // Opportunistic clean-up keeps the table small without a timer in every instance.
    await this.db.query(sql`DELETE FROM iredadmin_api_sessions WHERE expires < ${now}`);
    return token;
  }

  /**
   * The account of a live session, sliding its expiry forward (rewritten only when less than
   * 90% of the lifetime remains). Null when the session is unknown or expired, or its account
   * is gone. Answered from the cache until the database would slide the expiry: a cached
   * answer is the one the database would give, as long as the cache hears of every change.
   */
  async resolveAccount(token: string): Promise<AdminAccount | null> {
    const tokenHash = hashToken(token);
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    const ticket = this.cache.ticket();
    const row = this.db.dialect === 'mysql' ? await this.lookupInSteps(tokenHash) : await this.lookup(tokenHash);
    if (!row) return null;
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
         SELECT token_hash, username, expires, created FROM iredadmin_api_sessions
         WHERE token_hash = $1 AND expires > NOW()::timestamp),
       touched AS (
         UPDATE iredadmin_api_sessions s SET expires = NOW()::timestamp + make_interval(secs => $2)
         FROM live WHERE s.token_hash = live.token_hash
           AND live.expires < NOW()::timestamp + make_interval(secs => $2 * ${SLIDE_BELOW})
         RETURNING s.username)
       SELECT live.username, account.*,
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
    const [live] = await this.db.query<{ username: string; created: string; remaining: number }>(
      sql`SELECT username, created, TIMESTAMPDIFF(SECOND, ${now}, expires) AS remaining
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
    return { ...account, username: live.username, remaining_seconds: remaining };
  }
}

/**
 * Ends the sessions of `usernames` inside the caller's transaction: a password change, a disable,
 * a rights change or a delete must not leave a stolen or stale cookie working. `except` keeps one
 * session (the caller's own, when it changes its own password).
 */
export async function endSessions(q: Queryable, usernames: readonly string[], except?: string): Promise<void> {
  if (usernames.length === 0) return;
  const ended = await q.query(
    sql`DELETE FROM iredadmin_api_sessions WHERE username ${isAnyOf([...usernames])}
        AND token_hash <> ${except ? hashToken(except) : ''} RETURNING 1`,
  );
  if (ended.length > 0) markRevoking(q);
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
  else if (change.password) await endSessions(q, usernames, sessionToken(cookieHeader));
}

/** The session token the request came with, if any. */
export function sessionToken(header: string | undefined): string | undefined {
  return readCookie(header, SESSION_COOKIE);
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
