/** `iredadmin_spampolicy`: the amavisd spam policy of the server, a domain or a user. */
import type { IRedAdminClient, SpamPolicy, SpamPolicyInput, SpamPolicySettings } from '../../client';
import { attributesFor, type Validator, type Values } from '../framework';
import { byTarget, nullIfGone, policyTarget, targetAttribute, writesWhole, defineResourceWithDataSource } from '../kit';

const a = attributesFor<SpamPolicy>();

type Flag = Exclude<keyof SpamPolicySettings, 'spamScore'>;

/** A yes/no switch of the policy, with the default the API documents (PUT resets absent ones to it). */
const flag = (key: Flag, byDefault: boolean, what: string) =>
  a.bool({
    // Created with the other value, so the round-trip test proves it is sent.
    optional: true,
    default: byDefault,
    samples: [!byDefault, byDefault],
    read: (p) => p.settings[key],
    description: `${what} Default \`${byDefault}\`.`,
    errorCodes: [`INVALID_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`],
  });

const MAX_SCORE = 1000;
const wholeScore: Validator<number> = (v) =>
  Number.isInteger(v) && Math.abs(v) <= MAX_SCORE
    ? undefined
    : `${v} is not allowed: iRedAdmin-Pro takes whole numbers only (−${MAX_SCORE}…${MAX_SCORE}), e.g. 5.`;

const spamPolicyAttributes = {
  target: targetAttribute<SpamPolicy>({
    description:
      'Whose policy: `global` (the server default), a domain name (`example.com`) or an email address ' +
      '(`user@example.com`). amavisd applies the user policy first, then the domain one, then the global one. ' +
      'Changing it replaces the policy.',
    errorCodes: ['INVALID_DOMAIN_NAME', 'INVALID_MAIL', 'NO_SUCH_DOMAIN', 'NO_SUCH_ACCOUNT'],
  }),
  bypass_spam_checks: flag('bypassSpamChecks', false, 'Skip spam checks.'),
  bypass_virus_checks: flag('bypassVirusChecks', false, 'Skip virus checks.'),
  bypass_banned_checks: flag('bypassBannedChecks', false, 'Skip banned file type checks.'),
  bypass_header_checks: flag('bypassHeaderChecks', false, 'Skip bad header checks.'),
  quarantine_spam: flag('quarantineSpam', false, 'Quarantine spam in the SQL database instead of delivering it.'),
  quarantine_virus: flag('quarantineVirus', true, 'Quarantine mail with a virus in the SQL database.'),
  quarantine_banned: flag('quarantineBanned', false, 'Quarantine mail with a banned file type in the SQL database.'),
  quarantine_bad_header: flag('quarantineBadHeader', false, 'Quarantine mail with a bad header in the SQL database.'),
  prefix_spam_in_subject: flag('prefixSpamInSubject', false, 'Prefix the subject of spam with `[SPAM]`.'),
  always_insert_x_spam_headers: flag(
    'alwaysInsertXSpamHeaders',
    false,
    'Add the X-Spam-* headers (score, matched SpamAssassin rules) to every message; for debugging spam checks.',
  ),
  spam_score: a.number({
    samples: [5, 8],
    // Not computed: leaving it out of the configuration means "amavisd's own setting", as for the API.
    optional: true,
    computed: false,
    validators: [wholeScore],
    read: (p) => p.settings.spamScore ?? null,
    description:
      'Score from which a message is spam, a whole number (iRedAdmin-Pro rejects decimals), e.g. `5`. Unset: the ' +
      'system setting of amavisd.conf applies.',
    errorCodes: ['INVALID_SPAM_SCORE'],
  }),
};

type SpamPolicyValues = Values<typeof spamPolicyAttributes>;

/** The full desired policy: the API's PUT replaces the whole policy, so every switch is sent. */
function policyInput(v: SpamPolicyValues): SpamPolicyInput {
  return {
    bypassSpamChecks: v.bypass_spam_checks ?? false,
    bypassVirusChecks: v.bypass_virus_checks ?? false,
    bypassBannedChecks: v.bypass_banned_checks ?? false,
    bypassHeaderChecks: v.bypass_header_checks ?? false,
    quarantineSpam: v.quarantine_spam ?? false,
    quarantineVirus: v.quarantine_virus ?? true,
    quarantineBanned: v.quarantine_banned ?? false,
    quarantineBadHeader: v.quarantine_bad_header ?? false,
    prefixSpamInSubject: v.prefix_spam_in_subject ?? false,
    alwaysInsertXSpamHeaders: v.always_insert_x_spam_headers ?? false,
    ...(v.spam_score !== null ? { spamScore: v.spam_score } : {}),
  };
}

const read = (client: IRedAdminClient, v: { target: string | null }) =>
  nullIfGone(() => client.spamPolicies.get(policyTarget(v.target!)));

export const spamPolicyRegistration = defineResourceWithDataSource({
  typeName: 'iredadmin_spampolicy',
  description: [
    'The amavisd spam policy of the server (`global`), a domain or a user: which checks run, what is ' +
      'quarantined, and the spam score.',
    '',
    'The API replaces the whole policy on every change, so the provider always sends all of it: a switch left ' +
      'out of the configuration is set to its documented default.',
    '',
    '**Destroy** deletes the policy of a domain or user (the lower-priority policy applies again). The global ' +
      'policy cannot be removed: destroying it restores',
    "the default policy of iRedMail's installer (on our server; iRedAdmin-Pro does what its DELETE does), so a " +
      'global policy deleted outside Terraform shows as a diff, not as gone.',
  ].join('\n'),
  attributes: spamPolicyAttributes,
  ...byTarget.resource,
  read,
  ...writesWhole((client: IRedAdminClient, v: SpamPolicyValues) =>
    client.spamPolicies.set(policyTarget(v.target!), policyInput(v)),
  ),
  async delete(client: IRedAdminClient, v: SpamPolicyValues) {
    // The domain or user may be gone, and its policy with it.
    await nullIfGone(() => client.spamPolicies.delete(policyTarget(v.target!)));
  },
  dataSource: {
    description:
      'Reads the spam policy of the server, a domain or a user; an error when the domain or user has none of its own.',
    lookup: byTarget.lookup,
  },
});
