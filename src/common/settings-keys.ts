/**
 * Keys of an account's `settings` column whose value is a comma-separated list: the server hands them out as arrays
 * even when they hold one name, and the client reads them as lists. Free of dependencies, like access-policies.ts.
 */
export const LIST_SETTINGS = [
  'enabled_services',
  'disabled_mail_services',
  'default_groups',
  'default_mailing_lists',
  'disabled_domain_profiles',
  'disabled_user_profiles',
  'disabled_user_preferences',
] as const;
