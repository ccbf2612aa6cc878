/**
 * A small protobuf (proto3) wire codec driven by our pre-compiled descriptors.
 * It exists so the provider needs no protobuf library at start-up.
 *
 * Messages are plain objects keyed by the .proto field names. A field that is
 * `undefined` is absent on the wire; any other value, default or not, is
 * written. That gives oneof members and `optional` fields their presence
 * without needing to know which fields are which; decoding likewise yields
 * only the fields that were on the wire (callers apply proto3 defaults).
 * Integer fields decode to JS numbers: our int64s are versions, counts,
 * indexes and timestamps, far below 2^53.
 */
import type { DescriptorSet, FieldDescriptor, ScalarKind } from './descriptor-types';
import { isScalarKind } from './descriptor-types';
import { ByteWriter } from '../byte-writer';

export type WireScalar = string | number | boolean | Uint8Array;
export type WireValue = WireScalar | WireMessage | WireValue[] | { [key: string]: WireValue };
export interface WireMessage {
  [field: string]: WireValue | undefined;
}

enum WireType {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  Fixed32 = 5,
}

class Writer extends ByteWriter {
  constructor() {
    super(256);
  }

  varint(value: number): void {
    this.ensure(10);
    if (value < 0) {
      // Negative int32/int64 are sign-extended to ten bytes on the wire.
      let big = BigInt.asUintN(64, BigInt(value));
      while (big > 0x7fn) {
        this.buf[this.pos++] = Number(big & 0x7fn) | 0x80;
        big >>= 7n;
      }
      this.buf[this.pos++] = Number(big);
      return;
    }
    let v = value;
    while (v > 0x7f) {
      this.buf[this.pos++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.pos++] = v;
  }

  tag(number: number, wireType: WireType): void {
    this.varint(number * 8 + wireType);
  }

  bytes(data: Uint8Array): void {
    this.varint(data.length);
    this.append(data);
  }

  double(value: number): void {
    this.ensure(8);
    this.buf.writeDoubleLE(value, this.pos);
    this.pos += 8;
  }

  finish(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

class Reader {
  pos = 0;
  constructor(
    readonly buf: Buffer,
    readonly end = buf.length,
  ) {}

  varint(): number {
    let lo = 0;
    let hi = 0;
    let shift = 0;
    let byte: number;
    // Low 28 bits, then the rest: keeps 32-bit arithmetic exact.
    do {
      byte = this.byte();
      if (shift < 28) lo |= (byte & 0x7f) << shift;
      else if (shift === 28) {
        lo |= (byte & 0x0f) << 28;
        hi |= (byte & 0x7f) >> 4;
      } else hi |= (byte & 0x7f) << (shift - 32);
      shift += 7;
    } while (byte & 0x80 && shift < 70);
    lo >>>= 0;
    if (hi & 0x80000000) return Number(BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo)));
    return (hi >>> 0) * 0x100000000 + lo;
  }

  byte(): number {
    return this.buf[this.take(1)];
  }

  /** Claims the next `n` bytes, returning where they start. */
  private take(n: number): number {
    const at = this.pos;
    if (at + n > this.end) throw new Error('protobuf: truncated message');
    this.pos = at + n;
    return at;
  }

  lengthDelimited(): Buffer {
    const length = this.varint();
    const at = this.take(length);
    return this.buf.subarray(at, at + length);
  }

  double(): number {
    return this.buf.readDoubleLE(this.take(8));
  }

  skip(wireType: number): void {
    if (wireType === WireType.Varint) this.varint();
    else if (wireType === WireType.LengthDelimited) this.lengthDelimited();
    else if (wireType === WireType.Fixed64) this.take(8);
    else if (wireType === WireType.Fixed32) this.take(4);
    else throw new Error(`protobuf: unsupported wire type ${wireType}`);
  }
}

function scalarWireType(kind: ScalarKind): WireType {
  switch (kind) {
    case 'string':
    case 'bytes':
      return WireType.LengthDelimited;
    case 'double':
      return WireType.Fixed64;
    default:
      return WireType.Varint;
  }
}

export class ProtobufCodec {
  private readonly byNumber = new Map<string, Map<number, FieldDescriptor>>();

  constructor(private readonly descriptors: DescriptorSet) {}

  has(typeName: string): boolean {
    return typeName in this.descriptors.messages;
  }

  encode(typeName: string, message: WireMessage): Buffer {
    const w = new Writer();
    this.writeMessage(w, typeName, message);
    return w.finish();
  }

  decode(typeName: string, data: Uint8Array): WireMessage {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return this.readMessage(new Reader(buf), typeName);
  }

  private fields(typeName: string): readonly FieldDescriptor[] {
    const fields = this.descriptors.messages[typeName];
    if (!fields) throw new Error(`protobuf: unknown message type ${typeName}`);
    return fields;
  }

  private writeMessage(w: Writer, typeName: string, message: WireMessage): void {
    for (const field of this.fields(typeName)) {
      const value = message[field.name];
      if (value === undefined || value === null) continue;
      if (field.keyType) {
        for (const [key, entry] of Object.entries(value as Record<string, WireValue>)) {
          const sub = new Writer();
          this.writeField(sub, 1, field.keyType, key);
          this.writeField(sub, 2, field.type, entry);
          w.tag(field.number, WireType.LengthDelimited);
          w.bytes(sub.finish());
        }
      } else if (field.repeated) {
        for (const item of value as WireValue[]) this.writeField(w, field.number, field.type, item);
      } else {
        this.writeField(w, field.number, field.type, value);
      }
    }
  }

  private writeField(w: Writer, number: number, type: string, value: WireValue): void {
    if (!isScalarKind(type)) {
      const sub = new Writer();
      this.writeMessage(sub, type, value as WireMessage);
      w.tag(number, WireType.LengthDelimited);
      w.bytes(sub.finish());
      return;
    }
    w.tag(number, scalarWireType(type));
    switch (type) {
      case 'string':
        w.bytes(Buffer.from(value as string, 'utf8'));
        return;
      case 'bytes':
        w.bytes(value as Uint8Array);
        return;
      case 'bool':
        w.varint(value ? 1 : 0);
        return;
      case 'double':
        w.double(value as number);
        return;
      default:
        w.varint(value as number);
    }
  }

  private readMessage(r: Reader, typeName: string): WireMessage {
    let index = this.byNumber.get(typeName);
    if (!index) {
      index = new Map(this.fields(typeName).map((f) => [f.number, f]));
      this.byNumber.set(typeName, index);
    }
    const out: WireMessage = {};
    while (r.pos < r.end) {
      const tag = r.varint();
      const field = index.get(Math.floor(tag / 8));
      const wireType = tag & 7;
      if (!field) {
        r.skip(wireType);
        continue;
      }
      if (field.keyType) {
        const [key, value] = this.readMapEntry(r, field);
        const map = (out[field.name] ??= Object.create(null) as Record<string, WireValue>) as Record<string, WireValue>;
        map[key] = value;
      } else if (field.repeated) {
        const list = (out[field.name] ??= []) as WireValue[];
        if (
          wireType === WireType.LengthDelimited &&
          isScalarKind(field.type) &&
          scalarWireType(field.type) !== WireType.LengthDelimited
        ) {
          // Packed encoding of repeated numbers.
          const sub = new Reader(r.lengthDelimited());
          while (sub.pos < sub.end) list.push(this.readScalar(sub, field.type));
        } else {
          list.push(this.readValue(r, field.type));
        }
      } else {
        out[field.name] = this.readValue(r, field.type);
      }
    }
    return out;
  }

  private readMapEntry(r: Reader, field: FieldDescriptor): [string, WireValue] {
    const body = r.lengthDelimited();
    const sub = new Reader(body);
    let key = '';
    let value: WireValue | undefined;
    while (sub.pos < sub.end) {
      const tag = sub.varint();
      const number = Math.floor(tag / 8);
      if (number === 1) key = String(this.readValue(sub, field.keyType as ScalarKind));
      else if (number === 2) value = this.readValue(sub, field.type);
      else sub.skip(tag & 7);
    }
    return [key, value ?? this.defaultValue(field.type)];
  }

  private defaultValue(type: string): WireValue {
    if (!isScalarKind(type)) return {};
    switch (type) {
      case 'string':
        return '';
      case 'bytes':
        return Buffer.alloc(0);
      case 'bool':
        return false;
      default:
        return 0;
    }
  }

  private readValue(r: Reader, type: string): WireValue {
    if (!isScalarKind(type)) {
      const body = r.lengthDelimited();
      return this.readMessage(new Reader(body), type);
    }
    return this.readScalar(r, type);
  }

  private readScalar(r: Reader, type: ScalarKind): WireScalar {
    switch (type) {
      case 'string':
        return r.lengthDelimited().toString('utf8');
      // A view into the message, not a copy: request buffers are never reused.
      case 'bytes':
        return r.lengthDelimited();
      case 'bool':
        return r.varint() !== 0;
      case 'double':
        return r.double();
      case 'int32':
      case 'enum':
        return r.varint() | 0;
      default:
        return r.varint();
    }
  }
}
