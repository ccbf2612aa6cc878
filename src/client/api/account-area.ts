/**
 * The areas of email-keyed accounts (`/api/user/<mail>`, `/api/alias/<mail>`, `/api/admin/<mail>`,
 * `/api/ml/<mail>`, `/api/maillist/<mail>`): get, create, update, delete and the domain's list work
 * alike. An area is its `AccountSpec` (URL, schemas, the parameters the API spells differently),
 * given once: `class AdminsApi extends accountArea({ base: '/api/admin', … }) { … }`; what is really
 * its own (delete options, a GET flag, change_email) the class adds itself.
 */
import { z } from 'zod';
import type { ApiCaller } from '../api-caller';
import type { FormParams } from '../form';
import type { HttpMethod } from '../http-types';
import { ApiArea } from './api-area';
import type { ListedRead, WireRenames } from './common';
import { domainPath, formFrom, inDomainList, mailPath, namesIn, readAccount, secretsOf, segment } from './common';
import { emailAddress } from './fields';

export interface AccountSpec<
  C extends z.ZodObject = z.ZodObject,
  U extends z.ZodObject = z.ZodObject,
  R extends z.ZodType = z.ZodType,
> {
  /** The account's URL, e.g. `/api/user` (`/api/user/<mail>`). */
  readonly base: string;
  /** What POST (create) and PUT (update) read. */
  readonly create: C;
  readonly update: U;
  /** What GET answers. */
  readonly read: R;
  /** Input keys the API spells differently (both schemas; the compiler refuses unknown keys). */
  readonly renamed?: WireRenames<C> & WireRenames<U>;
}

/** The list of a domain's accounts (`GET /api/users/<domain>`): its rows, and when a row may answer a GET. */
export interface AccountList<L extends z.ZodType = z.ZodType> {
  /** e.g. `/api/users`. */
  readonly path: string;
  readonly rows: L;
  /** The row key holding the account's address. */
  readonly nameKey: string;
  /** With batched reads, a row answers `get` when it carries these keys (read-snapshots.ts). */
  readonly answersGet?: Pick<ListedRead, 'required' | 'reshape'>;
}

export interface ListedAccountSpec<
  C extends z.ZodObject = z.ZodObject,
  U extends z.ZodObject = z.ZodObject,
  R extends z.ZodType = z.ZodType,
  L extends z.ZodType = z.ZodType,
> extends AccountSpec<C, U, R> {
  readonly list: AccountList<L>;
}

/** The input may be left out where the schema makes every field optional (e.g. an alias with no members yet). */
type InputArg<S extends z.ZodType> = object extends z.input<S> ? [input?: z.input<S>] : [input: z.input<S>];

abstract class AccountArea<S extends AccountSpec> extends ApiArea {
  constructor(
    caller: ApiCaller,
    protected readonly spec: S,
  ) {
    super(caller);
  }

  /** The account, or `null` when it does not exist. */
  async get(email: string): Promise<z.infer<S['read']> | null> {
    return this.read(email);
  }

  async create(email: string, ...[input]: InputArg<S['create']>): Promise<void> {
    await this.#send('POST', email, this.spec.create, input ?? {}, async () => (await this.get(email)) !== null);
  }

  async update(email: string, input: z.input<S['update']>): Promise<void> {
    await this.#send('PUT', email, this.spec.update, input);
  }

  /** Deletes the account. The real product reports success even when it does not exist. */
  async delete(email: string): Promise<void> {
    await this.caller.call({ method: 'DELETE', path: this.path('DELETE', email) });
  }

  /** `<base>/<mail>`, the address checked before it goes into the URL. */
  protected path(method: HttpMethod, email: string): string {
    return mailPath(this.caller, method, this.spec.base, email);
  }

  /** GETs the account; `params` are the GET's flags (e.g. `with_subscribers`). */
  protected async read(email: string, params?: FormParams): Promise<z.infer<S['read']> | null> {
    return readAccount<S['read']>(this.caller, { path: this.path('GET', email), params }, this.spec.read);
  }

  /** POST `<base>/<mail>/change_email/<new_mail>` (users and aliases). */
  protected async changeAddress(email: string, newEmail: string): Promise<void> {
    const site = { method: 'POST', path: `${this.spec.base}/<mail>/change_email/<new_mail>` } as const;
    const path = `${this.path('POST', email)}/change_email/${segment(this.caller, site, emailAddress, newEmail)}`;
    const exists = async (address: string) => (await this.get(address)) !== null;
    // After an unknown outcome the rename took effect when the old name is gone and the new one exists.
    await this.caller.call({
      method: 'POST',
      path,
      readBack: async () => !(await exists(email)) && (await exists(newEmail)),
    });
  }

  async #send<F extends z.ZodObject>(
    method: 'POST' | 'PUT',
    email: string,
    schema: F,
    input: z.input<F>,
    readBack?: () => Promise<boolean>,
  ): Promise<void> {
    const path = this.path(method, email);
    const params = formFrom(this.caller, { method, path }, schema, this.spec.renamed ?? {}, input);
    await this.caller.call({ method, path, params, secrets: secretsOf(input), readBack });
  }
}

/** Filters of a domain's list of users or aliases (the SQL edition's list of mailing lists takes none). */
export interface AccountListOptions {
  disabledOnly?: boolean;
}

/** An account area whose domain has a list of them: `list`, and `get` answered from it under batched reads. */
abstract class ListedAccountArea<
  S extends ListedAccountSpec,
  O extends object = AccountListOptions,
> extends AccountArea<S> {
  override async get(email: string): Promise<z.infer<S['read']> | null> {
    const { base, list } = this.spec;
    if (!list.answersGet) return super.get(email);
    const read = inDomainList(this.caller, { one: base, list: list.path }, email, {
      nameKey: list.nameKey,
      ...list.answersGet,
    });
    return readAccount<S['read']>(this.caller, read, this.spec.read);
  }

  /** Accounts of a domain: emails with `emailOnly: true`, else full rows. */
  list(domain: string, options: O & { emailOnly: true }): Promise<string[]>;
  list(domain: string, options?: O & { emailOnly?: false }): Promise<z.infer<S['list']['rows']>[]>;
  async list(domain: string, options?: O & { emailOnly?: boolean }): Promise<string[] | z.infer<S['list']['rows']>[]> {
    const { list } = this.spec;
    const path = domainPath(this.caller, 'GET', list.path, domain);
    const flags: AccountListOptions & { emailOnly?: boolean } = options ?? {};
    // The product turns a flag on when it is present at all (even `no`): send only the ones wanted.
    const envelope = await this.caller.call({
      method: 'GET',
      path,
      params: { email_only: flags.emailOnly ? true : undefined, disabled_only: flags.disabledOnly ? true : undefined },
    });
    const data = envelope._data ?? [];
    return flags.emailOnly
      ? this.caller.parseData({ method: 'GET', path }, namesIn(list.nameKey), data)
      : this.caller.parseData({ method: 'GET', path }, z.array<S['list']['rows']>(list.rows), data);
  }
}

/** An area's class with its spec given: what `accountArea` returns, for the area to extend. */
type AccountAreaClass<S extends AccountSpec> = new (caller: ApiCaller) => AccountArea<S>;
/** The same for a listed area; `O` is what its list filters on. */
type ListedAccountAreaClass<S extends ListedAccountSpec> = new <O extends object = AccountListOptions>(
  caller: ApiCaller,
) => ListedAccountArea<S, O>;

/**
 * The class of an area over `spec`, to extend with what the area adds. Its type parameters come
 * from the schemas, so `renamed` is checked against them.
 */
export function accountArea<C extends z.ZodObject, U extends z.ZodObject, R extends z.ZodType>(
  spec: AccountSpec<C, U, R>,
): AccountAreaClass<AccountSpec<C, U, R>> {
  return class extends AccountArea<AccountSpec<C, U, R>> {
    constructor(caller: ApiCaller) {
      super(caller, spec);
    }
  };
}

/**
 * `accountArea` for an area with a list of a domain's accounts: `listedAccountArea({…})<object>`
 * where the list takes no filter.
 */
export function listedAccountArea<
  C extends z.ZodObject,
  U extends z.ZodObject,
  R extends z.ZodType,
  L extends z.ZodType,
>(spec: ListedAccountSpec<C, U, R, L>): ListedAccountAreaClass<ListedAccountSpec<C, U, R, L>> {
  return class<O extends object> extends ListedAccountArea<ListedAccountSpec<C, U, R, L>, O> {
    constructor(caller: ApiCaller) {
      super(caller, spec);
    }
  };
}

// The areas' declarations (`.d.ts`) name these classes as their bases; nothing constructs them directly.
export type { AccountArea, ListedAccountArea };
