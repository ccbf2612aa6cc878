import type { RouteHost } from '../http/routes';

/** Placeholder until this API area lands. */
export function registerVerifyPasswordRoutes(_host: RouteHost): void {}
