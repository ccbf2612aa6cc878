import type { RouteHost } from '../http/routes';

/** Placeholder until this API area lands. */
export function registerAdminRoutes(_host: RouteHost): void {}
