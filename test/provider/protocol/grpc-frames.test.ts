import fc from 'fast-check';
import { FrameError, FrameReader, frame } from '../../../src/provider/protocol/transport/grpc-frames';

describe('gRPC message framing', () => {
  it('reassembles messages however the bytes are chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }),
        (messages, cuts) => {
          const wire = Buffer.concat(messages.map(frame));
          const reader = new FrameReader();
          const out: Buffer[] = [];
          let at = 0;
          for (let i = 0; at < wire.length; i++) {
            const size = cuts[i % cuts.length];
            out.push(...reader.push(wire.subarray(at, at + size)));
            at += size;
          }
          expect(out.map((b) => Buffer.from(b).toString('hex'))).toEqual(
            messages.map((m) => Buffer.from(m).toString('hex')),
          );
          expect(reader.incomplete).toBe(false);
        },
      ),
    );
  });

  it('refuses compressed messages', () => {
    expect(() => new FrameReader().push(Buffer.from([1, 0, 0, 0, 0]))).toThrow(FrameError);
  });
});
