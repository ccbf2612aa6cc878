/**
 * Spam policies (amavisd): `/api/spampolicy/global`, `/api/spampolicy/domain/<domain>`,
 * `/api/spampolicy/user/<mail>`.
 */
import { z } from 'zod';
import { ApiArea } from './api-area';
import { optionalFieldsRow, flag, num, text } from '../normalize';
import type { PolicyTarget } from './policy-target';
import { readSetting, targetSegment, writeSetting } from './policy-target';

/**
 * A whole spam policy. The product's PUT replaces the entire policy (an absent flag falls back to
 * its default), so every flag has its documented default here and all are always sent, each key
 * in snake_case (`bypassSpamChecks` → `bypass_spam_checks`).
 */
export const spamPolicySchema = z.strictObject({
  bypassSpamChecks: z.boolean().default(false),
  bypassVirusChecks: z.boolean().default(false),
  bypassBannedChecks: z.boolean().default(false),
  bypassHeaderChecks: z.boolean().default(false),
  quarantineSpam: z.boolean().default(false),
  quarantineVirus: z.boolean().default(true),
  quarantineBanned: z.boolean().default(false),
  quarantineBadHeader: z.boolean().default(false),
  prefixSpamInSubject: z.boolean().default(false),
  alwaysInsertXSpamHeaders: z.boolean().default(false),
  /** Whole numbers only (the product rejects decimals); omit to use amavisd's system setting. */
  spamScore: z.number().int().optional(),
});
export type SpamPolicyInput = z.input<typeof spamPolicySchema>;
export type SpamPolicySettings = z.output<typeof spamPolicySchema>;

/** The amavisd `policy` row GET returns; `spamPolicySettingsFromRow` reads it as the API's flags. */
export const spamPolicyRowSchema = optionalFieldsRow({
  /** Whose policy: `@.` (global), `@example.com` (a domain) or `jane@example.com` (a user). */
  policy_name: text,
  /** amavisd's `Y`/`N`, read as booleans. */
  bypass_spam_checks: flag,
  bypass_virus_checks: flag,
  bypass_banned_checks: flag,
  bypass_header_checks: flag,
  /** Non-empty: that kind of mail is quarantined. */
  spam_quarantine_to: text,
  virus_quarantine_to: text,
  banned_quarantine_to: text,
  bad_header_quarantine_to: text,
  /** Set: the subject of spam gets this prefix. */
  spam_subject_tag2: text,
  /** −100: X-Spam-* headers go into every message. */
  spam_tag_level: num,
  /** The spam score (`spam_kill_level` too). */
  spam_tag2_level: num,
  spam_kill_level: num,
});
export type SpamPolicyRow = z.infer<typeof spamPolicyRowSchema>;

/** amavisd's `spam_tag_level` that makes it insert X-Spam-* headers into every message. */
const ALWAYS_TAG_LEVEL = -100;

const isSet = (value: string | null | undefined): boolean => value !== null && value !== undefined && value !== '';

/** Reads a policy row back as the API's flags, the inverse of what PUT stores. */
export function spamPolicySettingsFromRow(row: SpamPolicyRow): SpamPolicySettings {
  const score = row.spam_tag2_level ?? row.spam_kill_level;
  return {
    bypassSpamChecks: row.bypass_spam_checks ?? false,
    bypassVirusChecks: row.bypass_virus_checks ?? false,
    bypassBannedChecks: row.bypass_banned_checks ?? false,
    bypassHeaderChecks: row.bypass_header_checks ?? false,
    quarantineSpam: isSet(row.spam_quarantine_to),
    quarantineVirus: isSet(row.virus_quarantine_to),
    quarantineBanned: isSet(row.banned_quarantine_to),
    quarantineBadHeader: isSet(row.bad_header_quarantine_to),
    prefixSpamInSubject: isSet(row.spam_subject_tag2),
    alwaysInsertXSpamHeaders:
      row.spam_tag_level !== null && row.spam_tag_level !== undefined && row.spam_tag_level <= ALWAYS_TAG_LEVEL,
    ...(score !== null && score !== undefined ? { spamScore: score } : {}),
  };
}

export interface SpamPolicy {
  /** The flags as the API's parameters name them. */
  settings: SpamPolicySettings;
  /** The amavisd row as the server sent it (known columns normalized). */
  row: SpamPolicyRow;
}

export class SpamPoliciesApi extends ApiArea {
  #path(method: 'GET' | 'PUT' | 'DELETE', target: PolicyTarget): string {
    const site = { method, path: '/api/spampolicy/<global|domain/<domain>|user/<mail>>' };
    // `global` is a segment of its own; domains and users sit under a kind prefix.
    const prefix = 'global' in target ? '' : 'domain' in target ? 'domain/' : 'user/';
    return `/api/spampolicy/${prefix}${targetSegment(this.caller, site, target)}`;
  }

  /** The policy, or `null` when none is set for the target (the API answers `{}`). */
  async get(target: PolicyTarget): Promise<SpamPolicy | null> {
    const row = await readSetting(this.caller, this.#path('GET', target), spamPolicyRowSchema);
    return row === null ? null : { settings: spamPolicySettingsFromRow(row), row };
  }

  /** Replaces the target's whole policy; flags not given take their documented defaults. */
  async set(target: PolicyTarget, input: SpamPolicyInput = {}): Promise<void> {
    await writeSetting(this.caller, { method: 'PUT', path: this.#path('PUT', target) }, spamPolicySchema, input);
  }

  async delete(target: PolicyTarget): Promise<void> {
    await this.caller.call({ method: 'DELETE', path: this.#path('DELETE', target) });
  }
}
