/**
 * Builds the iredadmin provider executable: one minified bundle (fast start-up: terraform
 * launches the provider 3–5 times per command) and a launcher, self-contained in one
 * directory so the lock file's hash covers all of it.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import { bundleProvider, type Bundle } from './bundle-provider';
import { projectRoot } from './project-root';
import { LAZY_CLIENT_FILE, PROVIDER_NAME, SHARED_ERRORS_FILE } from './provider-files';

export { PROVIDER_NAME } from './provider-files';
const ROOT = projectRoot();

export async function buildProvider(outDir = join(ROOT, 'dist'), launcherName = PROVIDER_NAME): Promise<string> {
  const { launcher } = await bundleIredadminProvider(outDir);
  if (launcherName === PROVIDER_NAME) return launcher;
  const renamed = join(outDir, launcherName);
  renameSync(launcher, renamed);
  return renamed;
}

/** The bundle itself (provider.js, the lazily loaded client, the launcher `terraform-provider-iredadmin`). */
export function bundleIredadminProvider(outDir: string, minify = true): Promise<Bundle> {
  return bundleProvider({
    entry: join(ROOT, 'src', 'provider', 'main.ts'),
    outDir,
    name: 'iredadmin',
    // The API client (undici, zod: most of the code) is only needed once the provider is configured.
    lazyModules: { [join(ROOT, 'src', 'client', 'index.ts')]: LAZY_CLIENT_FILE },
    // Error classes are used by both sides: one copy, so `instanceof` holds across the files.
    sharedModules: { [join(ROOT, 'src', 'client', 'errors.ts')]: SHARED_ERRORS_FILE },
    plugins: [zodEnglishOnly, undiciPoolOnly],
    minify,
  });
}

/**
 * zod's `locales` namespace holds every language's error messages, a quarter of the client file
 * that each configured provider process loads; zod itself uses the English ones, and so does every
 * message of ours. In the bundle the namespace holds English alone.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: join(args.resolveDir, '..', 'locales'), namespace: 'zod-en' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: args.path,
      loader: 'js',
    }));
  },
};

/**
 * The client uses undici's `Pool` and its `request()` alone; undici's index also loads fetch,
 * WebSocket, its caches and mocks (half the client file each configured provider process loads).
 * In the bundle, `undici` is the pool with request() attached as the index attaches it. Only the
 * bundle does this, built against the locked undici version (the client bundle test checks it);
 * the published client keeps importing undici's public index.
 */
const undiciPoolOnly: Plugin = {
  name: 'undici-pool-only',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, (args) =>
      args.importer.endsWith(join('src', 'client', 'transport.ts'))
        ? { path: 'undici-pool-only', namespace: 'undici-pool-only' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'undici-pool-only' }, () => ({
      contents: [
        "const Dispatcher = require('undici/lib/dispatcher/dispatcher');",
        "Dispatcher.prototype.request = require('undici/lib/api/api-request');",
        "module.exports = { Pool: require('undici/lib/dispatcher/pool') };",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

// Run, not bundled into another script (pack-provider.ts bundles this module).
if (require.main === module && /build-provider/.test(process.argv[1] ?? '')) {
  buildProvider().then(
    (launcher) => process.stdout.write(`built ${launcher}\n`),
    (error: unknown) => {
      process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
