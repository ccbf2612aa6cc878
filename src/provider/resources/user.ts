/** `iredadmin_user`: a mail user (mailbox), its password, quota, forwardings, alias addresses and services. */
import type { IRedAdminClient, User, UserCreateInput, UserUpdateInput } from '../../client';
import { MAIL_SERVICES } from '../../common/mail-services';
import { attributesFor, type Issue, type Values } from '../framework';
import {
  accountStatus,
  addressSet,
  amount,
  bccPair,
  byEmail,
  createThenUpdate,
  displayName,
  keepMailboxDays,
  keepMailboxOption,
  language,
  storedText,
  PASSWORD_ON_CREATE,
  passwordConflict,
  passwordTrio,
  transport,
  renamableAddress,
  subsetOf,
  defineResourceWithDataSource,
} from '../kit';

const a = attributesFor<User>();

const SERVICES: readonly string[] = MAIL_SERVICES;
/** What POST /api/user accepts; the rest of a create is sent as a PUT right after. */
const CREATE_PARAMS = ['name', 'password', 'language', 'quota'];

const userAttributes = {
  email: renamableAddress<User>(
    (u) => u.username,
    'The address, e.g. `jane@example.com`; its domain must exist. Changing it within the domain renames the ' +
      'user in place ' +
      '(`change_email`): forwardings, alias addresses, alias and list memberships, admin rights, bcc, throttles ' +
      'and spam policy follow; the maildir stays where it is.',
  ),
  ...passwordTrio<User>('a user'),
  name: displayName<User>((u) => u.name, ['Jane Doe', 'Jane Roe']),
  language: language<User>(
    (u) => u.language,
    "Preferred language, e.g. `en_US`. Default: the domain's default language.",
  ),
  quota: amount<User>({
    param: 'quota',
    read: (u) => u.quota,
    samples: [1024, 2048],
    description:
      "Mailbox quota in MB; 0 = unlimited. Default: the domain's `default_quota`. The server clamps a quota " +
      "above the domain's " +
      '`max_user_quota` (or above what is left of its `quota`): apply then fails on `quota` naming both values, ' +
      'and the state holds what the server stored.',
    errorCodes: ['INVALID_QUOTA_SIZE', 'EXCEEDED_DOMAIN_QUOTA_SIZE', 'EXCEED_LIMIT_QUOTA'],
  }),
  account_status: accountStatus<User>((u) => u.active, '`active` (default) or `disabled`.'),
  employee_id: a.string({
    samples: ['E-1', 'E-2'],
    optional: true,
    param: 'employeeId',
    validators: [storedText(255)],
    read: (u) => u.employeeid ?? '',
    description: 'Employee ID, free text.',
    errorCodes: ['INVALID_EMPLOYEEID'],
  }),
  transport: transport<User>(
    (u) => u.transport,
    'Postfix transport of this user, e.g. `dovecot`; `""` on the server = the domain\'s transport.',
    ['smtp:[192.0.2.1]:25', 'dovecot'],
  ),
  forwarding: addressSet<User>({
    samples: [(c) => [`${c.key}.fw@example.net`], (c) => [`${c.key}@${c.domain}`, `${c.key}.fw2@example.net`]],
    read: (u) => u.forwardings,
    write: (next) => (next === null ? {} : { forwarding: next }),
    description:
      "Forward mail to these addresses. Include the user's own address to keep a copy in the mailbox; " +
      '`[]` = no forwarding (mail is delivered to the mailbox).',
    errorCodes: ['INVALID_FORWARDING_ADDRESS'],
  }),
  aliases: addressSet<User>({
    samples: [
      (c) => [`${c.key}.alias@${c.domain}`],
      (c) => [`${c.key}.alias2@${c.domain}`, `${c.key}.alias3@${c.domain}`],
    ],
    read: (u) => u.aliases,
    write: (next) => (next === null ? {} : { aliases: next }),
    description:
      'Per-user alias addresses delivering to this user, in domains the admin manages. An address already used ' +
      'by another account is not assigned: apply then fails on `aliases`, naming what the server kept. `[]` ' +
      'removes them all.',
    errorCodes: ['INVALID_ALIAS_ADDRESS', 'ALIAS_DOMAIN_NOT_MANAGED'],
  }),
  services: a.stringSet({
    samples: [
      ['imap', 'smtp'],
      ['pop3', 'deliver'],
    ],
    optional: true,
    validators: [subsetOf(SERVICES)],
    read: (u) => SERVICES.filter((s) => u[`enable${s}`] === true),
    // Exactly the listed services are enabled; `services` cannot be sent empty, so [] disables them one by one.
    write: (next) => (next === null ? {} : next.length ? { services: next } : { removeService: [...SERVICES] }),
    description: `Enabled mail services, exactly these (the others are disabled): ${SERVICES.join(', ')}.`,
    errorCodes: ['INVALID_SERVICE'],
  }),
  ...bccPair<User>(
    { sender: (u) => u.sender_bcc_address, recipient: (u) => u.recipient_bcc_address },
    { sender: 'the user sends', recipient: 'the user receives' },
  ),
  keep_mailbox_days: keepMailboxDays<User>(
    'When the user is destroyed, keep its mailbox on disk this many days (recorded for the cleanup job).',
  ),
};

type UserValues = Values<typeof userAttributes>;

function validateUser(v: UserValues): Issue[] {
  const issues = passwordConflict(v);
  if (v.email !== null && v.forwarding?.length === 1 && v.forwarding[0] === v.email) {
    issues.push({
      attribute: 'forwarding',
      summary: 'Forwarding only to the user itself',
      detail: 'Forwarding only to the own address is the same as no forwarding: write `forwarding = []`.',
    });
  }
  return issues;
}

/**
 * Sends the PUT part of a change; `forwarding = []` becomes "forward to itself", which the API stores
 * as "deliver to the mailbox".
 */
async function putChanges(client: IRedAdminClient, email: string, params: Record<string, unknown>): Promise<void> {
  const input = { ...params } as UserUpdateInput;
  // An empty `forwarding` parameter means "not given" to the API.
  if (input.forwarding && input.forwarding.length === 0) input.forwarding = [email];
  if (Object.keys(input).length) await client.users.update(email, input);
}

export const userRegistration = defineResourceWithDataSource({
  typeName: 'iredadmin_user',
  description:
    'A mail user (mailbox) of iRedMail: password, quota, forwardings, per-user alias addresses, services and bcc. ' +
    'Changing `email` within its domain renames the user in place; moving it to another domain replaces the user ' +
    '(a new, empty mailbox). Destroy deletes the user; its mailbox on disk is kept ' +
    '(`keep_mailbox_days` days, or until removed by hand when unset), as iRedMail does.',
  attributes: userAttributes,
  ...byEmail.resource('the email address, e.g. `jane@example.com`'),
  validate: validateUser,
  requiredOnCreate: PASSWORD_ON_CREATE,
  read: (client: IRedAdminClient, v: UserValues) => client.users.get(v.email!),
  async create(client: IRedAdminClient, v: UserValues, params) {
    const email = v.email!;
    await createThenUpdate(params, CREATE_PARAMS, {
      create: (p) => client.users.create(email, p as UserCreateInput),
      update: (p) => putChanges(client, email, p),
      remove: () => client.users.delete(email),
    });
  },
  async update(client: IRedAdminClient, v: UserValues, prior: UserValues, params) {
    const email = v.email!;
    const previous = prior.email!;
    // Rename first, so the rest may refer to the new address (e.g. keep the old one as an alias).
    if (previous === email) return putChanges(client, email, params);
    await client.users.changeEmail(previous, email);
    try {
      await putChanges(client, email, params);
    } catch (error) {
      // Terraform keeps the prior state (the old address) on failure: put the user back there.
      await client.users.changeEmail(email, previous).catch(() => undefined);
      throw error;
    }
  },
  delete: (client: IRedAdminClient, v: UserValues) => client.users.delete(v.email!, keepMailboxOption(v)),
  dataSource: {
    description: 'Reads an existing mail user.',
    lookup: { email: 'The user to read.' },
  },
});
