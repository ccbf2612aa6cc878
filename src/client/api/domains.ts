/** Mail domains: `/api/domain/<domain>`, `/api/domains`, and domain admins `/api/domain/admins/<domain>`. */
import { z } from 'zod';
import { DOMAIN_PROFILES, USER_PREFERENCES, USER_PROFILES } from '../../common/domain-vocabulary';
import type { ApiCaller } from '../api-caller';
import { ApiArea } from './api-area';
import { accountRow, flag, list, num, settings, text } from '../normalize';
import { accountDates } from './account-rows';
import { pathSegment } from '../form';
import type { ListedRead } from './common';
import { domainPath, formFrom, keepingMailboxes, namesIn, readAccount } from './common';
import { accountStatus, count, displayName, domainName, emailAddress, emailList, language } from './fields';

/** Domain profiles a global admin can hide from normal admins (`disableDomainProfile`). */
export const domainProfile = z.enum(DOMAIN_PROFILES);
/** User profiles a global admin can hide from normal admins (`disableUserProfile`). */
export const userProfile = z.enum(USER_PROFILES);
/** Self-service preferences (`disableUserPreference`). */
export const userPreference = z.enum(USER_PREFERENCES);
/** Domain services: `self-service` everywhere; the others (`mail`, `domainalias`, …) exist on LDAP backends. */
export const domainService = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'must be a service name such as self-service');

export const domainCreateSchema = z.strictObject({
  name: displayName.optional(),
  /** Mailbox quota of the whole domain, MB (read back as `maxquota`). */
  quota: count.optional(),
  language: language.optional(),
  transport: z.string().optional(),
  defaultQuota: count.optional(),
  maxUserQuota: count.optional(),
  numberOfUsers: count.optional(),
  numberOfAliases: count.optional(),
  /** Taken at creation only: a PUT does not change it. */
  numberOfLists: count.optional(),
  senderBcc: emailAddress.optional(),
  recipientBcc: emailAddress.optional(),
});
export type DomainCreateInput = z.input<typeof domainCreateSchema>;

export const domainUpdateSchema = z
  .strictObject({
    name: displayName.optional(),
    accountStatus: accountStatus.optional(),
    quota: count.optional(),
    language: language.optional(),
    transport: z.string().optional(),
    minPasswordLength: count.optional(),
    maxPasswordLength: count.optional(),
    defaultQuota: count.optional(),
    maxUserQuota: count.optional(),
    numberOfUsers: count.optional(),
    numberOfAliases: count.optional(),
    /** `''` clears it. */
    senderBcc: z.union([emailAddress, z.literal('')]).optional(),
    /** `''` clears it. */
    recipientBcc: z.union([emailAddress, z.literal('')]).optional(),
    isBackupMx: z.boolean().optional(),
    /** Host or IP of the primary MX, optional port: `[mail.example.com]:25`. */
    primaryMx: z.string().optional(),
    /** Catch-all addresses; `[]` disables catch-all. */
    catchall: emailList.optional(),
    /** e.g. `smtp:[192.168.1.2]:25`; `''` disables the outbound relay. */
    outboundRelay: z.string().optional(),
    /** SQL edition: the complete set of enabled services; `[]` disables them all. */
    services: z.array(domainService).optional(),
    /** SQL edition: services to enable. */
    addService: z.array(domainService).optional(),
    /** SQL edition: services to disable. */
    removeService: z.array(domainService).optional(),
    /** LDAP edition only (the SQL edition ignores it): services to enable. */
    enableService: z.array(domainService).optional(),
    /** LDAP edition only (the SQL edition ignores it): services to disable. */
    disableService: z.array(domainService).optional(),
    /**
     * LDAP edition only (the SQL edition ignores it): disable every service, mail included; sent as
     * `removeAllServices=`.
     */
    removeAllServices: z
      .literal(true)
      .transform(() => null)
      .optional(),
    disableDomainProfile: z.array(domainProfile).optional(),
    enableDomainProfile: z.array(domainProfile).optional(),
    disableUserProfile: z.array(userProfile).optional(),
    enableUserProfile: z.array(userProfile).optional(),
    disableUserPreference: z.array(userPreference).optional(),
    enableUserPreference: z.array(userPreference).optional(),
  })
  .refine((v) => (v.isBackupMx === undefined) === (v.primaryMx === undefined) || v.isBackupMx === false, {
    message: 'isBackupMx=true and primaryMx must be used together',
    path: ['primaryMx'],
  })
  .refine((v) => !(v.isBackupMx === true && v.transport !== undefined), {
    message: 'transport conflicts with isBackupMx/primaryMx',
    path: ['transport'],
  });
export type DomainUpdateInput = z.input<typeof domainUpdateSchema>;

/** Update parameters the API spells differently (create takes none of them). */
const DOMAIN_RENAMED = { isBackupMx: 'is_backupmx', primaryMx: 'primarymx' } as const;

/** What a domain's GET answers beyond its `domain` row; a list row must carry all of it to stand in for the GET. */
const domainGetExtras = {
  sbcc_addr: text.optional(),
  rbcc_addr: text.optional(),
  catchall: list.optional(),
  relayhost: text.optional(),
  num_existing_users: num.optional(),
  num_existing_aliases: num.optional(),
  num_existing_lists: num.optional(),
};

/**
 * A domain as GET returns it: the `domain` row plus bcc, catch-all, relay and counters. The API's
 * `quota` (whole domain, MB) is the `maxquota` column; `maxUserQuota` is `settings.max_user_quota`;
 * services are `settings.enabled_services`.
 */
export const domainSchema = accountRow({
  domain: z.string(),
  description: text.optional(),
  aliases: num.optional(),
  mailboxes: num.optional(),
  maillists: num.optional(),
  /** The domain's quota as the API sets it (`quota`), MB; 0 = unlimited. */
  maxquota: num.optional(),
  /** A column of iRedMail's schema that the API does not use for the domain quota: read `maxquota`. */
  quota: num.optional(),
  transport: text.optional(),
  backupmx: flag.optional(),
  active: flag.optional(),
  settings: settings.optional(),
  ...accountDates,
  ...domainGetExtras,
});
export type Domain = z.infer<typeof domainSchema>;

/** Domains list entries: full rows, or names only (`nameOnly`). */
const domainNames = namesIn('domain');
/**
 * Full rows: the real product answers an object keyed by domain name (each value the row); a
 * row without its own `domain` key takes it from the key. A plain array of rows is read too.
 */
const domainRows = z.union([
  z.array(domainSchema),
  z
    .record(z.string(), z.unknown())
    .pipe(
      z.transform((byName: Record<string, unknown>) =>
        Object.entries(byName).map(([name, row]) =>
          row !== null && typeof row === 'object' && !Array.isArray(row) ? { domain: name, ...row } : row,
        ),
      ),
    )
    .pipe(z.array(domainSchema)),
]);

/** Domain admins list: emails, or rows carrying the email under a known key. */
const adminEmails = z
  .array(
    z.union([
      z.string(),
      z
        .looseObject({ username: z.string().optional(), mail: z.string().optional(), admin: z.string().optional() })
        .transform((row) => row.username ?? row.mail ?? row.admin ?? ''),
    ]),
  )
  .transform((emails) => emails.filter((email) => email !== ''));

export interface DomainDeleteOptions {
  /** Keep the domain's mailboxes for this many days (otherwise the server's default applies). */
  keepMailboxDays?: number;
}

export interface DomainUpdateOptions {
  /**
   * The real product clears the catch-all and the outbound relay when a PUT omits them. With
   * `preserveUnsent` (default) the client reads the domain first and re-sends their current values
   * when the update does not set them.
   */
  preserveUnsent?: boolean;
}

export interface DomainListOptions {
  disabledOnly?: boolean;
}

/**
 * An unknown domain is reported by the product as `INVALID_DOMAIN_NAME` on reads. The client has
 * checked the name's syntax before sending it, so on these reads that code means "not found".
 */
const DOMAIN_NOT_FOUND = ['INVALID_DOMAIN_NAME'];

export class DomainsApi extends ApiArea {
  readonly admins: DomainAdminsApi;

  constructor(caller: ApiCaller) {
    super(caller);
    this.admins = new DomainAdminsApi(caller);
  }

  /** The domain's profile, or `null` when it does not exist. */
  async get(domain: string): Promise<Domain | null> {
    const name = this.caller.parseInput({ method: 'GET', path: '/api/domain/<domain>' }, domainName, domain);
    const path = `/api/domain/${pathSegment(name)}`;
    const fromList: ListedRead = {
      kind: 'domains',
      scope: '',
      path: '/api/domains',
      nameKey: 'domain',
      name,
      required: () => Object.keys(domainGetExtras),
    };
    return readAccount(this.caller, { path, notFoundCodes: DOMAIN_NOT_FOUND, fromList }, domainSchema);
  }

  async create(domain: string, input: DomainCreateInput = {}): Promise<void> {
    const path = domainPath(this.caller, 'POST', '/api/domain', domain);
    const params = formFrom(this.caller, { method: 'POST', path }, domainCreateSchema, {}, input);
    await this.caller.call({ method: 'POST', path, params, readBack: async () => (await this.get(domain)) !== null });
  }

  async update(domain: string, input: DomainUpdateInput, options: DomainUpdateOptions = {}): Promise<void> {
    const path = domainPath(this.caller, 'PUT', '/api/domain', domain);
    const params = formFrom(this.caller, { method: 'PUT', path }, domainUpdateSchema, DOMAIN_RENAMED, input);
    if ((options.preserveUnsent ?? true) && (input.catchall === undefined || input.outboundRelay === undefined)) {
      const current = await this.get(domain);
      if (current && input.catchall === undefined && current.catchall !== undefined) params.catchall = current.catchall;
      if (current && input.outboundRelay === undefined && current.relayhost) params.outboundRelay = current.relayhost;
    }
    await this.caller.call({ method: 'PUT', path, params, notFoundCodes: DOMAIN_NOT_FOUND });
  }

  /** Deletes the domain. The real product reports success even when it does not exist. */
  async delete(domain: string, options: DomainDeleteOptions = {}): Promise<void> {
    const path = domainPath(this.caller, 'DELETE', '/api/domain', domain);
    const site = { method: 'DELETE', path } as const;
    await this.caller.call({
      method: 'DELETE',
      path: keepingMailboxes(this.caller, site, path, options.keepMailboxDays),
    });
  }

  /**
   * All domains the admin manages: names only with `nameOnly: true`, else full rows. The product
   * turns a flag on whenever it is present (even `name_only=no`), so an unset flag is not sent.
   */
  list(options: DomainListOptions & { nameOnly: true }): Promise<string[]>;
  list(options?: DomainListOptions & { nameOnly?: false }): Promise<Domain[]>;
  async list(options: DomainListOptions & { nameOnly?: boolean } = {}): Promise<string[] | Domain[]> {
    const path = '/api/domains';
    const envelope = await this.caller.call({
      method: 'GET',
      path,
      params: {
        name_only: options.nameOnly ? true : undefined,
        disabled_only: options.disabledOnly ? true : undefined,
      },
    });
    const site = { method: 'GET', path } as const;
    return options.nameOnly
      ? this.caller.parseData(site, domainNames, envelope._data ?? [])
      : this.caller.parseData(site, domainRows, envelope._data ?? {});
  }
}

/** Normal domain admins of one domain: `PUT`/`GET /api/domain/admins/<domain>`. */
export class DomainAdminsApi extends ApiArea {
  #path(method: 'GET' | 'PUT', domain: string): string {
    return domainPath(this.caller, method, '/api/domain/admins', domain);
  }

  /** Emails of the domain's admins. */
  async get(domain: string): Promise<string[]> {
    const path = this.#path('GET', domain);
    const envelope = await this.caller.call({ method: 'GET', path, notFoundCodes: DOMAIN_NOT_FOUND });
    return this.caller.parseData({ method: 'GET', path }, adminEmails, envelope._data ?? []);
  }

  async add(domain: string, admins: readonly string[]): Promise<void> {
    await this.#put(domain, { addAdmin: this.#emails(admins) });
  }

  async remove(domain: string, admins: readonly string[]): Promise<void> {
    await this.#put(domain, { removeAdmin: this.#emails(admins) });
  }

  async removeAll(domain: string): Promise<void> {
    // The doc's spelling: the parameter's presence with an empty value.
    await this.#put(domain, { removeAllAdmins: null });
  }

  #emails(admins: readonly string[]): string[] {
    return this.caller.parseInput({ method: 'PUT', path: '/api/domain/admins/<domain>' }, emailList.min(1), admins);
  }

  async #put(domain: string, params: Record<string, string[] | null>): Promise<void> {
    const path = this.#path('PUT', domain);
    await this.caller.call({ method: 'PUT', path, params });
  }
}
