/**
 * READ_ONLY / --read-only: every request that could write is refused with `READ_ONLY` before
 * its body is read and before any SQL runs. What passes is decided on the route the router
 * matched, not on the URL's spelling (`//api/…`, `/%61pi/…`, a trailing slash all match the
 * same route): GET (and its HEAD), and the few non-GET routes that write nothing of iRedMail's.
 * A URL that matches no route falls through to the not-found answer, which writes nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerSettings } from '../config';
import { ApiFailure } from '../errors';

const READING_METHODS = new Set(['GET', 'HEAD']);

/**
 * Non-GET routes a read-only server still answers: logging in (it writes only the server's own
 * session and login-failure tables) and checking a password (it writes nothing).
 */
export const READ_ONLY_ALLOWED = new Set([
  'POST /api/login',
  'POST /api/verify_password/admin/:mail',
  'POST /api/verify_password/user/:mail',
]);

export function registerReadOnlyGuard(app: FastifyInstance, settings: ServerSettings): void {
  if (!settings.readOnly) return;
  // onRequest runs after routing and before the body is parsed or a handler runs.
  app.addHook('onRequest', async (request) => {
    if (READING_METHODS.has(request.method)) return;
    const route = request.routeOptions.url;
    if (route === undefined) return;
    if (READ_ONLY_ALLOWED.has(`${request.method} ${route}`)) return;
    throw new ApiFailure('READ_ONLY', 403);
  });
}
