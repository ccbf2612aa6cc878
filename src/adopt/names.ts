/**
 * Names of adopted objects: valid Terraform identifiers (and CDKTF construct ids) derived from
 * the object's address, e.g. `jane.doe@example.com` → `jane_doe_example_com`; unique, and the same
 * on every run (clashes are numbered in the order of the sorted import IDs).
 */
import { domainToASCII } from 'node:url';
import { byCodePoint, type AdoptedObject } from './model';

/** `jane.doe@example.com` → `jane_doe_example_com`; IDN as punycode; never starts with a digit. */
export function identifierFor(text: string): string {
  const ascii = text.includes('@') ? text : domainToASCII(text) || text;
  const base =
    ascii
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'object';
  return /^[0-9]/.test(base) ? `_${base}` : base;
}

/** What an object's name is derived from: its import ID (`<target>/<direction>` becomes `<target>_<direction>`). */
function nameSource(object: AdoptedObject): string {
  return object.importId.replace('/', '_');
}

/** Gives every object a name unique within its resource type. */
export function assignNames(objects: readonly AdoptedObject[]): void {
  const taken = new Map<string, Set<string>>();
  const ordered = [...objects].sort((a, b) => byCodePoint(a.type, b.type) || byCodePoint(a.importId, b.importId));
  for (const object of ordered) {
    const used = taken.get(object.type) ?? new Set<string>();
    taken.set(object.type, used);
    const base = identifierFor(nameSource(object));
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    object.name = name;
  }
}
