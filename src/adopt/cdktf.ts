/** The CDKTF writer (not written yet). */
import type { WriterContext } from './hcl';

export function writeCdktf(_ctx: WriterContext): Map<string, string> {
  throw new Error('--format cdktf is not available yet; use --format hcl.');
}
