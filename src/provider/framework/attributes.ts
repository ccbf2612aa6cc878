/**
 * The attribute vocabulary of resources and data sources: what each attribute holds, how
 * Terraform treats it (required/optional/computed, sensitive, write-only, replace) and how it
 * maps onto the remote API (parameter name, how to read it back). Declared once per attribute;
 * schema, plan, apply, import, docs and constructs all come from it.
 */
import { t, type CtyType } from '../protocol';

export type AttributeKind = 'string' | 'number' | 'bool' | 'stringSet' | 'stringList' | 'stringMap';

export type KindValue<K extends AttributeKind> = K extends 'string'
  ? string
  : K extends 'number'
    ? number
    : K extends 'bool'
      ? boolean
      : K extends 'stringSet' | 'stringList'
        ? string[]
        : Record<string, string>;

/**
 * What a round-trip test sample may refer to. The domains and mail users exist on the server before
 * the instance is created (for `iredadmin_domain`, `domain` is the instance's own, not yet created).
 */
export interface SampleContext {
  /** Unique to the test instance, e.g. for a local part. */
  readonly key: string;
  readonly domain: string;
  readonly otherDomain: string;
  /** Mail users of `domain`. */
  readonly user: string;
  readonly otherUser: string;
}

/** A valid value for the round-trip tests: fixed, or made from the instance's context (an email in its domain). */
export type Sample<K extends AttributeKind> = KindValue<K> | ((context: SampleContext) => KindValue<K>);

/** A check on a known, non-null value: returns a message naming the fix, or undefined when fine. */
export type Validator<V> = (value: V) => string | undefined;

/** What any attribute may declare; `Presence`, `Storage` and `Creation` add the options that go together. */
export interface AttributeBase<K extends AttributeKind, Data> {
  readonly kind: K;
  /** Markdown; shown in docs and constructs. */
  readonly description: string;
  readonly sensitive?: boolean;
  readonly validators?: readonly Validator<KindValue<K>>[];
  /** The canonical form (e.g. lower-case email); configs and API values are compared in it, handlers get it. */
  readonly normalize?: (value: KindValue<K>) => KindValue<K>;
  /**
   * For a value that means something only together with other attributes (a quantity and its
   * unit): its canonical form computed from the whole object (unknown values arrive as null;
   * return null when it cannot be told). A configured value is planned as the prior one when
   * this agrees for configuration and prior state, e.g. `2` `TB` after `2097152` `MB`.
   */
  readonly canonicalWith?: (object: Readonly<Record<string, unknown>>) => string | number | null;
  /**
   * A change destroys and re-creates the object: `true` for any change, or only the changes
   * `when` accepts (e.g. an email moving to another domain, which the API cannot rename).
   */
  readonly requiresReplace?: boolean | ReplaceWhen<KindValue<K>>;
  /** The API parameter this attribute is sent as (create and update). */
  readonly param?: string;
  /** Limit `param` to one operation. */
  readonly paramOn?: 'create' | 'update';
  /** Custom parameters for a change (e.g. set toggles as add/remove lists); overrides `param`. */
  readonly write?: (
    next: KindValue<K> | null,
    previous: KindValue<K> | null,
    op: 'create' | 'update',
  ) => Record<string, unknown>;
  /** Reads the value from the API's answer; attributes without it keep what state or plan holds. */
  readonly read?: (data: Data) => KindValue<K> | null | undefined;
  /** For a computed attribute: attributes whose change makes its new value unknown until apply. */
  readonly unknownWhenChanged?: readonly string[];
  /**
   * Two different valid values, for the generated round-trip tests (test/provider/roundtrip.e2e.test.ts):
   * create with the first, change to the second, remove, import. Every configurable attribute needs them
   * (bool attributes default to `[true, false]`).
   */
  readonly samples?: readonly [Sample<K>, Sample<K>];
  /**
   * Other attributes a sample value needs alongside (cross-attribute rules), e.g. `primary_mx` with
   * `backup_mx = true`.
   */
  readonly sampleWith?: (
    value: KindValue<K>,
    context: SampleContext,
  ) => Readonly<Record<string, Sample<AttributeKind>>>;
  /** API error codes that are about this attribute: diagnostics then point at it. */
  readonly errorCodes?: readonly string[];
}

/**
 * Who gives the value: the configuration (`required`), the configuration or the provider
 * (`optional`, with a `default`, or `computed` when read back), or only the provider (`computed`:
 * read-only, nothing to send or sample).
 */
type Presence<K extends AttributeKind> =
  | { readonly required: true; readonly optional?: never; readonly computed?: never; readonly default?: never }
  | {
      readonly optional: true;
      readonly required?: never;
      /**
       * Optional attributes that are read back are computed too, unless this is `false`: then
       * leaving it unset means null (e.g. "remove this setting"), and a value the server holds shows as drift.
       */
      readonly computed?: boolean;
      /** Used when the configuration leaves the attribute null. */
      readonly default?: KindValue<K>;
    }
  | {
      readonly computed: true;
      readonly required?: never;
      readonly optional?: never;
      readonly default?: never;
      readonly param?: never;
      readonly write?: never;
      readonly samples?: never;
    };

/**
 * Where the value lives: in state (the usual), or write-only — only in the configuration
 * (Terraform ≥ 1.11), sent to the API and never stored, so it is sensitive, never read back,
 * has no default and cannot be compared for a replacement.
 */
type Storage =
  | {
      readonly writeOnly: true;
      readonly sensitive: true;
      /** Send it on update only when this (stored) attribute changed, e.g. `password_wo_version`. */
      readonly sendWhenChanged?: string;
      readonly read?: never;
      readonly default?: never;
      readonly computed?: never;
      readonly requiresReplace?: never;
      readonly fixedAfterCreate?: never;
      readonly unknownWhenChanged?: never;
    }
  | { readonly writeOnly?: false; readonly sendWhenChanged?: never };

/**
 * A value the API sets only at creation, where a replacement would destroy data: sent on create
 * only, and an in-place change is a plan-time error on the attribute, with `fixedAfterCreate`
 * saying why and what to do instead.
 */
type Creation =
  | { readonly fixedAfterCreate: string; readonly paramOn: 'create'; readonly requiresReplace?: never }
  | { readonly fixedAfterCreate?: never };

/**
 * One attribute. Options that only make sense together are typed so: a wrong combination (a
 * default on a required attribute, a write-only value that is read back or not sensitive,
 * `fixedAfterCreate` without `paramOn: 'create'`, …) does not compile.
 */
export type AttributeSpec<K extends AttributeKind = AttributeKind, Data = never> = AttributeBase<K, Data> &
  Presence<K> &
  Storage &
  Creation;

/** An attribute as a builder takes it: without `kind`, which the builder sets. */
type SpecOf<K extends AttributeKind, Data> =
  AttributeSpec<K, Data> extends infer S ? (S extends unknown ? Omit<S, 'kind'> : never) : never;

/**
 * A replacement for some changes only; `note` says which, for the docs ("Moving it to another domain
 * replaces the object.").
 */
export interface ReplaceWhen<V> {
  readonly when: (prior: V, planned: V) => boolean;
  readonly note: string;
}

export type AnyAttribute<Data = never> = {
  [K in AttributeKind]: AttributeSpec<K, Data>;
}[AttributeKind];

export type Attributes<Data = never> = Readonly<Record<string, AnyAttribute<Data>>>;

/** The plain values of a set of attributes; null when unset. */
export type Values<A extends Readonly<Record<string, { readonly kind: AttributeKind }>>> = {
  -readonly [N in keyof A]: KindValue<A[N]['kind']> | null;
};

export function ctyTypeOf(kind: AttributeKind): CtyType {
  switch (kind) {
    case 'string':
      return t.string;
    case 'number':
      return t.number;
    case 'bool':
      return t.bool;
    case 'stringSet':
      return t.set(t.string);
    case 'stringList':
      return t.list(t.string);
    case 'stringMap':
      return t.map(t.string);
  }
}

/**
 * Optional attributes read back from the API are computed too (unless `computed: false`), so a server
 * default is not drift.
 */
export function isComputed(spec: {
  readonly computed?: boolean;
  readonly optional?: boolean;
  readonly read?: unknown;
  readonly writeOnly?: boolean;
}): boolean {
  return spec.computed ?? (!!spec.optional && !!spec.read && !spec.writeOnly);
}

/** Builders with the common shapes spelled out, so definitions read as data. */
export function attributesFor<Data>() {
  const make =
    <K extends AttributeKind>(kind: K) =>
    (spec: SpecOf<K, Data>): AttributeSpec<K, Data> =>
      ({ kind, ...spec }) as AttributeSpec<K, Data>;
  return {
    string: make('string'),
    number: make('number'),
    bool: make('bool'),
    stringSet: make('stringSet'),
    stringList: make('stringList'),
    stringMap: make('stringMap'),
  };
}

/** The same attributes as read-only (computed) values, for a data source that mirrors a resource. */
export function readOnly<A extends Readonly<Record<string, { readonly kind: AttributeKind }>>>(attributes: A): A {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(attributes)) {
    const { read, kind, description, sensitive, normalize } = spec as AttributeSpec<AttributeKind, never>;
    out[name] = { kind, description, sensitive, normalize, read, computed: true };
  }
  return out as A;
}
