/**
 * Login sessions, kept in the database so any server instance on the same PostgreSQL
 * accepts a session another one created. Only a SHA-256 of the token is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import { accountFromRow, adminAccountSql, type AdminAccount } from './accounts';

export const SESSION_COOKIE = 'iRedAdmin-API-Session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly ttlSeconds: number,
  ) {}

  async create(username: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query(
      `INSERT INTO iredadmin_api_sessions (token_hash, username, expires)
       VALUES ($1, $2, NOW()::timestamp + make_interval(secs => $3))`,
      [hashToken(token), username, this.ttlSeconds],
    );
    // Opportunistic clean-up keeps the table small without a timer in every instance.
    await this.db.query('DELETE FROM iredadmin_api_sessions WHERE expires < NOW()::timestamp');
    return token;
  }

  /**
   * The account of a live session, sliding its expiry forward (rewritten only when less than
   * 90% of the lifetime remains). One statement: every authenticated request pays for this,
   * and it used to take two round trips (PGlite runs them one at a time). Null when the
   * session is unknown or expired, or its account is gone.
   */
  async resolveAccount(token: string): Promise<AdminAccount | null> {
    const rows = await this.db.query<{ username: string; password: string; active: number; is_global: boolean; kind: 'admin' | 'mailbox' }>(
      `WITH live AS (
         SELECT token_hash, username, expires FROM iredadmin_api_sessions
         WHERE token_hash = $1 AND expires > NOW()::timestamp),
       touched AS (
         UPDATE iredadmin_api_sessions s SET expires = NOW()::timestamp + make_interval(secs => $2)
         FROM live WHERE s.token_hash = live.token_hash
           AND live.expires < NOW()::timestamp + make_interval(secs => $2 * 0.9)
         RETURNING s.username)
       SELECT live.username, account.* FROM live CROSS JOIN LATERAL (${adminAccountSql('live.username')}) account`,
      [hashToken(token), this.ttlSeconds],
    );
    return rows[0] ? accountFromRow(rows[0].username, rows[0]) : null;
  }

  async destroyAllFor(username: string): Promise<void> {
    await this.db.query('DELETE FROM iredadmin_api_sessions WHERE username = $1', [username]);
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}
