/**
 * The gate in front of the API: the API is off unless ENABLE_RESTFUL_API is set, and with
 * RESTRICT_API_ACCESS only RESTFUL_API_CLIENTS (IPs or CIDR networks) may call it.
 *
 * Every route this server has is an API route, so the gate stands in front of every request,
 * whatever its spelling: the router normalises paths (duplicate slashes, percent-encoding,
 * absolute-form targets), and a gate that matched on the raw URL was walked around with
 * `//api/login` or `/%61pi/login`. Deciding before routing, for every URL, leaves no spelling
 * that reaches a handler unguarded; `assertApiOnly` keeps that premise true.
 */
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ServerSettings } from '../config';
import { ApiFailure } from '../errors';
import { clientAddress } from '../auth/client-address';

function buildAllowList(clients: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of clients) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    if (!family) throw new Error(`RESTFUL_API_CLIENTS: "${entry}" is not an IP address or network`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return list;
}

function isAllowedClient(list: BlockList, address: string): boolean {
  const family = isIP(address);
  if (!family) return false;
  if (list.check(address, family === 6 ? 'ipv6' : 'ipv4')) return true;
  // An IPv4 allow-list entry also admits the same client seen over IPv6-mapped addresses.
  return family === 6 && address.startsWith('::ffff:') && list.check(address.slice(7), 'ipv4');
}

/** Refuses to register a route outside /api: the gate below relies on there being none. */
function assertApiOnly(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.url !== '/api' && !route.url.startsWith('/api/')) {
      throw new Error(`route ${route.url} is outside /api; the API guard covers every request and would gate it too`);
    }
  });
}

export function registerApiGuard(app: FastifyInstance, settings: ServerSettings): void {
  const allowList = buildAllowList(settings.apiClients);
  assertApiOnly(app);
  // onRequest runs for matched and unmatched URLs alike (the not-found handler included).
  app.addHook('onRequest', async (request) => {
    if (!settings.enableApi) throw new ApiFailure('API_DISABLED', 404);
    if (settings.restrictApiAccess && !isAllowedClient(allowList, clientAddress(request.ip))) {
      throw new ApiFailure('NOT_AUTHORIZED');
    }
  });
}
