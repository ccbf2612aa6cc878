/**
 * Who may send to an alias or a mailing list (stored lower-case): the one list of policy names, shared by the server
 * (request validation), the client (its zod enum) and the provider (plan-time validation, docs).
 * Free of dependencies, so the provider's start-up bundle can use it without loading the client.
 */
export const ACCESS_POLICIES = [
  'public',
  'domain',
  'subdomain',
  'membersonly',
  'moderatorsonly',
  'membersandmoderatorsonly',
] as const;
export type AccessPolicy = (typeof ACCESS_POLICIES)[number];
