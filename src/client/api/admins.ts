/** Standalone admin accounts: `/api/admin/<mail>` and `/api/verify_password/admin/<mail>`. */
import { z } from 'zod';
import { accountArea } from './account-area';
import { accountRow } from '../normalize';
import { adminShape } from './account-rows';
import { accountStatus, count, displayName, language, password } from './fields';
import { verifyPassword } from './verify-password';

const adminFields = {
  name: displayName.optional(),
  password: password.optional(),
  accountStatus: accountStatus.optional(),
  language: language.optional(),
  isGlobalAdmin: z.boolean().optional(),
  /** The limits below apply to normal admins; the server discards them for global admins. */
  maxDomains: count.optional(),
  /** With `quotaUnit`: e.g. 2 + `TB`; kept in that unit, read back as `create_max_quota` + `create_quota_unit`. */
  maxQuota: count.optional(),
  quotaUnit: z.enum(['TB', 'GB', 'MB']).optional(),
  maxUsers: count.optional(),
  maxAliases: count.optional(),
  maxLists: count.optional(),
};

function withQuotaUnit<S extends z.ZodObject>(schema: S) {
  return schema.refine((v: Record<string, unknown>) => (v.maxQuota === undefined) === (v.quotaUnit === undefined), {
    message: 'maxQuota and quotaUnit must be used together',
    path: ['quotaUnit'],
  });
}

const LIMIT_FIELDS = ['maxQuota', 'quotaUnit', 'maxUsers', 'maxAliases', 'maxLists'] as const;
const hasLimits = (v: Record<string, unknown>) => LIMIT_FIELDS.some((key) => v[key] !== undefined);

/**
 * The product stores a normal admin's limits on POST only when `maxDomains` is sent, and on PUT
 * only with `isGlobalAdmin=no`; otherwise it drops them silently. Refused here instead, naming the fix.
 */
export const adminCreateSchema = withQuotaUnit(z.strictObject({ ...adminFields, password })).refine(
  (v: Record<string, unknown>) => !hasLimits(v) || v.maxDomains !== undefined || v.isGlobalAdmin === true,
  {
    message: 'limits are stored at creation only together with maxDomains: send maxDomains too (0 = none)',
    path: ['maxDomains'],
  },
);
export type AdminCreateInput = z.input<typeof adminCreateSchema>;
export const adminUpdateSchema = withQuotaUnit(z.strictObject(adminFields)).refine(
  (v: Record<string, unknown>) => !(hasLimits(v) || v.maxDomains !== undefined) || v.isGlobalAdmin === false,
  {
    message: 'limits are stored on update only with isGlobalAdmin: false (the admin stays or becomes a normal admin)',
    path: ['isGlobalAdmin'],
  },
);
export type AdminUpdateInput = z.input<typeof adminUpdateSchema>;

/** An admin as GET returns it: the `admin` row (no password), its settings and managed domains. */
export const adminSchema = accountRow(adminShape);
export type Admin = z.infer<typeof adminSchema>;

export class AdminsApi extends accountArea({
  base: '/api/admin',
  create: adminCreateSchema,
  update: adminUpdateSchema,
  read: adminSchema,
}) {
  /** True when `candidate` is the admin's password (global admins only may ask). */
  verifyPassword(email: string, candidate: string): Promise<boolean> {
    return verifyPassword(this.caller, 'admin', email, candidate);
  }
}
