/**
 * The access policy of an mlmmj list, set either as `accessPolicy` or through mlmmj's flags
 * `only_subscriber_can_post` / `only_moderator_can_post`. The flags say who may post; the
 * policy column holds the combination (both flags: members and moderators).
 */
import type { AccessPolicy } from '../../../common/access-policies';

export interface PolicyInput {
  accessPolicy?: AccessPolicy;
  onlySubscribers?: boolean;
  onlyModerators?: boolean;
}

const SUBSCRIBER_POLICIES: readonly string[] = ['membersonly', 'membersandmoderatorsonly'];
const MODERATOR_POLICIES: readonly string[] = ['moderatorsonly', 'membersandmoderatorsonly'];
const OPEN_POLICIES: readonly string[] = ['public', 'domain', 'subdomain'];

/** The resulting policy; `accessPolicy` applies first, then a given flag overrides its part. */
export function resolvePolicy(current: string, input: PolicyInput): AccessPolicy | undefined {
  const base = input.accessPolicy ?? current;
  if (input.onlySubscribers === undefined && input.onlyModerators === undefined) return input.accessPolicy;
  const subscribers = input.onlySubscribers ?? SUBSCRIBER_POLICIES.includes(base);
  const moderators = input.onlyModerators ?? MODERATOR_POLICIES.includes(base);
  if (subscribers && moderators) return 'membersandmoderatorsonly';
  if (subscribers) return 'membersonly';
  if (moderators) return 'moderatorsonly';
  return (OPEN_POLICIES.includes(base) ? base : 'public') as AccessPolicy;
}
