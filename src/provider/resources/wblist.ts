/** `iredadmin_wblist`: the amavisd whitelist and blacklist of the server, a domain or a user, for one direction. */
import type { IRedAdminClient, WblistDirection } from '../../client';
import { WBLIST_DIRECTIONS } from '../../common/wblist-vocabulary';
import { attributesFor, type Issue, type Values } from '../framework';
import {
  byTargetAndDirection,
  canonicalSenders,
  policyTarget,
  SENDER_FORMS,
  senderSet,
  setChanges,
  targetAttribute,
  writesWhole,
  defineResourceWithDataSource,
} from '../kit';

interface Wblist {
  whitelist: string[];
  blacklist: string[];
}

const a = attributesFor<Wblist>();
const key = byTargetAndDirection(WBLIST_DIRECTIONS);

const TARGET =
  'Whose lists: `global` (the whole server), a domain name (`example.com`) or an email address ' +
  "(`user@example.com`). amavisd checks the user's lists first, then the domain's, then the global ones.";
const DIRECTION = '`inbound`: senders of mail the target receives; `outbound`: recipients of mail the target sends.';

const list = (what: string, samples: readonly [string[], string[]], read: (d: Wblist) => string[]) =>
  a.stringSet({
    optional: true,
    samples,
    read,
    default: [],
    validators: [senderSet],
    normalize: canonicalSenders,
    description:
      `${what} Each entry is ${SENDER_FORMS}. Compared lower-case, CIDR networks without host bits. The whole list ` +
      'belongs to this resource: entries added elsewhere show as a diff and are removed on apply. Default empty.',
  });

const wblistAttributes = {
  target: targetAttribute<Wblist>({
    description: `${TARGET} Changing it replaces the resource.`,
    errorCodes: ['INVALID_DOMAIN_NAME', 'INVALID_MAIL'],
  }),
  direction: key.direction<Wblist>({
    samples: ['inbound', 'outbound'],
    description: `${DIRECTION} Changing it replaces the resource.`,
  }),
  whitelist: list(
    'Addresses always accepted (inbound: never treated as spam; outbound: always allowed).',
    [['friend@example.net'], ['@example.org', '192.0.2.0/24']],
    (d) => d.whitelist,
  ),
  blacklist: list(
    'Addresses always rejected (inbound: mail from them is refused; outbound: mail to them is refused).',
    [['spammer@example.net'], ['@spam.example', '198.51.100.7']],
    (d) => d.blacklist,
  ),
};

type WblistValues = Values<typeof wblistAttributes>;
type Where = { target: string | null; direction: string | null };

const where = (v: Where) => ({ target: policyTarget(v.target!), direction: v.direction as WblistDirection });

async function readLists(client: IRedAdminClient, v: Where): Promise<Wblist> {
  const { target, direction } = where(v);
  const [whitelist, blacklist] = await Promise.all([
    client.wblist.get(target, direction, 'whitelist'),
    client.wblist.get(target, direction, 'blacklist'),
  ]);
  return { whitelist: canonicalSenders(whitelist), blacklist: canonicalSenders(blacklist) };
}

/**
 * Lists always exist (possibly empty). When both were emptied outside Terraform although the state
 * holds entries, the object counts as deleted, so the plan re-creates it.
 */
async function read(client: IRedAdminClient, v: WblistValues): Promise<Wblist | null> {
  const lists = await readLists(client, v);
  const held = (v.whitelist?.length ?? 0) + (v.blacklist?.length ?? 0);
  return held > 0 && lists.whitelist.length === 0 && lists.blacklist.length === 0 ? null : lists;
}

/**
 * Makes the server's lists what the configuration says with the fewest calls: removals first, then
 * additions (an addition to one list moves the address out of the other, so order does not matter
 * for correctness, only for the number of calls). Nothing is emptied first, so a list is never
 * briefly open.
 */
async function converge(client: IRedAdminClient, v: WblistValues): Promise<void> {
  const { target, direction } = where(v);
  const have = await readLists(client, v);
  const want: Wblist = { whitelist: v.whitelist ?? [], blacklist: v.blacklist ?? [] };
  const changes = {
    whitelist: setChanges(have.whitelist, want.whitelist),
    blacklist: setChanges(have.blacklist, want.blacklist),
  };
  for (const kind of ['whitelist', 'blacklist'] as const) {
    if (changes[kind].remove.length) await client.wblist.remove(target, direction, kind, changes[kind].remove);
  }
  for (const kind of ['whitelist', 'blacklist'] as const) {
    if (changes[kind].add.length) await client.wblist.add(target, direction, kind, changes[kind].add);
  }
}

export const wblistRegistration = defineResourceWithDataSource({
  typeName: 'iredadmin_wblist',
  description: [
    'The amavisd whitelist and blacklist of the server (`global`), a domain or a user, for inbound or outbound ' +
      'mail: one resource per target and direction, holding both lists.',
    '',
    'Each list belongs wholly to the resource: entries added outside Terraform show as a diff and are removed on ' +
      'the next apply. An address cannot be in both lists (a plan-time error).',
    '',
    '**Destroy** empties both lists of that target and direction.',
  ].join('\n'),
  attributes: wblistAttributes,
  ...key.resource,
  validate(v: WblistValues) {
    const white = new Set(v.whitelist ?? []);
    const both = (v.blacklist ?? []).filter((x) => white.has(x));
    const issues: Issue[] = [];
    if (both.length) {
      issues.push({
        attribute: 'blacklist',
        summary: 'An address is in both the whitelist and the blacklist',
        detail: `${both.map((x) => `"${x}"`).join(', ')}: amavisd keeps one verdict per address. Remove it from one of the two lists.`,
      });
    }
    return issues;
  },
  read,
  ...writesWhole(converge),
  async delete(client: IRedAdminClient, v: WblistValues) {
    const { target, direction } = where(v);
    await client.wblist.clear(target, direction, 'whitelist');
    await client.wblist.clear(target, direction, 'blacklist');
  },
  dataSource: {
    description:
      'Reads the amavisd whitelist and blacklist of the server, a domain or a user for one direction (empty lists ' +
      'when none are set).',
    lookup: key.lookup,
  },
});
