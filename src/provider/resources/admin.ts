/** `iredadmin_admin`: a separate (non-mailbox) admin account, global or with its own limits. */
import type { Admin, AdminCreateInput, AdminUpdateInput, IRedAdminClient } from '../../client';
import { attributesFor, type Issue, type Values } from '../framework';
import {
  accountStatus,
  displayName,
  byEmail,
  canonicalDomain,
  ifChanged,
  language,
  oneOf,
  PASSWORD_ON_CREATE,
  passwordConflict,
  passwordTrio,
  wholeNumber,
  defineResourceWithDataSource,
} from '../kit';

const MB_PER_UNIT = { TB: 1024 * 1024, GB: 1024, MB: 1 } as const;
type QuotaUnit = keyof typeof MB_PER_UNIT;
const QUOTA_UNITS = Object.keys(MB_PER_UNIT) as QuotaUnit[];
const isUnit = (v: unknown): v is QuotaUnit => typeof v === 'string' && v in MB_PER_UNIT;

/** The admin as read, with its quota limit as amount and unit. */
export interface AdminView {
  admin: Admin;
  quota: { amount: number; unit: QuotaUnit };
}

/**
 * iRedAdmin-Pro keeps `create_max_quota` in the unit sent, with `create_quota_unit` beside it: read
 * that way. A value without a unit (older data, MB) is shown in the unit the state uses if it fits.
 */
function storedQuota(admin: Admin, preferred: QuotaUnit | null): AdminView['quota'] {
  const amount = admin.settings?.create_max_quota ?? 0;
  const unit = admin.settings?.create_quota_unit?.toUpperCase();
  return isUnit(unit) ? { amount, unit } : quotaIn(amount, preferred);
}

/** In the preferred unit when it divides evenly (so `2 TB` stays `2 TB`), else the largest that does. */
function quotaIn(mb: number, preferred: QuotaUnit | null): AdminView['quota'] {
  if (preferred && mb % MB_PER_UNIT[preferred] === 0) return { amount: mb / MB_PER_UNIT[preferred], unit: preferred };
  const unit = QUOTA_UNITS.find((u) => mb > 0 && mb % MB_PER_UNIT[u] === 0) ?? 'MB';
  return { amount: mb / MB_PER_UNIT[unit], unit };
}

/** `max_quota` with its unit, in MB: the pair is one value (2 TB is 2097152 MB, no diff). */
const quotaInMb = (o: Readonly<Record<string, unknown>>): number | null =>
  typeof o.max_quota === 'number' && isUnit(o.max_quota_unit) ? o.max_quota * MB_PER_UNIT[o.max_quota_unit] : null;

async function readAdmin(client: IRedAdminClient, email: string, unit: unknown): Promise<AdminView | null> {
  const admin = await client.admins.get(email);
  return admin && { admin, quota: storedQuota(admin, isUnit(unit) ? unit : null) };
}

const a = attributesFor<AdminView>();
const setting = (
  v: AdminView,
  key: 'create_max_domains' | 'create_max_users' | 'create_max_aliases' | 'create_max_lists',
) => v.admin.settings?.[key] ?? 0;
/** What only a normal admin has: the server drops it when the admin becomes global, so re-read then. */
const NORMAL_ADMIN_ONLY = { optional: true, unknownWhenChanged: ['is_global_admin'] } as const;
const ONLY_NORMAL = 'Normal admins only: setting it with `is_global_admin = true` is an error.';
/** A limit of a normal admin. */
const limit = (param: string, key: Parameters<typeof setting>[1], what: string, code: string) =>
  a.number({
    ...NORMAL_ADMIN_ONLY,
    param,
    samples: [10, 20],
    validators: [wholeNumber],
    read: (v) => setting(v, key),
    errorCodes: [code],
    description: `${what}; 0 = unlimited. ${ONLY_NORMAL}`,
  });

const adminAttributes = {
  email: byEmail.attribute<AdminView>({
    samples: [(c) => `${c.key}@admins.example.net`, (c) => `${c.key}.2@admins.example.net`],
    requiresReplace: true,
    read: (v) => v.admin.username,
    description:
      "The admin's login, an email address outside the domains the server hosts (e.g. `it-admin@example.net`); a " +
      'mail user of a hosted domain becomes its admin with `iredadmin_domain_admins` instead. The API cannot ' +
      'rename an admin.',
    errorCodes: ['INVALID_MAIL', 'ALREADY_EXISTS', 'CAN_NOT_BE_LOCAL_DOMAIN'],
  }),
  name: displayName<AdminView>((v) => v.admin.name, ['IT admin', 'IT admins']),
  ...passwordTrio<AdminView>('an admin'),
  account_status: accountStatus<AdminView>(
    (v) => v.admin.active,
    '`active` or `disabled` (a disabled admin cannot log in). Default `active`.',
  ),
  language: language<AdminView>(
    (v) => v.admin.language,
    'Language of the iRedAdmin web interface, e.g. `en_US`; `""` on the server means its default.',
  ),
  is_global_admin: a.bool({
    optional: true,
    param: 'isGlobalAdmin',
    read: (v) => v.admin.isglobaladmin === true,
    description:
      'A global admin manages every domain and has no limits. Default `false`: a normal admin, managing the ' +
      'domains it creates or is given (see `iredadmin_domain_admins`).',
    errorCodes: ['INVALID_IS_GLOBAL_ADMIN'],
  }),
  max_domains: limit(
    'maxDomains',
    'create_max_domains',
    'How many domains the admin may create',
    'INVALID_MAX_DOMAINS',
  ),
  max_quota: a.number({
    ...NORMAL_ADMIN_ONLY,
    samples: [2, 3],
    sampleWith: () => ({ max_quota_unit: 'GB' }),
    param: 'maxQuota',
    validators: [wholeNumber],
    read: (v) => v.quota.amount,
    canonicalWith: quotaInMb,
    description:
      'Mailbox quota the admin may hand out in total, in `max_quota_unit`, shared by all its domains; 0 = ' +
      'unlimited. Set together with `max_quota_unit`. The server keeps it in the unit sent; `2` `TB` and ' +
      `\`2097152\` \`MB\` are the same value (no diff), and the configured spelling is kept. ${ONLY_NORMAL}`,
    errorCodes: ['INVALID_MAX_QUOTA', 'MISSING_MAX_QUOTA', 'EXCEED_LIMIT_QUOTA'],
  }),
  max_quota_unit: a.string({
    ...NORMAL_ADMIN_ONLY,
    samples: ['GB', 'TB'],
    sampleWith: () => ({ max_quota: 2 }),
    param: 'quotaUnit',
    validators: [oneOf(QUOTA_UNITS)],
    read: (v) => v.quota.unit,
    canonicalWith: quotaInMb,
    description:
      'Unit of `max_quota`: `TB`, `GB` or `MB`. Set together with `max_quota`. When unset, read back as the ' +
      'server keeps it.',
    errorCodes: ['INVALID_QUOTA_UNIT', 'MISSING_QUOTA_UNIT'],
  }),
  max_users: limit(
    'maxUsers',
    'create_max_users',
    'How many mail users the admin may create, in all its domains together',
    'INVALID_MAX_USERS',
  ),
  max_aliases: limit(
    'maxAliases',
    'create_max_aliases',
    'How many aliases the admin may create, in all its domains together',
    'INVALID_MAX_ALIASES',
  ),
  max_lists: limit(
    'maxLists',
    'create_max_lists',
    'How many mailing lists the admin may create, in all its domains together',
    'INVALID_MAX_LISTS',
  ),
};

type AdminValues = Values<typeof adminAttributes>;
const LIMITS = ['max_domains', 'max_quota', 'max_quota_unit', 'max_users', 'max_aliases', 'max_lists'] as const;

/** maxQuota and quotaUnit travel together (the API refuses one without the other), also when only one changed. */
function withQuota(v: AdminValues, params: Record<string, unknown>): Record<string, unknown> {
  if (!('maxQuota' in params) && !('quotaUnit' in params)) return params;
  const { maxQuota: _amount, quotaUnit: _unit, ...rest } = params;
  return v.max_quota === null || v.max_quota_unit === null
    ? rest
    : { ...rest, maxQuota: v.max_quota, quotaUnit: v.max_quota_unit };
}

const LIMIT_PARAMS = ['maxDomains', 'maxQuota', 'quotaUnit', 'maxUsers', 'maxAliases', 'maxLists'];

/**
 * iRedAdmin-Pro stores a normal admin's limits on create only together with `maxDomains`, and on
 * update only with `isGlobalAdmin=no`: add what makes the limits count.
 */
function withLimitsSwitch(
  v: AdminValues,
  params: Record<string, unknown>,
  op: 'create' | 'update',
): Record<string, unknown> {
  if (!LIMIT_PARAMS.some((key) => key in params)) return params;
  if (op === 'create') return v.is_global_admin === true ? params : { maxDomains: v.max_domains ?? 0, ...params };
  if (v.is_global_admin === true) {
    throw new Error(
      `${v.email} is a global admin on the server, and a global admin has no limits. Set \`is_global_admin = ` +
        'false` to make it a normal admin with these limits, or remove them.',
    );
  }
  return { ...params, isGlobalAdmin: false };
}

function validate(v: AdminValues): Issue[] {
  const issues: Issue[] = passwordConflict(v);
  if ((v.max_quota === null) !== (v.max_quota_unit === null)) {
    const missing = v.max_quota === null ? 'max_quota' : 'max_quota_unit';
    const given = missing === 'max_quota' ? 'max_quota_unit' : 'max_quota';
    issues.push({
      attribute: given,
      summary: `${given} without ${missing}`,
      detail: `Set \`max_quota\` and \`max_quota_unit\` together, e.g. \`max_quota = 2\` and \`max_quota_unit = "TB"\`.`,
    });
  }
  if (v.is_global_admin === true) {
    for (const attribute of LIMITS) {
      if (v[attribute] === null) continue;
      issues.push({
        attribute,
        summary: `${attribute} does not apply to a global admin`,
        detail:
          `A global admin has no limits (the server discards them). Remove \`${attribute}\`, or set ` +
          '`is_global_admin = false`.',
      });
    }
  }
  return issues;
}

export const adminRegistration = defineResourceWithDataSource({
  typeName: 'iredadmin_admin',
  description:
    'A separate admin account of iRedAdmin (not a mailbox): a global admin, or a normal admin with its own ' +
    'limits that manages the domains it creates or is given with `iredadmin_domain_admins`. Destroy deletes the ' +
    'admin and its domain rights.',
  attributes: adminAttributes,
  ...byEmail.resource("the admin's email address, e.g. `admin@example.com`"),
  validate,
  requiredOnCreate: PASSWORD_ON_CREATE,
  read: (client: IRedAdminClient, v: AdminValues) => readAdmin(client, v.email!, v.max_quota_unit),
  async create(client: IRedAdminClient, v: AdminValues, params) {
    await client.admins.create(v.email!, withLimitsSwitch(v, withQuota(v, params), 'create') as AdminCreateInput);
  },
  update: (client: IRedAdminClient, v: AdminValues, _prior, params) =>
    ifChanged(withLimitsSwitch(v, withQuota(v, params), 'update'), (p) =>
      client.admins.update(v.email!, p as AdminUpdateInput),
    ),
  delete: (client: IRedAdminClient, v: AdminValues) => client.admins.delete(v.email!),
  dataSource: {
    description:
      'Reads an existing separate admin account. `max_quota` is given in the largest unit that makes it a whole number.',
    lookup: { email: 'The admin to read.' },
    extra: {
      managed_domains: a.stringSet({
        computed: true,
        normalize: (list) => list.map(canonicalDomain),
        read: (v) => v.admin.managed_domains ?? [],
        description: 'Domains the admin is attached to (a global admin manages every domain, listed here or not).',
      }),
    },
  },
});
