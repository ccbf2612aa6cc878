import type { RouteHost } from '../http/routes';

/** Placeholder until this API area lands. */
export function registerThrottleRoutes(_host: RouteHost): void {}
