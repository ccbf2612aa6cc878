/** Names of adopted objects: valid identifiers derived from addresses, unique, independent of read order. */
import type { AdoptedObject, AdoptedType } from '../../src/adopt/model';
import { assignNames, identifierFor } from '../../src/adopt/names';

const object = (type: AdoptedType, importId: string): AdoptedObject => ({
  type,
  importId,
  domain: null,
  name: '',
  config: {},
});

test.each([
  ['jane.doe@example.com', 'jane_doe_example_com'],
  ['Jane.Doe@Example.COM', 'jane_doe_example_com'],
  ['bücher.example', 'xn_bcher_kva_example'],
  ['1st@example.com', '_1st_example_com'],
  ['a+tag@example.com', 'a_tag_example_com'],
  ['global', 'global'],
])('%s → %s', (address, name) => {
  expect(identifierFor(address)).toBe(name);
  expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
});

test('clashing addresses are numbered in import-ID order, whatever order they were read in', () => {
  const read = () => [
    object('iredadmin_user', 'jane_doe@example.com'),
    object('iredadmin_user', 'jane.doe@example.com'),
    object('iredadmin_user', 'jane-doe@example.com'),
  ];
  const first = read();
  const second = read().reverse();
  assignNames(first);
  assignNames(second);
  const names = (objects: AdoptedObject[]) => Object.fromEntries(objects.map((o) => [o.importId, o.name]));
  expect(names(first)).toEqual({
    'jane-doe@example.com': 'jane_doe_example_com',
    'jane.doe@example.com': 'jane_doe_example_com_2',
    'jane_doe@example.com': 'jane_doe_example_com_3',
  });
  expect(names(second)).toEqual(names(first));
});

test('names are unique per resource type, and policies are named by target and direction', () => {
  const objects = [
    object('iredadmin_domain', 'example.com'),
    object('iredadmin_spampolicy', 'example.com'),
    object('iredadmin_throttle', 'example.com/inbound'),
    object('iredadmin_throttle', 'global/outbound'),
  ];
  assignNames(objects);
  expect(objects.map((o) => o.name)).toEqual(['example_com', 'example_com', 'example_com_inbound', 'global_outbound']);
});
