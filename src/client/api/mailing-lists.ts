/**
 * Mailing lists exist in two incompatible shapes:
 * - SQL edition: mlmmj lists at `/api/ml/<mail>` (list: `/api/mls/<domain>`) — `SqlMailingListsApi`;
 * - LDAP edition: `/api/maillist/<mail>` as in the published doc — `LdapMailingListsApi`.
 * The client picks one with its `mailingListApi` option.
 */
import { z } from 'zod';
import { ApiArea } from './api-area';
import { accountPath, sendForm } from './account-url';
import { UnsupportedError } from '../errors';
import { accountRow, flag, list, num, text, timestamp } from '../normalize';
import type { WireNames } from './common';
import { accessPolicy, accountStatus, count, displayName, domainName, emailList, readAccount, segment } from './common';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

// ---- SQL edition (mlmmj) ----

const sqlListFields = {
  name: displayName.optional(),
  accessPolicy: accessPolicy.optional(),
  onlySubscriberCanPost: z.boolean().optional(),
  onlyModeratorCanPost: z.boolean().optional(),
  isNewsletter: z.boolean().optional(),
  newsletterDescription: z.string().optional(),
  /** Subscription mode for new subscribers (server default: `normal`). */
  subscription: z.enum(['normal', 'digest', 'nomail']).optional(),
  /** Send new subscribers a confirmation mail (server default: no). */
  requireConfirm: z.boolean().optional(),
};

/**
 * What POST reads. A new list has the `public` policy unless given, no size limit, and the domain's
 * `postmaster@` as owner and moderator: set `maxMessageSize`, `moderators`, `owners` and the
 * status with an update right after.
 */
export const sqlMailingListCreateSchema = z.strictObject({
  ...sqlListFields,
  /** The first subscribers. */
  subscribers: emailList.optional(),
});
export type SqlMailingListCreateInput = z.input<typeof sqlMailingListCreateSchema>;

export const sqlMailingListUpdateSchema = z.strictObject({
  ...sqlListFields,
  /**
   * Required: the SQL edition re-enables a list whenever a PUT leaves `accountStatus` out, so
   * every update says what it should be.
   */
  accountStatus,
  /** Bytes; 0 = no limit. */
  maxMessageSize: count.optional(),
  /** Replaces all moderators (there are no add/remove parameters); `[]` clears them. */
  moderators: emailList.optional(),
  /** Replaces all owners; `[]` clears them. */
  owners: emailList.optional(),
  addSubscribers: emailList.optional(),
  removeSubscribers: emailList.optional(),
});
export type SqlMailingListUpdateInput = z.input<typeof sqlMailingListUpdateSchema>;

const SQL_LIST_WIRE: WireNames<typeof sqlMailingListUpdateSchema> & WireNames<typeof sqlMailingListCreateSchema> = {
  name: 'name',
  accountStatus: 'accountStatus',
  maxMessageSize: 'max_message_size',
  accessPolicy: 'accessPolicy',
  onlySubscriberCanPost: 'only_subscriber_can_post',
  onlyModeratorCanPost: 'only_moderator_can_post',
  isNewsletter: 'is_newsletter',
  newsletterDescription: 'newsletter_description',
  moderators: 'moderators',
  owners: 'owners',
  subscribers: 'subscribers',
  addSubscribers: 'add_subscribers',
  removeSubscribers: 'remove_subscribers',
  subscription: 'subscription',
  requireConfirm: 'require_confirm',
};

/** An mlmmj list as GET returns it: the `maillists` row plus owners, moderators and (on request) subscribers. */
export const sqlMailingListSchema = accountRow({
  address: z.string(),
  name: text.optional(),
  domain: text.optional(),
  accesspolicy: text.optional(),
  maxmsgsize: num.optional(),
  active: flag.optional(),
  is_newsletter: flag.optional(),
  only_subscriber_can_post: flag.optional(),
  only_moderator_can_post: flag.optional(),
  newsletter_description: text.optional(),
  owners: list.optional(),
  moderators: list.optional(),
  /** With `withSubscribers`: the subscribers' addresses (rows `{mail, subscription, …}` or plain emails). */
  subscribers: z
    .array(z.union([z.string(), z.looseObject({ mail: z.string() }).transform((row) => row.mail)]))
    .optional(),
  created: timestamp.optional(),
  modified: timestamp.optional(),
  expired: timestamp.optional(),
});
export type SqlMailingList = z.infer<typeof sqlMailingListSchema>;

const listEmails = z.array(
  z.union([z.string(), z.looseObject({ address: z.string() }).transform((row) => row.address)]),
);
const sqlListRows = z.array(sqlMailingListSchema);

export interface SqlMailingListGetOptions {
  /** Also return the subscribers (`with_subscribers=yes`). */
  withSubscribers?: boolean;
}

export interface SqlMailingListDeleteOptions {
  /** The server keeps the archive unless this is `false` (`keep_archive=no`). */
  keepArchive?: boolean;
}

export class SqlMailingListsApi extends ApiArea {
  readonly kind = 'sql' as const;
  #path(method: Method, email: string): string {
    return accountPath(this.caller, '/api/ml', method, email);
  }

  /** The list, or `null` when it does not exist. */
  async get(email: string, options: SqlMailingListGetOptions = {}): Promise<SqlMailingList | null> {
    const path = this.#path('GET', email);
    return readAccount(
      this.caller,
      { path, params: { with_subscribers: options.withSubscribers ? true : undefined } },
      sqlMailingListSchema,
    );
  }

  async create(email: string, input: SqlMailingListCreateInput = {}): Promise<void> {
    const form = { schema: sqlMailingListCreateSchema, wire: SQL_LIST_WIRE, input };
    await sendForm(this.caller, 'POST', this.#path('POST', email), form, {
      readBack: async () => (await this.get(email)) !== null,
    });
  }

  /** `input.accountStatus` is required: without it the SQL edition re-enables the list. */
  async update(email: string, input: SqlMailingListUpdateInput): Promise<void> {
    const form = { schema: sqlMailingListUpdateSchema, wire: SQL_LIST_WIRE, input };
    await sendForm(this.caller, 'PUT', this.#path('PUT', email), form);
  }

  async delete(email: string, options: SqlMailingListDeleteOptions = {}): Promise<void> {
    await this.caller.call({
      method: 'DELETE',
      path: this.#path('DELETE', email),
      params: { keep_archive: options.keepArchive },
    });
  }

  /** Lists of a domain: emails with `emailOnly: true`, else full rows. */
  list(domain: string, options: { emailOnly: true }): Promise<string[]>;
  list(domain: string, options?: { emailOnly?: false }): Promise<SqlMailingList[]>;
  async list(domain: string, options: { emailOnly?: boolean } = {}): Promise<string[] | SqlMailingList[]> {
    const site = { method: 'GET', path: '/api/mls/<domain>' } as const;
    const path = `/api/mls/${segment(this.caller, site, domainName, domain)}`;
    const envelope = await this.caller.call({
      method: 'GET',
      path,
      params: { email_only: options.emailOnly ? true : undefined },
    });
    return options.emailOnly
      ? this.caller.parseData({ method: 'GET', path }, listEmails, envelope._data ?? [])
      : this.caller.parseData({ method: 'GET', path }, sqlListRows, envelope._data ?? []);
  }
}

// ---- LDAP edition ----

export const ldapMailingListCreateSchema = z.strictObject({
  name: displayName.optional(),
  accessPolicy: accessPolicy.optional(),
  members: emailList.optional(),
});
export type LdapMailingListCreateInput = z.input<typeof ldapMailingListCreateSchema>;

export const ldapMailingListUpdateSchema = z
  .strictObject({
    name: displayName.optional(),
    accessPolicy: accessPolicy.optional(),
    /** Replaces all members. */
    members: emailList.optional(),
    addMember: emailList.optional(),
    removeMember: emailList.optional(),
  })
  .refine((v) => v.members === undefined || (v.addMember === undefined && v.removeMember === undefined), {
    message: 'members conflicts with addMember/removeMember',
    path: ['members'],
  });
export type LdapMailingListUpdateInput = z.input<typeof ldapMailingListUpdateSchema>;

const LDAP_LIST_WIRE: WireNames<typeof ldapMailingListUpdateSchema> = {
  name: 'name',
  accessPolicy: 'accessPolicy',
  members: 'members',
  addMember: 'addMember',
  removeMember: 'removeMember',
};

/** An LDAP mailing list entry: attribute names as the LDAP edition returns them. */
export const ldapMailingListSchema = accountRow({
  mail: z.string().optional(),
  cn: text.optional(),
  accountStatus: text.optional(),
  accessPolicy: text.optional(),
  members: list.optional(),
});
export type LdapMailingList = z.infer<typeof ldapMailingListSchema>;

export class LdapMailingListsApi extends ApiArea {
  readonly kind = 'ldap' as const;
  #path(method: Method, email: string): string {
    return accountPath(this.caller, '/api/maillist', method, email);
  }

  async get(email: string): Promise<LdapMailingList | null> {
    const path = this.#path('GET', email);
    return readAccount(this.caller, { path }, ldapMailingListSchema);
  }

  async create(email: string, input: LdapMailingListCreateInput = {}): Promise<void> {
    const form = { schema: ldapMailingListCreateSchema, wire: LDAP_LIST_WIRE, input };
    await sendForm(this.caller, 'POST', this.#path('POST', email), form, {
      readBack: async () => (await this.get(email)) !== null,
    });
  }

  async update(email: string, input: LdapMailingListUpdateInput): Promise<void> {
    const form = { schema: ldapMailingListUpdateSchema, wire: LDAP_LIST_WIRE, input };
    await sendForm(this.caller, 'PUT', this.#path('PUT', email), form);
  }

  async delete(email: string): Promise<void> {
    await this.caller.call({ method: 'DELETE', path: this.#path('DELETE', email) });
  }

  /** The LDAP edition's API documents no route listing mailing lists. */
  async list(domain: string): Promise<never> {
    throw new UnsupportedError('Listing mailing lists is not part of the LDAP edition API (no documented route)', {
      method: 'GET',
      path: `/api/mls/${domain}`,
    });
  }
}

export type MailingListApiKind = 'sql' | 'ldap';
export type MailingListsApiFor<K extends MailingListApiKind> = K extends 'ldap'
  ? LdapMailingListsApi
  : SqlMailingListsApi;
