/** A minimal msgpack reader that yields one item header at a time. */

export type MsgpackItem =
  | { kind: 'nil' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'bin'; value: Buffer }
  /** Containers: only the header; their items follow. */
  | { kind: 'array'; length: number }
  | { kind: 'map'; length: number }
  | { kind: 'ext'; type: number; data: Buffer };

export class MsgpackReader {
  private pos = 0;
  private readonly buf: Buffer;

  constructor(data: Uint8Array) {
    this.buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }

  get done(): boolean { return this.pos >= this.buf.length; }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new Error('msgpack: unexpected end of data');
  }

  private take(n: number): Buffer {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  private uint(bytes: 1 | 2 | 4): number {
    this.need(bytes);
    const v = bytes === 1 ? this.buf[this.pos] : bytes === 2 ? this.buf.readUInt16BE(this.pos) : this.buf.readUInt32BE(this.pos);
    this.pos += bytes;
    return v;
  }

  next(): MsgpackItem {
    this.need(1);
    const b = this.buf[this.pos++];
    if (b <= 0x7f) return { kind: 'int', value: BigInt(b) };
    if (b >= 0xe0) return { kind: 'int', value: BigInt(b - 0x100) };
    if ((b & 0xf0) === 0x80) return { kind: 'map', length: b & 0x0f };
    if ((b & 0xf0) === 0x90) return { kind: 'array', length: b & 0x0f };
    if ((b & 0xe0) === 0xa0) return { kind: 'str', value: this.take(b & 0x1f).toString('utf8') };
    switch (b) {
      case 0xc0: return { kind: 'nil' };
      case 0xc2: return { kind: 'bool', value: false };
      case 0xc3: return { kind: 'bool', value: true };
      case 0xc4: return { kind: 'bin', value: this.take(this.uint(1)) };
      case 0xc5: return { kind: 'bin', value: this.take(this.uint(2)) };
      case 0xc6: return { kind: 'bin', value: this.take(this.uint(4)) };
      case 0xc7: { const n = this.uint(1); const type = this.take(1).readInt8(0); return { kind: 'ext', type, data: this.take(n) }; }
      case 0xc8: { const n = this.uint(2); const type = this.take(1).readInt8(0); return { kind: 'ext', type, data: this.take(n) }; }
      case 0xc9: { const n = this.uint(4); const type = this.take(1).readInt8(0); return { kind: 'ext', type, data: this.take(n) }; }
      case 0xca: return { kind: 'float', value: this.take(4).readFloatBE(0) };
      case 0xcb: return { kind: 'float', value: this.take(8).readDoubleBE(0) };
      case 0xcc: return { kind: 'int', value: BigInt(this.uint(1)) };
      case 0xcd: return { kind: 'int', value: BigInt(this.uint(2)) };
      case 0xce: return { kind: 'int', value: BigInt(this.uint(4)) };
      case 0xcf: return { kind: 'int', value: this.take(8).readBigUInt64BE(0) };
      case 0xd0: return { kind: 'int', value: BigInt(this.take(1).readInt8(0)) };
      case 0xd1: return { kind: 'int', value: BigInt(this.take(2).readInt16BE(0)) };
      case 0xd2: return { kind: 'int', value: BigInt(this.take(4).readInt32BE(0)) };
      case 0xd3: return { kind: 'int', value: this.take(8).readBigInt64BE(0) };
      case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8: {
        const type = this.take(1).readInt8(0);
        return { kind: 'ext', type, data: this.take(1 << (b - 0xd4)) };
      }
      case 0xd9: return { kind: 'str', value: this.take(this.uint(1)).toString('utf8') };
      case 0xda: return { kind: 'str', value: this.take(this.uint(2)).toString('utf8') };
      case 0xdb: return { kind: 'str', value: this.take(this.uint(4)).toString('utf8') };
      case 0xdc: return { kind: 'array', length: this.uint(2) };
      case 0xdd: return { kind: 'array', length: this.uint(4) };
      case 0xde: return { kind: 'map', length: this.uint(2) };
      case 0xdf: return { kind: 'map', length: this.uint(4) };
      default: throw new Error(`msgpack: unsupported type byte 0x${b.toString(16)}`);
    }
  }

  /** Reads past one whole item, containers included. */
  skipItem(item: MsgpackItem = this.next()): void {
    if (item.kind === 'array') for (let i = 0; i < item.length; i++) this.skipItem();
    else if (item.kind === 'map') for (let i = 0; i < item.length * 2; i++) this.skipItem();
  }
}
