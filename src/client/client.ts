/** `IRedAdminClient`: one typed method group per API area over a shared session and transport. */
import { ApiCaller } from './api-caller';
import { AdminsApi } from './api/admins';
import { AliasesApi } from './api/aliases';
import { DomainsApi } from './api/domains';
import { LdifApi } from './api/ldif';
import type { MailingListApiKind, MailingListsApiFor } from './api/mailing-lists';
import { LdapMailingListsApi, SqlMailingListsApi } from './api/mailing-lists';
import { SpamPoliciesApi } from './api/spam-policies';
import { ThrottlesApi } from './api/throttles';
import { UsersApi } from './api/users';
import { WblistApi } from './api/wblist';
import { GreylistingApi } from './api/greylisting';
import { makeLog } from './logger';
import { ReadSnapshots } from './read-snapshots';
import type { IRedAdminClientOptions } from './options';
import { resolveOptions } from './options';
import { Transport } from './transport';

export class IRedAdminClient<K extends MailingListApiKind = 'sql'> {
  readonly domains: DomainsApi;
  readonly admins: AdminsApi;
  readonly users: UsersApi;
  readonly aliases: AliasesApi;
  readonly mailingLists: MailingListsApiFor<K>;
  readonly spamPolicies: SpamPoliciesApi;
  readonly throttles: ThrottlesApi;
  readonly ldif: LdifApi;
  /** amavisd white/blacklists (`/api/wblist`). */
  readonly wblist: WblistApi;
  /** iRedAPD greylisting (`/api/greylisting`). */
  readonly greylisting: GreylistingApi;
  /** The base URL calls go to (no credentials in it). */
  readonly baseUrl: string;
  // Private so that logging or inspecting the client never shows the password.
  readonly #caller: ApiCaller;

  constructor(options: IRedAdminClientOptions<K>) {
    const resolved = resolveOptions(options);
    const log = makeLog(resolved.logger);
    const transport = new Transport({
      baseUrl: resolved.baseUrl,
      timeoutMs: resolved.timeoutMs,
      maxConcurrency: resolved.maxConcurrency,
      maxResponseBytes: resolved.maxResponseBytes,
      tls: resolved.tls,
      log,
    });
    this.baseUrl = resolved.baseUrl;
    this.#caller = new ApiCaller(
      transport,
      { username: resolved.username, password: resolved.password },
      resolved.retries,
      log,
      new ReadSnapshots(resolved.batchReads),
    );
    this.domains = new DomainsApi(this.#caller);
    this.admins = new AdminsApi(this.#caller);
    this.users = new UsersApi(this.#caller);
    this.aliases = new AliasesApi(this.#caller);
    this.mailingLists = (
      resolved.mailingListApi === 'ldap' ? new LdapMailingListsApi(this.#caller) : new SqlMailingListsApi(this.#caller)
    ) as MailingListsApiFor<K>;
    this.spamPolicies = new SpamPoliciesApi(this.#caller);
    this.throttles = new ThrottlesApi(this.#caller);
    this.ldif = new LdifApi(this.#caller);
    this.wblist = new WblistApi(this.#caller);
    this.greylisting = new GreylistingApi(this.#caller);
  }

  /** Logs in now; otherwise the first call does. Throws `AuthError` on bad credentials. */
  login(): Promise<void> {
    return this.#caller.login();
  }

  /** Closes the connection pool. Calls after this fail. */
  close(): Promise<void> {
    return this.#caller.close();
  }
}
