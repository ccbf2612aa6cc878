import type { RouteHost } from '../http/routes';

/** Placeholder until this API area lands. */
export function registerUserRoutes(_host: RouteHost): void {}
