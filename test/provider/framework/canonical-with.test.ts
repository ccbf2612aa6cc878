/**
 * `canonicalWith`: a value judged together with other attributes (a quantity and its unit). A
 * configured pair equivalent to the prior pair plans the prior values, so no diff is shown.
 */
import {
  decodeDynamicValue,
  encodeDynamicValue,
  isRecord,
  Unknown,
  type CtyValue,
} from '../../../src/provider/protocol';
import { attributesFor, defineResource, ResourceEngine } from '../../../src/provider/framework';

const PER_UNIT: Record<string, number> = { KB: 1, MB: 1024 };
/** The amount in KB, or null when either half is not known. */
const inKb = (o: Readonly<Record<string, unknown>>) =>
  typeof o.amount === 'number' && typeof o.unit === 'string' && PER_UNIT[o.unit] ? o.amount * PER_UNIT[o.unit]! : null;

const a = attributesFor<{ kb: number }>();
const attributes = {
  name: a.string({ required: true, description: 'Name.' }),
  amount: a.number({ optional: true, param: 'amount', canonicalWith: inKb, read: (d) => d.kb, description: 'Amount.' }),
  unit: a.string({ optional: true, param: 'unit', canonicalWith: inKb, read: () => 'KB', description: 'Unit.' }),
};

const engine = new ResourceEngine(
  defineResource({
    typeName: 'test_size',
    description: 'A size.',
    attributes,
    identity: () => 'x',
    importIdFormat: 'x',
    importId: () => ({}),
    read: async (): Promise<{ kb: number } | null> => null,
    create: async () => {},
    update: async () => {},
    delete: async () => {},
  }),
  () => ({ summary: 'error', detail: '' }),
);

const NULLS = { name: 'x', amount: null, unit: null, id: 'x' };
const raw = (v: Record<string, CtyValue>) => encodeDynamicValue({ ...NULLS, ...v }, engine.type);
function plan(prior: Record<string, CtyValue>, config: Record<string, CtyValue>) {
  const planned = decodeDynamicValue(engine.plan(raw(prior), raw(config), raw(config)).planned, engine.type);
  if (!isRecord(planned)) throw new Error('no plan');
  return { amount: planned.amount, unit: planned.unit };
}

test('an equivalent pair keeps the prior spelling; a different one takes the configuration', () => {
  const prior = { amount: 2048, unit: 'KB' };
  expect(plan(prior, { amount: 2, unit: 'MB' })).toEqual({ amount: 2048, unit: 'KB' });
  expect(plan(prior, { amount: 3, unit: 'MB' })).toEqual({ amount: 3, unit: 'MB' });
  expect(plan(prior, { amount: 2048, unit: 'MB' })).toEqual({ amount: 2048, unit: 'MB' });
});

test('an unknown half is never equivalent', () => {
  expect(plan({ amount: 2048, unit: 'KB' }, { amount: 2, unit: Unknown })).toEqual({ amount: 2, unit: Unknown });
});
