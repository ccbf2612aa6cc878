/**
 * Bundles a provider entry point into one self-contained directory:
 *   <outDir>/provider.js                 one minified CommonJS bundle
 *   <outDir>/terraform-provider-<name>   `exec node provider.js "$@"` launcher
 *
 * Start-up time matters (Terraform launches a provider 3-5 times per
 * command), so: one file to read and compile, minified, and without the
 * .proto parser that @grpc/grpc-js only needs for channelz/ORCA (which we
 * never use) — its ~300 kB would still be compiled on every launch.
 *
 * Use from code (`await bundleProvider({...})`) or run:
 *   npx esbuild scripts/bundle-provider.ts --bundle --platform=node --packages=external --outfile=.tmp/bundle-provider.js \
 *     && node .tmp/bundle-provider.js <entry.ts> <outDir> <name>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';

export interface BundleOptions {
  readonly entry: string;
  readonly outDir: string;
  /** Provider type name: the launcher is `terraform-provider-<name>`. */
  readonly name: string;
  readonly minify?: boolean;
  /** The node binary the launcher runs; default `node` from PATH. */
  readonly node?: string;
}

export interface Bundle { readonly script: string; readonly launcher: string }

/** esbuild plugin: replace @grpc/proto-loader with a stub that fails loudly if ever used. */
export const withoutProtoLoader: Plugin = {
  name: 'without-proto-loader',
  setup(build) {
    build.onResolve({ filter: /^@grpc\/proto-loader$/ }, () => ({ path: 'proto-loader-stub', namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'module.exports = { loadSync() { throw new Error("@grpc/proto-loader is not bundled with this provider"); } };',
      loader: 'js',
    }));
  },
};

export async function bundleProvider(options: BundleOptions): Promise<Bundle> {
  fs.mkdirSync(options.outDir, { recursive: true });
  const script = path.join(options.outDir, 'provider.js');
  const result = await build({
    entryPoints: [options.entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: script,
    minify: options.minify ?? true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [withoutProtoLoader],
  });
  if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.text).join('\n'));
  const launcher = path.join(options.outDir, `terraform-provider-${options.name}`);
  const node = options.node ? JSON.stringify(options.node) : 'node';
  fs.writeFileSync(launcher, `#!/bin/sh\nexec ${node} "$(dirname "$0")/provider.js" "$@"\n`, { mode: 0o755 });
  return { script, launcher };
}

// Only when run as its own program (not when bundled into another one).
if (require.main === module && /bundle-provider/.test(process.argv[1] ?? '')) {
  const [entry, outDir, name] = process.argv.slice(2);
  if (!entry || !outDir || !name) {
    process.stderr.write('usage: bundle-provider <entry.ts> <outDir> <name>\n');
    process.exit(2);
  }
  void bundleProvider({ entry, outDir, name }).then(({ launcher }) => process.stderr.write(`wrote ${launcher}\n`));
}
