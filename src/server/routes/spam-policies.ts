import type { RouteHost } from '../http/routes';

/** Placeholder until this API area lands. */
export function registerSpamPolicyRoutes(_host: RouteHost): void {}
