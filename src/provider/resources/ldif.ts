/** `iredadmin_ldif` (data source): one account exported as LDIF, as the LDAP edition's /api/ldif does. */
import type { IRedAdminClient, LdifKind } from '../../client';
import { normalizeDomain, normalizeEmail } from '../../common/mail-names';
import { attributesFor, defineDataSource, type Validator, type Values } from '../framework';
import { emailAddress, nullIfGone, oneOf } from '../kit';

interface Exported {
  ldif: string;
}

const a = attributesFor<Exported>();

const DOMAIN_KINDS: readonly LdifKind[] = ['domain', 'catchall'];
const KINDS: readonly LdifKind[] = [...DOMAIN_KINDS, 'admin', 'user', 'maillist', 'alias'];

const domainOrEmail: Validator<string> = (v) => {
  if (v.includes('@')) return emailAddress(v);
  return normalizeDomain(v)
    ? undefined
    : `"${v}" is neither a domain name (example.com) nor an email address (user@example.com).`;
};
const canonical = (v: string): string => (v.includes('@') ? normalizeEmail(v) : normalizeDomain(v)) ?? v;

const attributes = {
  kind: a.string({
    required: true,
    validators: [oneOf(KINDS)],
    description: `What to export: ${KINDS.map((k) => `\`${k}\``).join(', ')}.`,
  }),
  target: a.string({
    required: true,
    validators: [domainOrEmail],
    normalize: canonical,
    description:
      'A domain name for `domain` and `catchall`, an email address for `admin`, `user`, `maillist` and `alias`.',
  }),
  ldif: a.string({
    computed: true,
    read: (d) => d.ldif,
    description: "The LDIF text (entries of iRedMail's LDAP schema).",
  }),
};

type LdifValues = Values<typeof attributes>;

export const ldifDataSource = defineDataSource<Exported, typeof attributes, IRedAdminClient>({
  typeName: 'iredadmin_ldif',
  description: [
    'Exports a domain, its catch-all, an admin, a user, a mailing list or an alias as LDIF text, e.g. to move it ' +
      'to an LDAP-backed iRedMail.',
    '',
    'Only servers with the LDIF export support it (the LDAP edition of iRedAdmin-Pro, and our server); on the ' +
      'SQL edition reading it fails with an error saying so.',
  ].join('\n'),
  attributes,
  identity: (v: LdifValues) => `${v.kind ?? ''}/${canonical(v.target ?? '')}`,
  async read(client: IRedAdminClient, v: LdifValues): Promise<Exported | null> {
    const kind = v.kind as LdifKind;
    const wantsDomain = DOMAIN_KINDS.includes(kind);
    if (wantsDomain === v.target!.includes('@')) {
      throw new Error(
        `kind = "${kind}" needs ${wantsDomain ? 'a domain name' : 'an email address'} as target, not "${v.target}".`,
      );
    }
    const ldif = await nullIfGone(() => client.ldif.export(kind, v.target!));
    return ldif === null ? null : { ldif };
  },
});
