/**
 * Domains: GET/POST/PUT/DELETE /api/domain/<domain> (+ /keep_mailbox_days/<n>) and the SQL
 * edition's list, GET /api/domains.
 *
 * Where the SQL edition keeps things (as the real product does): the API's `quota` (whole
 * domain, MB) in the `maxquota` column; `maxUserQuota` only in settings (`max_user_quota`);
 * services in settings (`enabled_services`). The `quota` column is not the API's quota.
 */
import { z } from 'zod';
import { ApiFailure } from '../errors';
import { domainParam, f, parseInput } from '../http/fields';
import { defineRoutes, route, type RouteContext, type RoutePlugin } from '../http/routes';
import { deleteDomain } from '../model/domains/deletion';
import { keepMailboxDays } from '../model/users/deleted-mailboxes';
import { readDomain } from '../model/domains/view';
import { formatSettings, parseSettings, setSettingList, settingList, type SettingsMap } from '../model/settings-column';
import {
  ACCOUNT_STATUSES,
  DOMAIN_PROFILES,
  DOMAIN_SERVICES,
  LANGUAGE,
  USER_PREFERENCES,
  USER_PROFILES,
  statusToActive,
} from '../model/vocabulary';
import { type DomainRow, isHostedDomain, listDomainNames, lockDomain, passwordBounds } from '../model/domains/rows';
import { insertDomain, setCatchall, setDomainBcc, setOutboundRelay, updateDomainRow } from '../model/domains/writes';
import { ignoredDomainParams, withoutParams } from '../http/normal-admin-params';

const language = () =>
  f.text('INVALID_LANGUAGE', 5).refine((v) => v === undefined || LANGUAGE.test(v), { error: 'INVALID_LANGUAGE' });
const transport = () =>
  f
    .text('INVALID_TRANSPORT')
    .refine((v) => v === undefined || /^[\x21-\x7e]+$/.test(v), { error: 'INVALID_TRANSPORT' });
const quota = () => f.int('INVALID_QUOTA_SIZE');

/** Parameters POST and PUT share. */
const profileFields = {
  name: f.text('INVALID_NAME'),
  quota: quota(),
  language: language(),
  transport: transport(),
  defaultQuota: quota(),
  maxUserQuota: quota(),
  numberOfUsers: f.int('INVALID_NUMBER_OF_USERS'),
  numberOfAliases: f.int('INVALID_NUMBER_OF_ALIASES'),
  senderBcc: f.clearableEmail('INVALID_SENDER_BCC'),
  recipientBcc: f.clearableEmail('INVALID_RECIPIENT_BCC'),
};

/** `numberOfLists` is taken at creation only: PUT ignores it, like any parameter it does not know. */
const createInput = z.object({ ...profileFields, numberOfLists: f.int('INVALID_NUMBER_OF_LISTS') });

const updateInput = z
  .object({
    ...profileFields,
    accountStatus: f.oneOf(ACCOUNT_STATUSES, 'INVALID_ACCOUNT_STATUS'),
    minPasswordLength: f.int('INVALID_PASSWORD_LENGTH'),
    maxPasswordLength: f.int('INVALID_PASSWORD_LENGTH'),
    is_backupmx: f.yesNo('INVALID_IS_BACKUPMX'),
    primarymx: f
      .text('INVALID_PRIMARYMX')
      .refine((v) => v === undefined || /^[\w.:[\]-]+$/.test(v), { error: 'INVALID_PRIMARYMX' }),
    catchall: f.emailList('INVALID_CATCHALL_ADDRESS'),
    outboundRelay: f
      .clearableText('INVALID_OUTBOUND_RELAY')
      .refine((v) => v === undefined || v === '' || /^[\x21-\x7e]+$/.test(v), { error: 'INVALID_OUTBOUND_RELAY' }),
    // The SQL edition's service parameters. enableService/disableService/removeAllServices are
    // the LDAP edition's names: ignored here, as the real SQL edition does.
    services: f.words(DOMAIN_SERVICES, 'INVALID_SERVICE'),
    addService: f.words(DOMAIN_SERVICES, 'INVALID_SERVICE'),
    removeService: f.words(DOMAIN_SERVICES, 'INVALID_SERVICE'),
    disableDomainProfile: f.words(DOMAIN_PROFILES, 'INVALID_DOMAIN_PROFILE'),
    enableDomainProfile: f.words(DOMAIN_PROFILES, 'INVALID_DOMAIN_PROFILE'),
    disableUserProfile: f.words(USER_PROFILES, 'INVALID_USER_PROFILE'),
    enableUserProfile: f.words(USER_PROFILES, 'INVALID_USER_PROFILE'),
    disableUserPreference: f.words(USER_PREFERENCES, 'INVALID_USER_PREFERENCE'),
    enableUserPreference: f.words(USER_PREFERENCES, 'INVALID_USER_PREFERENCE'),
  })
  .superRefine((v, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (v.is_backupmx && !v.primarymx) issue('MISSING_PRIMARYMX');
    if (v.primarymx && v.is_backupmx === undefined) issue('MISSING_IS_BACKUPMX');
    if (v.is_backupmx !== undefined && v.transport !== undefined) issue('CONFLICT_TRANSPORT_AND_BACKUPMX');
    if (v.minPasswordLength !== undefined && v.maxPasswordLength && v.minPasswordLength > v.maxPasswordLength) {
      issue('INVALID_PASSWORD_LENGTH');
    }
  });

/** On when present at all, whatever the value (`name_only=`, even `name_only=no`), as in the real product. */
const listInput = z.object({ name_only: f.present(), disabled_only: f.present() });

type ProfileInput = z.output<z.ZodObject<typeof profileFields>>;
type UpdateInput = z.output<typeof updateInput>;

export const domainRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/domain/:domain', {
    GET: route('admin', getOne),
    // Creating a domain is a global admin's (the real product; a normal admin's maxDomains does not open it).
    POST: route('global', create),
    PUT: route('admin', update),
    DELETE: route('global', (ctx) => remove(ctx, null)),
  });
  defineRoutes(app, options, '/api/domain/:domain/keep_mailbox_days/:days', {
    DELETE: route('global', (ctx) => {
      return remove(ctx, keepMailboxDays(ctx.path.days));
    }),
  });
  defineRoutes(app, options, '/api/domains', { GET: route('admin', list) });
};

async function getOne(ctx: RouteContext): Promise<unknown> {
  const domain = domainParam(ctx.path.domain!);
  await ctx.actor.requireDomain(ctx.db, domain);
  const view = await cachedDomain(ctx, domain);
  if (!view) throw new ApiFailure('NO_SUCH_DOMAIN');
  return view;
}

function cachedDomain(ctx: RouteContext, domain: string): Promise<Record<string, unknown> | null> {
  return ctx.views.read('domain', domain, () => readDomain(ctx.db, domain));
}

async function list(ctx: RouteContext): Promise<unknown> {
  const { name_only, disabled_only } = parseInput(listInput, ctx.input);
  const names = await listDomainNames(ctx.db, ctx.actor, disabled_only);
  if (name_only) return names;
  // The full list is an object keyed by domain name, each value the domain's row.
  const byName: Record<string, unknown> = {};
  for (const name of names) {
    const view = await cachedDomain(ctx, name);
    if (view) byName[name] = view;
  }
  return byName;
}

async function create(ctx: RouteContext<'global'>): Promise<undefined> {
  const domain = domainParam(ctx.path.domain!);
  const input = parseInput(createInput, ctx.input);
  await ctx.db.transaction(async (tx) => {
    if (await isHostedDomain(tx, domain)) throw new ApiFailure('ALREADY_EXISTS');
    const settings: SettingsMap = {};
    applyProfileSettings(settings, input);
    const inserted = await insertDomain(tx, {
      domain,
      description: input.name ?? '',
      maxquota: input.quota ?? 0,
      transport: input.transport ?? 'dovecot',
      mailboxes: input.numberOfUsers ?? 0,
      aliases: input.numberOfAliases ?? 0,
      maillists: input.numberOfLists ?? 0,
      settings: formatSettings(settings),
    });
    if (!inserted) throw new ApiFailure('ALREADY_EXISTS');
    await setDomainBcc(tx, domain, input);
  });
  return undefined;
}

async function update(ctx: RouteContext): Promise<undefined> {
  const domain = domainParam(ctx.path.domain!);
  await ctx.actor.requireDomain(ctx.db, domain);
  await ctx.db.transaction(async (tx) => {
    const row = await lockDomain(tx, domain);
    if (!row) throw new ApiFailure('NO_SUCH_DOMAIN');
    // A normal admin's limit and lock parameters are ignored, not refused: the rest of the PUT applies.
    const ignored = ignoredDomainParams(ctx.actor, row.settings);
    const input = withoutPasswordLoosening(ctx, row, parseInput(updateInput, withoutParams(ctx.input, ignored)));
    const settings = parseSettings(row.settings);
    applyProfileSettings(settings, input);
    applyUpdateSettings(settings, input);
    const transportValue =
      input.is_backupmx === undefined ? input.transport : input.is_backupmx ? `relay:${input.primarymx}` : 'dovecot';
    await updateDomainRow(tx, domain, {
      description: input.name ?? null,
      maxquota: input.quota ?? null,
      transport: transportValue ?? null,
      mailboxes: input.numberOfUsers ?? null,
      aliases: input.numberOfAliases ?? null,
      active: input.accountStatus ? statusToActive(input.accountStatus) : null,
      backupmx: input.is_backupmx === undefined ? null : input.is_backupmx ? 1 : 0,
      settings: formatSettings(settings),
    });
    await setDomainBcc(tx, domain, input);
    // iRedAdmin-Pro clears catch-all and outbound relay when the parameters are absent; so do we,
    // unless the parameter is one this admin may not set (then it stays as it is).
    if (!ignored.has('catchall')) await setCatchall(tx, domain, input.catchall ?? []);
    if (!ignored.has('outboundRelay')) await setOutboundRelay(tx, domain, input.outboundRelay ?? '');
  });
  return undefined;
}

/**
 * A normal admin may tighten its domain's password lengths, never loosen them: a lower minimum
 * or a higher (or no) maximum than the domain has now is ignored.
 */
function withoutPasswordLoosening(ctx: RouteContext, row: DomainRow, input: UpdateInput): UpdateInput {
  if (ctx.actor.isGlobal) return input;
  const now = passwordBounds(row, ctx.settings);
  const out = { ...input };
  if (out.minPasswordLength !== undefined && out.minPasswordLength < now.min) out.minPasswordLength = undefined;
  if (
    out.maxPasswordLength !== undefined &&
    now.max > 0 &&
    (out.maxPasswordLength === 0 || out.maxPasswordLength > now.max)
  ) {
    out.maxPasswordLength = undefined;
  }
  return out;
}

async function remove(ctx: RouteContext<'global'>, keepMailboxDays: number | null): Promise<undefined> {
  const domain = domainParam(ctx.path.domain!);
  await ctx.db.transaction((tx) => deleteDomain(tx, domain, keepMailboxDays, ctx.actor.username));
  return undefined;
}

function applyProfileSettings(settings: SettingsMap, input: ProfileInput): void {
  if (input.language !== undefined) settings.default_language = input.language;
  if (input.defaultQuota !== undefined) settings.default_user_quota = String(input.defaultQuota);
  if (input.maxUserQuota !== undefined) settings.max_user_quota = String(input.maxUserQuota);
}

function applyUpdateSettings(settings: SettingsMap, input: UpdateInput): void {
  if (input.minPasswordLength !== undefined) settings.min_passwd_length = String(input.minPasswordLength);
  if (input.maxPasswordLength !== undefined) settings.max_passwd_length = String(input.maxPasswordLength);
  const toggle = (key: string, enable?: string[], disable?: string[]) => {
    const set = new Set(settingList(settings, key));
    for (const v of enable ?? []) set.add(v);
    for (const v of disable ?? []) set.delete(v);
    setSettingList(settings, key, set);
  };
  // `services` replaces the set (empty clears it); addService/removeService change it.
  if (input.services !== undefined) setSettingList(settings, 'enabled_services', input.services);
  toggle('enabled_services', input.addService, input.removeService);
  // Profiles are stored as the *disabled* set.
  toggle('disabled_domain_profiles', input.disableDomainProfile, input.enableDomainProfile);
  toggle('disabled_user_profiles', input.disableUserProfile, input.enableUserProfile);
  toggle('disabled_user_preferences', input.disableUserPreference, input.enableUserPreference);
}
