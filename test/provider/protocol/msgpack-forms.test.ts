/**
 * Every width of every msgpack form the codec writes or reads, against an independent codec
 * (@msgpack/msgpack): the writer picks the smallest form, as it does; the reader takes every form.
 */
import { ExtData, encode as referenceEncode } from '@msgpack/msgpack';
import { Unknown, decodeMsgpack, encodeMsgpack, t } from '../../../src/provider/protocol';
import { MsgpackWriter } from '../../../src/provider/protocol/cty/msgpack-writer';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const reference = (value: unknown): string => hex(referenceEncode(value, { useBigInt64: true }));
/** The reference writes a JS number beyond 32 bits as a float; cty, and we, as a 64-bit int. */
const referenceInt = (value: number | bigint): string =>
  reference(typeof value === 'number' && (value < -(2 ** 31) || value >= 2 ** 32) ? BigInt(value) : value);

// Each edge of each integer width, both sides of it.
const INTS = [
  0,
  1,
  127,
  128,
  255,
  256,
  65535,
  65536,
  2 ** 32 - 1,
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  -1,
  -32,
  -33,
  -128,
  -129,
  -32768,
  -32769,
  -(2 ** 31),
  -(2 ** 31) - 1,
  Number.MIN_SAFE_INTEGER,
];
const BIGINTS = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, -(2n ** 53n) - 1n];
// Lengths at the edge of each string, binary and container form.
const LENGTHS = [0, 15, 16, 31, 32, 255, 256, 65535, 65536];

describe('msgpack forms', () => {
  it('writes each integer in the smallest form, as an independent encoder does, and reads it back', () => {
    for (const value of [...INTS, ...BIGINTS]) {
      const bytes = encodeMsgpack(value, t.number);
      expect([value, hex(bytes)]).toEqual([value, referenceInt(value)]);
      expect(decodeMsgpack(bytes, t.number)).toBe(value);
    }
  });

  it('reads integers sent in wider forms than they need, and floats of both widths', () => {
    const wide = (code: number, width: number, value: bigint) => {
      const b = Buffer.alloc(1 + width);
      b[0] = code;
      for (let i = 0; i < width; i++) b[width - i] = Number((BigInt.asUintN(64, value) >> BigInt(8 * i)) & 0xffn);
      return b;
    };
    expect(decodeMsgpack(wide(0xcd, 2, 7n), t.number)).toBe(7);
    expect(decodeMsgpack(wide(0xce, 4, 7n), t.number)).toBe(7);
    expect(decodeMsgpack(wide(0xcf, 8, 7n), t.number)).toBe(7);
    expect(decodeMsgpack(wide(0xd0, 1, -7n), t.number)).toBe(-7);
    expect(decodeMsgpack(wide(0xd1, 2, -7n), t.number)).toBe(-7);
    expect(decodeMsgpack(wide(0xd2, 4, -7n), t.number)).toBe(-7);
    expect(decodeMsgpack(wide(0xd3, 8, -7n), t.number)).toBe(-7);
    const float32 = Buffer.alloc(5);
    float32[0] = 0xca;
    float32.writeFloatBE(1.5, 1);
    expect(decodeMsgpack(float32, t.number)).toBe(1.5);
    expect(decodeMsgpack(referenceEncode(0.1), t.number)).toBe(0.1);
  });

  it('writes strings, lists and maps of every length form as an independent encoder does, and reads them back', () => {
    for (const length of LENGTHS) {
      const ascii = 'x'.repeat(length);
      const utf8 = 'ü'.repeat(length);
      for (const s of [ascii, utf8]) {
        expect([length, hex(encodeMsgpack(s, t.string))]).toEqual([length, reference(s)]);
        expect(decodeMsgpack(encodeMsgpack(s, t.string), t.string)).toBe(s);
      }
      const list = Array.from({ length }, (_, i) => i % 2 === 0);
      expect([length, hex(encodeMsgpack(list, t.list(t.bool)))]).toEqual([length, reference(list)]);
      expect(decodeMsgpack(encodeMsgpack(list, t.list(t.bool)), t.list(t.bool))).toEqual(list);
      // Keys of one width so that sorted order is insertion order, as the reference writes them.
      const map = Object.fromEntries(Array.from({ length }, (_, i) => [`k${String(i).padStart(5, '0')}`, i]));
      expect([length, hex(encodeMsgpack(map, t.map(t.number)))]).toEqual([length, reference(map)]);
      expect(decodeMsgpack(encodeMsgpack(map, t.map(t.number)), t.map(t.number))).toEqual(map);
    }
  });

  it('writes binaries of every length form as an independent encoder does; reads them as strings', () => {
    for (const length of LENGTHS) {
      const data = Buffer.alloc(length, 0x61);
      const w = new MsgpackWriter();
      w.bin(data);
      expect([length, hex(w.finish())]).toEqual([length, reference(data)]);
      expect(decodeMsgpack(referenceEncode(data), t.string)).toBe('a'.repeat(length));
    }
  });

  it('reads every extension form as unknown', () => {
    for (const length of [1, 2, 4, 8, 16, 3, 300, 70000])
      expect(decodeMsgpack(referenceEncode(new ExtData(12, new Uint8Array(length))), t.string)).toBe(Unknown);
  });

  it('fails on truncated data and on the one type byte msgpack never uses', () => {
    expect(() => decodeMsgpack(Buffer.from([0xcd, 0x01]), t.number)).toThrow('msgpack: unexpected end of data');
    expect(() => decodeMsgpack(Buffer.from([0xa3, 0x61]), t.string)).toThrow('msgpack: unexpected end of data');
    expect(() => decodeMsgpack(Buffer.from([0xc1]), t.string)).toThrow('msgpack: unsupported type byte 0xc1');
  });
});
