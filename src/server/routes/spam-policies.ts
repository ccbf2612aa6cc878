/**
 * Spam policies (amavisd): GET/PUT/DELETE /api/spampolicy/global, /api/spampolicy/domain/<domain>
 * and /api/spampolicy/user/<mail>. amavisd itself applies user > domain > global.
 */
import { z } from 'zod';
import { f, parseInput } from '../http/fields';
import { defineRoutes, route, type RouteContext, type RoutePlugin } from '../http/routes';
import { authorizeTarget, GLOBAL_TARGET, type PolicyTarget } from '../model/policies/target';
import { domainTarget, userTarget } from '../http/policy-targets';
import {
  deleteSpamPolicy,
  policyColumns,
  readSpamPolicy,
  resetGlobalSpamPolicy,
  type SpamPolicySettings,
  writeSpamPolicy,
} from '../model/policies/spam-policy';

/** Each flag defaults as the spec documents: quarantine_virus yes, everything else no. */
const flag = (param: string, byDefault = false) =>
  f.yesNo(`INVALID_${param.toUpperCase()}`).transform((v) => v ?? byDefault);

const policyInput = z.object({
  bypass_spam_checks: flag('bypass_spam_checks'),
  bypass_virus_checks: flag('bypass_virus_checks'),
  bypass_banned_checks: flag('bypass_banned_checks'),
  bypass_header_checks: flag('bypass_header_checks'),
  quarantine_spam: flag('quarantine_spam'),
  quarantine_virus: flag('quarantine_virus', true),
  quarantine_banned: flag('quarantine_banned'),
  quarantine_bad_header: flag('quarantine_bad_header'),
  prefix_spam_in_subject: flag('prefix_spam_in_subject'),
  always_insert_x_spam_headers: flag('always_insert_x_spam_headers'),
  // Whole numbers only, as iRedAdmin-Pro; the bound keeps the REAL columns meaningful.
  spam_score: f.int('INVALID_SPAM_SCORE', -1000, 1000),
});

type TargetOf = (ctx: RouteContext) => PolicyTarget;

export const spamPolicyRoutes: RoutePlugin = async (app, options) => {
  const register = (url: string, targetOf: TargetOf) =>
    defineRoutes(app, options, url, {
      GET: route('admin', (ctx) => getPolicy(ctx, targetOf(ctx))),
      PUT: route('admin', (ctx) => putPolicy(ctx, targetOf(ctx))),
      DELETE: route('admin', (ctx) => deletePolicy(ctx, targetOf(ctx))),
    });
  register('/api/spampolicy/global', () => GLOBAL_TARGET);
  register('/api/spampolicy/domain/:domain', (ctx) => domainTarget(ctx.path.domain!));
  register('/api/spampolicy/user/:mail', (ctx) => userTarget(ctx.path.mail!));
};

async function getPolicy(ctx: RouteContext, target: PolicyTarget): Promise<unknown> {
  await authorizeTarget(ctx.db, ctx.actor, target, { write: false });
  return (await readSpamPolicy(ctx.db, target.account)) ?? {};
}

async function putPolicy(ctx: RouteContext, target: PolicyTarget): Promise<undefined> {
  const input = parseInput(policyInput, ctx.input);
  const settings: SpamPolicySettings = {
    bypassSpamChecks: input.bypass_spam_checks,
    bypassVirusChecks: input.bypass_virus_checks,
    bypassBannedChecks: input.bypass_banned_checks,
    bypassHeaderChecks: input.bypass_header_checks,
    quarantineSpam: input.quarantine_spam,
    quarantineVirus: input.quarantine_virus,
    quarantineBanned: input.quarantine_banned,
    quarantineBadHeader: input.quarantine_bad_header,
    prefixSpamInSubject: input.prefix_spam_in_subject,
    alwaysInsertXSpamHeaders: input.always_insert_x_spam_headers,
    spamScore: input.spam_score ?? null,
  };
  await ctx.db.transaction(async (tx) => {
    await authorizeTarget(tx, ctx.actor, target, { write: true });
    await writeSpamPolicy(tx, target, policyColumns(settings));
  });
  return undefined;
}

async function deletePolicy(ctx: RouteContext, target: PolicyTarget): Promise<undefined> {
  await ctx.db.transaction(async (tx) => {
    await authorizeTarget(tx, ctx.actor, target, { write: true });
    if (target.scope === 'global') await resetGlobalSpamPolicy(tx, target);
    else await deleteSpamPolicy(tx, target);
  });
  return undefined;
}
