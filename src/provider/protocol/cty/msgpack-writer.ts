import { ByteWriter } from '../byte-writer';

/** A minimal msgpack writer: just the forms Terraform's values need. */
export class MsgpackWriter extends ByteWriter {
  constructor() {
    super(128);
  }

  private u8(v: number): void {
    this.ensure(1);
    this.buf[this.pos++] = v;
  }

  nil(): void {
    this.u8(0xc0);
  }

  bool(v: boolean): void {
    this.u8(v ? 0xc3 : 0xc2);
  }

  /** Smallest integer form that holds the value. */
  int(v: bigint): void {
    this.ensure(9);
    if (v >= 0n) {
      if (v < 128n) {
        this.buf[this.pos++] = Number(v);
        return;
      }
      if (v < 0x100n) {
        this.buf[this.pos++] = 0xcc;
        this.buf[this.pos++] = Number(v);
        return;
      }
      if (v < 0x10000n) {
        this.buf[this.pos++] = 0xcd;
        this.buf.writeUInt16BE(Number(v), this.pos);
        this.pos += 2;
        return;
      }
      if (v < 0x100000000n) {
        this.buf[this.pos++] = 0xce;
        this.buf.writeUInt32BE(Number(v), this.pos);
        this.pos += 4;
        return;
      }
      this.buf[this.pos++] = 0xcf;
      this.buf.writeBigUInt64BE(v, this.pos);
      this.pos += 8;
      return;
    }
    if (v >= -32n) {
      this.buf[this.pos++] = Number(v) & 0xff;
      return;
    }
    if (v >= -0x80n) {
      this.buf[this.pos++] = 0xd0;
      this.buf.writeInt8(Number(v), this.pos);
      this.pos += 1;
      return;
    }
    if (v >= -0x8000n) {
      this.buf[this.pos++] = 0xd1;
      this.buf.writeInt16BE(Number(v), this.pos);
      this.pos += 2;
      return;
    }
    if (v >= -0x80000000n) {
      this.buf[this.pos++] = 0xd2;
      this.buf.writeInt32BE(Number(v), this.pos);
      this.pos += 4;
      return;
    }
    this.buf[this.pos++] = 0xd3;
    this.buf.writeBigInt64BE(v, this.pos);
    this.pos += 8;
  }

  /** `int` for a safe integer, without going through bigint. */
  safeInt(v: number): void {
    if (v >= 0 && v < 128) {
      this.u8(v);
      return;
    }
    if (v >= -32 && v < 0) {
      this.u8(v & 0xff);
      return;
    }
    if (v >= -0x80000000 && v <= 0xffffffff) {
      this.ensure(5);
      if (v >= 0) {
        if (v < 0x100) {
          this.buf[this.pos++] = 0xcc;
          this.buf[this.pos++] = v;
          return;
        }
        if (v < 0x10000) {
          this.buf[this.pos++] = 0xcd;
          this.buf.writeUInt16BE(v, this.pos);
          this.pos += 2;
          return;
        }
        this.buf[this.pos++] = 0xce;
        this.buf.writeUInt32BE(v, this.pos);
        this.pos += 4;
        return;
      }
      if (v >= -0x80) {
        this.buf[this.pos++] = 0xd0;
        this.buf.writeInt8(v, this.pos);
        this.pos += 1;
        return;
      }
      if (v >= -0x8000) {
        this.buf[this.pos++] = 0xd1;
        this.buf.writeInt16BE(v, this.pos);
        this.pos += 2;
        return;
      }
      this.buf[this.pos++] = 0xd2;
      this.buf.writeInt32BE(v, this.pos);
      this.pos += 4;
      return;
    }
    this.int(BigInt(v));
  }

  /** Bytes already in msgpack form (e.g. a pre-encoded key). */
  raw(data: Uint8Array): void {
    this.append(data);
  }

  float64(v: number): void {
    this.ensure(9);
    this.buf[this.pos++] = 0xcb;
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
  }

  str(s: string): void {
    if (s.length < 32 && this.ascii(s)) return;
    const length = Buffer.byteLength(s, 'utf8');
    this.ensure(5 + length);
    if (length < 32) this.buf[this.pos++] = 0xa0 | length;
    else if (length < 0x100) {
      this.buf[this.pos++] = 0xd9;
      this.buf[this.pos++] = length;
    } else if (length < 0x10000) {
      this.buf[this.pos++] = 0xda;
      this.buf.writeUInt16BE(length, this.pos);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xdb;
      this.buf.writeUInt32BE(length, this.pos);
      this.pos += 4;
    }
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** A short ASCII string byte by byte (no utf8 encoder call); false, writing nothing, otherwise. */
  private ascii(s: string): boolean {
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
    this.ensure(1 + s.length);
    this.buf[this.pos++] = 0xa0 | s.length;
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
    return true;
  }

  bin(data: Uint8Array): void {
    this.ensure(5 + data.length);
    if (data.length < 0x100) {
      this.buf[this.pos++] = 0xc4;
      this.buf[this.pos++] = data.length;
    } else if (data.length < 0x10000) {
      this.buf[this.pos++] = 0xc5;
      this.buf.writeUInt16BE(data.length, this.pos);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xc6;
      this.buf.writeUInt32BE(data.length, this.pos);
      this.pos += 4;
    }
    this.append(data);
  }

  arrayHeader(length: number): void {
    this.ensure(5);
    if (length < 16) this.buf[this.pos++] = 0x90 | length;
    else if (length < 0x10000) {
      this.buf[this.pos++] = 0xdc;
      this.buf.writeUInt16BE(length, this.pos);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xdd;
      this.buf.writeUInt32BE(length, this.pos);
      this.pos += 4;
    }
  }

  mapHeader(length: number): void {
    this.ensure(5);
    if (length < 16) this.buf[this.pos++] = 0x80 | length;
    else if (length < 0x10000) {
      this.buf[this.pos++] = 0xde;
      this.buf.writeUInt16BE(length, this.pos);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xdf;
      this.buf.writeUInt32BE(length, this.pos);
      this.pos += 4;
    }
  }

  /** Terraform's wholly unknown value: fixext1, extension type 0, one zero byte (d4 00 00). */
  unknown(): void {
    this.ensure(3);
    this.buf[this.pos++] = 0xd4;
    this.buf[this.pos++] = 0x00;
    this.buf[this.pos++] = 0x00;
  }

  finish(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.pos));
  }
}
