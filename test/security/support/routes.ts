/**
 * The server's routes as it registers them (not a hand-kept list), so every attack and the
 * fuzzer reach a new endpoint without anyone remembering to add it.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../../../src/server/http/routes';
import { ROUTE_PLUGINS } from '../../../src/server/routes';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE'];

/** Every URL pattern the server registers, e.g. `/api/user/:mail/change_email/:newMail`. */
export function registeredUrls(): string[] {
  const urls = new Set<string>();
  const recorder = { route: (options: { url: string }) => urls.add(options.url) };
  // A route plugin declares its URLs before its first await, so a recorder in place of the app sees them all.
  for (const plugin of ROUTE_PLUGINS) void plugin(recorder as unknown as FastifyInstance, {} as RouteOptions);
  return [...urls].sort();
}

/** The URL with each `:param` filled by `fill` (which throws for a parameter it does not know). */
export function fillUrl(url: string, fill: (param: string) => string): string {
  return url.replace(/:(\w+)/g, (_m, param: string) => fill(param));
}
