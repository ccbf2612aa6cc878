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
    if (v >= -0x80000000n && v <= 0xffffffffn) {
      this.safeInt(Number(v));
      return;
    }
    this.ensure(9);
    if (v >= 0n) {
      this.buf[this.pos++] = 0xcf;
      this.buf.writeBigUInt64BE(v, this.pos);
    } else {
      this.buf[this.pos++] = 0xd3;
      this.buf.writeBigInt64BE(v, this.pos);
    }
    this.pos += 8;
  }

  /** `int` for a safe integer, without going through bigint unless it needs 8 bytes. */
  safeInt(v: number): void {
    if (v >= -32 && v < 128) {
      this.u8(v & 0xff);
      return;
    }
    if (v < -0x80000000 || v > 0xffffffff) {
      this.int(BigInt(v));
      return;
    }
    // uint8/16/32 are cc–ce, int8/16/32 d0–d2: the code grows by one as the width doubles.
    const width = v >= 0 ? (v < 0x100 ? 1 : v < 0x10000 ? 2 : 4) : v >= -0x80 ? 1 : v >= -0x8000 ? 2 : 4;
    this.head((v >= 0 ? 0xcc : 0xd0) + (width >> 1), v, width);
  }

  /**
   * A type byte and a big-endian number of 1, 2 or 4 bytes after it (a byte array keeps the low
   * 8 bits of what is stored, so a negative number lands in two's complement).
   */
  private head(code: number, v: number, width: number): void {
    this.ensure(1 + width);
    const buf = this.buf;
    let pos = this.pos;
    buf[pos++] = code;
    if (width === 4) {
      buf[pos++] = v >>> 24;
      buf[pos++] = v >>> 16;
    }
    if (width !== 1) buf[pos++] = v >>> 8;
    buf[pos++] = v;
    this.pos = pos;
  }

  /**
   * A length header: the fix form when the length is below `fixLimit`, else the 8-bit form (when
   * the family has one, `code8`), else the 16-bit one (`code16`) or the 32-bit one, which follows it.
   */
  private lengthHeader(length: number, fix: number, fixLimit: number, code8: number, code16: number): void {
    if (length < fixLimit) this.u8(fix | length);
    else if (code8 !== 0 && length < 0x100) this.head(code8, length, 1);
    else if (length < 0x10000) this.head(code16, length, 2);
    else this.head(code16 + 1, length, 4);
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
    this.lengthHeader(length, 0xa0, 32, 0xd9, 0xda);
    this.ensure(length);
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
    this.lengthHeader(data.length, 0, 0, 0xc4, 0xc5);
    this.append(data);
  }

  arrayHeader(length: number): void {
    this.lengthHeader(length, 0x90, 16, 0, 0xdc);
  }

  mapHeader(length: number): void {
    this.lengthHeader(length, 0x80, 16, 0, 0xde);
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
