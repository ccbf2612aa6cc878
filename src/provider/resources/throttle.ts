/** `iredadmin_throttle`: an iRedAPD inbound or outbound throttle of the server, a domain or a user. */
import type { IRedAdminClient, Throttle, ThrottleDirection, ThrottleInput } from '../../client';
import { attributesFor, type Issue, type Validator, type Values } from '../framework';
import {
  byTargetAndDirection,
  nullIfGone,
  policyTarget,
  targetAttribute,
  writesWhole,
  defineResourceWithDataSource,
} from '../kit';

const a = attributesFor<Throttle>();

const key = byTargetAndDirection(['inbound', 'outbound']);

const seconds: Validator<number> = (v) =>
  Number.isInteger(v) && v >= 1 ? undefined : `${v} is not allowed: use a whole number of seconds ≥ 1.`;
const limitValue: Validator<number> = (v) =>
  Number.isInteger(v) && v >= -1
    ? undefined
    : `${v} is not allowed: use a whole number ≥ 0 (0 = unlimited), or -1 to inherit.`;

const LIMITS =
  '`0` = unlimited, `-1` = inherit the limit of the lower-priority throttle (user → domain → global), as iRedAPD ' +
  'defines them';

const target = targetAttribute<Throttle>({
  description:
    'Whom the throttle applies to: `global` (every account), a domain name (`example.com`) or an email address ' +
    '(`user@example.com`). iRedAPD applies the user throttle first, then the domain one, then the global one. ' +
    'Changing it replaces the throttle.',
  errorCodes: ['INVALID_DOMAIN_NAME', 'INVALID_MAIL', 'NO_SUCH_DOMAIN', 'NO_SUCH_ACCOUNT'],
});
const direction = key.direction<Throttle>({
  samples: ['outbound', 'inbound'],
  description:
    '`inbound` (mail received by the target) or `outbound` (mail sent by it). Changing it replaces the throttle.',
  errorCodes: ['INVALID_INOUT_TYPE'],
});

type LimitErrorCode = 'INVALID_MSG_SIZE' | 'INVALID_MAX_MSGS' | 'INVALID_MAX_QUOTA';
/** A limit iRedAPD stores as 0 when a write leaves it out, so it defaults to 0. */
const limit = (
  field: 'msg_size' | 'max_msgs' | 'max_quota',
  samples: [number, number],
  what: string,
  errorCode: LimitErrorCode,
) =>
  a.number({
    samples,
    optional: true,
    default: 0,
    validators: [limitValue],
    read: (t) => t[field] ?? 0,
    description: `${what}. Default \`0\`; ${LIMITS}.`,
    errorCodes: [errorCode],
  });

const throttleAttributes = {
  target,
  direction,
  period: a.number({
    samples: [3600, 86400],
    required: true,
    validators: [seconds],
    read: (t) => t.period,
    description: 'Length of the counting window, in seconds, e.g. `3600` for one hour.',
    errorCodes: ['INVALID_PERIOD'],
  }),
  msg_size: limit('msg_size', [1048576, 2097152], 'Largest single message, in bytes', 'INVALID_MSG_SIZE'),
  max_msgs: limit('max_msgs', [100, 200], 'Most messages per `period`', 'INVALID_MAX_MSGS'),
  max_quota: limit(
    'max_quota',
    [10485760, -1],
    'Most bytes of mail (all messages together) per `period`',
    'INVALID_MAX_QUOTA',
  ),
  max_rcpts: a.number({
    samples: [50, 0],
    optional: true,
    validators: [limitValue],
    read: (t) => t.max_rcpts ?? null,
    description:
      'Most recipients per `period`, outbound only (iRedAPD ≥ 5.0; not in the published API, so a server that ' +
      `does not know it ignores it). Unset: left as the server has it; ${LIMITS}.`,
    errorCodes: ['INVALID_MAX_RCPTS'],
  }),
};

type ThrottleValues = Values<typeof throttleAttributes>;

const dir = (v: { direction: string | null }) => v.direction as ThrottleDirection;

const readThrottle = (client: IRedAdminClient, v: { target: string | null; direction: string | null }) =>
  nullIfGone(() => client.throttles.get(policyTarget(v.target!), dir(v)));

/** The whole throttle: the API stores every limit a POST leaves out as 0, so all are sent. */
function throttleInput(v: ThrottleValues): ThrottleInput {
  return {
    period: v.period!,
    msgSize: v.msg_size ?? 0,
    maxMsgs: v.max_msgs ?? 0,
    maxQuota: v.max_quota ?? 0,
    ...(v.max_rcpts !== null && v.direction === 'outbound' ? { maxRcpts: v.max_rcpts } : {}),
  };
}

export const throttleRegistration = defineResourceWithDataSource({
  typeName: 'iredadmin_throttle',
  description: [
    'An iRedAPD throttle: how many messages, how many bytes and how large a message the server, a domain or a ' +
      'user may receive (`inbound`) or send (`outbound`) per period.',
    '',
    'Every write sends all limits: the API stores a limit it is not sent as `0` (unlimited).',
    '',
    '**Destroy** removes the throttle with `POST /api/throttle/<target>/<direction>` and `period=0`, which ' +
      'iRedAdmin-Pro reads as "no throttle" and deletes the setting',
    '(the API has no DELETE for throttles); nothing is left behind. When the domain or user is already gone, its ' +
      'throttle went with it and destroy succeeds.',
  ].join('\n'),
  attributes: throttleAttributes,
  ...key.resource,
  validate(v: ThrottleValues) {
    const issues: Issue[] = [];
    if (v.direction === 'inbound' && v.max_rcpts !== null) {
      issues.push({
        attribute: 'max_rcpts',
        summary: 'max_rcpts is outbound only',
        detail:
          'iRedAPD counts recipients of mail sent, not received: remove `max_rcpts` or use `direction = "outbound"`.',
      });
    }
    return issues;
  },
  read: readThrottle,
  ...writesWhole((client: IRedAdminClient, v: ThrottleValues) =>
    client.throttles.set(policyTarget(v.target!), dir(v), throttleInput(v)),
  ),
  async delete(client: IRedAdminClient, v: ThrottleValues) {
    // The domain or user may be gone, and its throttle with it.
    await nullIfGone(() => client.throttles.delete(policyTarget(v.target!), dir(v)));
  },
  dataSource: {
    description: 'Reads an existing iRedAPD throttle; an error when none is set for the target and direction.',
    lookup: key.lookup,
  },
});
