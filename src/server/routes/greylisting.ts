/**
 * iRedAPD greylisting:
 * - GET /api/greylisting/all (global admins): every setting, by account;
 * - GET/POST /api/greylisting/<global|domain|mail> `status`: on/off per account; a domain or user
 *   without its own setting inherits (`inherit`), `global` without one reports `disabled`;
 * - GET/POST /api/greylisting/<global|domain|mail>/whitelists: senders never greylisted
 *   (`senders` replaces the set, else `addSenders`/`removeSenders`); for `global` also the SPF domains;
 * - PUT /api/greylisting/global/whitelist/<ip>: adds one IP to the global whitelist;
 * - GET/POST /api/greylisting/whitelist_spf_domains: domains whose mail servers are whitelisted
 *   (`domains` replaces, else `addDomains`/`removeDomains`).
 */
import { z } from 'zod';
import { canonicalIp } from '../../common/sender-addresses';
import { ApiFailure } from '../errors';
import { f, parseInput } from '../http/fields';
import { domainList, senderList } from '../http/address-lists';
import { defineRoutes, route, type RouteContext, type RoutePlugin } from '../http/routes';
import {
  changeGreylistingWhitelist,
  changeWhitelistedSpfDomains,
  deleteGreylisting,
  readAllGreylisting,
  readGreylistingStatus,
  readGreylistingWhitelist,
  readWhitelistedSpfDomains,
  writeGreylistingStatus,
} from '../model/policies/greylisting';
import { authorizeSetting, authorizeSettingWrite } from '../model/policies/setting-access';
import { GLOBAL_TARGET, type PolicyTarget } from '../model/policies/target';
import { targetFromSegment } from '../http/policy-targets';

/** `inherit` (or nothing) removes a domain's or user's own setting; `global` cannot inherit. */
const statusInput = z.object({ status: f.oneOf(['enable', 'disable', 'inherit'], 'INVALID_GREYLISTING_STATUS') });

const SENDER_CODE = 'INVALID_GREYLISTING_SENDER';
const whitelistInput = z.object({
  senders: senderList(SENDER_CODE),
  addSenders: senderList(SENDER_CODE),
  removeSenders: senderList(SENDER_CODE),
});

const spfDomainsInput = z.object({ domains: domainList(), addDomains: domainList(), removeDomains: domainList() });

export const greylistingRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/greylisting/all', {
    GET: route('global', (ctx) => readAllGreylisting(ctx.db)),
  });
  defineRoutes(app, options, '/api/greylisting/whitelist_spf_domains', {
    GET: route('global', async (ctx) => ({ domains: await readWhitelistedSpfDomains(ctx.db) })),
    POST: route('global', setSpfDomains),
  });
  defineRoutes(app, options, '/api/greylisting/global/whitelist/:ip', {
    PUT: route('global', async (ctx) => {
      const ip = canonicalIp(ctx.path.ip!);
      if (!ip) throw new ApiFailure('INVALID_IP_ADDRESS');
      await ctx.db.transaction((tx) => changeGreylistingWhitelist(tx, GLOBAL_TARGET.account, { add: [ip] }));
      return undefined;
    }),
  });
  defineRoutes(app, options, '/api/greylisting/:target', {
    GET: route('admin', getStatus),
    POST: route('admin', setStatus),
  });
  defineRoutes(app, options, '/api/greylisting/:target/whitelists', {
    GET: route('admin', getWhitelist),
    POST: route('admin', setWhitelist),
  });
};

async function authorizedTarget(ctx: RouteContext): Promise<PolicyTarget> {
  const target = targetFromSegment(ctx.path.target!);
  await authorizeSetting(ctx.db, ctx.actor, target);
  return target;
}

async function getStatus(ctx: RouteContext): Promise<{ status: string }> {
  const target = await authorizedTarget(ctx);
  const status = await readGreylistingStatus(ctx.db, target.account);
  // iRedAdmin-Pro reports a missing global setting as disabled; below global, missing means inherit.
  return { status: status ?? (target.scope === 'global' ? 'disabled' : 'inherit') };
}

async function setStatus(ctx: RouteContext): Promise<undefined> {
  const target = targetFromSegment(ctx.path.target!);
  const { status } = parseInput(statusInput, ctx.input);
  if (target.scope === 'global' && status === 'inherit') throw new ApiFailure('INVALID_GREYLISTING_STATUS');
  await ctx.db.transaction(async (tx) => {
    await authorizeSettingWrite(tx, ctx.actor, target, 'greylisting');
    // As iRedAdmin-Pro: no status enables `global` and removes a domain's or user's own setting.
    if (status === 'disable' || status === 'enable')
      await writeGreylistingStatus(tx, target, status === 'enable' ? 'enabled' : 'disabled');
    else if (target.scope === 'global') await writeGreylistingStatus(tx, target, 'enabled');
    else await deleteGreylisting(tx, target.account);
  });
  return undefined;
}

async function getWhitelist(ctx: RouteContext): Promise<Record<string, string[]>> {
  const target = await authorizedTarget(ctx);
  const whitelists = await readGreylistingWhitelist(ctx.db, target.account);
  if (target.scope !== 'global') return { whitelists };
  return { whitelists, whitelist_domains: await readWhitelistedSpfDomains(ctx.db) };
}

async function setWhitelist(ctx: RouteContext): Promise<undefined> {
  const target = targetFromSegment(ctx.path.target!);
  const input = parseInput(whitelistInput, ctx.input);
  const senders = (list: typeof input.senders) => list?.map((s) => s.address);
  // Unlike iRedAdmin-Pro, removeSenders removes from this account only, not from every account.
  const change =
    input.senders !== undefined
      ? { replace: senders(input.senders)! }
      : { add: senders(input.addSenders) ?? [], remove: senders(input.removeSenders) ?? [] };
  await ctx.db.transaction(async (tx) => {
    await authorizeSettingWrite(tx, ctx.actor, target, 'greylisting');
    await changeGreylistingWhitelist(tx, target.account, change);
  });
  return undefined;
}

async function setSpfDomains(ctx: RouteContext<'global'>): Promise<string | undefined> {
  const input = parseInput(spfDomainsInput, ctx.input);
  const replace = input.domains !== undefined;
  await ctx.db.transaction((tx) =>
    changeWhitelistedSpfDomains(
      tx,
      replace ? { replace: input.domains! } : { add: input.addDomains ?? [], remove: input.removeDomains ?? [] },
    ),
  );
  // iRedAdmin-Pro's answer to a replace.
  return replace ? 'GL_WLD_UPDATED' : undefined;
}
