/**
 * How an API route is declared: a URL, and per HTTP method who may call it and a handler
 * that returns `_data` (or nothing). Methods a URL does not serve answer INVALID_HTTP_METHOD.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database';
import type { ServerSettings } from '../config';
import type { Actor } from '../auth/actor';
import type { SessionStore } from '../auth/sessions';
import type { Input } from './input';
import { ApiFailure } from '../errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE'];

export interface Services {
  db: Database;
  settings: ServerSettings;
  sessions: SessionStore;
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

export interface RouteHost {
  app: FastifyInstance;
  services: Services;
  /** Resolves the request's admin or throws LOGIN_REQUIRED. */
  authenticate(request: FastifyRequest): Promise<Actor | null>;
  inputOf(request: FastifyRequest): Input;
}

export function route<A extends Access>(access: A, handle: Handler<A>): MethodSpec<A> {
  return { access, handle };
}

export function defineRoutes(host: RouteHost, url: string, table: MethodTable): void {
  for (const method of METHODS) {
    const spec = table[method];
    host.app.route({
      method,
      url,
      handler: async (request, reply) => {
        if (!spec) throw new ApiFailure('INVALID_HTTP_METHOD');
        const actor = await host.authenticate(request);
        if (spec.access !== 'public' && !actor) throw new ApiFailure('LOGIN_REQUIRED');
        if (spec.access === 'global') actor!.requireGlobal();
        const ctx = {
          ...host.services,
          input: host.inputOf(request),
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
