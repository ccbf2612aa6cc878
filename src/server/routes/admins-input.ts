/**
 * Parameters of POST/PUT /api/admin/<mail>. The limits of a normal admin are stored in
 * `admin.settings`: create_max_domains, create_max_users, create_max_aliases,
 * create_max_lists (counts) and create_max_quota in the unit sent, with that unit beside it in
 * create_quota_unit (maxQuota=2 + quotaUnit=TB is stored as 2 and TB), as the real product does.
 */
import { z } from 'zod';
import { f } from '../http/fields';
import { ACCOUNT_STATUSES, LANGUAGE } from '../model/vocabulary';
import type { SettingsMap } from '../model/settings-column';

const QUOTA_UNITS = ['TB', 'GB', 'MB'] as const;

export const adminInput = z
  .object({
    name: f.text('INVALID_NAME'),
    password: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string({ error: 'INVALID_PASSWORD' }).max(1024, { error: 'INVALID_PASSWORD' }).optional(),
    ),
    accountStatus: f.oneOf(ACCOUNT_STATUSES, 'INVALID_ACCOUNT_STATUS'),
    language: f
      .text('INVALID_LANGUAGE', 5)
      .refine((v) => v === undefined || LANGUAGE.test(v), { error: 'INVALID_LANGUAGE' }),
    isGlobalAdmin: f.yesNo('INVALID_IS_GLOBAL_ADMIN'),
    maxDomains: f.int('INVALID_MAX_DOMAINS'),
    maxQuota: f.int('INVALID_MAX_QUOTA'),
    quotaUnit: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toUpperCase() || undefined : v),
      z.enum(QUOTA_UNITS, { error: 'INVALID_QUOTA_UNIT' }).optional(),
    ),
    maxUsers: f.int('INVALID_MAX_USERS'),
    maxAliases: f.int('INVALID_MAX_ALIASES'),
    maxLists: f.int('INVALID_MAX_LISTS'),
  })
  .superRefine((v, ctx) => {
    if (v.maxQuota !== undefined && v.quotaUnit === undefined)
      ctx.addIssue({ code: 'custom', message: 'MISSING_QUOTA_UNIT' });
    if (v.quotaUnit !== undefined && v.maxQuota === undefined)
      ctx.addIssue({ code: 'custom', message: 'MISSING_MAX_QUOTA' });
  });

export type AdminInput = z.output<typeof adminInput>;

const LIMIT_KEYS = [
  'create_max_domains',
  'create_max_users',
  'create_max_aliases',
  'create_max_lists',
  'create_max_quota',
  'create_quota_unit',
] as const;

/**
 * Whether the request's limits are stored, as the real product decides: on POST only when
 * `maxDomains` is sent; on PUT only when `isGlobalAdmin` is sent and is not `yes`. Otherwise
 * they are ignored like unknown parameters.
 */
export function limitsApply(input: AdminInput, op: 'create' | 'update'): boolean {
  return op === 'create' ? input.maxDomains !== undefined : input.isGlobalAdmin === false;
}

/** Writes the given limits into `settings`; a global admin has none (they are discarded). */
export function applyAdminLimits(settings: SettingsMap, input: AdminInput, global: boolean): void {
  if (global) {
    for (const key of LIMIT_KEYS) delete settings[key];
    return;
  }
  const set = (key: (typeof LIMIT_KEYS)[number], value: number | string | undefined) => {
    if (value !== undefined) settings[key] = String(value);
  };
  set('create_max_domains', input.maxDomains);
  set('create_max_users', input.maxUsers);
  set('create_max_aliases', input.maxAliases);
  set('create_max_lists', input.maxLists);
  if (input.maxQuota !== undefined && input.quotaUnit !== undefined) {
    set('create_max_quota', input.maxQuota);
    set('create_quota_unit', input.quotaUnit);
  }
}
