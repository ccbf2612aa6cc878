/**
 * The iRedAdmin-Pro-compatible HTTP server: fastify, one route module per API area,
 * every answer in iRedAdmin-Pro's JSON envelope.
 */
import fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import { parse as parseQuery } from 'node:querystring';
import type { Database } from './db/database';
import type { ServerSettings } from './config';
import { Actor } from './auth/actor';
import { feedAccountChanges, settlingTransactions } from './auth/account-changes';
import { SessionCache } from './auth/session-cache';
import { SessionStore, sessionToken } from './auth/sessions';
import { ViewCache } from './model/view-cache';
import { ApiFailure } from './errors';
import { ANSWER_HEADERS, registerAnswerHeaders } from './http/answer-headers';
import { answerClientError } from './http/client-errors';
import { REQUEST_ACTOR, type RouteOptions, type Services } from './http/routes';
import { registerApiGuard } from './plugins/api-guard';
import { registerReadOnlyGuard } from './plugins/read-only-guard';
import { ROUTE_PLUGINS } from './routes';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Resolves once every change committed to the database so far has been heard by every
     * instance's caches (at once where nothing is cached, or on PGlite, which hears at commit).
     */
    changesHeard(): Promise<void>;
  }
}

export interface AppOptions {
  db: Database;
  settings: ServerSettings;
  /** Where unexpected errors are reported (never with request bodies). */
  logError?: (message: string, error: unknown) => void;
  /** Where start-up notes go (default: stderr, as `note: …`). */
  logNote?: (message: string) => void;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, settings } = options;
  const logError = options.logError ?? ((message, error) => process.stderr.write(`${message}: ${String(error)}\n`));
  const app = fastify({
    logger: false,
    trustProxy: trustProxyOption(settings.trustProxy),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 512 },
    clientErrorHandler: answerClientError,
    // The router refuses over-long path segments and malformed URLs before any route or error
    // handler runs; without this, those answers were fastify's own JSON, not our envelope.
    frameworkErrors: (error, _request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      // Sent before any hook is in place: the answer headers are set here.
      void (reply as unknown as FastifyReply)
        .headers(ANSWER_HEADERS)
        .status(status >= 400 && status < 500 ? status : 400)
        .send({ _success: false, _msg: 'INVALID_REQUEST' });
    },
  });
  registerAnswerHeaders(app);
  await app.register(formbody);
  // Clients send DELETE/PUT with odd or missing content types; read any body as a form: text/plain
  // too (fastify's own parser left it a string, its parameters silently ignored), and every field,
  // as the form parser does (querystring keeps the first 1,000 unless told, dropping the rest silently).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    done(null, parseQuery(typeof body === 'string' ? body : body.toString('utf8'), '&', '=', { maxKeys: 0 }));
  });

  const cache = new SessionCache();
  const logNote = options.logNote ?? ((message) => process.stderr.write(`note: ${message}\n`));
  const views = new ViewCache();
  const changes = await feedAccountChanges(db, cache, logError, logNote, views);
  app.addHook('onClose', () => changes.close());
  app.decorate('changesHeard', () => changes.settled());
  const services: Services = {
    db: settlingTransactions(db, changes, views),
    views,
    settings,
    sessions: new SessionStore(db, settings.sessionTtlSeconds, cache),
  };

  const routeOptions: RouteOptions = { ...services, resolveActor: (request) => resolveActor(request, services) };
  // Each request caches its admin lookup here (see defineRoutes); fastify wants the shape declared up front.
  app.decorateRequest(REQUEST_ACTOR, null);

  registerApiGuard(app, settings);
  registerReadOnlyGuard(app, settings);
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ApiFailure) return reply.status(error.status).send({ _success: false, _msg: error.code });
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send({ _success: false, _msg: 'INVALID_REQUEST' });
    }
    logError('unexpected error', error);
    return reply.status(500).send({ _success: false, _msg: 'INTERNAL_ERROR' });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ _success: false, _msg: 'NOT_FOUND' }));

  for (const plugin of ROUTE_PLUGINS) await app.register(plugin, routeOptions);
  return app;
}

async function resolveActor(request: FastifyRequest, services: Services): Promise<Actor | null> {
  const token = sessionToken(request.headers.cookie, services.db.dialect);
  if (!token) return null;
  const account = await services.sessions.resolveAccount(token);
  if (!account?.active) return null;
  return new Actor(account.username, account.isGlobal, account.kind);
}

/**
 * fastify's trustProxy for TRUST_PROXY: a list of proxy addresses as is; a hop count as the
 * function proxy-addr builds for one (trust the first n hops from the socket).
 */
function trustProxyOption(
  value: ServerSettings['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}
