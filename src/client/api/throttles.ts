/** Throttling (iRedAPD): `/api/throttle/global|<domain>|<mail>/inbound|outbound`. */
import { z } from 'zod';
import { ApiArea } from './api-area';
import { optionalFieldsRow, num, text } from '../normalize';
import type { PolicyTarget } from './policy-target';
import { readSetting, targetSegment, writeSetting } from './policy-target';

/** Which mail a throttle counts: what the target receives (`inbound`) or sends (`outbound`). */
const throttleDirection = z.enum(['inbound', 'outbound']);
export type ThrottleDirection = z.infer<typeof throttleDirection>;

/** A limit: N > 0 a limit, 0 unlimited, -1 inherit from the lower-priority setting. */
const limit = z.number().int().min(-1);

/**
 * Throttle settings. The product stores every limit a POST leaves out as 0 (unlimited), so the
 * client always sends all four: an omitted limit is sent as 0 on purpose, not dropped. On the
 * wire each key is in snake_case (`maxMsgs` → `max_msgs`).
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

/**
 * "No throttle": a POST with `period=0` deletes the setting (the real product has no DELETE for
 * throttles). The limits go along as 0 so a server that checks them before the period still reads
 * a complete request.
 */
const NO_THROTTLE = { period: 0, msg_size: 0, max_msgs: 0, max_quota: 0 };

/** The iRedAPD `throttle` row GET returns (under `setting`); the limits as `ThrottleInput` describes them. */
export const throttleRowSchema = optionalFieldsRow({
  /** Whose throttle: `@.` (global), `@example.com` (a domain) or `jane@example.com` (a user). */
  account: text,
  /** `inbound` or `outbound`. */
  kind: text,
  /** iRedAPD applies the highest: users 100, domains 60, global 0 (the real product writes 10, 5, 0). */
  priority: num,
  period: num,
  msg_size: num,
  max_msgs: num,
  max_quota: num,
  /** Outbound only. */
  max_rcpts: num,
});
export type Throttle = z.infer<typeof throttleRowSchema>;

export class ThrottlesApi extends ApiArea {
  #path(method: 'GET' | 'POST', target: PolicyTarget, direction: ThrottleDirection): string {
    const site = { method, path: '/api/throttle/<global|domain|mail>/<inbound|outbound>' };
    const inout = this.caller.parseInput(site, throttleDirection, direction);
    return `/api/throttle/${targetSegment(this.caller, site, target)}/${inout}`;
  }

  /** The throttle, or `null` when none is set (the API answers `setting: {}`). */
  async get(target: PolicyTarget, direction: ThrottleDirection): Promise<Throttle | null> {
    const path = this.#path('GET', target, direction);
    // The product answers throttle reads under `setting`, not `_data`; accept either.
    return readSetting(this.caller, path, throttleRowSchema, (envelope) => envelope.setting ?? envelope._data);
  }

  /** Creates or replaces the throttle; all four values are sent (omitted limits as 0). */
  async set(target: PolicyTarget, direction: ThrottleDirection, input: ThrottleInput): Promise<void> {
    const site = { method: 'POST', path: this.#path('POST', target, direction) } as const;
    await writeSetting(this.caller, site, throttleSchema, input);
  }

  /** Removes the throttle (a POST of `NO_THROTTLE`); succeeds when none was set. */
  async delete(target: PolicyTarget, direction: ThrottleDirection): Promise<void> {
    const path = this.#path('POST', target, direction);
    await this.caller.call({ method: 'POST', path, params: NO_THROTTLE, idempotent: true });
  }
}
