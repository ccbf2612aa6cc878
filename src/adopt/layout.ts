/**
 * How adopted objects are grouped, shared by the HCL and CDKTF writers: one file per domain (plus
 * one for objects of no domain), and within a domain one group per type of address-named objects
 * (users, aliases, lists) written as a for_each map / a typed array.
 */
import {
  ADOPTED_TYPES,
  byCodePoint,
  splitAddress,
  type AdoptedObject,
  type AdoptedType,
  type Inventory,
} from './model';
import { identifierFor } from './names';
import { resourceDefinition } from './resource-values';

/** What both writers need besides the inventory. */
export interface WriterContext {
  readonly inventory: Inventory;
  readonly url: string;
  /** Provider settings to write (besides credentials, which come from the environment). */
  readonly provider: { readonly insecure?: boolean; readonly caCertFile?: string };
  /** The provider's version constraint, e.g. `~> 0.1`. */
  readonly versionConstraint: string;
}

/** Objects named by an address of the domain: grouped, each entry carrying its local part. */
export const GROUPED_TYPES: ReadonlySet<AdoptedType> = new Set([
  'iredadmin_user',
  'iredadmin_alias',
  'iredadmin_maillist',
]);
/** The attribute holding the address of a grouped object. */
const ADDRESS_ATTRIBUTE = 'email';

export interface FileLayout {
  /** A domain, or null for the objects of no domain. */
  readonly domain: string | null;
  /** Base of the file name and of group names: `example_com`, or `global`. */
  readonly ident: string;
  readonly domainObject: AdoptedObject | undefined;
  readonly groups: readonly { type: AdoptedType; objects: readonly AdoptedObject[] }[];
  /** Everything else, one resource each, in type order. */
  readonly singles: readonly AdoptedObject[];
}

const typeOrder = (t: AdoptedType) => ADOPTED_TYPES.indexOf(t);
const byTypeAndId = (a: AdoptedObject, b: AdoptedObject) =>
  typeOrder(a.type) - typeOrder(b.type) || byCodePoint(a.importId, b.importId);

export function layoutFiles(inventory: Inventory): FileLayout[] {
  const files: FileLayout[] = [];
  // `mail-x.example` and `mail.x.example` spell one identifier: numbered, or one domain's file
  // (and the names of its groups) replaced the other's, leaving that domain out without a word.
  const idents = new Set<string>();
  const uniqueIdent = (base: string) => {
    let ident = base;
    for (let n = 2; idents.has(ident); n++) ident = `${base}_${n}`;
    idents.add(ident);
    return ident;
  };
  for (const domain of [...inventory.domains, null]) {
    const objects = inventory.objects.filter((o) => o.domain === domain).sort(byTypeAndId);
    if (!objects.length) continue;
    const domainObject = objects.find((o) => o.type === 'iredadmin_domain');
    const grouped = domain === null ? [] : objects.filter((o) => GROUPED_TYPES.has(o.type));
    const groups = ADOPTED_TYPES.filter((t) => GROUPED_TYPES.has(t))
      .map((type) => ({ type, objects: grouped.filter((o) => o.type === type) }))
      .filter((g) => g.objects.length > 0);
    const singles = objects.filter((o) => o !== domainObject && !grouped.includes(o));
    const ident = uniqueIdent(domain === null ? 'global' : identifierFor(domain));
    files.push({ domain, ident, domainObject, groups, singles });
  }
  return files;
}

/** Every object of a file: the domain, the groups' objects, the singles. */
export function objectsOf(file: FileLayout): AdoptedObject[] {
  return [...(file.domainObject ? [file.domainObject] : []), ...file.groups.flatMap((g) => g.objects), ...file.singles];
}

/** The configured attributes of an object in the resource's declaration order. */
export function orderedConfig(object: AdoptedObject): [string, AdoptedObject['config'][string]][] {
  return Object.keys(resourceDefinition(object.type).attributes)
    .filter((attr) => attr in object.config)
    .map((attr) => [attr, object.config[attr]!]);
}

/** A grouped object's entry: its local part, then every other configured attribute. */
export function groupEntry(object: AdoptedObject): [string, AdoptedObject['config'][string]][] {
  return [
    ['local_part', splitAddress(object.importId).local],
    ...orderedConfig(object).filter(([attr]) => attr !== ADDRESS_ATTRIBUTE),
  ];
}

/** Attribute names used by a group's entries (besides the local part), and whether every entry has it. */
export function groupAttributes(objects: readonly AdoptedObject[]): { attr: string; everywhere: boolean }[] {
  const order = Object.keys(resourceDefinition(objects[0]!.type).attributes);
  return order
    .filter((attr) => attr !== ADDRESS_ATTRIBUTE && objects.some((o) => attr in o.config))
    .map((attr) => ({ attr, everywhere: objects.every((o) => attr in o.config) }));
}

/** Attributes whose values name other adopted objects, and the types they may name (never a cycle). */
const REFERENCING: Partial<Record<AdoptedType, Readonly<Record<string, readonly AdoptedType[]>>>> = {
  iredadmin_alias: { members: ['iredadmin_user'] },
  iredadmin_maillist: { members: ['iredadmin_user'], moderators: ['iredadmin_user'], owners: ['iredadmin_user'] },
  iredadmin_domain_admins: { domain: ['iredadmin_domain'], admins: ['iredadmin_user', 'iredadmin_admin'] },
  iredadmin_throttle: { target: ['iredadmin_domain', 'iredadmin_user'] },
  iredadmin_spampolicy: { target: ['iredadmin_domain', 'iredadmin_user'] },
  iredadmin_wblist: { target: ['iredadmin_domain', 'iredadmin_user'] },
  iredadmin_greylisting: { target: ['iredadmin_domain', 'iredadmin_user'] },
};

/** The attribute of a referenced object that holds its name. */
export const NAME_ATTRIBUTE: Partial<Record<AdoptedType, string>> = {
  iredadmin_domain: 'domain',
  iredadmin_user: 'email',
  iredadmin_admin: 'email',
};

/** Finds the adopted object a value of `type.attr` names, if it should be written as a reference. */
export type Resolver = (type: AdoptedType, attr: string, value: string) => AdoptedObject | undefined;

export function referenceResolver(inventory: Inventory): Resolver {
  const byTypeAndId = new Map(inventory.objects.map((o) => [`${o.type} ${o.importId}`, o]));
  return (type, attr, value) => {
    for (const target of REFERENCING[type]?.[attr] ?? []) {
      const found = byTypeAndId.get(`${target} ${value}`);
      if (found) return found;
    }
    return undefined;
  };
}
