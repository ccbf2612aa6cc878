/** `iredadmin_domain_admins`: the complete set of admins of one domain. */
import type { IRedAdminClient } from '../../client';
import { attributesFor, defineResource, type Values } from '../framework';
import { byDomain, canonicalEmails, emailSet, nullIfGone, setChanges, writesWhole } from '../kit';

export interface DomainAdmins {
  domain: string;
  admins: string[];
}

const a = attributesFor<DomainAdmins>();

const atLeastOneAdmin = (list: string[]) =>
  list.length
    ? undefined
    : 'List at least one admin. To leave the domain without admins, remove the resource (destroy removes them all).';

const domainAdminsAttributes = {
  domain: byDomain.attribute<DomainAdmins>({
    samples: [(c) => c.domain, (c) => c.otherDomain],
    requiresReplace: true,
    read: (d) => d.domain,
    description: 'The domain, e.g. `example.com`; it must exist.',
    errorCodes: ['INVALID_DOMAIN_NAME', 'NO_SUCH_DOMAIN'],
  }),
  admins: a.stringSet({
    samples: [(c) => [c.user], (c) => [c.user, c.otherUser]],
    required: true,
    validators: [atLeastOneAdmin, emailSet],
    normalize: canonicalEmails,
    read: (d) => d.admins,
    description:
      'Every admin of the domain: separate admins (`iredadmin_admin`) or mail users. Admins attached to the ' +
      'domain outside this set are removed.',
    errorCodes: ['INVALID_ADMIN', 'CONFLICT_ADD_ADMIN_AND_REMOVE_ADMIN'],
  }),
};

type DomainAdminsValues = Values<typeof domainAdminsAttributes>;

/** The domain's admins; null when the domain is gone or has none (nothing left to manage). */
async function readAdmins(client: IRedAdminClient, domain: string): Promise<DomainAdmins | null> {
  const admins = await nullIfGone(() => client.domains.admins.get(domain));
  return admins?.length ? { domain, admins } : null;
}

/**
 * Makes the server's set exactly `wanted`, from what the server holds now (not from state: the
 * resource owns the whole set, so admins added since the last refresh go too). Adds first, so a
 * failure part-way never leaves the domain with fewer admins than before.
 */
async function converge(client: IRedAdminClient, v: DomainAdminsValues): Promise<void> {
  const domain = v.domain!;
  const had = (await readAdmins(client, domain))?.admins ?? [];
  const { add, remove } = setChanges(canonicalEmails(had), v.admins ?? []);
  if (add.length) await client.domains.admins.add(domain, add);
  if (remove.length) await client.domains.admins.remove(domain, remove);
}

export const domainAdminsResource = defineResource({
  typeName: 'iredadmin_domain_admins',
  description: [
    'The complete set of admins of one domain (`PUT /api/domain/admins/<domain>`): separate admins or mail users ' +
      'who may manage it.',
    'The resource owns the whole set: on create and update, admins of the domain that are not listed are ' +
      'removed; destroy removes every admin of the domain (`removeAllAdmins`).',
    'A domain with no admins left counts as deleted (a later plan re-creates the resource), so `admins` may not ' +
      'be empty.',
    'Global admins manage every domain without being listed here.',
  ].join(' '),
  attributes: domainAdminsAttributes,
  ...byDomain.resource('the domain name, e.g. `example.com`'),
  read: (client: IRedAdminClient, v: DomainAdminsValues) => readAdmins(client, v.domain!),
  ...writesWhole(converge),
  async delete(client: IRedAdminClient, v: DomainAdminsValues) {
    // The domain may have gone first (its rights went with it): nothing is left behind.
    await nullIfGone(() => client.domains.admins.removeAll(v.domain!));
  },
});
