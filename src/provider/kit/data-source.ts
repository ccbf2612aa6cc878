/**
 * The data source of a resource, derived from it: the resource's key attributes become required
 * lookups, every attribute the resource reads back becomes a read-only value, and it reads and
 * names the object as the resource does. What the resource never reads back (passwords,
 * destroy-time options) has nothing to show and is left out.
 */
import {
  defineResource,
  readOnly,
  type AnyAttribute,
  type Attributes,
  type ResourceDefinition,
  type SomeDataSource,
  type SomeResource,
} from '../framework';

export interface DataSourceSpec {
  readonly description: string;
  /** Each key attribute of the resource and its description as a lookup, e.g. `{ email: 'The user to read.' }`. */
  readonly lookup: Readonly<Record<string, string>>;
  /** Computed attributes only the data source has. */
  readonly extra?: Attributes;
}

/** What the provider registers for one type name: its resource, its data source, or both. */
export interface Registration<Client> {
  readonly resource?: SomeResource<Client>;
  readonly dataSource?: SomeDataSource<Client>;
}

/** A resource whose definition also declares its data source (`dataSource`, derived by `dataSourceOf`). */
export function defineResourceWithDataSource<Data, A extends Attributes<Data>, Client>(
  definition: ResourceDefinition<A, Client, Data> & { readonly dataSource: DataSourceSpec },
): Required<Registration<Client>> {
  const { dataSource, ...resourceDefinition } = definition;
  const resource = defineResource(resourceDefinition);
  return { resource, dataSource: dataSourceOf(resource, dataSource) };
}

export function dataSourceOf<Client>(resource: SomeResource<Client>, spec: DataSourceSpec): SomeDataSource<Client> {
  const lookups = Object.entries(spec.lookup).map(([name, description]) => {
    const key = resource.attributes[name];
    if (!key) throw new Error(`${resource.typeName} has no attribute "${name}" to look up by.`);
    // Checked, compared and read back as the resource's key is.
    const { kind, validators, normalize, read } = key;
    return [name, { kind, required: true, validators, normalize, read, description } as AnyAttribute] as const;
  });
  const readable = Object.entries(resource.attributes).filter(([name, a]) => !(name in spec.lookup) && a.read);
  return {
    typeName: resource.typeName,
    description: spec.description,
    attributes: { ...Object.fromEntries(lookups), ...readOnly(Object.fromEntries(readable)), ...spec.extra },
    identity: resource.identity,
    read: resource.read,
  };
}
