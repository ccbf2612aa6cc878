/**
 * Reads everything adopt writes, through the client: the domains (all the admin manages, or the
 * ones asked for), their users, aliases, lists, admins, throttles and spam policies, the separate
 * admins that manage them, and (when adopting everything) the global throttles and spam policy.
 */
import type { IRedAdminClient } from '../client';
import { ApiError } from '../client/errors';
import { MAIL_SERVICES } from '../client/api/mail-services';
import { domainOf, normalizeDomain } from '../common/mail-names';
import type { PlanValue } from '../provider/framework/values';
import type { AdoptedObject, AdoptedType, Inventory } from './model';
import { configFrom, readAsImport, type Defaults } from './resource-values';

export interface InventoryOptions {
  /** Only these domains; all the admin manages when empty. */
  readonly domains: readonly string[];
  /** Progress lines (stderr in the CLI). */
  readonly progress: (line: string) => void;
}

type Row = Record<string, PlanValue>;

const ACTIVE = { account_status: 'active' };
const postmasterOf = (row: Row): PlanValue => (typeof row.email === 'string' ? [`postmaster@${domainOf(row.email)}`] : null);
/** What the server gives a new object, where that is not the empty value. */
const DEFAULTS: Partial<Record<AdoptedType, Defaults>> = {
  iredadmin_domain: { ...ACTIVE, transport: 'dovecot' },
  iredadmin_user: { ...ACTIVE, services: [...MAIL_SERVICES] },
  iredadmin_alias: { ...ACTIVE, access_policy: 'public' },
  // A new list has the domain's postmaster as its owner and moderator.
  iredadmin_maillist: { ...ACTIVE, access_policy: 'public', owners: postmasterOf, moderators: postmasterOf },
  iredadmin_admin: { ...ACTIVE, max_quota_unit: 'MB' },
};

/** The provider's import reads, skipping what this admin may not see (a normal admin's view). */
class Reader {
  readonly objects: AdoptedObject[] = [];
  readonly notes: string[] = [];

  constructor(private readonly client: IRedAdminClient) {}

  /** Reads and records an object; `required`: a refusal stops the run instead of leaving the object out. */
  async adopt(type: AdoptedType, importId: string, domain: string | null, defaults: Defaults = {}, required = false): Promise<Row | null> {
    const read = () => readAsImport(this.client, type, importId);
    const state = required ? await read() : await this.readAllowed(`${type} ${importId}`, read);
    if (!state) return null;
    const config = configFrom(type, state, { ...DEFAULTS[type], ...defaults });
    this.objects.push({ type, importId, domain, name: '', config });
    return state;
  }

  /** Null (and a note) when the server refuses this admin; other errors stop the run. */
  async readAllowed<T>(what: string, read: () => Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof ApiError && error.isPermissionDenied()) {
        this.notes.push(`${what}: not readable with this admin's rights (${error.code}); left out.`);
        return null;
      }
      throw error;
    }
  }
}

export async function readInventory(client: IRedAdminClient, options: InventoryOptions): Promise<Inventory> {
  await client.login();
  const reader = new Reader(client);
  const domains = options.domains.length ? options.domains.map(canonicalDomainArg) : await client.domains.list({ nameOnly: true });
  const sorted = [...new Set(domains)].sort();
  const adminEmails = new Set<string>();
  const userEmails = new Set<string>();

  for (const domain of sorted) {
    const counts = await adoptDomain(client, reader, domain, adminEmails, userEmails, options.progress);
    options.progress(`${domain}: ${Object.entries(counts).map(([what, n]) => `${n} ${what}`).join(', ')}`);
  }

  const separateAdmins = [...adminEmails].filter((email) => !userEmails.has(email) && !sorted.includes(domainOf(email))).sort();
  let admins = 0;
  await Promise.all(separateAdmins.map(async (email) => (await reader.adopt('iredadmin_admin', email, null)) && admins++));
  let global = 0;
  if (!options.domains.length) {
    for (const id of ['global/inbound', 'global/outbound']) if (await reader.adopt('iredadmin_throttle', id, null)) global++;
    if (await reader.adopt('iredadmin_spampolicy', 'global', null)) global++;
  }
  options.progress(`separate admins: ${admins}; global throttles and spam policy: ${global}`);
  reader.notes.push('Global admins that manage no domain explicitly cannot be listed through the API; adopt them by hand if wanted.');
  return { domains: sorted, objects: reader.objects, notes: reader.notes };
}

function canonicalDomainArg(raw: string): string {
  const domain = normalizeDomain(raw);
  if (!domain) throw new UsageError(`--domain "${raw}" is not a domain name (e.g. example.com).`);
  return domain;
}

/** A mistake on the command line. */
export class UsageError extends Error {}

async function adoptDomain(
  client: IRedAdminClient, reader: Reader, domain: string, adminEmails: Set<string>, userEmails: Set<string>, progress: (line: string) => void,
): Promise<Record<string, number>> {
  const domainState = await reader.adopt('iredadmin_domain', domain, domain, {}, true);
  if (!domainState) throw new Error(`domain ${domain} does not exist on the server, or this admin does not manage it.`);
  const defaultQuota = domainState.default_quota ?? 0;
  const [unsortedUsers, aliases, lists] = await Promise.all([
    client.users.list(domain, { emailOnly: true }),
    client.aliases.list(domain, { emailOnly: true }),
    reader.readAllowed(`mailing lists of ${domain}`, () => client.mailingLists.list(domain, { emailOnly: true })),
  ]);
  const users = [...unsortedUsers].sort();
  progress(`${domain}: reading ${users.length} users, ${aliases.length} aliases, ${lists?.length ?? 0} mailing lists, their throttles and spam policies…`);
  const counts = { users: 0, aliases: 0, 'mailing lists': 0, 'domain admins': 0, throttles: 0, 'spam policies': 0 };
  const tally = (key: keyof typeof counts) => (found: unknown) => void (found && counts[key]++);

  await Promise.all([
    ...users.map((email) => reader.adopt('iredadmin_user', email, domain, { quota: defaultQuota }).then((state) => {
      if (state) userEmails.add(email);
      tally('users')(state);
    })),
    ...aliases.sort().map((email) => reader.adopt('iredadmin_alias', email, domain).then(tally('aliases'))),
    ...(lists ?? []).sort().map((email) => reader.adopt('iredadmin_maillist', email, domain).then(tally('mailing lists'))),
    reader.adopt('iredadmin_domain_admins', domain, domain).then((state) => {
      for (const email of (state?.admins as string[] | null) ?? []) adminEmails.add(email);
      tally('domain admins')(state);
    }),
  ]);
  const targets = [domain, ...users];
  await Promise.all(targets.flatMap((target) => [
    reader.adopt('iredadmin_throttle', `${target}/inbound`, domain).then(tally('throttles')),
    reader.adopt('iredadmin_throttle', `${target}/outbound`, domain).then(tally('throttles')),
    reader.adopt('iredadmin_spampolicy', target, domain).then(tally('spam policies')),
  ]));
  return counts;
}

