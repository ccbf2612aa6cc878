/**
 * Alias accounts (SQL edition): GET/POST/PUT/DELETE /api/alias/<mail>,
 * POST /api/alias/<mail>/change_email/<new_mail>, and the list GET /api/aliases/<domain>.
 * As in the SQL edition, aliases take no moderator parameters (`moderators`, `addModerator`,
 * `removeModerator` are ignored like any unknown parameter), and POST ignores `accountStatus`:
 * a new alias is active until a PUT disables it.
 */
import { z } from 'zod';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../db/database';
import { ApiFailure } from '../errors';
import { emailParam, f, parseInput } from '../http/fields';
import { managedDomain, readManagedAccount } from '../http/scope';
import { accountMethods, defineRoutes, route, type RouteContext, type RoutePlugin } from '../http/routes';
import { assertAdminRoomFor } from '../model/admins/alias-and-list-limits';
import {
  deleteAlias,
  insertAlias,
  lockAlias,
  moveAlias,
  readAlias,
  readDomainAliases,
  readMembers,
  updateAlias,
  writeMembers,
} from '../model/aliases/store';
import { lockDomain, requireDomainForAccount, assertRoomFor, addressInUse } from '../model/domains/rows';
import { applyChange, incoming, isChange, type SetChange } from '../model/lists/members';
import { accessPolicyField, addressList, changeOf, rejectSetConflicts, type SetParams } from '../http/address-sets';
import { renameReferences } from '../model/lists/members-rename';
import { domainOf } from '../../common/mail-names';
import { ACCOUNT_STATUSES, statusToActive } from '../model/vocabulary';

const MEMBERS: SetParams = { replace: 'members', add: 'addMember', remove: 'removeMember' };

const fields = {
  name: f.text('INVALID_NAME'),
  accessPolicy: accessPolicyField(),
  accountStatus: f.oneOf(ACCOUNT_STATUSES, 'INVALID_ACCOUNT_STATUS'),
  members: addressList('INVALID_MEMBER'),
  addMember: addressList('INVALID_MEMBER'),
  removeMember: addressList('INVALID_MEMBER'),
};

const aliasInput = z.object(fields).superRefine(rejectSetConflicts(MEMBERS));
/** POST: `accountStatus` is not read at all (not even checked). */
const aliasCreateInput = z.object(fields).omit({ accountStatus: true }).superRefine(rejectSetConflicts(MEMBERS));
type AliasInput = z.output<typeof aliasInput>;

/** The flags are on when present at all, whatever their value (`email_only=no` too), as in the SQL edition. */
const listInput = z.object({ email_only: f.present(), disabled_only: f.present() });

export const aliasRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/alias/:mail', accountMethods('admin', { read: getOne, create, update, remove }));
  defineRoutes(app, options, '/api/alias/:mail/change_email/:newMail', { POST: route('admin', changeEmail) });
  defineRoutes(app, options, '/api/aliases/:domain', { GET: route('admin', list) });
};

function getOne(ctx: RouteContext): Promise<unknown> {
  return readManagedAccount(ctx, (q, mail) => ctx.views.read('alias', mail, () => readAlias(q, mail)));
}

async function list(ctx: RouteContext): Promise<unknown> {
  const domain = await managedDomain(ctx);
  const { email_only, disabled_only } = parseInput(listInput, ctx.input);
  const views = await readDomainAliases(ctx.db, domain, disabled_only ?? false);
  return email_only ? views.map((v) => v.address) : views;
}

/** Members may be external; an alias may not list itself (mail would loop). */
function parseAliasInput(
  ctx: RouteContext,
  address: string,
  op: 'create' | 'update',
): { input: AliasInput; members: SetChange } {
  const input: AliasInput = parseInput(op === 'create' ? aliasCreateInput : aliasInput, ctx.input);
  const members = changeOf(input, MEMBERS);
  if (incoming(members).includes(address)) throw new ApiFailure('INVALID_MEMBER');
  return { input, members };
}

async function create(ctx: RouteContext): Promise<undefined> {
  const address = emailParam(ctx.path.mail!);
  const domain = domainOf(address);
  const { input, members } = parseAliasInput(ctx, address, 'create');
  await ctx.actor.requireDomain(ctx.db, domain);
  await ctx.db.transaction(async (tx) => {
    const domainRow = await requireDomainForAccount(tx, domain);
    if (await addressInUse(tx, address)) throw new ApiFailure('ALREADY_EXISTS');
    await assertRoomFor(tx, domainRow, 'aliases');
    await assertAdminRoomFor(tx, ctx.actor, 'aliases');
    const inserted = await insertAlias(tx, {
      address,
      name: input.name ?? '',
      accessPolicy: input.accessPolicy ?? 'public',
      active: 1,
    });
    if (!inserted) throw new ApiFailure('ALREADY_EXISTS');
    await writeMembers(tx, address, 1, applyChange([], members));
  });
  return undefined;
}

async function update(ctx: RouteContext): Promise<undefined> {
  const address = emailParam(ctx.path.mail!);
  const { input, members } = parseAliasInput(ctx, address, 'update');
  await ctx.actor.requireDomain(ctx.db, domainOf(address));
  await ctx.db.transaction(async (tx) => {
    const row = await lockAlias(tx, address);
    if (!row) throw new ApiFailure('NO_SUCH_ACCOUNT');
    const active = input.accountStatus ? statusToActive(input.accountStatus) : undefined;
    await updateAlias(tx, address, { name: input.name, accessPolicy: input.accessPolicy, active });
    if (isChange(members))
      await writeMembers(tx, address, active ?? row.active, applyChange(await readMembers(tx, address), members));
  });
  return undefined;
}

/** Succeeds for a missing alias too, as iRedAdmin-Pro does. */
async function remove(ctx: RouteContext): Promise<undefined> {
  const address = emailParam(ctx.path.mail!);
  await ctx.actor.requireDomain(ctx.db, domainOf(address));
  await ctx.db.transaction((tx) => deleteAlias(tx, address));
  return undefined;
}

async function changeEmail(ctx: RouteContext): Promise<undefined> {
  const oldAddress = emailParam(ctx.path.mail!, 'INVALID_OLD_EMAIL');
  const newAddress = emailParam(ctx.path.newMail!, 'INVALID_NEW_EMAIL');
  const domain = domainOf(oldAddress);
  // As in the real product, an alias is renamed within its domain only.
  if (domainOf(newAddress) !== domain) throw new ApiFailure('PERMISSION_DENIED');
  await ctx.actor.requireDomain(ctx.db, domain);
  try {
    await ctx.db.transaction(async (tx) => {
      if (!(await lockDomain(tx, domain)) || !(await lockAlias(tx, oldAddress)))
        throw new ApiFailure('OLD_EMAIL_NOT_EXIST');
      if (await addressInUse(tx, newAddress)) throw new ApiFailure('NEW_EMAIL_ALREADY_EXISTS');
      await moveAlias(tx, oldAddress, newAddress);
      await renameReferences(tx, oldAddress, newAddress);
    });
  } catch (error) {
    // A user or list created meanwhile under the new address by a writer that does not lock the domain.
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new ApiFailure('NEW_EMAIL_ALREADY_EXISTS');
    throw error;
  }
  return undefined;
}
