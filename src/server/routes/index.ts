import type { RoutePlugin } from '../http/routes';
import { loginRoutes } from './login';
import { domainRoutes } from './domains';
import { domainAdminRoutes } from './domain-admins';
import { adminRoutes } from './admins';
import { userRoutes } from './users';
import { verifyPasswordRoutes } from './verify-password';
import { aliasRoutes } from './aliases';
import { mailingListRoutes } from './mailing-lists';
import { spamPolicyRoutes } from './spam-policies';
import { throttleRoutes } from './throttles';
import { ldifRoutes } from './ldif';
import { wblistRoutes } from './wblist';
import { greylistingRoutes } from './greylisting';

/** One fastify plugin per API area; each registers its URLs. */
export const ROUTE_PLUGINS: readonly RoutePlugin[] = [
  loginRoutes,
  domainRoutes,
  domainAdminRoutes,
  adminRoutes,
  userRoutes,
  verifyPasswordRoutes,
  aliasRoutes,
  mailingListRoutes,
  spamPolicyRoutes,
  throttleRoutes,
  ldifRoutes,
  wblistRoutes,
  greylistingRoutes,
];
