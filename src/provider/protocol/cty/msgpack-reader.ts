/**
 * A minimal msgpack reader: a cursor that reads one item header at a time. It allocates
 * nothing per item (the header's payload lands in the reader's fields), because every
 * attribute of every value of every call passes through here.
 */

export enum ItemKind {
  Nil,
  Bool,
  Int,
  BigInt,
  Float,
  Str,
  Bin,
  Array,
  Map,
  Ext,
}

export class MsgpackReader {
  private pos = 0;
  private readonly buf: Buffer;
  private readonly end: number;

  /** Payload of the item `next()` read: which field holds it depends on the kind. */
  bool = false;
  /** Int (always a safe integer), Float; for Array/Map the item count; for Str/Bin/Ext the byte length. */
  num = 0;
  big = 0n;
  str = '';
  /** Bin and Ext: the bytes (a view, not a copy). */
  bytes: Buffer = EMPTY;
  extType = 0;

  constructor(data: Uint8Array) {
    this.buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.end = this.buf.length;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  private need(n: number): void {
    if (this.pos + n > this.end) throw new Error('msgpack: unexpected end of data');
  }

  private u8(): number {
    this.need(1);
    return this.buf[this.pos++];
  }

  private u16(): number {
    this.need(2);
    const v = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  private u32(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  private string(length: number): ItemKind.Str {
    this.need(length);
    const start = this.pos;
    const stop = start + length;
    this.pos = stop;
    // Attribute names and most values are short ASCII: cheaper than a utf8 decode call.
    if (length <= 32) {
      let s = '';
      for (let i = start; i < stop; i++) {
        const c = this.buf[i];
        if (c >= 0x80) {
          this.str = this.buf.toString('utf8', start, stop);
          return ItemKind.Str;
        }
        s += String.fromCharCode(c);
      }
      this.str = s;
    } else {
      this.str = this.buf.toString('utf8', start, stop);
    }
    return ItemKind.Str;
  }

  private binary(length: number): ItemKind.Bin {
    this.need(length);
    this.bytes = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return ItemKind.Bin;
  }

  private ext(length: number): ItemKind.Ext {
    this.need(1 + length);
    this.extType = this.buf.readInt8(this.pos);
    this.bytes = this.buf.subarray(this.pos + 1, this.pos + 1 + length);
    this.pos += 1 + length;
    return ItemKind.Ext;
  }

  private int(value: number): ItemKind.Int {
    this.num = value;
    return ItemKind.Int;
  }

  private container(kind: ItemKind.Array | ItemKind.Map, length: number): ItemKind.Array | ItemKind.Map {
    this.num = length;
    return kind;
  }

  /** Reads the next item's header; its payload goes to the fields above. */
  next(): ItemKind {
    const b = this.u8();
    if (b <= 0x7f) return this.int(b);
    if (b >= 0xe0) return this.int(b - 0x100);
    if (b < 0x90) return this.container(ItemKind.Map, b & 0x0f);
    if (b < 0xa0) return this.container(ItemKind.Array, b & 0x0f);
    if (b < 0xc0) return this.string(b & 0x1f);
    switch (b) {
      case 0xc0:
        return ItemKind.Nil;
      case 0xc2:
        this.bool = false;
        return ItemKind.Bool;
      case 0xc3:
        this.bool = true;
        return ItemKind.Bool;
      case 0xc4:
        return this.binary(this.u8());
      case 0xc5:
        return this.binary(this.u16());
      case 0xc6:
        return this.binary(this.u32());
      case 0xc7:
        return this.ext(this.u8());
      case 0xc8:
        return this.ext(this.u16());
      case 0xc9:
        return this.ext(this.u32());
      case 0xca: {
        this.need(4);
        this.num = this.buf.readFloatBE(this.pos);
        this.pos += 4;
        return ItemKind.Float;
      }
      case 0xcb: {
        this.need(8);
        this.num = this.buf.readDoubleBE(this.pos);
        this.pos += 8;
        return ItemKind.Float;
      }
      case 0xcc:
        return this.int(this.u8());
      case 0xcd:
        return this.int(this.u16());
      case 0xce:
        return this.int(this.u32());
      case 0xcf: {
        this.need(8);
        this.big = this.buf.readBigUInt64BE(this.pos);
        this.pos += 8;
        return ItemKind.BigInt;
      }
      case 0xd0: {
        this.need(1);
        const v = this.buf.readInt8(this.pos);
        this.pos += 1;
        return this.int(v);
      }
      case 0xd1: {
        this.need(2);
        const v = this.buf.readInt16BE(this.pos);
        this.pos += 2;
        return this.int(v);
      }
      case 0xd2: {
        this.need(4);
        const v = this.buf.readInt32BE(this.pos);
        this.pos += 4;
        return this.int(v);
      }
      case 0xd3: {
        this.need(8);
        this.big = this.buf.readBigInt64BE(this.pos);
        this.pos += 8;
        return ItemKind.BigInt;
      }
      case 0xd4:
      case 0xd5:
      case 0xd6:
      case 0xd7:
      case 0xd8:
        return this.ext(1 << (b - 0xd4));
      case 0xd9:
        return this.string(this.u8());
      case 0xda:
        return this.string(this.u16());
      case 0xdb:
        return this.string(this.u32());
      case 0xdc:
        return this.container(ItemKind.Array, this.u16());
      case 0xdd:
        return this.container(ItemKind.Array, this.u32());
      case 0xde:
        return this.container(ItemKind.Map, this.u16());
      case 0xdf:
        return this.container(ItemKind.Map, this.u32());
      default:
        throw new Error(`msgpack: unsupported type byte 0x${b.toString(16)}`);
    }
  }

  /** Reads past the rest of an item whose header `next()` just returned, containers included. */
  skipRest(kind: ItemKind): void {
    if (kind !== ItemKind.Array && kind !== ItemKind.Map) return;
    const items = kind === ItemKind.Map ? this.num * 2 : this.num;
    for (let i = 0; i < items; i++) this.skipRest(this.next());
  }
}

const EMPTY = Buffer.alloc(0);
