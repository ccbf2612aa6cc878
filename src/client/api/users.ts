/** Mail users: `/api/user/<mail>`, `/api/users/<domain>`, change_email and verify_password. */
import { z } from 'zod';
import { ApiArea } from './api-area';
import { accountPath, changeAccountEmail, sendForm } from './account-url';
import { accountRow, flag, list, num, settings, text, timestamp, toBoolean, toNumber } from '../normalize';
import type { WireNames } from './common';
import {
  accountStatus,
  count,
  displayName,
  domainName,
  emailAddress,
  emailList,
  formFrom,
  inDomainList,
  language,
  readAccount,
  password,
  secretsOf,
  segment,
} from './common';
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

const USER_CREATE_WIRE: WireNames<typeof userCreateSchema> = {
  name: 'name',
  password: 'password',
  passwordHash: 'password_hash',
  language: 'language',
  quota: 'quota',
};

function excludes(a: string, others: readonly string[]) {
  return (v: Record<string, unknown>) => v[a] === undefined || others.every((other) => v[other] === undefined);
}

export const userUpdateSchema = z
  .strictObject({
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
  })
  .refine(excludes('aliases', ['addAlias', 'removeAlias']), {
    message: 'aliases conflicts with addAlias/removeAlias',
    path: ['aliases'],
  })
  .refine(excludes('forwarding', ['addForwarding', 'removeForwarding']), {
    message: 'forwarding conflicts with addForwarding/removeForwarding',
    path: ['forwarding'],
  })
  .refine(excludes('services', ['addService', 'removeService']), {
    message: 'services conflicts with addService/removeService',
    path: ['services'],
  })
  .refine(excludes('password', ['passwordHash']), {
    message: 'password conflicts with passwordHash',
    path: ['password'],
  });
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

const USER_UPDATE_WIRE: WireNames<typeof userUpdateSchema> = {
  name: 'name',
  password: 'password',
  passwordHash: 'password_hash',
  quota: 'quota',
  accountStatus: 'accountStatus',
  language: 'language',
  employeeId: 'employeeid',
  transport: 'transport',
  forwarding: 'forwarding',
  addForwarding: 'addForwarding',
  removeForwarding: 'removeForwarding',
  aliases: 'aliases',
  addAlias: 'addAlias',
  removeAlias: 'removeAlias',
  isGlobalAdmin: 'isGlobalAdmin',
  senderBcc: 'senderBcc',
  recipientBcc: 'recipientBcc',
  maildir: 'maildir',
  services: 'services',
  addService: 'addService',
  removeService: 'removeService',
  mailboxFormat: 'mailboxFormat',
  mailboxFolder: 'mailboxFolder',
};

/** `PUT /api/users/<domain>`: applied to every user of the domain. */
export const usersUpdateAllSchema = z.strictObject({
  accountStatus: accountStatus.optional(),
  password: password.optional(),
  language: language.optional(),
  transport: z.string().optional(),
});
export type UsersUpdateAllInput = z.input<typeof usersUpdateAllSchema>;

const USERS_UPDATE_ALL_WIRE: WireNames<typeof usersUpdateAllSchema> = {
  accountStatus: 'accountStatus',
  password: 'password',
  language: 'language',
  transport: 'transport',
};

const serviceFlags = Object.fromEntries(
  mailService.options.map((service) => [`enable${service}`, flag.optional()]),
) as Record<`enable${MailService}`, z.ZodOptional<typeof flag>>;

/** A user as GET returns it: the `mailbox` row (no password) plus aliases, forwardings, usage. */
const userShape = {
  username: z.string(),
  name: text.optional(),
  language: text.optional(),
  quota: num.optional(),
  domain: text.optional(),
  transport: text.optional(),
  employeeid: text.optional(),
  isadmin: flag.optional(),
  isglobaladmin: flag.optional(),
  active: flag.optional(),
  settings: settings.optional(),
  storagebasedirectory: text.optional(),
  storagenode: text.optional(),
  maildir: text.optional(),
  created: timestamp.optional(),
  modified: timestamp.optional(),
  expired: timestamp.optional(),
  passwordlastchange: timestamp.optional(),
  aliases: list.optional(),
  mailing_aliases: list.optional(),
  mailing_lists: list.optional(),
  forwardings: list.optional(),
  managed_domains: list.optional(),
  /** Sender and recipient bcc addresses (`null` when none), each with its on/off flag. */
  sender_bcc_address: text.optional(),
  sbcc_active: flag.optional(),
  recipient_bcc_address: text.optional(),
  rbcc_active: flag.optional(),
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

/** Keys a user's GET answers beyond its `mailbox` row, which a list row must carry to stand in for it. */
const USER_GET_KEYS = [
  'aliases',
  'mailing_aliases',
  'mailing_lists',
  'forwardings',
  'sender_bcc_address',
  'sbcc_active',
  'recipient_bcc_address',
  'rbcc_active',
  'used_quota',
  'last_login',
];
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

const userEmails = z.array(
  z.union([z.string(), z.looseObject({ username: z.string() }).transform((row) => row.username)]),
);
const userRows = z.array(userListRowSchema);

export interface UserDeleteOptions {
  /** Keep the mailbox for this many days (the product's default is 100 years). */
  keepMailboxDays?: number;
}

export interface UserListOptions {
  disabledOnly?: boolean;
}

export class UsersApi extends ApiArea {
  #path(method: 'GET' | 'POST' | 'PUT' | 'DELETE', email: string): string {
    return accountPath(this.caller, '/api/user', method, email);
  }

  /** The user's profile, or `null` when it does not exist. */
  async get(email: string): Promise<User | null> {
    const read = inDomainList(this.caller, { one: '/api/user', list: '/api/users' }, email, {
      nameKey: 'username',
      required: userGetKeys,
      reshape: asSingleUser,
    });
    return readAccount(this.caller, read, userSchema);
  }

  async create(email: string, input: UserCreateInput): Promise<void> {
    const form = { schema: userCreateSchema, wire: USER_CREATE_WIRE, input };
    await sendForm(this.caller, 'POST', this.#path('POST', email), form, {
      secrets: secretsOf(input),
      readBack: async () => (await this.get(email)) !== null,
    });
  }

  async update(email: string, input: UserUpdateInput): Promise<void> {
    const form = { schema: userUpdateSchema, wire: USER_UPDATE_WIRE, input };
    await sendForm(this.caller, 'PUT', this.#path('PUT', email), form, { secrets: secretsOf(input) });
  }

  /** Deletes the user. The real product reports success even when it does not exist. */
  async delete(email: string, options: UserDeleteOptions = {}): Promise<void> {
    let path = this.#path('DELETE', email);
    if (options.keepMailboxDays !== undefined) {
      path += `/keep_mailbox_days/${this.caller.parseInput({ method: 'DELETE', path }, count, options.keepMailboxDays)}`;
    }
    await this.caller.call({ method: 'DELETE', path });
  }

  /** Renames the user (`POST /api/user/<mail>/change_email/<new_mail>`). */
  async changeEmail(email: string, newEmail: string): Promise<void> {
    const exists = async (address: string) => (await this.get(address)) !== null;
    await changeAccountEmail(this.caller, '/api/user', { email, newEmail }, exists);
  }

  /** Applies the same change to every user of `domain` (`PUT /api/users/<domain>`). */
  async updateAll(domain: string, input: UsersUpdateAllInput): Promise<void> {
    const site = { method: 'PUT', path: '/api/users/<domain>' } as const;
    const path = `/api/users/${segment(this.caller, site, domainName, domain)}`;
    const params = formFrom(this.caller, site, usersUpdateAllSchema, USERS_UPDATE_ALL_WIRE, input);
    await this.caller.call({ method: 'PUT', path, params, secrets: secretsOf(input) });
  }

  /** Users of a domain: emails with `emailOnly: true`, else full rows. */
  list(domain: string, options: UserListOptions & { emailOnly: true }): Promise<string[]>;
  list(domain: string, options?: UserListOptions & { emailOnly?: false }): Promise<UserListRow[]>;
  async list(
    domain: string,
    options: UserListOptions & { emailOnly?: boolean } = {},
  ): Promise<string[] | UserListRow[]> {
    const site = { method: 'GET', path: '/api/users/<domain>' } as const;
    const path = `/api/users/${segment(this.caller, site, domainName, domain)}`;
    // The product turns a flag on when it is present at all (even `no`): send only the ones wanted.
    const envelope = await this.caller.call({
      method: 'GET',
      path,
      params: {
        email_only: options.emailOnly ? true : undefined,
        disabled_only: options.disabledOnly ? true : undefined,
      },
    });
    return options.emailOnly
      ? this.caller.parseData({ method: 'GET', path }, userEmails, envelope._data ?? [])
      : this.caller.parseData({ method: 'GET', path }, userRows, envelope._data ?? []);
  }

  /** True when `candidate` is the user's password (global admins only may ask). */
  verifyPassword(email: string, candidate: string): Promise<boolean> {
    return verifyPassword(this.caller, 'user', email, candidate);
  }
}
