/**
 * gRPC's length-prefixed message framing on an HTTP/2 stream:
 * one byte "compressed" flag, four bytes big-endian length, the message.
 */

export function frame(message: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(5 + message.length);
  out[0] = 0;
  out.writeUInt32BE(message.length, 1);
  out.set(message, 5);
  return out;
}

export class FrameError extends Error {}

/**
 * Accumulates DATA chunks and yields whole messages. Chunks are kept in a
 * list and joined only once a whole message is there, so a large message
 * arriving in many small chunks is copied once, not once per chunk.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: Buffer[] = [];
    while (this.buffered >= 5) {
      const head = this.peek(5);
      const length = head.readUInt32BE(1);
      if (this.buffered < 5 + length) break;
      if (head[0] !== 0) throw new FrameError('compressed messages are not supported');
      const all = this.take(5 + length);
      messages.push(all.subarray(5));
    }
    return messages;
  }

  get incomplete(): boolean {
    return this.buffered > 0;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0];
  }

  private take(n: number): Buffer {
    const joined = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.chunks = joined.length > n ? [joined.subarray(n)] : [];
    this.buffered -= n;
    return joined.subarray(0, n);
  }
}
