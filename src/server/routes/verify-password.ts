/**
 * POST /api/verify_password/admin/<mail> and /api/verify_password/user/<mail>: checks a plain
 * password against the stored hash. Global admins only. A mismatch answers
 * `{"_success": false, "_msg": "INVALID_CREDENTIALS"}` (the real product sends no `_msg`).
 */
import { z } from 'zod';
import { verifyPassword } from '../auth/passwords';
import { ApiFailure } from '../http/failure';
import { emailParam } from '../http/fields';
import { defineRoutes, route, type RouteContext, type RouteHost } from '../http/routes';

const passwordInput = z.object({ password: z.string().optional() });

const STORED_PASSWORD_SQL = {
  admin: 'SELECT password FROM admin WHERE username = $1',
  user: 'SELECT password FROM mailbox WHERE username = $1',
} as const;

export function registerVerifyPasswordRoutes(host: RouteHost): void {
  defineRoutes(host, '/api/verify_password/admin/:mail', { POST: route('global', (ctx) => verify(ctx, 'admin')) });
  defineRoutes(host, '/api/verify_password/user/:mail', { POST: route('global', (ctx) => verify(ctx, 'user')) });
}

async function verify(ctx: RouteContext<'global'>, kind: keyof typeof STORED_PASSWORD_SQL): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  const { password = '' } = passwordInput.parse(ctx.input);
  if (!password) throw new ApiFailure('EMPTY_PASSWORD');
  const rows = await ctx.db.query<{ password: string }>(STORED_PASSWORD_SQL[kind], [email]);
  if (!rows[0]) throw new ApiFailure('NO_SUCH_ACCOUNT');
  if (!(await verifyPassword(password, rows[0].password))) throw new ApiFailure('INVALID_CREDENTIALS');
  return undefined;
}
