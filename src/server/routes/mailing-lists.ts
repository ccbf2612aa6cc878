import type { RouteHost } from '../http/routes';

/** Placeholder until this API area lands. */
export function registerMailingListRoutes(_host: RouteHost): void {}
