/** `iredadmin_alias`: a mail alias account (an address that delivers to its members), renamed in place. */
import type { Alias, AliasUpdateInput, IRedAdminClient } from '../../client';
import {
  ACCESS_POLICY_DOC,
  accessPolicy,
  accountStatus,
  addressSet,
  byEmail,
  displayName,
  ifChanged,
  renamableAddress,
  toggles,
  defineResourceWithDataSource,
} from '../kit';

/**
 * What POST /api/alias reads; the rest of a create (`accountStatus`, which the SQL edition ignores
 * on POST) is a PUT right after.
 */
const CREATE_PARAMS = ['name', 'accessPolicy', 'members'];
const memberToggles = toggles('addMember', 'removeMember');

const aliasAttributes = {
  email: renamableAddress<Alias>(
    (d) => d.address,
    'The alias address, e.g. `team@example.com`; its domain must exist. Changing it within the domain renames ' +
      'the alias in place ' +
      '(`change_email`): its members stay, and its memberships in other aliases, lists and forwardings follow.',
    ['EXCEEDED_DOMAIN_ACCOUNT_LIMIT', 'EXCEED_LIMIT_ALIASES'],
  ),
  name: displayName<Alias>((d) => d.name, ['Sales team', 'Sales people']),
  access_policy: accessPolicy<Alias>({
    samples: ['membersonly', 'domain'],
    read: (d) => d.accesspolicy,
    description: `Who may send to the alias: ${ACCESS_POLICY_DOC}. Default \`public\`.`,
  }),
  members: addressSet<Alias>({
    samples: [(c) => [c.user], (c) => [c.otherUser, 'someone@example.net']],
    read: (d) => d.members,
    // Created with the whole set; changed with addMember/removeMember: only the difference travels, and
    // `[]` can empty the set (an empty `members` parameter means "not given" to the API).
    write: (next, previous, op) =>
      op === 'create' ? (next?.length ? { members: next } : {}) : memberToggles(next, previous),
    description:
      'Addresses the alias delivers to (users, other aliases, lists or external addresses); `[]` for none. ' +
      'Unset: whatever the server has.',
    errorCodes: ['INVALID_MEMBER'],
  }),
  account_status: accountStatus<Alias>(
    (d) => d.active,
    '`active` (default) or `disabled` (mail to the alias is no longer delivered to its members).',
  ),
};

export const aliasRegistration = defineResourceWithDataSource({
  typeName: 'iredadmin_alias',
  description:
    'A mail alias account of iRedMail (SQL edition): an address that delivers to its members, with an access policy. ' +
    'Aliases of the SQL edition have no moderators (a mailing list does: `iredadmin_maillist`). ' +
    'Changing `email` within its domain renames the alias in place; moving it to another domain replaces it. ' +
    'Destroy deletes the alias and removes its address from every alias, list and forwarding that named it.',
  attributes: aliasAttributes,
  ...byEmail.resource('the alias address, e.g. `team@example.com`'),
  ...byEmail.crud((client: IRedAdminClient) => client.aliases, CREATE_PARAMS),
  async update(client: IRedAdminClient, v, prior, params) {
    // Rename first, then change the rest at the new address.
    if (prior.email !== v.email) await client.aliases.changeEmail(prior.email!, v.email!);
    await ifChanged(params, (p) => client.aliases.update(v.email!, p as AliasUpdateInput));
  },
  // Version 1 dropped `moderators` (the SQL edition's aliases have none).
  schemaVersion: 1,
  upgradeState: ({ moderators: _dropped, ...state }) => state,
  dataSource: {
    description: 'Reads an existing mail alias: its name, access policy, members and status.',
    lookup: { email: 'The alias to read.' },
  },
});
