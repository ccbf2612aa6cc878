/**
 * Mail users: GET/POST/PUT/DELETE /api/user/<mail> (+ /keep_mailbox_days/<n>),
 * POST /api/user/<mail>/change_email/<new_mail>, and the per-domain GET/PUT /api/users/<domain>
 * and PUT /api/users/<domain>/password.
 */
import { ApiFailure } from '../errors';
import { domainParam, emailParam, parseInput } from '../http/fields';
import { managedDomain, readManagedAccount } from '../http/scope';
import { accountMethods, defineRoutes, route, type RouteContext, type RoutePlugin } from '../http/routes';
import { ignoredUserParams, withoutParams } from '../http/normal-admin-params';
import { assertRightsWithin } from '../auth/rights';
import { endSessionsAfter } from '../auth/sessions';
import {
  addressOrAdminInUse,
  assertRoomFor,
  lockDomain,
  passwordBounds,
  requireDomainForAccount,
} from '../model/domains/rows';
import { insertMailbox } from '../model/users/create';
import { lockMailbox, updateDomainMailboxes } from '../model/users/rows';
import { deleteMailbox } from '../model/users/deletion';
import { keepMailboxDays } from '../model/users/deleted-mailboxes';
import { renameMailbox } from '../model/users/rename';
import { domainOf, normalizeEmail } from '../../common/mail-names';
import { parseSettings } from '../model/settings-column';
import { createUserInput, listUsersInput, updateDomainUsersInput, updateUserInput } from './users-input';
import { assertAdminLimits, defaultQuota, quotaWithinDomain } from '../model/users/limits';
import { passwordToStore } from '../model/passwords';
import { applyUserUpdate } from './users-update';
import { domainUserEmails, readDomainUsers, readUser } from '../model/users/view';
import { statusToActive } from '../model/vocabulary';

export const userRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(
    app,
    options,
    '/api/user/:mail',
    accountMethods('admin', { read: getOne, create, update, remove: (ctx) => remove(ctx, null) }),
  );
  defineRoutes(app, options, '/api/user/:mail/keep_mailbox_days/:days', {
    DELETE: route('admin', (ctx) => {
      return remove(ctx, keepMailboxDays(ctx.path.days));
    }),
  });
  defineRoutes(app, options, '/api/user/:mail/change_email/:newMail', { POST: route('admin', changeEmail) });
  defineRoutes(app, options, '/api/users/:domain', {
    GET: route('admin', list),
    PUT: route('admin', (ctx) => updateAll(ctx, false)),
  });
  defineRoutes(app, options, '/api/users/:domain/password', { PUT: route('admin', (ctx) => updateAll(ctx, true)) });
};

function getOne(ctx: RouteContext): Promise<unknown> {
  return readManagedAccount(ctx, (q, mail) => ctx.views.read('user', mail, () => readUser(q, mail)));
}

async function create(ctx: RouteContext): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  const input = parseInput(createUserInput, ctx.input);
  await ctx.actor.requireDomain(ctx.db, domainOf(email));
  // The real product answers a create without a password as an empty one.
  if (input.password === undefined && input.password_hash === undefined) throw new ApiFailure('PW_EMPTY');
  await ctx.db.transaction(async (tx) => {
    const domain = await requireDomainForAccount(tx, domainOf(email));
    if (await addressOrAdminInUse(tx, email)) throw new ApiFailure('ALREADY_EXISTS');
    await assertRoomFor(tx, domain, 'users');
    const passwordValue = (await passwordToStore(
      input,
      passwordBounds(domain, ctx.settings),
      ctx.settings.defaultPasswordScheme,
    ))!;
    const quota = await quotaWithinDomain(tx, domain, input.quota ?? (await defaultQuota(tx, domain)), null);
    await assertAdminLimits(tx, ctx.actor, 1, quota, null);
    const language = input.language ?? parseSettings(domain.settings).default_language ?? '';
    const inserted = await insertMailbox(tx, ctx.settings, {
      email,
      passwordValue,
      name: input.name ?? '',
      language,
      quota,
    });
    if (!inserted) throw new ApiFailure('ALREADY_EXISTS');
  });
  return undefined;
}

async function update(ctx: RouteContext): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  const input = parseInput(updateUserInput, ctx.input);
  await ctx.actor.requireDomain(ctx.db, domainOf(email));
  // Global rights and where a mailbox lives on disk are a global admin's to set.
  if (input.isGlobalAdmin !== undefined || input.maildir !== undefined) ctx.actor.requireGlobal();
  await ctx.db.transaction(async (tx) => {
    const domain = await lockDomain(tx, domainOf(email));
    const row = domain && (await lockMailbox(tx, email));
    if (!domain || !row) throw new ApiFailure('NO_SUCH_ACCOUNT');
    await assertRightsWithin(tx, ctx.actor, email, 'PERMISSION_DENIED_UPDATE_GLOBAL_ADMIN_PROFILE');
    // Parameters of the domain's disabled user profiles are ignored from a normal admin.
    const ignored = ignoredUserParams(ctx.actor, domain.settings);
    const allowed = ignored.size ? parseInput(updateUserInput, withoutParams(ctx.input, ignored)) : input;
    await applyUserUpdate({ tx, actor: ctx.actor, settings: ctx.settings, domain, row, input: allowed });
    await endSessionsAfter(tx, ctx.request.headers.cookie, [email], {
      password: allowed.password !== undefined || allowed.password_hash !== undefined,
      disabled: allowed.accountStatus === 'disabled',
      rights: allowed.isGlobalAdmin !== undefined,
    });
  });
  return undefined;
}

/** Like iRedAdmin-Pro, deleting a user that does not exist succeeds. */
async function remove(ctx: RouteContext, keepMailboxDays: number | null): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  await ctx.actor.requireDomain(ctx.db, domainOf(email));
  await ctx.db.transaction(async (tx) => {
    if (!(await lockMailbox(tx, email))) return;
    await assertRightsWithin(tx, ctx.actor, email);
    await deleteMailbox(tx, email, keepMailboxDays, ctx.actor.username);
  });
  return undefined;
}

async function changeEmail(ctx: RouteContext): Promise<undefined> {
  const from = normalizeEmail(ctx.path.mail!);
  if (!from) throw new ApiFailure('INVALID_OLD_EMAIL');
  const to = normalizeEmail(ctx.path.newMail!);
  if (!to) throw new ApiFailure('INVALID_NEW_EMAIL');
  // As in the real product, a user is renamed within its domain only.
  if (domainOf(to) !== domainOf(from)) throw new ApiFailure('PERMISSION_DENIED');
  await ctx.actor.requireDomain(ctx.db, domainOf(from));
  await ctx.db.transaction(async (tx) => {
    const row = (await lockDomain(tx, domainOf(from))) && (await lockMailbox(tx, from));
    if (!row) throw new ApiFailure('OLD_EMAIL_NOT_EXIST');
    await assertRightsWithin(tx, ctx.actor, from);
    if (from === to || (await addressOrAdminInUse(tx, to))) throw new ApiFailure('NEW_EMAIL_ALREADY_EXISTS');
    await renameMailbox(tx, from, to);
  });
  return undefined;
}

async function list(ctx: RouteContext): Promise<unknown> {
  const domain = await managedDomain(ctx);
  const { email_only, disabled_only } = parseInput(listUsersInput, ctx.input);
  return email_only ? domainUserEmails(ctx.db, domain, disabled_only) : readDomainUsers(ctx.db, domain, disabled_only);
}

/**
 * Applies accountStatus, password (or password_hash), language and transport to every user of the domain.
 * A normal admin's change leaves alone every mailbox whose rights reach beyond its own
 * (global admins, admins of other domains): it could otherwise reset their passwords.
 */
async function updateAll(ctx: RouteContext, passwordOnly: boolean): Promise<undefined> {
  const domain = domainParam(ctx.path.domain!);
  const parsed = parseInput(updateDomainUsersInput, ctx.input);
  if (passwordOnly && parsed.password === undefined && parsed.password_hash === undefined)
    throw new ApiFailure('NO_PASSWORD');
  await ctx.actor.requireDomain(ctx.db, domain);
  await ctx.db.transaction(async (tx) => {
    const row = await lockDomain(tx, domain);
    if (!row) throw new ApiFailure('NO_SUCH_DOMAIN');
    const ignored = ignoredUserParams(ctx.actor, row.settings);
    const allowed = ignored.size ? parseInput(updateDomainUsersInput, withoutParams(ctx.input, ignored)) : parsed;
    // The /password variant changes passwords only.
    const input = passwordOnly
      ? { ...allowed, accountStatus: undefined, language: undefined, transport: undefined }
      : allowed;
    // One hash for all: every user gets the same password anyway, and hashing per user would be slow.
    const password = await passwordToStore(
      input,
      passwordBounds(row, ctx.settings),
      ctx.settings.defaultPasswordScheme,
    );
    const changed = await updateDomainMailboxes(
      tx,
      domain,
      {
        active: input.accountStatus ? statusToActive(input.accountStatus) : null,
        password: password ?? null,
        language: input.language ?? null,
        transport: input.transport ?? null,
      },
      ctx.actor,
    );
    await endSessionsAfter(tx, ctx.request.headers.cookie, changed, {
      password: password !== undefined,
      disabled: input.accountStatus === 'disabled',
    });
  });
  return undefined;
}
