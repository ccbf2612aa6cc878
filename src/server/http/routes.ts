/**
 * How an API route is declared: a URL, and per HTTP method who may call it and a handler
 * that returns `_data` (or nothing). Methods a URL does not serve answer INVALID_HTTP_METHOD.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database';
import type { ServerSettings } from '../config';
import type { Actor } from '../auth/actor';
import type { SessionStore } from '../auth/sessions';
import type { ViewCache } from '../model/view-cache';
import { collectInput, type Input } from './input';
import { ApiFailure } from '../errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE'];

export interface Services {
  db: Database;
  settings: ServerSettings;
  sessions: SessionStore;
  /** GET answers of users, domains and aliases kept in memory (off where changes are not announced). */
  views: ViewCache;
}

export interface RouteContext<Auth extends Access = 'admin'> extends Services {
  input: Input;
  /** Path parameters, URL-decoded. */
  path: Record<string, string>;
  actor: Auth extends 'public' ? Actor | null : Actor;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** `public`: anyone allowed by the API guard; `admin`: a logged-in admin; `global`: a global admin. */
export type Access = 'public' | 'admin' | 'global';

/** A body that replaces the usual envelope (throttle GET answers `{"_success": true, "setting": …}`). */
export class RawBody {
  constructor(readonly body: Record<string, unknown>) {}
}

export type Handler<A extends Access> = (ctx: RouteContext<A>) => Promise<unknown>;

export interface MethodSpec<A extends Access = Access> {
  access: A;
  handle: Handler<A>;
}

type MethodTable = { [M in Method]?: MethodSpec<'public'> | MethodSpec<'admin'> | MethodSpec<'global'> };

/** What every route plugin is registered with: the services, and how a request's admin is found. */
export interface RouteOptions extends Services {
  /** The admin behind the request's session cookie; null when there is none (or it is not valid). */
  resolveActor(request: FastifyRequest): Promise<Actor | null>;
}

/** One API area's routes, registered with `app.register(plugin, options)`. */
export type RoutePlugin = (app: FastifyInstance, options: RouteOptions) => Promise<void>;

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The request's admin, looked up once per request on first use (null until then). The app
     * declares it with `decorateRequest` (see REQUEST_ACTOR).
     */
    actorLookup: Promise<Actor | null> | null;
  }
}

/** The request decoration that caches the admin lookup; the app declares it before any route plugin. */
export const REQUEST_ACTOR = 'actorLookup';

export function route<A extends Access>(access: A, handle: Handler<A>): MethodSpec<A> {
  return { access, handle };
}

/** The handlers of one account URL: read, create, update and delete it. */
export interface AccountHandlers<A extends Access> {
  read: Handler<A>;
  create: Handler<A>;
  update: Handler<A>;
  remove: Handler<A>;
}

/** GET, POST, PUT and DELETE of one account URL, all with the same access. */
export function accountMethods<A extends Access>(access: A, handlers: AccountHandlers<A>): MethodTable {
  return {
    GET: route(access, handlers.read),
    POST: route(access, handlers.create),
    PUT: route(access, handlers.update),
    DELETE: route(access, handlers.remove),
  } as MethodTable;
}

export function defineRoutes(app: FastifyInstance, options: RouteOptions, url: string, table: MethodTable): void {
  for (const method of METHODS) {
    const spec = table[method];
    app.route({
      method,
      url,
      handler: async (request, reply) => {
        if (!spec) throw new ApiFailure('INVALID_HTTP_METHOD');
        // Resolved once per request, even when a handler asks twice.
        request.actorLookup ??= options.resolveActor(request);
        const actor = await request.actorLookup;
        if (spec.access !== 'public' && !actor) throw new ApiFailure('LOGIN_REQUIRED');
        if (spec.access === 'global') actor!.requireGlobal();
        const ctx = {
          db: options.db,
          settings: options.settings,
          sessions: options.sessions,
          views: options.views,
          input: collectInput(request.query, request.body),
          path: request.params as Record<string, string>,
          actor,
          request,
          reply,
        } as RouteContext<'global'>;
        const data = await (spec.handle as Handler<'global'>)(ctx);
        if (data instanceof RawBody) return { _success: true, ...data.body };
        return data === undefined ? { _success: true } : { _success: true, _data: data };
      },
    });
  }
}
