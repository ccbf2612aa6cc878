import type { RouteHost } from '../http/routes';
import { registerLoginRoutes } from './login';
import { registerDomainRoutes } from './domains';
import { registerDomainAdminRoutes } from './domain-admins';
import { registerAdminRoutes } from './admins';
import { registerUserRoutes } from './users';
import { registerVerifyPasswordRoutes } from './verify-password';
import { registerAliasRoutes } from './aliases';
import { registerMailingListRoutes } from './mailing-lists';
import { registerSpamPolicyRoutes } from './spam-policies';
import { registerThrottleRoutes } from './throttles';
import { registerLdifRoutes } from './ldif';
import { registerWblistRoutes } from './wblist';
import { registerGreylistingRoutes } from './greylisting';

/** One module per API area; each registers its URLs on the host. */
export const ROUTE_MODULES: ReadonlyArray<(host: RouteHost) => void> = [
  registerLoginRoutes,
  registerDomainRoutes,
  registerDomainAdminRoutes,
  registerAdminRoutes,
  registerUserRoutes,
  registerVerifyPasswordRoutes,
  registerAliasRoutes,
  registerMailingListRoutes,
  registerSpamPolicyRoutes,
  registerThrottleRoutes,
  registerLdifRoutes,
  registerWblistRoutes,
  registerGreylistingRoutes,
];
