import type { RouteHost } from '../http/routes';

/** Placeholder until this API area lands. */
export function registerDomainAdminRoutes(_host: RouteHost): void {}
