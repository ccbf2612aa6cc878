import type { RouteHost } from '../http/routes';

/** Placeholder until this API area lands. */
export function registerLdifRoutes(_host: RouteHost): void {}
