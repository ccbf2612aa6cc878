import { encode as referenceEncode, decode as referenceDecode } from '@msgpack/msgpack';
import {
  AttributeError,
  Decimal,
  Dynamic,
  Unknown,
  decodeDynamicValue,
  decodeJson,
  decodeMsgpack,
  encodeMsgpack,
  t,
  typeToJson,
  upgradeJsonValue,
} from '../../../src/provider/protocol';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('cty msgpack codec', () => {
  const note = t.object({ id: t.string, text: t.string, tags: t.set(t.string), size: t.number });

  it('encodes an unknown as fixext1 type 0 with one zero byte', () => {
    expect(hex(encodeMsgpack(Unknown, t.string))).toBe('d40000');
  });

  it('writes every attribute of an object type, nulls as nil, in sorted order', () => {
    const bytes = encodeMsgpack({ text: 'hi', id: Unknown }, note);
    expect(referenceDecode(bytes)).toEqual({ id: expect.anything(), size: null, tags: null, text: 'hi' });
    expect(hex(bytes).startsWith('84a26964d40000')).toBe(true);
  });

  it('reads any extension as unknown, including refined unknowns (type 12)', () => {
    // {"a": ext12 {1: false}} — a not-null refinement
    const bytes = Buffer.from([0x81, 0xa1, 0x61, 0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc2]);
    expect(decodeMsgpack(bytes, t.object({ a: t.string }))).toEqual({ a: Unknown });
    expect(decodeMsgpack(Buffer.from('d40500', 'hex'), t.list(t.number))).toBe(Unknown);
  });

  it('reads an object, filling attributes the sender left out with null', () => {
    const bytes = referenceEncode({ id: 'n1', text: 'hello', tags: ['a', 'b'], size: 3 });
    expect(decodeMsgpack(bytes, note)).toEqual({ id: 'n1', text: 'hello', tags: ['a', 'b'], size: 3 });
    expect(decodeMsgpack(referenceEncode({ id: 'x' }), note)).toEqual({ id: 'x', text: null, tags: null, size: null });
  });

  it('fails with the attribute path on a wrong type', () => {
    const bytes = referenceEncode({ id: 'n1', text: 'hi', tags: ['a', 7], size: 1 });
    let error: unknown;
    try {
      decodeMsgpack(bytes, note);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AttributeError);
    expect((error as AttributeError).attribute.toString()).toBe('tags[1]');
  });

  it('keeps numbers exact: ints, floats, decimal strings, big integers', () => {
    expect(decodeMsgpack(referenceEncode(42), t.number)).toBe(42);
    expect(decodeMsgpack(referenceEncode(1.5), t.number)).toBe(1.5);
    expect(decodeMsgpack(referenceEncode('0.1'), t.number)).toBe(0.1);
    expect(decodeMsgpack(referenceEncode('12345678901234567890123'), t.number)).toBe(12345678901234567890123n);
    expect(decodeMsgpack(referenceEncode(2n ** 63n - 1n, { useBigInt64: true }), t.number)).toBe(2n ** 63n - 1n);
    expect(decodeMsgpack(referenceEncode('3.14159265358979323846264338'), t.number)).toEqual(
      new Decimal('3.14159265358979323846264338'),
    );
    // Encoding follows cty: int when exact, float when exact, else decimal text.
    expect(referenceDecode(encodeMsgpack(2n ** 64n, t.number), { useBigInt64: true })).toBe(2 ** 64);
    expect(referenceDecode(encodeMsgpack(10n ** 30n + 1n, t.number))).toBe('1000000000000000000000000000001');
    expect(referenceDecode(encodeMsgpack(new Decimal('0.25'), t.number))).toBe(0.25);
    expect(referenceDecode(encodeMsgpack(-7, t.number))).toBe(-7);
  });

  it('carries dynamic values with their type, as cty does', () => {
    const bytes = encodeMsgpack({ v: ['a', 1] }, t.object({ v: t.dynamic }));
    const decoded = referenceDecode(bytes) as { v: [Uint8Array, unknown] };
    expect(Buffer.from(decoded.v[0]).toString()).toBe('["tuple",["string","number"]]');
    expect(decodeMsgpack(bytes, t.object({ v: t.dynamic }))).toEqual({
      v: new Dynamic(t.tuple([t.string, t.number]), ['a', 1]),
    });
  });

  it('treats map keys such as __proto__ as plain keys', () => {
    const bytes = encodeMsgpack(JSON.parse('{"__proto__":"x","a":"y"}'), t.map(t.string));
    const decoded = decodeMsgpack(bytes, t.map(t.string)) as Record<string, unknown>;
    expect(Object.keys(decoded).sort()).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('fills attributes a value leaves out with null, also when it carries as many undeclared ones (ignored)', () => {
    const type = t.object({ a: t.string, b: t.string, c: t.number });
    const bytes = referenceEncode({ a: 'x', old: 1, older: [1, { deep: true }] });
    expect(decodeMsgpack(bytes, type, { ignoreUndeclaredAttributes: true })).toEqual({ a: 'x', b: null, c: null });
    expect(() => decodeMsgpack(bytes, type)).toThrow(/old: unsupported attribute/);
    const nested = t.object({ rules: t.list(t.object({ port: t.number })) });
    expect(() => decodeMsgpack(referenceEncode({ rules: [{ port: 1 }, { port: 'x' }] }), nested)).toThrow(
      /^rules\[1\]\.port: a number is required$/,
    );
  });

  it('rejects attributes that are not in the type when encoding', () => {
    expect(() => encodeMsgpack({ nope: 1 }, t.object({ a: t.string }))).toThrow(/nope/);
  });
});

describe('cty JSON decoding', () => {
  it('decodes state JSON against a type, keeping big numbers exact', () => {
    const json = '{"id":"n1","count":12345678901234567890,"ratio":0.1,"tags":["a"],"meta":{"k":"v"},"old":1}';
    const type = t.object({
      id: t.string,
      count: t.number,
      ratio: t.number,
      tags: t.set(t.string),
      meta: t.map(t.string),
      gone: t.bool,
    });
    expect(decodeJson(json, type, { ignoreUndeclaredAttributes: true })).toEqual({
      id: 'n1',
      count: 12345678901234567890n,
      ratio: 0.1,
      tags: ['a'],
      meta: { k: 'v' },
      gone: null,
    });
    expect(() => decodeJson(json, type)).toThrow(/old/);
  });

  it('reads empty and spaced containers, and names the punctuation it missed', () => {
    const type = t.object({ list: t.list(t.number), map: t.map(t.string) });
    expect(decodeJson(' { "list" : [ ] , "map" : { } } ', type)).toEqual({ list: [], map: {} });
    expect(decodeJson('{"list":[ 1 ,2 ],"map":{ "a" : "b" }}', type)).toEqual({ list: [1, 2], map: { a: 'b' } });
    expect(() => decodeJson('{"list":[1 2]}', type)).toThrow('invalid JSON at offset 12: expected "," or "]"');
    expect(() => decodeJson('{"list":[1] "map":{}}', type)).toThrow('invalid JSON at offset 13: expected "," or "}"');
    expect(() => decodeJson('{"list" [1]}', type)).toThrow('invalid JSON at offset 9: expected ":"');
    expect(() => decodeJson('{"list":[1],}', type)).toThrow('invalid JSON at offset 12: expected a property name');
  });

  it('decodes dynamic JSON values', () => {
    expect(decodeJson('{"type":["list","string"],"value":["x"]}', t.dynamic)).toEqual(
      new Dynamic(t.list(t.string), ['x']),
    );
  });

  it('decodes the json field of a DynamicValue when msgpack is absent', () => {
    expect(decodeDynamicValue({ json: Buffer.from('{"a":"b"}') }, t.object({ a: t.string }))).toEqual({ a: 'b' });
    expect(decodeDynamicValue(undefined, t.string)).toBeNull();
  });
});

describe('upgrading stored JSON state (upgradeJsonValue)', () => {
  const type = t.object({ id: t.string, count: t.number, tags: t.set(t.string), meta: t.map(t.string), on: t.bool });

  it('hands state of the current shape back as the same JSON bytes: big numbers untouched', () => {
    const json = Buffer.from('{"id":"n1","count":12345678901234567890,"tags":["a"],"meta":{"k":"v"},"on":null}');
    const upgraded = upgradeJsonValue(json, type);
    expect(upgraded).toEqual({ json });
    expect(decodeDynamicValue(upgraded, type)).toMatchObject({ count: 12345678901234567890n, tags: ['a'] });
  });

  it('re-encodes state of another shape: dropped attributes go, new ones are null, numbers stay exact', () => {
    const upgraded = upgradeJsonValue(
      Buffer.from('{"id":"n1","count":12345678901234567890,"tags":["a"],"old":1}'),
      type,
    );
    expect(upgraded.json).toBeUndefined();
    expect(decodeDynamicValue(upgraded, type)).toEqual({
      id: 'n1',
      count: 12345678901234567890n,
      tags: ['a'],
      meta: null,
      on: null,
    });
  });

  it('does not pass through values of the wrong kind or dynamic values; they are decoded (and fail) as usual', () => {
    for (const bad of [
      '{"id":1,"count":1,"tags":[],"meta":{},"on":true}',
      '{"id":"x","count":1,"tags":"a","meta":{},"on":true}',
      '{"id":"x","count":1,"tags":[],"meta":{"k":1},"on":true}',
      '{"id":"x","count":1,"tags":[],"meta":{},"on":"yes"}',
    ]) {
      expect(() => upgradeJsonValue(Buffer.from(bad), type)).toThrow(AttributeError);
    }
    const numberAsText = upgradeJsonValue(Buffer.from('{"id":"x","count":"7","tags":[],"meta":{},"on":true}'), type);
    expect(decodeDynamicValue(numberAsText, type)).toMatchObject({ count: 7 });
    expect(numberAsText.json).toBeUndefined();
    const dyn = t.object({ v: t.dynamic });
    expect(upgradeJsonValue(Buffer.from('{"v":{"type":"string","value":"s"}}'), dyn).json).toBeUndefined();
  });
});

describe('cty type JSON', () => {
  it('renders schema types as Terraform expects', () => {
    expect(typeToJson(t.list(t.string))).toEqual(['list', 'string']);
    expect(typeToJson(t.object({ b: t.number, a: t.map(t.bool) }))).toEqual([
      'object',
      { a: ['map', 'bool'], b: 'number' },
    ]);
    expect(JSON.stringify(typeToJson(t.tuple([t.string, t.dynamic])))).toBe('["tuple",["string","dynamic"]]');
  });
});

describe('integers beyond int64 that a double holds exactly', () => {
  test('come back as the bigint they were (found by the round-trip property)', () => {
    const value = -9223372036854777856n; // -(2^63 + 2048): no int64, an exact double
    const { decodeDynamicValue: decode, encodeDynamicValue: encode } =
      require('../../../src/provider/protocol') as typeof import('../../../src/provider/protocol');
    expect(decode(encode(value, 'number'), 'number')).toBe(value);
  });
});
