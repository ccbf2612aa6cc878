/** Throttling (iRedAPD): `/api/throttle/global|<domain>|<mail>/inbound|outbound`. */
import { z } from 'zod';
import type { ApiCaller } from '../api-caller';
import { ApiError, UnexpectedResponseError, UnsupportedError } from '../errors';
import { accountRow, num, text } from '../normalize';
import type { PolicyTarget, WireNames } from './common';
import { formFrom, targetSegment } from './common';

export type ThrottleDirection = 'inbound' | 'outbound';

/** A limit: N > 0 a limit, 0 unlimited, -1 inherit from the lower-priority setting. */
const limit = z.number().int().min(-1);

/**
 * Throttle settings. The product stores every limit a POST leaves out as 0 (unlimited), so the
 * client always sends all four: an omitted limit is sent as 0 on purpose, not dropped.
 */
export const throttleSchema = z.strictObject({
  /** Seconds. */
  period: z.number().int().positive(),
  /** Max size of one message, bytes. */
  msgSize: limit.default(0),
  /** Max number of messages in the period. */
  maxMsgs: limit.default(0),
  /** Max cumulative size in the period, bytes. */
  maxQuota: limit.default(0),
  /**
   * Max recipients in the period (outbound; iRedAPD ≥ 5.0). Sent only when given: the spec does
   * not list it, and a server that does not know it ignores it.
   */
  maxRcpts: limit.optional(),
});
export type ThrottleInput = z.input<typeof throttleSchema>;

const THROTTLE_WIRE: WireNames<typeof throttleSchema> = {
  period: 'period',
  msgSize: 'msg_size',
  maxMsgs: 'max_msgs',
  maxQuota: 'max_quota',
  maxRcpts: 'max_rcpts',
};

/** Answers with which a server says it has no such route or method (the real product's DELETE). */
const NO_ROUTE_STATUSES = new Set([404, 405, 501]);
const NO_ROUTE_CODES = new Set(['INVALID_HTTP_METHOD', 'NOT_FOUND']);

function isNoSuchRoute(error: unknown): boolean {
  if (error instanceof ApiError && error.normalizedCode !== undefined && NO_ROUTE_CODES.has(error.normalizedCode)) return true;
  return (error instanceof UnexpectedResponseError || error instanceof ApiError) && NO_ROUTE_STATUSES.has(error.status);
}

/** The iRedAPD `throttle` row GET returns (under `setting`). */
export const throttleRowSchema = accountRow({
  account: text.optional(),
  kind: text.optional(),
  priority: num.optional(),
  period: num.optional(),
  msg_size: num.optional(),
  max_msgs: num.optional(),
  max_quota: num.optional(),
  max_rcpts: num.optional(),
});
export type Throttle = z.infer<typeof throttleRowSchema>;

export class ThrottlesApi {
  readonly #caller: ApiCaller;

  constructor(caller: ApiCaller) {
    this.#caller = caller;
  }

  #path(method: 'GET' | 'POST' | 'DELETE', target: PolicyTarget, direction: ThrottleDirection): string {
    const site = { method, path: '/api/throttle/<global|domain|mail>/<inbound|outbound>' };
    const inout = this.#caller.parseInput(site, z.enum(['inbound', 'outbound']), direction);
    return `/api/throttle/${targetSegment(this.#caller, site, target)}/${inout}`;
  }

  /** The throttle, or `null` when none is set (the API answers `setting: {}`). */
  async get(target: PolicyTarget, direction: ThrottleDirection): Promise<Throttle | null> {
    const path = this.#path('GET', target, direction);
    const envelope = await this.#caller.call({ method: 'GET', path });
    // The product answers throttle reads under `setting`, not `_data`; accept either.
    const data = envelope.setting ?? envelope._data;
    if (data === undefined || data === null || (typeof data === 'object' && Object.keys(data).length === 0)) return null;
    return this.#caller.parseData({ method: 'GET', path }, throttleRowSchema, data);
  }

  /** Creates or replaces the throttle; all four values are sent (omitted limits as 0). */
  async set(target: PolicyTarget, direction: ThrottleDirection, input: ThrottleInput): Promise<void> {
    const path = this.#path('POST', target, direction);
    const params = formFrom(this.#caller, { method: 'POST', path }, throttleSchema, THROTTLE_WIRE, input);
    // Setting the same values twice leaves the same state: safe to retry although it is a POST.
    await this.#caller.call({ method: 'POST', path, params, idempotent: true });
  }

  /**
   * Removes the throttle. The published API has no DELETE for throttles: our server offers it as
   * an extension; a server without it (the real product answers 405/404 or INVALID_HTTP_METHOD)
   * makes this throw `UnsupportedError`, so the caller can fall back to setting every limit to 0.
   */
  async delete(target: PolicyTarget, direction: ThrottleDirection): Promise<void> {
    const path = this.#path('DELETE', target, direction);
    try {
      await this.#caller.call({ method: 'DELETE', path });
    } catch (error) {
      if (isNoSuchRoute(error)) {
        throw new UnsupportedError(`Deleting a throttle is unsupported by this server (${describe(error)} on DELETE ${path})`, { method: 'DELETE', path });
      }
      throw error;
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.normalizedCode ?? `HTTP ${error.status}`;
  return error instanceof UnexpectedResponseError ? `HTTP ${error.status}` : 'no such route';
}
