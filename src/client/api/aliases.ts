/** Mail alias accounts: `/api/alias/<mail>`, `/api/aliases/<domain>`, change_email. */
import { z } from 'zod';
import { ApiArea } from './api-area';
import { accountPath, changeAccountEmail, sendForm } from './account-url';
import { accountRow, flag, list, text, timestamp } from '../normalize';
import type { WireNames } from './common';
import {
  accessPolicy,
  accountStatus,
  displayName,
  domainName,
  emailList,
  inDomainList,
  readAccount,
  segment,
} from './common';

/**
 * What POST reads. The SQL edition ignores `accountStatus` on POST (a new alias is active: disable
 * it with an update) and aliases there have no moderators, so neither is offered.
 */
export const aliasCreateSchema = z.strictObject({
  name: displayName.optional(),
  /** SQL backends only. */
  accessPolicy: accessPolicy.optional(),
  members: emailList.optional(),
});
export type AliasCreateInput = z.input<typeof aliasCreateSchema>;

export const aliasUpdateSchema = z
  .strictObject({
    name: displayName.optional(),
    /** SQL backends only. */
    accessPolicy: accessPolicy.optional(),
    accountStatus: accountStatus.optional(),
    /** Replaces all members (an empty list changes nothing: use removeMember to empty the set). */
    members: emailList.optional(),
    addMember: emailList.optional(),
    removeMember: emailList.optional(),
  })
  .refine((v) => v.members === undefined || (v.addMember === undefined && v.removeMember === undefined), {
    message: 'members conflicts with addMember/removeMember',
    path: ['members'],
  });
export type AliasUpdateInput = z.input<typeof aliasUpdateSchema>;

const ALIAS_WIRE: WireNames<typeof aliasUpdateSchema> = {
  name: 'name',
  accessPolicy: 'accessPolicy',
  accountStatus: 'accountStatus',
  members: 'members',
  addMember: 'addMember',
  removeMember: 'removeMember',
};

/** An alias as GET returns it: the `alias` row plus members (and `moderators`, which the SQL edition cannot set). */
export const aliasSchema = accountRow({
  address: z.string(),
  name: text.optional(),
  domain: text.optional(),
  accesspolicy: text.optional(),
  active: flag.optional(),
  members: list.optional(),
  moderators: list.optional(),
  created: timestamp.optional(),
  modified: timestamp.optional(),
  expired: timestamp.optional(),
});
export type Alias = z.infer<typeof aliasSchema>;

/** Keys an alias's GET answers beyond its `alias` row, which a list row must carry to stand in for it. */
const ALIAS_GET_KEYS = ['members', 'moderators'];

const aliasEmails = z.array(
  z.union([z.string(), z.looseObject({ address: z.string() }).transform((row) => row.address)]),
);
const aliasRows = z.array(aliasSchema);

export interface AliasListOptions {
  disabledOnly?: boolean;
}

export class AliasesApi extends ApiArea {
  #path(method: 'GET' | 'POST' | 'PUT' | 'DELETE', email: string): string {
    return accountPath(this.caller, '/api/alias', method, email);
  }

  /** The alias, or `null` when it does not exist. */
  async get(email: string): Promise<Alias | null> {
    const read = inDomainList(this.caller, { one: '/api/alias', list: '/api/aliases' }, email, {
      nameKey: 'address',
      required: () => ALIAS_GET_KEYS,
    });
    return readAccount(this.caller, read, aliasSchema);
  }

  async create(email: string, input: AliasCreateInput = {}): Promise<void> {
    const form = { schema: aliasCreateSchema, wire: ALIAS_WIRE, input };
    await sendForm(this.caller, 'POST', this.#path('POST', email), form, {
      readBack: async () => (await this.get(email)) !== null,
    });
  }

  async update(email: string, input: AliasUpdateInput): Promise<void> {
    const form = { schema: aliasUpdateSchema, wire: ALIAS_WIRE, input };
    await sendForm(this.caller, 'PUT', this.#path('PUT', email), form);
  }

  /** Deletes the alias. The real product reports success even when it does not exist. */
  async delete(email: string): Promise<void> {
    await this.caller.call({ method: 'DELETE', path: this.#path('DELETE', email) });
  }

  /** Renames the alias (`POST /api/alias/<mail>/change_email/<new_mail>`). */
  async changeEmail(email: string, newEmail: string): Promise<void> {
    const exists = async (address: string) => (await this.get(address)) !== null;
    await changeAccountEmail(this.caller, '/api/alias', { email, newEmail }, exists);
  }

  /** Aliases of a domain: emails with `emailOnly: true`, else full rows. */
  list(domain: string, options: AliasListOptions & { emailOnly: true }): Promise<string[]>;
  list(domain: string, options?: AliasListOptions & { emailOnly?: false }): Promise<Alias[]>;
  async list(domain: string, options: AliasListOptions & { emailOnly?: boolean } = {}): Promise<string[] | Alias[]> {
    const site = { method: 'GET', path: '/api/aliases/<domain>' } as const;
    const path = `/api/aliases/${segment(this.caller, site, domainName, domain)}`;
    const envelope = await this.caller.call({
      method: 'GET',
      path,
      params: {
        email_only: options.emailOnly ? true : undefined,
        disabled_only: options.disabledOnly ? true : undefined,
      },
    });
    return options.emailOnly
      ? this.caller.parseData({ method: 'GET', path }, aliasEmails, envelope._data ?? [])
      : this.caller.parseData({ method: 'GET', path }, aliasRows, envelope._data ?? []);
  }
}
