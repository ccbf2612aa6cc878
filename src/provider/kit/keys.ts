/**
 * Objects named by an email address (users, aliases, lists, admins) or a domain name (domains,
 * domain admins): the identifying attribute, the ID and the import ID, declared once (a data
 * source looks up by the same attribute: `dataSourceOf`). The engine hands handlers canonical
 * values, so the ID is the attribute's value as it is.
 */
import { attributesFor, type AttributeSpec, type ReplaceWhen, type Sample, type Validator } from '../framework';
import { canonicalDomain, canonicalEmail, domainName, emailAddress, replacedWhenDomainChanges } from './validators';
import { createThenUpdate, ifChanged } from './writes';

/** What the API answers about a new account's address (users, aliases, lists). */
export const NEW_ADDRESS_CODES = ['INVALID_MAIL', 'INVALID_DOMAIN', 'ALREADY_EXISTS'];
/** What it answers about a rename (`change_email`). */
const RENAME_CODES = ['INVALID_NEW_EMAIL', 'NEW_EMAIL_ALREADY_EXISTS'];

/** What a resource says about its identifying attribute; the kit adds the rest. */
export interface KeySpec<Data> {
  readonly description: string;
  readonly read: (data: Data) => string;
  readonly samples: readonly [Sample<'string'>, Sample<'string'>];
  readonly requiresReplace: true | ReplaceWhen<string>;
  readonly errorCodes: readonly string[];
}

/** A client API area of objects named by their key (`client.aliases`, `client.domains`, …). */
export interface KeyedApi<Data> {
  get(key: string): Promise<Data | null>;
  /** The input's type is the area's own; the engine built it from the attributes' `param`s. */
  create(key: string, input: never): Promise<unknown>;
  update(key: string, input: never): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

interface KeyForm {
  readonly validator: Validator<string>;
  readonly canonical: (value: string) => string;
  /** For an import ID that is not one: `"x" is not <notA>.` */
  readonly notA: string;
}

function keyedBy<N extends string>(name: N, form: KeyForm) {
  const checked = { required: true, validators: [form.validator], normalize: form.canonical } as const;
  const identity = (v: { readonly [K in N]: string | null }): string => v[name] ?? '';
  const keyOf = (v: Keyed): string => v[name] ?? '';
  type Keyed = { readonly [K in N]: string | null };
  const importId = (id: string) => {
    if (form.validator(id)) throw new Error(`"${id}" is not ${form.notA}.`);
    return { [name]: form.canonical(id) } as { [K in N]: string };
  };
  return {
    name,
    /** The resource's identifying attribute: required, checked, compared in canonical form. */
    attribute: <Data>(spec: KeySpec<Data>): AttributeSpec<'string', Data> =>
      attributesFor<Data>().string({ ...checked, ...spec }),
    /** `identity`, `importId` and `importIdFormat` of a resource definition. */
    resource: (importIdFormat: string) => ({ identity, importId, importIdFormat }),
    /**
     * `read`, `create`, `update` and `delete` through one API area: create with `createKeys` and
     * PUT the rest (all in the create when not given), update only what changed.
     */
    crud: <Client, Data>(area: (client: Client) => KeyedApi<Data>, createKeys?: readonly string[]) => ({
      read: (client: Client, v: Keyed) => area(client).get(keyOf(v)),
      async create(client: Client, v: Keyed, params: Record<string, unknown>): Promise<void> {
        const [api, key] = [area(client), keyOf(v)];
        await createThenUpdate(params, createKeys ?? Object.keys(params), {
          create: (p) => api.create(key, p as never),
          update: (p) => api.update(key, p as never),
          remove: () => api.delete(key),
        });
      },
      update: (client: Client, v: Keyed, _prior: unknown, params: Record<string, unknown>) =>
        ifChanged(params, (p) => area(client).update(keyOf(v), p as never)),
      async delete(client: Client, v: Keyed): Promise<void> {
        await area(client).delete(keyOf(v));
      },
    }),
  };
}

export const byEmail = keyedBy('email', {
  validator: emailAddress,
  canonical: canonicalEmail,
  notA: 'an email address',
});
/**
 * The address of a user or an alias: renamed in place within its domain (`change_email`), replaced
 * when it moves to another domain.
 */
export const renamableAddress = <Data>(
  read: (data: Data) => string,
  description: string,
  moreErrorCodes: readonly string[] = [],
): AttributeSpec<'string', Data> =>
  byEmail.attribute<Data>({
    samples: [(c) => `${c.key}@${c.domain}`, (c) => `${c.key}.renamed@${c.domain}`],
    read,
    requiresReplace: replacedWhenDomainChanges,
    description,
    errorCodes: [...NEW_ADDRESS_CODES, ...RENAME_CODES, ...moreErrorCodes],
  });

export const byDomain = keyedBy('domain', { validator: domainName, canonical: canonicalDomain, notA: 'a domain name' });
