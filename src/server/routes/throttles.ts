/**
 * iRedAPD throttles: GET/POST /api/throttle/<global|domain|mail>/<inbound|outbound>.
 * GET answers `{"_success": true, "setting": {…}}` (iRedAdmin-Pro's envelope for this call).
 * POST without `period` (or with `period=0`) means "no throttle": the setting is deleted, as in
 * iRedAdmin-Pro. Our extension: DELETE on the same URL does the same (the product has no DELETE).
 */
import { z } from 'zod';
import { ApiFailure } from '../errors';
import { f, parseInput } from '../http/fields';
import { defineRoutes, RawBody, route, type RouteContext, type RoutePlugin } from '../http/routes';
import { authorizeTarget, type PolicyTarget } from '../model/policies/target';
import { targetFromSegment } from '../http/policy-targets';
import {
  deleteThrottle,
  readThrottle,
  THROTTLE_KINDS,
  type ThrottleKind,
  type ThrottleLimits,
  writeThrottle,
} from '../model/policies/throttle';

/** -1 inherits from the lower-priority throttle, 0 is unlimited (iRedAPD). */
const limit = (code: string) => f.int(code, -1);

const throttleInput = z.object({
  /** Absent, empty or 0: delete the setting. */
  period: f.int('INVALID_PERIOD', 0),
  msg_size: limit('INVALID_MSG_SIZE'),
  max_msgs: limit('INVALID_MAX_MSGS'),
  max_quota: limit('INVALID_MAX_QUOTA'),
  max_rcpts: limit('INVALID_MAX_RCPTS'),
});

export const throttleRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/throttle/:target/:kind', {
    GET: route('admin', getThrottle),
    POST: route('admin', setThrottle),
    DELETE: route('admin', removeThrottle),
  });
};

function parsePath(ctx: RouteContext): { target: PolicyTarget; kind: ThrottleKind } {
  const kind = ctx.path.kind!.trim().toLowerCase() as ThrottleKind;
  if (!THROTTLE_KINDS.includes(kind)) throw new ApiFailure('INVALID_INOUT_TYPE');
  return { target: targetFromSegment(ctx.path.target!), kind };
}

async function getThrottle(ctx: RouteContext): Promise<RawBody> {
  const { target, kind } = parsePath(ctx);
  await authorizeTarget(ctx.db, ctx.actor, target, { write: false });
  return new RawBody({ setting: (await readThrottle(ctx.db, target.account, kind)) ?? {} });
}

async function setThrottle(ctx: RouteContext): Promise<undefined> {
  const { target, kind } = parsePath(ctx);
  const input = parseInput(throttleInput, ctx.input);
  if (!input.period) return removeThrottle(ctx);
  // max_rcpts is our extension and only means something for outbound mail.
  const maxRcpts = kind === 'outbound' ? input.max_rcpts : undefined;
  if (
    input.msg_size === undefined &&
    input.max_msgs === undefined &&
    input.max_quota === undefined &&
    maxRcpts === undefined
  ) {
    throw new ApiFailure('MISS_THROTTLE_SETTING');
  }
  // Limits not sent are stored as 0 (unlimited), as iRedAdmin-Pro does.
  const limits: ThrottleLimits = {
    period: input.period,
    msg_size: input.msg_size ?? 0,
    max_msgs: input.max_msgs ?? 0,
    max_quota: input.max_quota ?? 0,
    max_rcpts: maxRcpts ?? 0,
  };
  await ctx.db.transaction(async (tx) => {
    await authorizeTarget(tx, ctx.actor, target, { write: true });
    await writeThrottle(tx, target, kind, limits);
  });
  return undefined;
}

async function removeThrottle(ctx: RouteContext): Promise<undefined> {
  const { target, kind } = parsePath(ctx);
  await ctx.db.transaction(async (tx) => {
    await authorizeTarget(tx, ctx.actor, target, { write: true });
    await deleteThrottle(tx, target.account, kind);
  });
  return undefined;
}
