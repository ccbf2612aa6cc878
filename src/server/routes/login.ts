/** POST /api/login: exchange an admin's email and password for a session cookie. */
import { z } from 'zod';
import { findAdminAccount } from '../auth/accounts';
import { verifyPassword } from '../auth/passwords';
import { SESSION_COOKIE } from '../auth/sessions';
import { ApiFailure } from '../http/failure';
import { defineRoutes, route, type RouteContext, type RouteHost, type Services } from '../http/routes';
import { normalizeEmail } from '../model/names';

const loginInput = z.object({ username: z.string().optional(), password: z.string().optional() });

export function registerLoginRoutes(host: RouteHost): void {
  defineRoutes(host, '/api/login', { POST: route('public', login) });
}

async function login(ctx: RouteContext<'public'>): Promise<undefined> {
  const { username: rawUsername = '', password = '' } = loginInput.parse(ctx.input);
  const username = normalizeEmail(rawUsername);
  if (!username) throw new ApiFailure('INVALID_USERNAME');
  if (!password) throw new ApiFailure('EMPTY_PASSWORD');
  const client = ctx.request.ip;
  // Counted before the password is checked, in one statement: parallel guesses each see the count
  // the others wrote, so no more than MAX_LOGIN_FAILURES of them are ever checked.
  if ((await countAttempt(ctx, client)) > ctx.settings.maxLoginFailures)
    throw new ApiFailure('TOO_MANY_LOGIN_FAILURES');

  const account = await findAdminAccount(ctx.db, username);
  const ok = !!account && account.active && (await verifyPassword(password, account.passwordHash));
  if (!ok) throw new ApiFailure('INVALID_CREDENTIALS');
  // A success gives back its own attempt only: earlier failures still count, or an attacker with
  // an account of its own could log in with it between guesses to reset the count.
  await refundAttempt(ctx, client);
  const token = await ctx.sessions.create(account.username);
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${ctx.settings.sessionTtlSeconds}`];
  if (ctx.settings.secureCookies) attributes.push('Secure');
  ctx.reply.header('set-cookie', `${SESSION_COOKIE}=${token}; ${attributes.join('; ')}`);
  return undefined;
}

/** Counts one login attempt from `client` and returns the attempts within the window, this one included. */
async function countAttempt(ctx: Services, client: string): Promise<number> {
  const rows = await ctx.db.query<{ failures: number }>(
    `INSERT INTO iredadmin_api_login_failures (client, failures, window_start) VALUES ($1, 1, NOW()::timestamp)
     ON CONFLICT (client) DO UPDATE SET
       failures = CASE WHEN iredadmin_api_login_failures.window_start > NOW()::timestamp - make_interval(secs => $2)
                       THEN iredadmin_api_login_failures.failures + 1 ELSE 1 END,
       window_start = CASE WHEN iredadmin_api_login_failures.window_start > NOW()::timestamp - make_interval(secs => $2)
                       THEN iredadmin_api_login_failures.window_start ELSE NOW()::timestamp END
     RETURNING failures`,
    [client, ctx.settings.loginFailureWindowSeconds],
  );
  return rows[0]?.failures ?? 1;
}

async function refundAttempt(ctx: Services, client: string): Promise<void> {
  await ctx.db.query('UPDATE iredadmin_api_login_failures SET failures = GREATEST(failures - 1, 0) WHERE client = $1', [
    client,
  ]);
}
