/**
 * Reads everything adopt writes, through the client: the domains (all the admin manages, or the
 * ones asked for), their users, aliases, lists, admins, throttles, spam policies, white/blacklists
 * and greylisting, the separate admins that manage them, and (when adopting everything) the global
 * settings.
 */
import type { IRedAdminClient } from '../client';
import { ApiError } from '../client/errors';
import { MAIL_SERVICES } from '../common/mail-services';
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
const postmasterOf = (row: Row): PlanValue =>
  typeof row.email === 'string' ? [`postmaster@${domainOf(row.email)}`] : null;
/** What the server gives a new object, where that is not the empty value. */
const DEFAULTS: Partial<Record<AdoptedType, Defaults>> = {
  iredadmin_domain: { ...ACTIVE, transport: 'dovecot' },
  iredadmin_user: { ...ACTIVE, services: [...MAIL_SERVICES] },
  iredadmin_alias: { ...ACTIVE, access_policy: 'public' },
  // A new list has the domain's postmaster as its owner and moderator.
  iredadmin_maillist: { ...ACTIVE, access_policy: 'public', owners: postmasterOf, moderators: postmasterOf },
  iredadmin_admin: { ...ACTIVE, max_quota_unit: 'MB' },
};

/** White/blacklists always read as existing: only non-empty ones are adopted. */
function worthAdopting(type: AdoptedType, state: Row): boolean {
  if (type !== 'iredadmin_wblist') return true;
  return [state.whitelist, state.blacklist].some((list) => Array.isArray(list) && list.length > 0);
}

/** The per-target settings adopted for `global`, each domain and each user: import IDs with what they count as. */
const POLICIES: readonly { type: AdoptedType; suffix: string; what: PolicyCount }[] = [
  { type: 'iredadmin_throttle', suffix: '/inbound', what: 'throttles' },
  { type: 'iredadmin_throttle', suffix: '/outbound', what: 'throttles' },
  { type: 'iredadmin_spampolicy', suffix: '', what: 'spam policies' },
  { type: 'iredadmin_wblist', suffix: '/inbound', what: 'white/blacklists' },
  { type: 'iredadmin_wblist', suffix: '/outbound', what: 'white/blacklists' },
  { type: 'iredadmin_greylisting', suffix: '', what: 'greylisting settings' },
];
type PolicyCount = 'throttles' | 'spam policies' | 'white/blacklists' | 'greylisting settings';

/** The provider's import reads, skipping what this admin may not see (a normal admin's view). */
class Reader {
  readonly objects: AdoptedObject[] = [];
  /** Refused reads by resource type and code: one note each, not one per object. */
  readonly #refused = new Map<string, string[]>();

  constructor(private readonly client: IRedAdminClient) {}

  /** Reads and records an object; `required`: a refusal stops the run instead of leaving the object out. */
  async adopt(
    type: AdoptedType,
    importId: string,
    domain: string | null,
    defaults: Defaults = {},
    required = false,
  ): Promise<Row | null> {
    const read = () => readAsImport(this.client, type, importId);
    const state = required ? await read() : await this.readAllowed(type, importId, read);
    if (!state || !worthAdopting(type, state)) return null;
    const config = configFrom(type, state, { ...DEFAULTS[type], ...defaults });
    this.objects.push({ type, importId, domain, name: '', config });
    return state;
  }

  /** Null (and a note) when the server refuses this admin; other errors stop the run. */
  async readAllowed<T>(what: string, id: string, read: () => Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof ApiError && error.isPermissionDenied()) {
        const key = `${what}\0${error.code}`;
        this.#refused.set(key, [...(this.#refused.get(key) ?? []), id]);
        return null;
      }
      throw error;
    }
  }

  notes(): string[] {
    return [...this.#refused]
      .map(([key, ids]) => {
        const [what, code] = key.split('\0');
        const sorted = [...ids].sort();
        const which =
          sorted.length === 1 ? sorted[0] : `${sorted.length} of them, e.g. ${sorted.slice(0, 3).join(', ')}`;
        return `${what} ${which}: not readable with this admin's rights (${code}); left out.`;
      })
      .sort();
  }
}

export async function readInventory(client: IRedAdminClient, options: InventoryOptions): Promise<Inventory> {
  await client.login();
  const reader = new Reader(client);
  const domains = options.domains.length
    ? options.domains.map(canonicalDomainArg)
    : await client.domains.list({ nameOnly: true });
  const sorted = [...new Set(domains)].sort();
  const adminEmails = new Set<string>();
  const userEmails = new Set<string>();

  for (const domain of sorted) {
    const counts = await adoptDomain(client, reader, domain, adminEmails, userEmails, options.progress);
    options.progress(
      `${domain}: ${Object.entries(counts)
        .map(([what, n]) => `${n} ${what}`)
        .join(', ')}`,
    );
  }

  const separateAdmins = [...adminEmails]
    .filter((email) => !userEmails.has(email) && !sorted.includes(domainOf(email)))
    .sort();
  let admins = 0;
  await Promise.all(
    separateAdmins.map(async (email) => (await reader.adopt('iredadmin_admin', email, null)) && admins++),
  );
  let global = 0;
  if (!options.domains.length) {
    for (const { type, suffix } of POLICIES) if (await reader.adopt(type, `global${suffix}`, null)) global++;
  }
  options.progress(
    `separate admins: ${admins}; global throttles, spam policy, white/blacklists and greylisting: ${global}`,
  );
  const notes = [
    ...reader.notes(),
    'Global admins that manage no domain explicitly cannot be listed through the API; adopt them by hand if wanted.',
  ];
  return { domains: sorted, objects: reader.objects, notes };
}

function canonicalDomainArg(raw: string): string {
  const domain = normalizeDomain(raw);
  if (!domain) throw new UsageError(`--domain "${raw}" is not a domain name (e.g. example.com).`);
  return domain;
}

/** A mistake on the command line. */
export class UsageError extends Error {}

async function adoptDomain(
  client: IRedAdminClient,
  reader: Reader,
  domain: string,
  adminEmails: Set<string>,
  userEmails: Set<string>,
  progress: (line: string) => void,
): Promise<Record<string, number>> {
  const domainState = await reader.adopt('iredadmin_domain', domain, domain, {}, true);
  if (!domainState) throw new Error(`domain ${domain} does not exist on the server, or this admin does not manage it.`);
  const defaultQuota = domainState.default_quota ?? 0;
  const [unsortedUsers, aliases, lists] = await Promise.all([
    client.users.list(domain, { emailOnly: true }),
    client.aliases.list(domain, { emailOnly: true }),
    reader.readAllowed('mailing lists of', domain, () => client.mailingLists.list(domain, { emailOnly: true })),
  ]);
  const users = [...unsortedUsers].sort();
  progress(
    `${domain}: reading ${users.length} users, ${aliases.length} aliases, ${lists?.length ?? 0} mailing lists, ` +
      'their policies and lists…',
  );
  const counts = {
    users: 0,
    aliases: 0,
    'mailing lists': 0,
    'domain admins': 0,
    throttles: 0,
    'spam policies': 0,
    'white/blacklists': 0,
    'greylisting settings': 0,
  };
  const tally = (key: keyof typeof counts) => (found: unknown) => void (found && counts[key]++);

  await Promise.all([
    ...users.map((email) =>
      reader.adopt('iredadmin_user', email, domain, { quota: defaultQuota }).then((state) => {
        if (state) userEmails.add(email);
        tally('users')(state);
      }),
    ),
    ...aliases.sort().map((email) => reader.adopt('iredadmin_alias', email, domain).then(tally('aliases'))),
    ...(lists ?? [])
      .sort()
      .map((email) => reader.adopt('iredadmin_maillist', email, domain).then(tally('mailing lists'))),
    reader.adopt('iredadmin_domain_admins', domain, domain).then((state) => {
      for (const email of (state?.admins as string[] | null) ?? []) adminEmails.add(email);
      tally('domain admins')(state);
    }),
  ]);
  const targets = [domain, ...users];
  await Promise.all(
    targets.flatMap((target) =>
      POLICIES.map(({ type, suffix, what }) => reader.adopt(type, `${target}${suffix}`, domain).then(tally(what))),
    ),
  );
  return counts;
}
