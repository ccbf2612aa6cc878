/** Mail users: `/api/user/<mail>`, `/api/users/<domain>`, change_email and verify_password. */
import { z } from 'zod';
import type { AccountListOptions } from './account-area';
import { listedAccountArea } from './account-area';
import { accountRow, flag, list, num, text, timestamp, toBoolean, toNumber } from '../normalize';
import { adminShape } from './account-rows';
import { domainPath, formFrom, keepingMailboxes, replacesOrEdits, secretsOf } from './common';
import { accountStatus, count, displayName, emailAddress, emailList, language, password } from './fields';
import { MAIL_SERVICES } from '../../common/mail-services';
import { verifyPassword } from './verify-password';

/** Mail services of a user (SQL edition): each is the `enable<name>` column of `mailbox`. */
export const mailService = z.enum(MAIL_SERVICES);
export type MailService = z.infer<typeof mailService>;

/** A stored password hash with its scheme prefix, e.g. `{SSHA512}…`. */
const passwordHash = z.string().regex(/^\{[A-Z0-9-]+\}\S+$/, 'must be a password hash with a {SCHEME} prefix');

export const userCreateSchema = z
  .strictObject({
    name: displayName.optional(),
    password: password.optional(),
    /** Store this hash instead of hashing `password` (SQL edition). */
    passwordHash: passwordHash.optional(),
    language: language.optional(),
    /** MB; 0 = unlimited. */
    quota: count.optional(),
  })
  .refine((v) => v.password !== undefined || v.passwordHash !== undefined, {
    message: 'password or passwordHash is required',
    path: ['password'],
  });
export type UserCreateInput = z.input<typeof userCreateSchema>;

export const userUpdateSchema = replacesOrEdits(
  z.strictObject({
    name: displayName.optional(),
    password: password.optional(),
    passwordHash: passwordHash.optional(),
    quota: count.optional(),
    accountStatus: accountStatus.optional(),
    language: language.optional(),
    employeeId: z.string().optional(),
    transport: z.string().optional(),
    /** Replaces all forwardings; include the user's own address to keep a copy in the mailbox. */
    forwarding: emailList.optional(),
    addForwarding: emailList.optional(),
    removeForwarding: emailList.optional(),
    /** Replaces all per-user alias addresses; `[]` removes them all. */
    aliases: emailList.optional(),
    addAlias: emailList.optional(),
    removeAlias: emailList.optional(),
    isGlobalAdmin: z.boolean().optional(),
    /** `''` clears it. */
    senderBcc: z.union([emailAddress, z.literal('')]).optional(),
    /** `''` clears it. */
    recipientBcc: z.union([emailAddress, z.literal('')]).optional(),
    maildir: z.string().optional(),
    /** Exactly these services are enabled, all others disabled. */
    services: z.array(mailService).optional(),
    addService: z.array(mailService).optional(),
    removeService: z.array(mailService).optional(),
    mailboxFormat: z.string().optional(),
    mailboxFolder: z.string().optional(),
  }),
  {
    aliases: ['addAlias', 'removeAlias'],
    forwarding: ['addForwarding', 'removeForwarding'],
    services: ['addService', 'removeService'],
    password: ['passwordHash'],
  },
);
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

/** `PUT /api/users/<domain>`: applied to every user of the domain. */
export const usersUpdateAllSchema = z.strictObject({
  accountStatus: accountStatus.optional(),
  password: password.optional(),
  language: language.optional(),
  transport: z.string().optional(),
});
export type UsersUpdateAllInput = z.input<typeof usersUpdateAllSchema>;

const serviceFlags = Object.fromEntries(
  mailService.options.map((service) => [`enable${service}`, flag.optional()]),
) as Record<`enable${MailService}`, z.ZodOptional<typeof flag>>;

/**
 * What a user's GET answers beyond its `mailbox` row and a list row answers alike; with the usage
 * and logins (`used_quota`, `last_login`) a list row must carry all of it to stand in for the GET.
 */
const userGetExtras = {
  aliases: list.optional(),
  mailing_aliases: list.optional(),
  mailing_lists: list.optional(),
  forwardings: list.optional(),
  /** Sender and recipient bcc addresses (`null` when none), each with its on/off flag. */
  sender_bcc_address: text.optional(),
  sbcc_active: flag.optional(),
  recipient_bcc_address: text.optional(),
  rbcc_active: flag.optional(),
};

/** A user as GET returns it: the `mailbox` row (no password) plus aliases, forwardings, usage. */
const userShape = {
  ...adminShape,
  quota: num.optional(),
  domain: text.optional(),
  transport: text.optional(),
  employeeid: text.optional(),
  isadmin: flag.optional(),
  storagebasedirectory: text.optional(),
  storagenode: text.optional(),
  maildir: text.optional(),
  ...userGetExtras,
  stored_bytes: num.optional(),
  stored_messages: num.optional(),
  last_login: timestamp.optional(),
  ...serviceFlags,
};
export const userSchema = accountRow(userShape);
export type User = z.infer<typeof userSchema>;

/** Epoch seconds; 0 = never. */
const epoch = z.preprocess(toNumber, z.number().nullable());

/**
 * A row of `GET /api/users/<domain>`: the same `mailbox` row, but last logins per protocol and
 * the mailbox usage as objects, as the real product shapes them.
 */
export const userListRowSchema = accountRow({
  ...userShape,
  last_login: z
    .looseObject({ imap: epoch.optional(), pop3: epoch.optional(), lda: epoch.optional() })
    .nullable()
    .optional(),
  used_quota: z.looseObject({ bytes: num.optional(), messages: num.optional() }).nullable().optional(),
});
export type UserListRow = z.infer<typeof userListRowSchema>;

const USER_GET_KEYS = [...Object.keys(userGetExtras), 'used_quota', 'last_login'];
/** The keys a list row needs to stand in for a user's GET: an admin's also its managed domains. */
const userGetKeys = (row: Record<string, unknown>): readonly string[] =>
  toBoolean(row.isadmin) === true || toBoolean(row.isglobaladmin) === true
    ? [...USER_GET_KEYS, 'managed_domains']
    : USER_GET_KEYS;

/** A list row in the GET's shape: usage as `stored_bytes`/`stored_messages`, the latest login as one timestamp. */
function asSingleUser(row: Record<string, unknown>): Record<string, unknown> {
  const { used_quota: usage, last_login: logins, ...rest } = row;
  const field = (value: unknown, key: string) =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  const latest = Math.max(0, ...['imap', 'pop3', 'lda'].map((protocol) => Number(field(logins, protocol)) || 0));
  return {
    ...rest,
    stored_bytes: field(usage, 'bytes') ?? 0,
    stored_messages: field(usage, 'messages') ?? 0,
    last_login: latest > 0 ? new Date(latest * 1000).toISOString() : null,
  };
}

export interface UserDeleteOptions {
  /** Keep the mailbox for this many days (the product's default is 100 years). */
  keepMailboxDays?: number;
}

export type UserListOptions = AccountListOptions;

export class UsersApi extends listedAccountArea({
  base: '/api/user',
  create: userCreateSchema,
  update: userUpdateSchema,
  renamed: { passwordHash: 'password_hash', employeeId: 'employeeid' },
  read: userSchema,
  list: {
    path: '/api/users',
    rows: userListRowSchema,
    nameKey: 'username',
    answersGet: { required: userGetKeys, reshape: asSingleUser },
  },
}) {
  override async delete(email: string, options: UserDeleteOptions = {}): Promise<void> {
    const site = { method: 'DELETE', path: '/api/user/<mail>' } as const;
    const path = keepingMailboxes(this.caller, site, this.path('DELETE', email), options.keepMailboxDays);
    await this.caller.call({ method: 'DELETE', path });
  }

  /** Renames the user (`POST /api/user/<mail>/change_email/<new_mail>`). */
  async changeEmail(email: string, newEmail: string): Promise<void> {
    await this.changeAddress(email, newEmail);
  }

  /** Applies the same change to every user of `domain` (`PUT /api/users/<domain>`). */
  async updateAll(domain: string, input: UsersUpdateAllInput): Promise<void> {
    const path = domainPath(this.caller, 'PUT', '/api/users', domain);
    const params = formFrom(this.caller, { method: 'PUT', path }, usersUpdateAllSchema, {}, input);
    await this.caller.call({ method: 'PUT', path, params, secrets: secretsOf(input) });
  }

  /** True when `candidate` is the user's password (global admins only may ask). */
  verifyPassword(email: string, candidate: string): Promise<boolean> {
    return verifyPassword(this.caller, 'user', email, candidate);
  }
}
