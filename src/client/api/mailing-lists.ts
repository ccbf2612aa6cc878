/**
 * Mailing lists exist in two incompatible shapes:
 * - SQL edition: mlmmj lists at `/api/ml/<mail>` (list: `/api/mls/<domain>`) — `SqlMailingListsApi`;
 * - LDAP edition: `/api/maillist/<mail>` as in the published doc — `LdapMailingListsApi`.
 * The client picks one with its `mailingListApi` option.
 */
import { z } from 'zod';
import { accountArea, listedAccountArea } from './account-area';
import { UnsupportedError } from '../errors';
import { accountRow, flag, list, num, optionalFieldsRow, text } from '../normalize';
import { mailGroupShape } from './account-rows';
import { memberGroupUpdate, namesIn } from './common';
import { accessPolicy, accountStatus, count, displayName, emailList, memberGroupFields } from './fields';

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

/** An mlmmj list as GET returns it: the `maillists` row plus owners, moderators and (on request) subscribers. */
export const sqlMailingListSchema = accountRow({
  ...mailGroupShape,
  maxmsgsize: num.optional(),
  is_newsletter: flag.optional(),
  only_subscriber_can_post: flag.optional(),
  only_moderator_can_post: flag.optional(),
  newsletter_description: text.optional(),
  owners: list.optional(),
  moderators: list.optional(),
  /** With `withSubscribers`: the subscribers' addresses (rows `{mail, subscription, …}` or plain emails). */
  subscribers: namesIn('mail').optional(),
});
export type SqlMailingList = z.infer<typeof sqlMailingListSchema>;

export interface SqlMailingListGetOptions {
  /** Also return the subscribers (`with_subscribers=yes`). */
  withSubscribers?: boolean;
}

export interface SqlMailingListDeleteOptions {
  /** The server keeps the archive unless this is `false` (`keep_archive=no`). */
  keepArchive?: boolean;
}

/**
 * `update` needs `input.accountStatus`: without it the SQL edition re-enables the list. Its list
 * filters on nothing (`GET /api/mls/<domain>` takes `email_only` only): hence `<object>`.
 */
export class SqlMailingListsApi extends listedAccountArea({
  base: '/api/ml',
  create: sqlMailingListCreateSchema,
  update: sqlMailingListUpdateSchema,
  renamed: {
    maxMessageSize: 'max_message_size',
    onlySubscriberCanPost: 'only_subscriber_can_post',
    onlyModeratorCanPost: 'only_moderator_can_post',
    isNewsletter: 'is_newsletter',
    newsletterDescription: 'newsletter_description',
    addSubscribers: 'add_subscribers',
    removeSubscribers: 'remove_subscribers',
    requireConfirm: 'require_confirm',
  },
  read: sqlMailingListSchema,
  list: { path: '/api/mls', rows: sqlMailingListSchema, nameKey: 'address' },
})<object> {
  readonly kind = 'sql' as const;

  override async get(email: string, options: SqlMailingListGetOptions = {}): Promise<SqlMailingList | null> {
    return this.read(email, { with_subscribers: options.withSubscribers ? true : undefined });
  }

  override async delete(email: string, options: SqlMailingListDeleteOptions = {}): Promise<void> {
    const path = this.path('DELETE', email);
    await this.caller.call({ method: 'DELETE', path, params: { keep_archive: options.keepArchive } });
  }
}

// ---- LDAP edition ----

export const ldapMailingListCreateSchema = z.strictObject(memberGroupFields);
export type LdapMailingListCreateInput = z.input<typeof ldapMailingListCreateSchema>;

export const ldapMailingListUpdateSchema = memberGroupUpdate(memberGroupFields);
export type LdapMailingListUpdateInput = z.input<typeof ldapMailingListUpdateSchema>;

/** An LDAP mailing list entry: attribute names as the LDAP edition returns them. */
export const ldapMailingListSchema = optionalFieldsRow({
  mail: z.string(),
  cn: text,
  accountStatus: text,
  accessPolicy: text,
  members: list,
});
export type LdapMailingList = z.infer<typeof ldapMailingListSchema>;

export class LdapMailingListsApi extends accountArea({
  base: '/api/maillist',
  create: ldapMailingListCreateSchema,
  update: ldapMailingListUpdateSchema,
  read: ldapMailingListSchema,
}) {
  readonly kind = 'ldap' as const;

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
