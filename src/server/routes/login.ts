/** POST /api/login: exchange an admin's email and password for a session cookie. */
import { z } from 'zod';
import { findAdminAccount } from '../auth/accounts';
import { attemptClient, attemptsExceeded, refundAttempt } from '../auth/login-attempts';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { sessionCookie } from '../auth/sessions';
import { ApiFailure } from '../errors';
import { defineRoutes, route, type RouteContext, type RoutePlugin } from '../http/routes';
import { normalizeEmail } from '../../common/mail-names';

const loginInput = z.object({ username: z.string().optional(), password: z.string().optional() });

export const loginRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/login', { POST: route('public', login) });
};

async function login(ctx: RouteContext<'public'>): Promise<undefined> {
  const { username: rawUsername = '', password = '' } = loginInput.parse(ctx.input);
  const username = normalizeEmail(rawUsername);
  if (!username) throw new ApiFailure('INVALID_USERNAME');
  if (!password) throw new ApiFailure('EMPTY_PASSWORD');
  const client = attemptClient(ctx.request.ip);
  if (await attemptsExceeded(ctx.db, [client], ctx.settings)) throw new ApiFailure('TOO_MANY_LOGIN_FAILURES');

  const account = await findAdminAccount(ctx.db, username);
  // One hash check whatever the account: its time must not tell whether the address exists.
  const stored = account?.passwordHash ?? (await decoyHash(ctx.settings.defaultPasswordScheme));
  const ok = (await verifyPassword(password, stored)) && !!account?.active;
  if (!ok || !account) throw new ApiFailure('INVALID_CREDENTIALS');
  // A success gives back its own attempt only: earlier failures still count, or an attacker with
  // an account of its own could log in with it between guesses to reset the count.
  await refundAttempt(ctx.db, client);
  const token = await ctx.sessions.create(account);
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${ctx.settings.sessionTtlSeconds}`];
  if (ctx.settings.secureCookies) attributes.push('Secure');
  ctx.reply.header('set-cookie', `${sessionCookie(ctx.db.dialect)}=${token}; ${attributes.join('; ')}`);
  return undefined;
}
