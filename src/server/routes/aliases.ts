import type { RouteHost } from '../http/routes';

/** Placeholder until this API area lands. */
export function registerAliasRoutes(_host: RouteHost): void {}
