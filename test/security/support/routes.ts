/**
 * The server's routes as it registers them (not a hand-kept list), so every attack and the
 * fuzzer reach a new endpoint without anyone remembering to add it.
 */
import type { RouteHost } from '../../../src/server/http/routes';
import { ROUTE_MODULES } from '../../../src/server/routes';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE'];

/** Every URL pattern the server registers, e.g. `/api/user/:mail/change_email/:newMail`. */
export function registeredUrls(): string[] {
  const urls = new Set<string>();
  const recorder = { route: (options: { url: string }) => urls.add(options.url) };
  const host = { app: recorder } as unknown as RouteHost;
  for (const register of ROUTE_MODULES) register(host);
  return [...urls].sort();
}

/** The URL with each `:param` filled by `fill` (which throws for a parameter it does not know). */
export function fillUrl(url: string, fill: (param: string) => string): string {
  return url.replace(/:(\w+)/g, (_m, param: string) => fill(param));
}
