/**
 * POST /api/verify_password/admin/<mail> and /api/verify_password/user/<mail>: checks a plain
 * password against the stored hash. Global admins only. A mismatch answers
 * `{"_success": false, "_msg": "INVALID_CREDENTIALS"}` (the real product sends no `_msg`).
 * Throttled like login, per calling client and per target account (`TOO_MANY_PASSWORD_FAILURES`).
 */
import { z } from 'zod';
import { attemptsExceeded, refundAttempt, verifyPasswordKeys } from '../auth/login-attempts';
import { verifyPassword } from '../auth/passwords';
import { ApiFailure } from '../errors';
import { emailParam } from '../http/fields';
import { defineRoutes, route, type RouteContext, type RoutePlugin } from '../http/routes';
import { storedPasswordHash } from '../model/passwords';

const passwordInput = z.object({ password: z.string().optional() });

export const verifyPasswordRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/verify_password/admin/:mail', {
    POST: route('global', (ctx) => verify(ctx, 'admin')),
  });
  defineRoutes(app, options, '/api/verify_password/user/:mail', {
    POST: route('global', (ctx) => verify(ctx, 'user')),
  });
};

async function verify(ctx: RouteContext<'global'>, kind: 'admin' | 'user'): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  const { password = '' } = passwordInput.parse(ctx.input);
  if (!password) throw new ApiFailure('EMPTY_PASSWORD');
  const keys = verifyPasswordKeys(ctx.request.ip, email);
  if (await attemptsExceeded(ctx.db, keys, ctx.settings)) throw new ApiFailure('TOO_MANY_PASSWORD_FAILURES');
  const stored = await storedPasswordHash(ctx.db, kind, email);
  // Only a wrong password keeps its attempt: a match, or no account to guess at, gives it back.
  const giveBack = () => Promise.all(keys.map((key) => refundAttempt(ctx.db, key)));
  if (stored === null) {
    await giveBack();
    throw new ApiFailure('NO_SUCH_ACCOUNT');
  }
  if (!(await verifyPassword(password, stored))) throw new ApiFailure('INVALID_CREDENTIALS');
  await giveBack();
  return undefined;
}
