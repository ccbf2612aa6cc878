/**
 * Objects named by an email address (users, aliases, lists, admins) or a domain name (domains,
 * domain admins): the identifying attribute, the ID, the import ID and the data source's lookup
 * attribute, declared once. The engine hands handlers canonical values, so the ID is the
 * attribute's value as it is.
 */
import { attributesFor, type AttributeSpec, type ReplaceWhen, type Sample, type Validator } from '../framework';
import { canonicalDomain, canonicalEmail, domainName, emailAddress } from './validators';

/** What a resource says about its identifying attribute; the kit adds the rest. */
export interface KeySpec<Data> {
  readonly description: string;
  readonly read: (data: Data) => string;
  readonly samples: readonly [Sample<'string'>, Sample<'string'>];
  readonly requiresReplace: true | ReplaceWhen<string>;
  readonly errorCodes: readonly string[];
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
  const importId = (id: string) => {
    if (form.validator(id)) throw new Error(`"${id}" is not ${form.notA}.`);
    return { [name]: form.canonical(id) } as { [K in N]: string };
  };
  return {
    name,
    /** The resource's identifying attribute: required, checked, compared in canonical form. */
    attribute: <Data>(spec: KeySpec<Data>): AttributeSpec<'string', Data> =>
      attributesFor<Data>().string({ ...checked, ...spec }),
    /** The data source's lookup attribute. */
    lookup: <Data>(read: (data: Data) => string, description: string): AttributeSpec<'string', Data> =>
      attributesFor<Data>().string({ ...checked, read, description }),
    identity,
    /** `identity`, `importId` and `importIdFormat` of a resource definition. */
    resource: (importIdFormat: string) => ({ identity, importId, importIdFormat }),
  };
}

export const byEmail = keyedBy('email', {
  validator: emailAddress,
  canonical: canonicalEmail,
  notA: 'an email address',
});
export const byDomain = keyedBy('domain', { validator: domainName, canonical: canonicalDomain, notA: 'a domain name' });
