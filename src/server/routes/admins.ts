/**
 * Separate admins (the `admin` table): GET/POST/PUT/DELETE /api/admin/<mail>, global admins only.
 * A global admin is one with a `domain_admins` row for `ALL`; a normal admin's limits live in
 * its settings column (see model/admins/input.ts). A separate admin's address must not be in a
 * hosted domain (CAN_NOT_BE_LOCAL_DOMAIN): a mail user there becomes a domain's admin through
 * /api/domain/admins/<domain> instead.
 */
import { endSessionsAfter } from '../auth/sessions';
import { ApiFailure } from '../errors';
import { emailParam, parseInput } from '../http/fields';
import { accountMethods, defineRoutes, type RouteContext, type RoutePlugin } from '../http/routes';
import { adminInput, applyAdminLimits, limitsApply } from './admins-input';
import { readAdmin } from '../model/admins/view';
import {
  deleteSeparateAdmin,
  hasGlobalRow,
  insertAdmin,
  lockSeparateAdmin,
  setGlobalRow,
  updateAdminRow,
} from '../model/admins/store';
import { isHostedDomain, passwordBounds } from '../model/domains/rows';
import { mailboxExists } from '../model/users/rows';
import { domainOf } from '../../common/mail-names';
import { formatSettings, parseSettings } from '../model/settings-column';
import { passwordToStore } from '../model/passwords';
import { statusToActive } from '../model/vocabulary';

export const adminRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/admin/:mail', accountMethods('global', { read: getOne, create, update, remove }));
};

async function getOne(ctx: RouteContext<'global'>): Promise<unknown> {
  const view = await readAdmin(ctx.db, emailParam(ctx.path.mail!));
  if (!view) throw new ApiFailure('NO_SUCH_ACCOUNT');
  return view;
}

async function create(ctx: RouteContext<'global'>): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  const input = parseInput(adminInput, ctx.input);
  if (input.password === undefined) throw new ApiFailure('NO_PASSWORD');
  const password = (await passwordToStore(
    input,
    passwordBounds(null, ctx.settings),
    ctx.settings.defaultPasswordScheme,
  ))!;
  const global = input.isGlobalAdmin ?? false;
  const settings = {};
  if (global || limitsApply(input, 'create')) applyAdminLimits(settings, input, global);
  await ctx.db.transaction(async (tx) => {
    if (await isHostedDomain(tx, domainOf(email))) throw new ApiFailure('CAN_NOT_BE_LOCAL_DOMAIN');
    // One address, one login: a mail user's address cannot also be a separate admin.
    if (await mailboxExists(tx, email)) throw new ApiFailure('ALREADY_EXISTS');
    const inserted = await insertAdmin(tx, {
      username: email,
      password,
      name: input.name ?? '',
      language: input.language ?? '',
      active: input.accountStatus ? statusToActive(input.accountStatus) : 1,
      settings: formatSettings(settings),
    });
    if (!inserted) throw new ApiFailure('ALREADY_EXISTS');
    if (global) await setGlobalRow(tx, email, true);
  });
  return undefined;
}

async function update(ctx: RouteContext<'global'>): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  const input = parseInput(adminInput, ctx.input);
  const password = await passwordToStore(input, passwordBounds(null, ctx.settings), ctx.settings.defaultPasswordScheme);
  await ctx.db.transaction(async (tx) => {
    const row = await lockSeparateAdmin(tx, email);
    if (!row) throw new ApiFailure('NO_SUCH_ACCOUNT');
    const wasGlobal = await hasGlobalRow(tx, email);
    const global = input.isGlobalAdmin ?? wasGlobal;
    const settings = parseSettings(row.settings);
    if (global || limitsApply(input, 'update')) applyAdminLimits(settings, input, global);
    await updateAdminRow(tx, email, {
      name: input.name ?? null,
      password: password ?? null,
      language: input.language ?? null,
      active: input.accountStatus ? statusToActive(input.accountStatus) : null,
      settings: formatSettings(settings),
    });
    if (global !== wasGlobal) await setGlobalRow(tx, email, global);
    await endSessionsAfter(tx, ctx.request.headers.cookie, [email], {
      password: password !== undefined,
      disabled: input.accountStatus === 'disabled',
      // Compared as parsed: iRedMail's MySQL schema leaves `settings` NULL, other tools order keys their way.
      rights: global !== wasGlobal || formatSettings(settings) !== formatSettings(parseSettings(row.settings)),
    });
  });
  return undefined;
}

/** Like iRedAdmin-Pro, deleting an admin that does not exist succeeds. Its rights and sessions go with it. */
async function remove(ctx: RouteContext<'global'>): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  await ctx.db.transaction((tx) => deleteSeparateAdmin(tx, email));
  return undefined;
}
