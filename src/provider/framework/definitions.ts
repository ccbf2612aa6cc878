/**
 * What a resource or data source declares. Handlers receive plain typed values (never msgpack)
 * and the API parameters the framework built from the attributes' `param`/`write` mappings.
 */
import type { Attributes, Values } from './attributes';

/** A configuration problem found by a cross-attribute check. */
export interface Issue {
  readonly attribute?: string;
  readonly summary: string;
  readonly detail: string;
}

export type ApiParams = Record<string, unknown>;

export interface ResourceDefinition<A extends Attributes<Data>, Client, Data> {
  /** e.g. `iredadmin_domain`. */
  readonly typeName: string;
  /** Markdown, first sentence is the summary. */
  readonly description: string;
  readonly attributes: A;
  /** The object's `id`, from its identifying attributes. */
  identity(values: Values<A>): string;
  /** Import ID → identifying attributes. Throw an Error whose message names the expected format. */
  importId(id: string): Partial<Values<A>>;
  /** How to write an import ID, for docs and error messages. */
  readonly importIdFormat: string;
  /** Cross-attribute checks on the configuration; unknown values arrive as null. */
  validate?(config: Values<A>): Issue[];
  /** The object as the API has it, or null when it does not exist. */
  read(client: Client, state: Values<A>): Promise<Data | null>;
  create(client: Client, planned: Values<A>, params: ApiParams): Promise<void>;
  /** `params` holds the changed attributes (plus `alwaysSend`). */
  update(client: Client, planned: Values<A>, prior: Values<A>, params: ApiParams): Promise<void>;
  delete(client: Client, state: Values<A>): Promise<void>;
  /**
   * Groups of attributes of which a new object needs at least one (e.g. a password or its
   * write-only variant). Checked at plan time on create only: an existing or imported object
   * does not need them. An unknown value counts as set.
   */
  readonly requiredOnCreate?: readonly (readonly (keyof A & string)[])[];
  /** Attributes sent on every update, changed or not (for APIs that reset what is absent). */
  readonly alwaysSend?: readonly (keyof A & string)[];
  /** The schema version; raise it when attributes are removed or change meaning (default 0). */
  readonly schemaVersion?: number;
  /**
   * A state written by an older schema version (raw JSON object) → one in the current schema's
   * terms. Attributes the current schema does not have are dropped afterwards anyway, new ones
   * start null; this hook is for the steps in between (renames, changed meanings), made explicit.
   */
  upgradeState?(state: Record<string, unknown>, fromVersion: number): Record<string, unknown>;
}

export interface DataSourceDefinition<A extends Attributes<Data>, Client, Data> {
  readonly typeName: string;
  readonly description: string;
  readonly attributes: A;
  identity(values: Values<A>): string;
  /** Null → an error diagnostic "not found". */
  read(client: Client, config: Values<A>): Promise<Data | null>;
}

/** Erases a definition's value types so provider-level code can hold a list of them. */
export type SomeResource<Client> = ResourceDefinition<Attributes<never>, Client, never>;
export type SomeDataSource<Client> = DataSourceDefinition<Attributes<never>, Client, never>;

export function defineResource<Data, A extends Attributes<Data>, Client>(
  definition: ResourceDefinition<A, Client, Data>,
): SomeResource<Client> {
  return definition as unknown as SomeResource<Client>;
}

export function defineDataSource<Data, A extends Attributes<Data>, Client>(
  definition: DataSourceDefinition<A, Client, Data>,
): SomeDataSource<Client> {
  return definition as unknown as SomeDataSource<Client>;
}
