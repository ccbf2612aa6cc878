/**
 * Bundles a TypeScript entry point with esbuild (dependencies left to node_modules) so tests
 * can run our executables as real processes without a full `npm run build`.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export async function bundleEntry(entry: string, name: string): Promise<string> {
  const dir = join(ROOT, '.tmp', 'bundles');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}-${process.pid}.js`);
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  return outfile;
}
