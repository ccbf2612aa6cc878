/** Mail alias accounts: `/api/alias/<mail>`, `/api/aliases/<domain>`, change_email. */
import { z } from 'zod';
import type { AccountListOptions } from './account-area';
import { listedAccountArea } from './account-area';
import { accountRow, list } from '../normalize';
import { mailGroupShape } from './account-rows';
import { memberGroupUpdate } from './common';
import { accountStatus, memberGroupFields } from './fields';

/**
 * What POST reads. The SQL edition ignores `accountStatus` on POST (a new alias is active: disable
 * it with an update) and aliases there have no moderators, so neither is offered.
 */
export const aliasCreateSchema = z.strictObject(memberGroupFields);
export type AliasCreateInput = z.input<typeof aliasCreateSchema>;

export const aliasUpdateSchema = memberGroupUpdate({ ...memberGroupFields, accountStatus: accountStatus.optional() });
export type AliasUpdateInput = z.input<typeof aliasUpdateSchema>;

/** What an alias's GET answers beyond its `alias` row; a list row must carry it to stand in for the GET. */
const aliasGetExtras = {
  members: list.optional(),
  /** The SQL edition cannot set them. */
  moderators: list.optional(),
};

/** An alias as GET returns it: the `alias` row plus members and moderators. */
export const aliasSchema = accountRow({ ...mailGroupShape, ...aliasGetExtras });
export type Alias = z.infer<typeof aliasSchema>;

export type AliasListOptions = AccountListOptions;

export class AliasesApi extends listedAccountArea({
  base: '/api/alias',
  create: aliasCreateSchema,
  update: aliasUpdateSchema,
  read: aliasSchema,
  list: {
    path: '/api/aliases',
    rows: aliasSchema,
    nameKey: 'address',
    answersGet: { required: () => Object.keys(aliasGetExtras) },
  },
}) {
  /** Renames the alias (`POST /api/alias/<mail>/change_email/<new_mail>`). */
  async changeEmail(email: string, newEmail: string): Promise<void> {
    await this.changeAddress(email, newEmail);
  }
}
