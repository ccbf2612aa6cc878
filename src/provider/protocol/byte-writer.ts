/** A byte buffer that grows as it is written: the base of the msgpack and protobuf writers. */
export class ByteWriter {
  protected buf: Buffer;
  protected pos = 0;

  constructor(initialSize: number) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  /** Room for `n` more bytes, doubling the buffer when it is short. */
  protected ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Bytes as they are, no length prefix. */
  protected append(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }
}
