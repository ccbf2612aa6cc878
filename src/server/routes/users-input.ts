/** Parameters of the user endpoints (POST/PUT /api/user/<mail>, PUT /api/users/<domain>). */
import { z } from 'zod';
import { addressList } from '../http/address-sets';
import { f } from '../http/fields';
import { isAcceptedHash } from '../auth/passwords';
import { ACCOUNT_STATUSES, LANGUAGE, USER_SERVICES } from '../model/vocabulary';

const language = () =>
  f.text('INVALID_LANGUAGE', 5).refine((v) => v === undefined || LANGUAGE.test(v), { error: 'INVALID_LANGUAGE' });
const transport = () =>
  f
    .text('INVALID_TRANSPORT')
    .refine((v) => v === undefined || /^[\x21-\x7e]+$/.test(v), { error: 'INVALID_TRANSPORT' });
/** Not trimmed: spaces are part of a password. Empty means "not given". */
const password = () =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string({ error: 'INVALID_PASSWORD' }).max(1024, { error: 'INVALID_PASSWORD' }).optional(),
  );
const passwordHash = () =>
  f
    .text('INVALID_PASSWORD_HASH')
    .refine((v) => v === undefined || isAcceptedHash(v), { error: 'INVALID_PASSWORD_HASH' });

export const createUserInput = z
  .object({
    name: f.text('INVALID_NAME'),
    password: password(),
    password_hash: passwordHash(),
    language: language(),
    quota: f.int('INVALID_QUOTA_SIZE'),
  })
  .superRefine(noPasswordAndHash);

function noPasswordAndHash(
  v: { password?: string | undefined; password_hash?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (v.password !== undefined && v.password_hash !== undefined)
    ctx.addIssue({ code: 'custom', message: 'CONFLICT_PASSWORD_AND_PASSWORD_HASH' });
}

const conflicts: [string, string, string][] = [
  ['password', 'password_hash', 'CONFLICT_PASSWORD_AND_PASSWORD_HASH'],
  ['aliases', 'addAlias', 'CONFLICT_ALIASES_AND_ADD_ALIAS'],
  ['aliases', 'removeAlias', 'CONFLICT_ALIASES_AND_REMOVE_ALIAS'],
  ['forwarding', 'addForwarding', 'CONFLICT_FORWARDING_AND_ADD_FORWARDING'],
  ['forwarding', 'removeForwarding', 'CONFLICT_FORWARDING_AND_REMOVE_FORWARDING'],
  ['services', 'addService', 'CONFLICT_SERVICES_AND_ADD_SERVICE'],
  ['services', 'removeService', 'CONFLICT_SERVICES_AND_REMOVE_SERVICE'],
];

const services = () =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    f.words(USER_SERVICES, 'INVALID_SERVICE'),
  );

export const updateUserInput = z
  .object({
    name: f.text('INVALID_NAME'),
    password: password(),
    password_hash: passwordHash(),
    quota: f.int('INVALID_QUOTA_SIZE'),
    accountStatus: f.oneOf(ACCOUNT_STATUSES, 'INVALID_ACCOUNT_STATUS'),
    language: language(),
    employeeid: f.text('INVALID_EMPLOYEEID'),
    transport: transport(),
    forwarding: addressList('INVALID_FORWARDING_ADDRESS'),
    addForwarding: addressList('INVALID_FORWARDING_ADDRESS'),
    removeForwarding: addressList('INVALID_FORWARDING_ADDRESS'),
    // The API documents an empty `aliases` as "remove all per-user alias addresses".
    aliases: f.emailList('INVALID_ALIAS_ADDRESS'),
    addAlias: addressList('INVALID_ALIAS_ADDRESS'),
    removeAlias: addressList('INVALID_ALIAS_ADDRESS'),
    senderBcc: f.clearableEmail('INVALID_SENDER_BCC'),
    recipientBcc: f.clearableEmail('INVALID_RECIPIENT_BCC'),
    isGlobalAdmin: f.yesNo('INVALID_IS_GLOBAL_ADMIN'),
    services: services(),
    addService: services(),
    removeService: services(),
    mailboxFormat: f.oneOf(['maildir', 'mdbox', 'sdbox'] as const, 'INVALID_MAILBOX_FORMAT'),
    mailboxFolder: f
      .text('INVALID_MAILBOX_FOLDER', 50)
      .refine((v) => v === undefined || /^[\w.-]+$/.test(v), { error: 'INVALID_MAILBOX_FOLDER' }),
    maildir: f
      .text('INVALID_MAILDIR')
      .refine((v) => v === undefined || isAbsoluteMaildir(v), { error: 'INVALID_MAILDIR' }),
  })
  .superRefine((v, ctx) => {
    const given = v as Record<string, unknown>;
    for (const [a, b, code] of conflicts) {
      if (given[a] !== undefined && given[b] !== undefined) ctx.addIssue({ code: 'custom', message: code });
    }
  });

/**
 * An absolute path (the real product takes one) with no `.` or `..` segment; where it may point is
 * checked against the mailbox.
 */
function isAbsoluteMaildir(v: string): boolean {
  return /^(\/[\w.@+-]+)+\/?$/.test(v) && !v.split('/').some((segment) => segment === '.' || segment === '..');
}

export const updateDomainUsersInput = z
  .object({
    accountStatus: f.oneOf(ACCOUNT_STATUSES, 'INVALID_ACCOUNT_STATUS'),
    password: password(),
    password_hash: passwordHash(),
    language: language(),
    transport: transport(),
  })
  .superRefine(noPasswordAndHash);

/** List flags of the real product: on when the parameter is present at all, whatever its value (even `no`). */
export const listUsersInput = z.object({ email_only: f.present(), disabled_only: f.present() });

export type UpdateUserInput = z.output<typeof updateUserInput>;
