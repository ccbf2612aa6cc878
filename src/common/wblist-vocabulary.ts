/**
 * The two axes of amavisd's white/blacklists, shared by the server, the client and the provider.
 * It lives here, free of dependencies, so the provider's start-up bundle can validate a direction
 * without loading the API client (undici, zod).
 */
export const WBLIST_DIRECTIONS = ['inbound', 'outbound'] as const;
export type WblistDirection = (typeof WBLIST_DIRECTIONS)[number];
export const WBLIST_KINDS = ['whitelist', 'blacklist'] as const;
export type WblistKind = (typeof WBLIST_KINDS)[number];
