/**
 * `iredadmin_maillist`: an mlmmj mailing list of iRedAdmin-Pro's SQL edition (`/api/ml/<mail>`),
 * with its subscribers, moderators, owners and posting rules.
 */
import type {
  IRedAdminClient,
  LdapMailingListsApi,
  SqlMailingList,
  SqlMailingListCreateInput,
  SqlMailingListsApi,
  SqlMailingListUpdateInput,
} from '../../client';
import { attributesFor, type Values } from '../framework';
import {
  ACCESS_POLICY_DOC,
  accessPolicy,
  accountStatus,
  addressSet,
  amount,
  byEmail,
  createThenUpdate,
  displayName,
  ifChanged,
  NEW_ADDRESS_CODES,
  storedText,
  toggles,
  defineResourceWithDataSource,
} from '../kit';

const a = attributesFor<SqlMailingList>();

/**
 * What POST /api/ml reads. The rest — size limit, moderators, owners (POST makes the domain's
 * postmaster both), status — follows in a PUT right after.
 */
const CREATE_PARAMS = [
  'name',
  'accessPolicy',
  'isNewsletter',
  'newsletterDescription',
  'subscribers',
  'requireConfirm',
];

const subscriberToggles = toggles('addSubscribers', 'removeSubscribers');

/** `moderators`/`owners` replace the whole set (the SQL edition has no add/remove for them); `[]` clears it. */
const wholeSet =
  (param: 'moderators' | 'owners') =>
  (next: string[] | null): Record<string, string[]> =>
    next === null ? {} : { [param]: next };

/** The list's own `description` column holds the newsletter description. */
const newsletterDescription = (d: SqlMailingList): string => {
  const column: unknown = d.newsletter_description ?? d.description;
  return typeof column === 'string' ? column : '';
};

const maillistAttributes = {
  email: byEmail.attribute<SqlMailingList>({
    samples: [(c) => `${c.key}@${c.domain}`, (c) => `${c.key}.new@${c.domain}`],
    requiresReplace: true,
    read: (d) => d.address,
    description:
      'The list address, e.g. `news@example.com`; its domain must exist. Changing it replaces the list (the API ' +
      'has no rename for lists).',
    errorCodes: [...NEW_ADDRESS_CODES, 'EXCEEDED_DOMAIN_ACCOUNT_LIMIT', 'EXCEED_LIMIT_LISTS'],
  }),
  name: displayName<SqlMailingList>((d) => d.name, ['Company news', 'Company updates']),
  access_policy: accessPolicy<SqlMailingList>({
    samples: ['membersonly', 'moderatorsonly'],
    read: (d) => d.accesspolicy,
    description: `Who may post to the list: ${ACCESS_POLICY_DOC}. Unset: the server's, \`public\` for a new list.`,
  }),
  members: addressSet<SqlMailingList>({
    samples: [(c) => [c.user], (c) => [c.otherUser, 'someone@example.net']],
    read: (d) => d.subscribers,
    // Created with the whole set (`subscribers`), then changed through add/remove; always without
    // a confirmation mail, in `normal` mode.
    write: (next, previous, op) => {
      if (op === 'create') return next?.length ? { subscribers: next, requireConfirm: false } : {};
      const change = subscriberToggles(next, previous);
      return 'addSubscribers' in change ? { ...change, requireConfirm: false } : change;
    },
    description:
      "Subscribers: the addresses that receive the list's mail (subscribed without a confirmation mail, normal " +
      'delivery); `[]` for none. ' +
      'Unset: whatever the server has.',
    errorCodes: ['INVALID_SUBSCRIBER'],
  }),
  moderators: addressSet<SqlMailingList>({
    samples: [(c) => [c.user], (c) => [c.otherUser]],
    read: (d) => d.moderators,
    write: wholeSet('moderators'),
    description:
      'Moderators: who may post when `access_policy` is `moderatorsonly` or `membersandmoderatorsonly`, and who ' +
      'approves moderated mail; `[]` for none. ' +
      "Unset: whatever the server has (a new list gets the domain's `postmaster@`).",
    errorCodes: ['INVALID_MODERATOR'],
  }),
  owners: addressSet<SqlMailingList>({
    samples: [(c) => [c.user], (c) => [c.user, c.otherUser]],
    read: (d) => d.owners,
    write: wholeSet('owners'),
    description:
      'Owners of the list (they receive its administrative mail); `[]` for none. Unset: whatever the server has ' +
      "(a new list gets the domain's `postmaster@`).",
    errorCodes: ['INVALID_OWNER'],
  }),
  max_message_size: amount<SqlMailingList>({
    param: 'maxMessageSize',
    read: (d) => d.maxmsgsize,
    samples: [1048576, 2097152],
    description: 'Largest message the list accepts, in bytes; 0 = no limit (default).',
    errorCodes: ['INVALID_MAX_MESSAGE_SIZE'],
  }),
  is_newsletter: a.bool({
    optional: true,
    param: 'isNewsletter',
    read: (d) => d.is_newsletter === true,
    description: 'A newsletter: a one-way list that people can subscribe to through a web page. Default `false`.',
    errorCodes: ['INVALID_IS_NEWSLETTER'],
  }),
  newsletter_description: a.string({
    samples: ['News of the day', 'News of the week'],
    optional: true,
    param: 'newsletterDescription',
    validators: [storedText(10_000)],
    read: newsletterDescription,
    description: "Text shown on the newsletter's subscription page (at most 10,000 characters).",
    errorCodes: ['INVALID_NEWSLETTER_DESCRIPTION'],
  }),
  account_status: accountStatus<SqlMailingList>(
    (d) => d.active,
    '`active` (default) or `disabled` (the list accepts no mail). Sent with every change: the API re-enables a ' +
      'list when a change leaves it out.',
  ),
  keep_archive: a.bool({
    optional: true,
    description:
      'When the list is destroyed, keep its mail archive on the server. Unset or `false`: the archive goes with ' +
      'the list, so nothing is left behind.',
  }),
};

type MaillistValues = Values<typeof maillistAttributes>;

/**
 * The SQL edition's list API. With the provider's `mailing_list_api = "ldap"` the client talks
 * to `/api/maillist`, whose lists have only name, policy and members: this resource refuses it.
 */
function sqlLists(client: IRedAdminClient): SqlMailingListsApi {
  const lists = client.mailingLists as SqlMailingListsApi | LdapMailingListsApi;
  if (lists.kind !== 'sql') {
    throw new Error(
      "iredadmin_maillist manages the SQL edition's mlmmj lists (/api/ml); the provider is set to " +
        'mailing_list_api = "ldap". ' +
        'On an LDAP server set mailing_list_api = "sql" only if /api/ml exists, otherwise manage the list ' +
        'outside Terraform.',
    );
  }
  return lists;
}

/** The status every PUT carries (unset: the server's, as planned from state; a new list is active). */
const statusOf = (v: MaillistValues): 'active' | 'disabled' =>
  v.account_status === 'disabled' ? 'disabled' : 'active';

const readList = (client: IRedAdminClient, email: string) => sqlLists(client).get(email, { withSubscribers: true });

export const maillistRegistration = defineResourceWithDataSource({
  typeName: 'iredadmin_maillist',
  description:
    "A mailing list of iRedAdmin-Pro's SQL edition (mlmmj, `/api/ml`): subscribers, moderators, owners, posting " +
    'policy, size limit and newsletter settings. ' +
    'Needs the provider\'s default `mailing_list_api = "sql"`; the LDAP edition\'s `/api/maillist` is not ' +
    'managed by this resource. ' +
    'Changing `email` replaces the list. Destroy deletes the list, its subscriptions and (unless `keep_archive`) ' +
    'its archive, ' +
    'and removes its address from every alias and forwarding that named it.',
  attributes: maillistAttributes,
  ...byEmail.resource('the list address, e.g. `news@example.com`'),
  read: (client: IRedAdminClient, v: MaillistValues) => readList(client, v.email!),
  async create(client: IRedAdminClient, v: MaillistValues, params) {
    const lists = sqlLists(client);
    const email = v.email!;
    await createThenUpdate(params, CREATE_PARAMS, {
      create: (p) => lists.create(email, p as SqlMailingListCreateInput),
      update: (p) => lists.update(email, { ...p, accountStatus: statusOf(v) } as SqlMailingListUpdateInput),
      remove: () => lists.delete(email, { keepArchive: false }),
    });
  },
  update: (client: IRedAdminClient, v: MaillistValues, _prior, params) =>
    ifChanged(params, (p) =>
      sqlLists(client).update(v.email!, { ...p, accountStatus: statusOf(v) } as SqlMailingListUpdateInput),
    ),
  delete: (client: IRedAdminClient, v: MaillistValues) =>
    sqlLists(client).delete(v.email!, { keepArchive: v.keep_archive === true }),
  dataSource: {
    description:
      'Reads an existing mailing list (SQL edition, `/api/ml`): its settings, subscribers, moderators and owners.',
    lookup: { email: 'The list to read.' },
  },
});
