/** fast-check generators for random cty types and values of those types. */
import fc from 'fast-check';
import {
  Decimal,
  Dynamic,
  Unknown,
  newRecord,
  t,
  type CtyType,
  type CtyValue,
} from '../../../../src/provider/protocol';

const attributeName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);

export const ctyTypeArb: fc.Arbitrary<CtyType> = fc.letrec<{ type: CtyType }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<CtyType>(t.string, t.number, t.bool, t.dynamic),
    tie('type').map(t.list),
    tie('type').map(t.set),
    tie('type').map(t.map),
    fc.dictionary(attributeName, tie('type'), { maxKeys: 4 }).map((attrs) => t.object(attrs)),
    fc.array(tie('type'), { maxLength: 3 }).map(t.tuple),
  ),
})).type;

/** Numbers in their canonical decoded form (see values.ts). */
const ctyNumberArb: fc.Arbitrary<CtyValue> = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  // Whole numbers beyond 2^53 are bigints in our model (see values.ts), never doubles.
  fc.double({ noNaN: true }).filter((n) => !Object.is(n, -0) && !(Number.isInteger(n) && !Number.isSafeInteger(n))),
  fc
    .bigInt({ min: -(2n ** 70n), max: 2n ** 70n })
    .filter((b) => b > BigInt(Number.MAX_SAFE_INTEGER) || b < BigInt(Number.MIN_SAFE_INTEGER)),
  // Thirty significant digits: never exactly a double.
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.stringMatching(/^[0-9]{20}[1-9]$/), fc.boolean())
    .map(([whole, fraction, negative]) => new Decimal(`${negative ? '-' : ''}${whole}.${fraction}`)),
);

const concreteTypeArb: fc.Arbitrary<CtyType> = ctyTypeArb.filter((type) => type !== 'dynamic');

function ctyValueArb(type: CtyType, depth = 0): fc.Arbitrary<CtyValue> {
  const known = knownValueArb(type, depth);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(Unknown) },
    { weight: 6, arbitrary: known },
  );
}

function knownValueArb(type: CtyType, depth: number): fc.Arbitrary<CtyValue> {
  if (type === 'string') return fc.string({ unit: 'grapheme' });
  if (type === 'bool') return fc.boolean();
  if (type === 'number') return ctyNumberArb;
  if (type === 'dynamic') {
    if (depth > 2) return fc.string().map((s) => new Dynamic(t.string, s));
    return concreteTypeArb.chain((concrete) => ctyValueArb(concrete, depth + 1).map((v) => new Dynamic(concrete, v)));
  }
  switch (type.kind) {
    case 'list':
    case 'set':
      return fc.array(ctyValueArb(type.element, depth + 1), { maxLength: 3 });
    case 'tuple':
      return fc.tuple(...type.elements.map((e) => ctyValueArb(e, depth + 1)));
    case 'map':
      return fc.dictionary(fc.string(), ctyValueArb(type.element, depth + 1), { maxKeys: 3 }).map((entries) => {
        const out = newRecord();
        for (const [k, v] of Object.entries(entries)) out[k] = v;
        return out;
      });
    case 'object': {
      const names = Object.keys(type.attributes);
      return fc.tuple(...names.map((n) => ctyValueArb(type.attributes[n], depth + 1))).map((values) => {
        const out = newRecord();
        names.forEach((n, i) => {
          out[n] = values[i];
        });
        return out;
      });
    }
  }
}

export const typedValueArb: fc.Arbitrary<{ type: CtyType; value: CtyValue }> = ctyTypeArb.chain((type) =>
  ctyValueArb(type).map((value) => ({ type, value })),
);
