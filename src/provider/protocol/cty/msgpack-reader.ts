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

  /** Claims the next `n` bytes, returning where they start. */
  private take(n: number): number {
    const at = this.pos;
    if (at + n > this.end) throw new Error('msgpack: unexpected end of data');
    this.pos = at + n;
    return at;
  }

  /** A big-endian unsigned length of 1, 2 or 4 bytes. */
  private length(width: number): number {
    return this.buf.readUIntBE(this.take(width), width);
  }

  private string(length: number): ItemKind.Str {
    const start = this.take(length);
    const stop = start + length;
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
    const at = this.take(length);
    this.bytes = this.buf.subarray(at, at + length);
    return ItemKind.Bin;
  }

  private ext(length: number): ItemKind.Ext {
    const at = this.take(1 + length);
    this.extType = this.buf.readInt8(at);
    this.bytes = this.buf.subarray(at + 1, at + 1 + length);
    return ItemKind.Ext;
  }

  private int(value: number): ItemKind.Int {
    this.num = value;
    return ItemKind.Int;
  }

  /** An int of 1, 2, 4 or 8 bytes; 8-byte ones are bigints, whatever their value. */
  private integer(width: number, signed: boolean): ItemKind.Int | ItemKind.BigInt {
    const at = this.take(width);
    if (width === 8) {
      this.big = signed ? this.buf.readBigInt64BE(at) : this.buf.readBigUInt64BE(at);
      return ItemKind.BigInt;
    }
    return this.int(signed ? this.buf.readIntBE(at, width) : this.buf.readUIntBE(at, width));
  }

  private float(width: number): ItemKind.Float {
    const at = this.take(width);
    this.num = width === 4 ? this.buf.readFloatBE(at) : this.buf.readDoubleBE(at);
    return ItemKind.Float;
  }

  private container(kind: ItemKind.Array | ItemKind.Map, length: number): ItemKind.Array | ItemKind.Map {
    this.num = length;
    return kind;
  }

  /**
   * Reads the next item's header; its payload goes to the fields above. The type bytes come in
   * families whose members differ only in width (bin8/16/32 are c4–c6, and so on), so each
   * family is one range and the width follows from the offset in it.
   */
  next(): ItemKind {
    const b = this.buf[this.take(1)];
    if (b <= 0x7f) return this.int(b);
    if (b >= 0xe0) return this.int(b - 0x100);
    if (b < 0x90) return this.container(ItemKind.Map, b & 0x0f);
    if (b < 0xa0) return this.container(ItemKind.Array, b & 0x0f);
    if (b < 0xc0) return this.string(b & 0x1f);
    if (b === 0xc0) return ItemKind.Nil;
    if (b === 0xc2 || b === 0xc3) {
      this.bool = b === 0xc3;
      return ItemKind.Bool;
    }
    if (b >= 0xc4 && b <= 0xc6) return this.binary(this.length(1 << (b - 0xc4)));
    if (b >= 0xc7 && b <= 0xc9) return this.ext(this.length(1 << (b - 0xc7)));
    if (b === 0xca || b === 0xcb) return this.float(b === 0xca ? 4 : 8);
    if (b >= 0xcc && b <= 0xcf) return this.integer(1 << (b - 0xcc), false);
    if (b >= 0xd0 && b <= 0xd3) return this.integer(1 << (b - 0xd0), true);
    if (b >= 0xd4 && b <= 0xd8) return this.ext(1 << (b - 0xd4));
    if (b >= 0xd9 && b <= 0xdb) return this.string(this.length(1 << (b - 0xd9)));
    if (b === 0xdc || b === 0xdd) return this.container(ItemKind.Array, this.length(b === 0xdc ? 2 : 4));
    if (b === 0xde || b === 0xdf) return this.container(ItemKind.Map, this.length(b === 0xde ? 2 : 4));
    throw new Error(`msgpack: unsupported type byte 0x${b.toString(16)}`);
  }

  /** Reads past the rest of an item whose header `next()` just returned, containers included. */
  skipRest(kind: ItemKind): void {
    if (kind !== ItemKind.Array && kind !== ItemKind.Map) return;
    const items = kind === ItemKind.Map ? this.num * 2 : this.num;
    for (let i = 0; i < items; i++) this.skipRest(this.next());
  }
}

const EMPTY = Buffer.alloc(0);
