/**
 * Alias accounts (SQL edition): GET/POST/PUT/DELETE /api/alias/<mail>,
 * POST /api/alias/<mail>/change_email/<new_mail>, and the list GET /api/aliases/<domain>.
 */
import { z } from 'zod';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../db/database';
import { ApiFailure } from '../http/failure';
import { domainParam, emailParam, f, parseInput } from '../http/fields';
import { defineRoutes, route, RouteContext, RouteHost } from '../http/routes';
import { removeAddressTraces } from '../model/account-traces';
import { assertAdminRoomFor } from '../model/alias-and-list-limits';
import {
  deleteAliasRow, insertAlias, lockAlias, moveAlias, readAlias, readDomainAliases, readMembers, updateAlias, writeMembers,
} from '../model/alias-store';
import { getDomain, lockDomain, requireDomainForAccount, assertRoomFor, addressInUse } from '../model/domains';
import { removeSubscriptionsOf } from '../model/mailing-list-store';
import {
  accessPolicyField, addressList, applyChange, changeOf, incoming, isChange, rejectSetConflicts, SetChange, SetParams,
} from '../model/members';
import { readModerators, writeModerators } from '../model/members-moderators';
import { renameReferences } from '../model/members-rename';
import { domainOf } from '../model/names';
import { ACCOUNT_STATUSES, statusToActive } from '../model/vocabulary';

const MEMBERS: SetParams = { replace: 'members', add: 'addMember', remove: 'removeMember' };
const MODERATORS: SetParams = { replace: 'moderators', add: 'addModerator', remove: 'removeModerator' };

const fields = {
  name: f.text('INVALID_NAME'),
  accessPolicy: accessPolicyField(),
  accountStatus: f.oneOf(ACCOUNT_STATUSES, 'INVALID_ACCOUNT_STATUS'),
  members: addressList('INVALID_MEMBER'),
  addMember: addressList('INVALID_MEMBER'),
  removeMember: addressList('INVALID_MEMBER'),
  moderators: addressList('INVALID_MODERATOR'),
  addModerator: addressList('INVALID_MODERATOR'),
  removeModerator: addressList('INVALID_MODERATOR'),
};

const aliasInput = z.object(fields).superRefine(rejectSetConflicts(MEMBERS)).superRefine(rejectSetConflicts(MODERATORS));
type AliasInput = z.output<typeof aliasInput>;

const listInput = z.object({ email_only: f.yesNo('INVALID_EMAIL_ONLY'), disabled_only: f.yesNo('INVALID_DISABLED_ONLY') });

export function registerAliasRoutes(host: RouteHost): void {
  defineRoutes(host, '/api/alias/:mail', {
    GET: route('admin', getOne),
    POST: route('admin', create),
    PUT: route('admin', update),
    DELETE: route('admin', remove),
  });
  defineRoutes(host, '/api/alias/:mail/change_email/:newMail', { POST: route('admin', changeEmail) });
  defineRoutes(host, '/api/aliases/:domain', { GET: route('admin', list) });
}

async function getOne(ctx: RouteContext): Promise<unknown> {
  const address = emailParam(ctx.path.mail!);
  await ctx.actor.requireDomain(ctx.db, domainOf(address));
  const view = await readAlias(ctx.db, address);
  if (!view) throw new ApiFailure('NO_SUCH_ACCOUNT');
  return view;
}

async function list(ctx: RouteContext): Promise<unknown> {
  const domain = domainParam(ctx.path.domain!);
  const { email_only, disabled_only } = parseInput(listInput, ctx.input);
  await ctx.actor.requireDomain(ctx.db, domain);
  if (!(await getDomain(ctx.db, domain))) throw new ApiFailure('NO_SUCH_DOMAIN');
  const views = await readDomainAliases(ctx.db, domain, disabled_only ?? false);
  return email_only ? views.map((v) => v.address) : views;
}

/** Members and moderators may be external; an alias may not list itself (mail would loop). */
function assertNotSelf(address: string, change: SetChange, code: string): void {
  if (incoming(change).includes(address)) throw new ApiFailure(code);
}

function parseAliasInput(ctx: RouteContext, address: string): { input: AliasInput; members: SetChange; moderators: SetChange } {
  const input = parseInput(aliasInput, ctx.input);
  const members = changeOf(input, MEMBERS);
  const moderators = changeOf(input, MODERATORS);
  assertNotSelf(address, members, 'INVALID_MEMBER');
  assertNotSelf(address, moderators, 'INVALID_MODERATOR');
  return { input, members, moderators };
}

async function create(ctx: RouteContext): Promise<undefined> {
  const address = emailParam(ctx.path.mail!);
  const domain = domainOf(address);
  const { input, members, moderators } = parseAliasInput(ctx, address);
  await ctx.actor.requireDomain(ctx.db, domain);
  await ctx.db.transaction(async (tx) => {
    const domainRow = await requireDomainForAccount(tx, domain);
    if (await addressInUse(tx, address)) throw new ApiFailure('ALREADY_EXISTS');
    await assertRoomFor(tx, domainRow, 'aliases');
    await assertAdminRoomFor(tx, ctx.actor, 'aliases');
    const active = input.accountStatus ? statusToActive(input.accountStatus) : 1;
    const inserted = await insertAlias(tx, { address, name: input.name ?? '', accessPolicy: input.accessPolicy ?? 'public', active });
    if (!inserted) throw new ApiFailure('ALREADY_EXISTS');
    await writeMembers(tx, address, active, applyChange([], members));
    await writeModerators(tx, address, applyChange([], moderators));
  });
  return undefined;
}

async function update(ctx: RouteContext): Promise<undefined> {
  const address = emailParam(ctx.path.mail!);
  const { input, members, moderators } = parseAliasInput(ctx, address);
  await ctx.actor.requireDomain(ctx.db, domainOf(address));
  await ctx.db.transaction(async (tx) => {
    const row = await lockAlias(tx, address);
    if (!row) throw new ApiFailure('NO_SUCH_ACCOUNT');
    const active = input.accountStatus ? statusToActive(input.accountStatus) : undefined;
    await updateAlias(tx, address, { name: input.name, accessPolicy: input.accessPolicy, active });
    if (isChange(members)) await writeMembers(tx, address, active ?? row.active, applyChange(await readMembers(tx, address), members));
    if (isChange(moderators)) await writeModerators(tx, address, applyChange(await readModerators(tx, address), moderators));
  });
  return undefined;
}

/** Succeeds for a missing alias too, as iRedAdmin-Pro does. */
async function remove(ctx: RouteContext): Promise<undefined> {
  const address = emailParam(ctx.path.mail!);
  await ctx.actor.requireDomain(ctx.db, domainOf(address));
  await ctx.db.transaction(async (tx) => {
    if (!(await lockAlias(tx, address))) return;
    await deleteAliasRow(tx, address);
    await removeAddressTraces(tx, [address]);
    await removeSubscriptionsOf(tx, [address]);
  });
  return undefined;
}

async function changeEmail(ctx: RouteContext): Promise<undefined> {
  const oldAddress = emailParam(ctx.path.mail!, 'INVALID_OLD_EMAIL');
  const newAddress = emailParam(ctx.path.newMail!, 'INVALID_NEW_EMAIL');
  const oldDomain = domainOf(oldAddress);
  const newDomain = domainOf(newAddress);
  await ctx.actor.requireDomain(ctx.db, oldDomain);
  await ctx.actor.requireDomain(ctx.db, newDomain);
  try {
    await ctx.db.transaction(async (tx) => {
      // Both domain rows, in name order so two opposite renames cannot deadlock.
      const locked = new Map<string, Awaited<ReturnType<typeof lockDomain>>>();
      for (const d of [...new Set([oldDomain, newDomain])].sort()) locked.set(d, await lockDomain(tx, d));
      const newDomainRow = locked.get(newDomain);
      if (!newDomainRow) throw new ApiFailure('INVALID_NEW_EMAIL');
      if (!(await lockAlias(tx, oldAddress))) throw new ApiFailure('OLD_EMAIL_NOT_EXIST');
      if (await addressInUse(tx, newAddress)) throw new ApiFailure('NEW_EMAIL_ALREADY_EXISTS');
      if (newDomain !== oldDomain) await assertRoomFor(tx, newDomainRow, 'aliases');
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
