import fc from 'fast-check';
import { decode as referenceDecode, ExtData } from '@msgpack/msgpack';
import {
  decodeDynamicValue,
  decodeMsgpack,
  encodeDynamicValue,
  encodeMsgpack,
  typeFromJson,
  typeToJson,
} from '../../../src/provider/protocol';
import { ctyTypeArb, typedValueArb } from './support/cty-arbitraries';

describe('cty msgpack codec (property tests)', () => {
  it('decodes what it encodes, for random types and values (nulls, unknowns, sets, nested objects, dynamics)', () => {
    fc.assert(
      fc.property(typedValueArb, ({ type, value }) => {
        expect(decodeMsgpack(encodeMsgpack(value, type), type)).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('produces msgpack that an independent decoder reads, unknowns as extension 0', () => {
    fc.assert(
      fc.property(typedValueArb, ({ type, value }) => {
        const decoded = referenceDecode(encodeMsgpack(value, type), { useBigInt64: true });
        if (value === null) expect(decoded).toBeNull();
        if (typeof value === 'symbol') expect(decoded).toEqual(new ExtData(0, new Uint8Array([0])));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips DynamicValue wrappers', () => {
    fc.assert(
      fc.property(typedValueArb, ({ type, value }) => {
        expect(decodeDynamicValue(encodeDynamicValue(value, type), type)).toEqual(value);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips type JSON', () => {
    fc.assert(
      fc.property(ctyTypeArb, (type) => {
        const json = JSON.parse(JSON.stringify(typeToJson(type)));
        expect(typeToJson(typeFromJson(json))).toEqual(typeToJson(type));
      }),
    );
  });
});
