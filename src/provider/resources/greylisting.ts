/** `iredadmin_greylisting`: iRedAPD greylisting of the server, a domain or a user, with its whitelists. */
import type { GreylistingStatus, IRedAdminClient, PolicyTarget } from '../../client';
import { attributesFor, defineDataSource, defineResource, type Issue, type Values } from '../framework';
import {
  byTarget,
  canonicalDomain,
  canonicalSenders,
  domainName,
  policyTarget,
  SENDER_FORMS,
  senderSet,
  targetAttribute,
  targetLookup,
  writesWhole,
} from '../kit';

interface Greylisting {
  status: GreylistingStatus;
  senders: string[];
  /** Server-wide; read for `global` only. */
  spfDomains: string[];
}

const a = attributesFor<Greylisting>();

const domainSet = (list: string[]) => list.map((d) => domainName(d)).find((problem) => problem !== undefined);
const canonicalDomains = (list: string[]) => list.map(canonicalDomain);

const TARGET =
  'Whose greylisting: `global` (the whole server), a domain name (`example.com`) or an email address ' +
  "(`user@example.com`). iRedAPD applies the user's setting first, then the domain's, then the global one.";

const greylistingAttributes = {
  target: targetAttribute<Greylisting>({
    description: `${TARGET} Changing it replaces the resource.`,
    errorCodes: ['INVALID_DOMAIN_NAME', 'INVALID_MAIL'],
  }),
  enabled: a.bool({
    required: true,
    read: (d) => d.status === 'enabled',
    description:
      'Whether mail to the target is greylisted (a first delivery attempt from an unknown sender is deferred).',
    errorCodes: ['INVALID_GREYLISTING_STATUS'],
  }),
  whitelisted_senders: a.stringSet({
    samples: [['192.0.2.1'], ['@example.org', '198.51.100.0/24']],
    optional: true,
    default: [],
    validators: [senderSet],
    normalize: canonicalSenders,
    read: (d) => d.senders,
    description:
      `Senders never greylisted for the target. Each entry is ${SENDER_FORMS}. The whole set belongs to this ` +
      'resource: entries added elsewhere show as a diff. Default empty.',
    errorCodes: ['INVALID_GREYLISTING_SENDER'],
  }),
  whitelisted_spf_domains: a.stringSet({
    samples: [['google.com'], ['example.org', 'example.net']],
    sampleWith: () => ({ target: 'global' }),
    optional: true,
    default: [],
    validators: [domainSet],
    normalize: canonicalDomains,
    read: (d) => d.spfDomains,
    description:
      '`global` only: domains (e.g. `google.com`) whose mail servers, as their SPF and MX records name them, are ' +
      "never greylisted (iRedAPD's cron job resolves them). Server-wide, owned by this resource. Default empty.",
  }),
};

type GreylistingValues = Values<typeof greylistingAttributes>;

const isGlobal = (target: PolicyTarget): boolean => 'global' in target;

async function readSettings(client: IRedAdminClient, target: PolicyTarget): Promise<Greylisting> {
  const [status, whitelist] = await Promise.all([
    client.greylisting.getStatus(target),
    client.greylisting.getWhitelist(target),
  ]);
  const spfDomains = isGlobal(target) ? (whitelist.spfDomains ?? (await client.greylisting.getSpfDomains())) : [];
  return { status, senders: canonicalSenders(whitelist.senders), spfDomains: canonicalDomains(spfDomains) };
}

/** A domain or user without its own setting has no greylisting resource (it inherits); `global` always has one. */
async function read(client: IRedAdminClient, v: GreylistingValues): Promise<Greylisting | null> {
  const settings = await readSettings(client, policyTarget(v.target!));
  return settings.status === 'inherit' ? null : settings;
}

/** Whole sets are replaced (`senders`, `domains`): unlike `removeSenders`, that touches no other account. */
async function write(client: IRedAdminClient, v: GreylistingValues): Promise<void> {
  const target = policyTarget(v.target!);
  await client.greylisting.setStatus(target, v.enabled ? 'enabled' : 'disabled');
  await client.greylisting.setWhitelist(target, v.whitelisted_senders ?? []);
  if (isGlobal(target)) await client.greylisting.setSpfDomains(v.whitelisted_spf_domains ?? []);
}

export const greylistingResource = defineResource({
  typeName: 'iredadmin_greylisting',
  description: [
    'iRedAPD greylisting of the server (`global`), a domain or a user: on or off, the senders never greylisted, ' +
      'and (for `global`) the domains whose mail servers are never greylisted.',
    '',
    'The whitelists belong wholly to the resource: entries added outside Terraform show as a diff and are ' +
      'removed on the next apply.',
    '',
    "**Destroy** removes a domain's or user's own setting and whitelist (it inherits again). For `global` it " +
      "restores the server's default: greylisting enabled (as iRedAPD installs it), no whitelisted senders, no SPF " +
      'domains.',
  ].join('\n'),
  attributes: greylistingAttributes,
  ...byTarget.resource,
  validate(v: GreylistingValues) {
    const issues: Issue[] = [];
    if (v.target !== null && v.target !== 'global' && (v.whitelisted_spf_domains?.length ?? 0) > 0) {
      issues.push({
        attribute: 'whitelisted_spf_domains',
        summary: 'whitelisted_spf_domains is server-wide',
        detail:
          'iRedAPD keeps one set of SPF domains for the whole server: set it on the resource whose target is ' +
          '"global", and remove it here.',
      });
    }
    return issues;
  },
  read,
  ...writesWhole(write),
  async delete(client: IRedAdminClient, v: GreylistingValues) {
    const target = policyTarget(v.target!);
    await client.greylisting.setWhitelist(target, []);
    if ('global' in target) {
      await client.greylisting.setSpfDomains([]);
      await client.greylisting.setStatus(target, 'enabled');
    } else {
      await client.greylisting.inherit(target);
    }
  },
});

const dataAttributes = {
  target: targetLookup<Greylisting>(),
  status: a.string({
    computed: true,
    read: (d) => d.status,
    description: '`enabled`, `disabled`, or `inherit` (a domain or user without its own setting).',
  }),
  whitelisted_senders: a.stringSet({
    computed: true,
    read: (d) => d.senders,
    description: 'Senders never greylisted for the target.',
  }),
  whitelisted_spf_domains: a.stringSet({
    computed: true,
    read: (d) => d.spfDomains,
    description: '`global` only (empty otherwise): domains whose mail servers are never greylisted.',
  }),
};

export const greylistingDataSource = defineDataSource({
  typeName: 'iredadmin_greylisting',
  description:
    'Reads the greylisting setting of the server, a domain or a user, and its whitelists (`status` is `inherit` ' +
    'when a domain or user has no setting of its own).',
  attributes: dataAttributes,
  identity: byTarget.identity,
  read: (client: IRedAdminClient, v: Values<typeof dataAttributes>) => readSettings(client, policyTarget(v.target!)),
});
