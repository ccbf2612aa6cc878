/**
 * Parameters a normal admin may not set, silently ignored as the real product does (the rest of
 * the request applies). Without this a normal admin lifts its own domain's limits and locks:
 * quota, account limits, per-user quota, services, profiles, bcc and relay. A disabled domain
 * or user profile also hides its parameters from normal admins (the published doc: normal admins
 * can neither view nor update disabled profiles).
 */
import type { Input } from './input';
import { parseSettings, settingList } from '../model/settings-column';
import type { Actor } from '../auth/actor';

/** Domain parameters only a global admin changes. */
const GLOBAL_ONLY_DOMAIN_PARAMS = [
  'quota',
  'numberOfUsers',
  'numberOfAliases',
  'numberOfLists',
  'maxUserQuota',
  'defaultQuota',
  'senderBcc',
  'recipientBcc',
  'outboundRelay',
  'services',
  'addService',
  'removeService',
  'enableService',
  'disableService',
  'removeAllServices',
  'disableDomainProfile',
  'enableDomainProfile',
  'disableUserProfile',
  'enableUserProfile',
  'disableUserPreference',
  'enableUserPreference',
];

/** What each domain profile covers in PUT /api/domain/<domain>. */
const DOMAIN_PROFILE_PARAMS: Record<string, readonly string[]> = {
  bcc: ['senderBcc', 'recipientBcc'],
  relay: ['outboundRelay', 'transport'],
  catchall: ['catchall'],
  backupmx: ['is_backupmx', 'primarymx'],
};

/** What each user profile covers in PUT /api/user/<mail> and PUT /api/users/<domain>. */
const USER_PROFILE_PARAMS: Record<string, readonly string[]> = {
  bcc: ['senderBcc', 'recipientBcc'],
  forwarding: ['forwarding', 'addForwarding', 'removeForwarding'],
  relay: ['transport'],
  aliases: ['aliases', 'addAlias', 'removeAlias'],
};

function covered(table: Record<string, readonly string[]>, disabled: readonly string[]): string[] {
  return disabled.flatMap((profile) => table[profile] ?? []);
}

/** The domain PUT parameters `actor` may not set on a domain with this `settings` column. */
export function ignoredDomainParams(actor: Actor, domainSettings: string | null | undefined): ReadonlySet<string> {
  if (actor.isGlobal) return new Set();
  const disabled = settingList(parseSettings(domainSettings), 'disabled_domain_profiles');
  return new Set([...GLOBAL_ONLY_DOMAIN_PARAMS, ...covered(DOMAIN_PROFILE_PARAMS, disabled)]);
}

/** The user PUT parameters `actor` may not set for users of a domain with this `settings` column. */
export function ignoredUserParams(actor: Actor, domainSettings: string | null | undefined): ReadonlySet<string> {
  if (actor.isGlobal) return new Set();
  return new Set(covered(USER_PROFILE_PARAMS, settingList(parseSettings(domainSettings), 'disabled_user_profiles')));
}

export function withoutParams(input: Input, ignored: ReadonlySet<string>): Input {
  if (ignored.size === 0) return input;
  return Object.fromEntries(Object.entries(input).filter(([key]) => !ignored.has(key)));
}
