/**
 * amavisd spam policies: a `policy` row named after its account, linked from a `users` row
 * (`email` is BYTEA) whose priority orders the lookup: user 10 > domain 5 > global 0.
 * amavisd takes each setting from the highest-priority row where it is not NULL, so NULL
 * means "inherit" (ultimately amavisd.conf's value).
 */
import { type Queryable, amavisd } from '../../db/database';
import type { PolicyTarget } from './target';
import { excluded, join, onDuplicateUpdate, raw, sql } from '../../db/sql';

/** The API's switches, already defaulted (PUT replaces the whole policy). */
export interface SpamPolicySettings {
  bypassSpamChecks: boolean;
  bypassVirusChecks: boolean;
  bypassBannedChecks: boolean;
  bypassHeaderChecks: boolean;
  quarantineSpam: boolean;
  quarantineVirus: boolean;
  quarantineBanned: boolean;
  quarantineBadHeader: boolean;
  prefixSpamInSubject: boolean;
  alwaysInsertXSpamHeaders: boolean;
  /** null: amavisd's own tag2/kill levels apply. */
  spamScore: number | null;
}

export const PRIORITY: Record<PolicyTarget['scope'], number> = { global: 0, domain: 5, user: 10 };

/** The policy iRedMail's installer seeds for `@.` (samples/amavisd/default_spam_policy.sql). */
const INSTALLER_DEFAULT: Record<string, string | number | null> = {
  spam_lover: 'Y',
  virus_lover: 'N',
  banned_files_lover: 'N',
  bad_header_lover: 'Y',
  bypass_spam_checks: 'N',
  bypass_virus_checks: 'N',
  bypass_banned_checks: 'N',
  bypass_header_checks: 'N',
  spam_quarantine_to: '',
  virus_quarantine_to: 'virus-quarantine',
  banned_quarantine_to: 'banned-quarantine',
  bad_header_quarantine_to: '',
  spam_subject_tag2: null,
  spam_tag_level: null,
  spam_tag2_level: null,
  spam_kill_level: null,
};

const yn = (v: boolean) => (v ? 'Y' : 'N');

/**
 * The policy columns the API controls. A `*_lover` of N with a `*_quarantine_to` set
 * quarantines the message instead of delivering it; a lover of Y with no quarantine
 * delivers it (see iRedMail's default_spam_policy.sql).
 */
export function policyColumns(s: SpamPolicySettings): Record<string, string | number | null> {
  const quarantine = (on: boolean, mailbox: string) => ({ to: on ? mailbox : '', lover: on ? 'N' : 'Y' });
  const spam = quarantine(s.quarantineSpam, 'spam-quarantine');
  const virus = quarantine(s.quarantineVirus, 'virus-quarantine');
  const banned = quarantine(s.quarantineBanned, 'banned-quarantine');
  const badHeader = quarantine(s.quarantineBadHeader, 'bad-header-quarantine');
  return {
    bypass_spam_checks: yn(s.bypassSpamChecks),
    bypass_virus_checks: yn(s.bypassVirusChecks),
    bypass_banned_checks: yn(s.bypassBannedChecks),
    bypass_header_checks: yn(s.bypassHeaderChecks),
    spam_quarantine_to: spam.to,
    spam_lover: spam.lover,
    virus_quarantine_to: virus.to,
    virus_lover: virus.lover,
    banned_quarantine_to: banned.to,
    banned_files_lover: banned.lover,
    bad_header_quarantine_to: badHeader.to,
    bad_header_lover: badHeader.lover,
    spam_subject_tag2: s.prefixSpamInSubject ? '[SPAM] ' : null,
    // -100: every message scores above the tag level, so X-Spam-* headers are always added.
    spam_tag_level: s.alwaysInsertXSpamHeaders ? -100 : null,
    spam_tag2_level: s.spamScore,
    spam_kill_level: s.spamScore,
  };
}

const email = (account: string) => Buffer.from(account, 'utf8');

/** The policy row linked from the account's `users` row, or null. */
export async function readSpamPolicy(q: Queryable, account: string): Promise<Record<string, unknown> | null> {
  const rows = await amavisd(q).query(
    sql`SELECT p.* FROM users u JOIN policy p ON p.id = u.policy_id WHERE u.email = ${email(account)}`,
  );
  return rows[0] ?? null;
}

/**
 * Creates or replaces the account's policy. Only the columns the API controls are written:
 * columns an operator set by hand (message_size_limit, …) survive a PUT. Upserts on the
 * unique policy_name and users.email make concurrent PUTs converge instead of failing.
 */
export async function writeSpamPolicy(
  tx: Queryable,
  target: PolicyTarget,
  columns: Record<string, string | number | null>,
): Promise<void> {
  // Column names come from our own flag table, never from the request.
  const names = Object.keys(columns);
  const values = names.map((n) => sql`${columns[n]}`);
  const updates = names.map((n) => sql`${raw(n)} = ${excluded(n)}`);
  const amavis = amavisd(tx);
  const [policy] = await amavis.query<{ id: number }>(
    sql`INSERT INTO policy (policy_name, ${raw(names.join(', '))}) VALUES (${target.account}, ${join(values)})
     ${onDuplicateUpdate('policy_name', join(updates))} RETURNING id`,
  );
  await amavis.query(sql`INSERT INTO users (email, priority, policy_id) VALUES (${email(target.account)}, ${PRIORITY[target.scope]},
      ${policy!.id})
     ${onDuplicateUpdate('email', sql`priority = ${excluded('priority')}, policy_id = ${excluded('policy_id')}`)}`);
}

/**
 * Removes a domain's or user's policy. The `users` row is also the anchor of the account's
 * white/blacklists (wblist.rid, outbound_wblist.sid): when those exist it stays, pointing at
 * policy 0 (none), so amavisd falls through to the lower-priority policies.
 */
export async function deleteSpamPolicy(tx: Queryable, target: PolicyTarget): Promise<void> {
  const id = email(target.account);
  const amavis = amavisd(tx);
  const anchored = await amavis.query(sql`SELECT 1 FROM users u WHERE u.email = ${id} AND (
       EXISTS (SELECT 1 FROM wblist w WHERE w.rid = u.id) OR EXISTS (SELECT 1 FROM outbound_wblist o WHERE o.sid = u.id))`);
  if (anchored.length) await amavis.query(sql`UPDATE users SET policy_id = 0 WHERE email = ${id}`);
  else await amavis.query(sql`DELETE FROM users WHERE email = ${id}`);
  await amavis.query(sql`DELETE FROM policy WHERE policy_name = ${target.account}`);
}

/**
 * The global policy is never removed: amavisd and iRedAdmin expect `@.` to exist. Deleting
 * it restores the installer's default policy instead.
 */
export async function resetGlobalSpamPolicy(tx: Queryable, global: PolicyTarget): Promise<void> {
  await writeSpamPolicy(tx, global, INSTALLER_DEFAULT);
}
