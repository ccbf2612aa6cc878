/**
 * Separate admins (the `admin` table): GET/POST/PUT/DELETE /api/admin/<mail>, global admins only.
 * A global admin is one with a `domain_admins` row for `ALL`; a normal admin's limits live in
 * its settings column (see model/admin-input.ts). A separate admin's address must not be in a
 * hosted domain (CAN_NOT_BE_LOCAL_DOMAIN): a mail user there becomes a domain's admin through
 * /api/domain/admins/<domain> instead.
 */
import { endSessionsAfter } from '../auth/sessions';
import { ApiFailure } from '../http/failure';
import { emailParam, parseInput } from '../http/fields';
import { defineRoutes, route, type RouteContext, type RouteHost } from '../http/routes';
import { adminInput, applyAdminLimits, limitsApply } from '../model/admin-input';
import { readAdmin } from '../model/admin-view';
import { passwordBounds } from '../model/domains';
import { domainOf } from '../model/names';
import { formatSettings, parseSettings } from '../model/settings-column';
import { passwordToStore } from '../model/users-password';
import { statusToActive } from '../model/vocabulary';

export function registerAdminRoutes(host: RouteHost): void {
  defineRoutes(host, '/api/admin/:mail', {
    GET: route('global', getOne),
    POST: route('global', create),
    PUT: route('global', update),
    DELETE: route('global', remove),
  });
}

async function getOne(ctx: RouteContext<'global'>): Promise<unknown> {
  const view = await readAdmin(ctx.db, emailParam(ctx.path.mail!));
  if (!view) throw new ApiFailure('NO_SUCH_ACCOUNT');
  return view;
}

async function create(ctx: RouteContext<'global'>): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  const input = parseInput(adminInput, ctx.input);
  if (input.password === undefined) throw new ApiFailure('NO_PASSWORD');
  const password = await passwordToStore(input, passwordBounds(null, ctx.settings), ctx.settings.defaultPasswordScheme);
  const global = input.isGlobalAdmin ?? false;
  const settings = {};
  if (global || limitsApply(input, 'create')) applyAdminLimits(settings, input, global);
  await ctx.db.transaction(async (tx) => {
    const hosted = await tx.query(
      'SELECT 1 FROM domain WHERE domain = $1 UNION ALL SELECT 1 FROM alias_domain WHERE alias_domain = $1',
      [domainOf(email)],
    );
    if (hosted.length) throw new ApiFailure('CAN_NOT_BE_LOCAL_DOMAIN');
    // One address, one login: a mail user's address cannot also be a separate admin.
    if ((await tx.query('SELECT 1 FROM mailbox WHERE username = $1', [email])).length)
      throw new ApiFailure('ALREADY_EXISTS');
    const inserted = await tx.query(
      `INSERT INTO admin (username, password, name, language, active, settings) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING username`,
      [
        email,
        password,
        input.name ?? '',
        input.language ?? '',
        input.accountStatus ? statusToActive(input.accountStatus) : 1,
        formatSettings(settings),
      ],
    );
    if (!inserted.length) throw new ApiFailure('ALREADY_EXISTS');
    if (global)
      await tx.query("INSERT INTO domain_admins (username, domain) VALUES ($1, 'ALL') ON CONFLICT DO NOTHING", [email]);
  });
  return undefined;
}

async function update(ctx: RouteContext<'global'>): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  const input = parseInput(adminInput, ctx.input);
  const password = await passwordToStore(input, passwordBounds(null, ctx.settings), ctx.settings.defaultPasswordScheme);
  await ctx.db.transaction(async (tx) => {
    const row = (
      await tx.query<{ settings: string }>('SELECT settings FROM admin WHERE username = $1 FOR UPDATE', [email])
    )[0];
    if (!row) throw new ApiFailure('NO_SUCH_ACCOUNT');
    const wasGlobal =
      (await tx.query("SELECT 1 FROM domain_admins WHERE username = $1 AND domain = 'ALL'", [email])).length > 0;
    const global = input.isGlobalAdmin ?? wasGlobal;
    const settings = parseSettings(row.settings);
    if (global || limitsApply(input, 'update')) applyAdminLimits(settings, input, global);
    await tx.query(
      `UPDATE admin SET
         name = COALESCE($2, name), password = COALESCE($3, password),
         passwordlastchange = CASE WHEN $3::text IS NULL THEN passwordlastchange ELSE NOW()::timestamp END,
         language = COALESCE($4, language), active = COALESCE($5, active), settings = $6, modified = NOW()::timestamp
       WHERE username = $1`,
      [
        email,
        input.name ?? null,
        password ?? null,
        input.language ?? null,
        input.accountStatus ? statusToActive(input.accountStatus) : null,
        formatSettings(settings),
      ],
    );
    if (global && !wasGlobal)
      await tx.query("INSERT INTO domain_admins (username, domain) VALUES ($1, 'ALL') ON CONFLICT DO NOTHING", [email]);
    if (!global && wasGlobal)
      await tx.query("DELETE FROM domain_admins WHERE username = $1 AND domain = 'ALL'", [email]);
    await endSessionsAfter(tx, ctx.request.headers.cookie, [email], {
      password: password !== undefined,
      disabled: input.accountStatus === 'disabled',
      rights: global !== wasGlobal || formatSettings(settings) !== row.settings,
    });
  });
  return undefined;
}

/** Like iRedAdmin-Pro, deleting an admin that does not exist succeeds. Its rights and sessions go with it. */
async function remove(ctx: RouteContext<'global'>): Promise<undefined> {
  const email = emailParam(ctx.path.mail!);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx.query('DELETE FROM admin WHERE username = $1 RETURNING username', [email]);
    if (!gone.length) return;
    await tx.query('DELETE FROM domain_admins WHERE username = $1', [email]);
    await tx.query('DELETE FROM iredadmin_api_sessions WHERE username = $1', [email]);
  });
  return undefined;
}
