/**
 * Mailing lists, two shapes over the same data (model/lists/store.ts):
 * - the SQL edition's mlmmj lists: GET/POST/PUT/DELETE /api/ml/<mail>, GET /api/mls/<domain>;
 * - the published (LDAP edition) /api/maillist/<mail>, whose `members` are the list's subscribers.
 * /api/ml follows the SQL edition: POST makes the domain's postmaster owner and moderator, starts
 * with the `public` policy and no size limit; PUT replaces moderators/owners as whole sets and
 * re-enables the list when `accountStatus` is absent.
 */
import { z } from 'zod';
import { ApiFailure } from '../errors';
import { emailParam, f, parseInput } from '../http/fields';
import { managedDomain, readManagedAccount } from '../http/scope';
import { defineRoutes, route, type RouteContext, type RoutePlugin } from '../http/routes';
import { deleteList, readDomainLists, readList, SUBSCRIPTIONS } from '../model/lists/store';
import { assertNotSelf, changeList, createList, type ListWrite } from '../model/lists/writes';
import { accessPolicyField, addressList, changeOf, rejectSetConflicts, type SetParams } from '../http/address-sets';
import { domainOf } from '../../common/mail-names';
import { ACCOUNT_STATUSES, statusToActive } from '../model/vocabulary';

const SUBSCRIBERS: SetParams = { add: 'add_subscribers', remove: 'remove_subscribers' };
const MEMBERS: SetParams = { replace: 'members', add: 'addMember', remove: 'removeMember' };

/**
 * `moderators` / `owners` of /api/ml replace the whole set; there are no add/remove parameters.
 * Present but empty clears the set (it is the only way to empty it).
 */
const wholeSet = (code: string) => f.emailList(code);

/** What /api/ml POST reads. `max_message_size`, `moderators` and `owners` are not read: set them with a PUT. */
const mlCreateFields = {
  name: f.text('INVALID_NAME'),
  accountStatus: f.oneOf(ACCOUNT_STATUSES, 'INVALID_ACCOUNT_STATUS'),
  accessPolicy: accessPolicyField(),
  only_subscriber_can_post: f.yesNo('INVALID_ONLY_SUBSCRIBER_CAN_POST'),
  only_moderator_can_post: f.yesNo('INVALID_ONLY_MODERATOR_CAN_POST'),
  is_newsletter: f.yesNo('INVALID_IS_NEWSLETTER'),
  newsletter_description: f.text('INVALID_NEWSLETTER_DESCRIPTION', 10_000),
  /** The first subscribers (comma list). */
  subscribers: addressList('INVALID_SUBSCRIBER'),
  subscription: f.oneOf(SUBSCRIPTIONS, 'INVALID_SUBSCRIPTION'),
  require_confirm: f.yesNo('INVALID_REQUIRE_CONFIRM'),
};
const mlCreateInput = z.object(mlCreateFields);

/** What /api/ml PUT reads. */
const mlUpdateInput = z
  .object({
    ...mlCreateFields,
    max_message_size: f.int('INVALID_MAX_MESSAGE_SIZE'),
    moderators: wholeSet('INVALID_MODERATOR'),
    owners: wholeSet('INVALID_OWNER'),
    add_subscribers: addressList('INVALID_SUBSCRIBER'),
    remove_subscribers: addressList('INVALID_SUBSCRIBER'),
  })
  .omit({ subscribers: true });

/** /api/maillist parameters (POST and PUT; `accountStatus` too, as for every other account). */
const maillistInput = z
  .object({
    name: f.text('INVALID_NAME'),
    accountStatus: f.oneOf(ACCOUNT_STATUSES, 'INVALID_ACCOUNT_STATUS'),
    accessPolicy: accessPolicyField(),
    members: addressList('INVALID_MEMBER'),
    addMember: addressList('INVALID_MEMBER'),
    removeMember: addressList('INVALID_MEMBER'),
  })
  .superRefine(rejectSetConflicts(MEMBERS));

/** Flags are on when present at all, whatever their value (`with_subscribers=no` too), as in the SQL edition. */
const getInput = z.object({ with_subscribers: f.present() });
const listInput = z.object({ email_only: f.present() });
const deleteInput = z.object({ keep_archive: f.yesNo('INVALID_KEEP_ARCHIVE') });

const NONE = {};

/** The domain's postmaster, whom the SQL edition makes owner and moderator of every new list. */
const postmasterOf = (address: string) => `postmaster@${domainOf(address)}`;

type MlFields = Omit<z.output<typeof mlCreateInput>, 'subscribers'>;
type MlSets = Pick<ListWrite, 'moderators' | 'owners' | 'subscribers'> & { maxMessageSize: number | undefined };

/** What /api/ml POST and PUT write alike; `sets` holds where they differ. */
function mlWrite(address: string, v: MlFields, sets: MlSets): ListWrite {
  const { maxMessageSize, ...members } = sets;
  const write: ListWrite = {
    fields: {
      name: v.name,
      // An absent accountStatus (re-)enables the list, as in the SQL edition: clients always send it.
      active: v.accountStatus ? statusToActive(v.accountStatus) : 1,
      maxMessageSize,
      isNewsletter: v.is_newsletter,
      newsletterDescription: v.newsletter_description,
    },
    policy: {
      accessPolicy: v.accessPolicy,
      onlySubscribers: v.only_subscriber_can_post,
      onlyModerators: v.only_moderator_can_post,
    },
    ...members,
    subscription: v.subscription ?? 'normal',
    confirmed: !v.require_confirm,
  };
  assertNotSelf(address, write);
  return write;
}

function mlCreate(ctx: RouteContext, address: string): ListWrite {
  const v = parseInput(mlCreateInput, ctx.input);
  const postmaster = { replace: address === postmasterOf(address) ? [] : [postmasterOf(address)] };
  // A new list has no size limit (0) until a PUT sets one.
  return mlWrite(address, v, {
    maxMessageSize: 0,
    moderators: postmaster,
    owners: postmaster,
    subscribers: { add: v.subscribers },
  });
}

function mlUpdate(ctx: RouteContext, address: string): ListWrite {
  const v = parseInput(mlUpdateInput, ctx.input);
  return mlWrite(address, v, {
    maxMessageSize: v.max_message_size,
    moderators: { replace: v.moderators },
    owners: { replace: v.owners },
    subscribers: changeOf(v, SUBSCRIBERS),
  });
}

function maillistWrite(ctx: RouteContext, address: string): ListWrite {
  const v = parseInput(maillistInput, ctx.input);
  const write: ListWrite = {
    fields: { name: v.name, active: v.accountStatus ? statusToActive(v.accountStatus) : undefined },
    policy: { accessPolicy: v.accessPolicy },
    moderators: NONE,
    owners: NONE,
    subscribers: changeOf(v, MEMBERS),
    subscription: 'normal',
    confirmed: true,
  };
  // The list's own address as a member: named after this shape's parameter.
  if (write.subscribers.replace?.includes(address) || write.subscribers.add?.includes(address))
    throw new ApiFailure('INVALID_MEMBER');
  return write;
}

export const mailingListRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/ml/:mail', {
    GET: route('admin', async (ctx) => getOne(ctx, parseInput(getInput, ctx.input).with_subscribers)),
    POST: route('admin', (ctx) => create(ctx, mlCreate)),
    PUT: route('admin', (ctx) => update(ctx, mlUpdate)),
    DELETE: route('admin', remove),
  });
  defineRoutes(app, options, '/api/mls/:domain', { GET: route('admin', list) });
  defineRoutes(app, options, '/api/maillist/:mail', {
    GET: route('admin', async (ctx) => {
      const view = await getOne(ctx, true);
      const { subscribers, ...rest } = view as { subscribers: Array<{ mail: string }> };
      return { ...rest, members: subscribers.map((s) => s.mail) };
    }),
    POST: route('admin', (ctx) => create(ctx, maillistWrite)),
    PUT: route('admin', (ctx) => update(ctx, maillistWrite)),
    DELETE: route('admin', remove),
  });
};

type WriteParser = (ctx: RouteContext, address: string) => ListWrite;

function getOne(ctx: RouteContext, withSubscribers: boolean): Promise<Record<string, unknown>> {
  return readManagedAccount(ctx, (q, address) => readList(q, address, withSubscribers));
}

async function list(ctx: RouteContext): Promise<unknown> {
  const domain = await managedDomain(ctx);
  const { email_only } = parseInput(listInput, ctx.input);
  const views = await readDomainLists(ctx.db, domain);
  return email_only ? views.map((v) => v.address) : views;
}

/** Both shapes default to the `public` policy, as the SQL edition's /api/ml does. */
async function create(ctx: RouteContext, parse: WriteParser): Promise<undefined> {
  const address = emailParam(ctx.path.mail!);
  const write = parse(ctx, address);
  await ctx.actor.requireDomain(ctx.db, domainOf(address));
  await ctx.db.transaction((tx) => createList(tx, ctx.actor, address, write, 'public'));
  return undefined;
}

async function update(ctx: RouteContext, parse: WriteParser): Promise<undefined> {
  const address = emailParam(ctx.path.mail!);
  const write = parse(ctx, address);
  await ctx.actor.requireDomain(ctx.db, domainOf(address));
  await ctx.db.transaction((tx) => changeList(tx, address, write));
  return undefined;
}

/**
 * Succeeds for a missing list too, as iRedAdmin-Pro's deletes do. `keep_archive` is checked but
 * changes nothing here: this server holds no mlmmj archive (the list's spool is mlmmj's own).
 */
async function remove(ctx: RouteContext): Promise<undefined> {
  const address = emailParam(ctx.path.mail!);
  parseInput(deleteInput, ctx.input);
  await ctx.actor.requireDomain(ctx.db, domainOf(address));
  await ctx.db.transaction((tx) => deleteList(tx, address));
  return undefined;
}
