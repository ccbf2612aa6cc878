/**
 * amavisd white/blacklists: GET/POST/PUT/DELETE
 * /api/wblist/<inbound|outbound>/<whitelist|blacklist>/<global|domain|mail>
 * (GET reads, POST adds `addresses`, PUT removes `addresses`, DELETE empties the list), and
 * PUT /api/wblist/senderscore/whitelist/<ip> (iRedAPD sender-score exemption, global admins).
 * Unlike iRedAdmin-Pro, these routes sit behind the same API guard as every other (allow-list,
 * LOGIN_REQUIRED without a session).
 */
import { z } from 'zod';
import { canonicalIp } from '../../common/sender-addresses';
import { ApiFailure } from '../errors';
import { parseInput } from '../http/fields';
import { senderList } from '../http/address-lists';
import { defineRoutes, route, type RouteContext, type RoutePlugin } from '../http/routes';
import { authorizeSetting, authorizeSettingWrite } from '../model/policies/setting-access';
import { targetFromSegment } from '../http/policy-targets';
import {
  addToWblist,
  clearWblist,
  readWblist,
  removeFromWblist,
  WBLIST_DIRECTIONS,
  WBLIST_KINDS,
  type WblistDirection,
  type WblistKind,
} from '../model/policies/wblist';
import { whitelistSenderScore } from '../model/policies/greylisting';

const addressesInput = z.object({ addresses: senderList('INVALID_WBLIST_ADDRESS') });

export const wblistRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/wblist/senderscore/whitelist/:ip', {
    PUT: route('global', async (ctx) => {
      const ip = canonicalIp(ctx.path.ip!);
      if (!ip) throw new ApiFailure('INVALID_IP_ADDRESS');
      await ctx.db.transaction((tx) => whitelistSenderScore(tx, ip));
      return undefined;
    }),
  });
  for (const direction of WBLIST_DIRECTIONS) {
    for (const kind of WBLIST_KINDS) {
      defineRoutes(app, options, `/api/wblist/${direction}/${kind}/:target`, {
        GET: route('admin', async (ctx) => {
          const target = targetFromSegment(ctx.path.target!);
          await authorizeSetting(ctx.db, ctx.actor, target);
          return readWblist(ctx.db, target.account, direction, kind);
        }),
        POST: route('admin', (ctx) => change(ctx, direction, kind, 'add')),
        PUT: route('admin', (ctx) => change(ctx, direction, kind, 'remove')),
        DELETE: route('admin', (ctx) => change(ctx, direction, kind, 'clear')),
      });
    }
  }
};

async function change(
  ctx: RouteContext,
  direction: WblistDirection,
  kind: WblistKind,
  op: 'add' | 'remove' | 'clear',
): Promise<undefined> {
  const target = targetFromSegment(ctx.path.target!);
  const addresses = op === 'clear' ? [] : (parseInput(addressesInput, ctx.input).addresses ?? []);
  await ctx.db.transaction(async (tx) => {
    await authorizeSettingWrite(tx, ctx.actor, target, 'wblist');
    const list = { target, direction, kind };
    if (op === 'add') await addToWblist(tx, list, addresses);
    else if (op === 'remove')
      await removeFromWblist(
        tx,
        list,
        addresses.map((a) => a.address),
      );
    else await clearWblist(tx, list);
  });
  return undefined;
}
