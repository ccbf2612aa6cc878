/**
 * Bundles a provider entry point into one self-contained directory:
 *   <outDir>/provider.js                 one minified CommonJS bundle
 *   <outDir>/provider.js.cache           its V8 code cache, made at build time
 *   <outDir>/start.js                    loads provider.js with that cache
 *   <outDir>/terraform-provider-<name>   `exec node start.js "$@"` launcher
 *
 * Start-up time matters (Terraform launches a provider 3-5 times per
 * command), so: one file to read and compile, minified, with a V8 code cache.
 *
 * Use from code (`await bundleProvider({...})`) or run:
 *   npx esbuild scripts/bundle-provider.ts --bundle --platform=node --packages=external --outfile=.tmp/bundle-provider.js \
 *     && node .tmp/bundle-provider.js <entry.ts> <outDir> <name>
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

export interface BundleOptions {
  readonly entry: string;
  readonly outDir: string;
  /** Provider type name: the launcher is `terraform-provider-<name>`. */
  readonly name: string;
  readonly minify?: boolean;
  /** The node binary the launcher runs; default `node` from PATH. */
  readonly node?: string;
  /**
   * Modules the entry only `require()`s when needed, bundled into files of their own so a
   * launch that never needs them does not read them: source directory (as the code names it,
   * resolved) → output file name, e.g. `{ '/repo/src/client': 'client.js' }`.
   */
  readonly lazyModules?: Readonly<Record<string, string>>;
  /**
   * Modules the entry and the lazy modules both use, kept in one file of their own so both see
   * the same instance (an error class must be the same class for `instanceof`).
   */
  readonly sharedModules?: Readonly<Record<string, string>>;
  /** More esbuild plugins, for every file (e.g. to leave out parts of a dependency nothing uses). */
  readonly plugins?: readonly Plugin[];
}

export interface Bundle {
  readonly script: string;
  readonly launcher: string;
  /** The source files compiled into provider.js, i.e. loaded on every launch (esbuild's paths). */
  readonly startupModules: readonly string[];
}

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
    metafile: true,
    plugins: [separateFiles(options.lazyModules ?? {}, options.sharedModules ?? {}), ...(options.plugins ?? [])],
  });
  if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.text).join('\n'));
  const inputsOf = (metafile: Metafile): string[] =>
    Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
  // Shared modules load with provider.js: they count as start-up code.
  const startupModules = inputsOf(result.metafile);
  const ownFiles = { ...options.lazyModules, ...options.sharedModules };
  for (const [source, file] of Object.entries(ownFiles)) {
    const shared = Object.fromEntries(Object.entries(options.sharedModules ?? {}).filter(([s]) => s !== source));
    const own = await build({
      entryPoints: [source],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: path.join(options.outDir, file),
      minify: options.minify ?? true,
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
      plugins: [separateFiles({}, shared), ...(options.plugins ?? [])],
    });
    if (source in (options.sharedModules ?? {})) startupModules.push(...inputsOf(own.metafile));
  }
  const launcher = path.join(options.outDir, `terraform-provider-${options.name}`);
  const node = options.node ? JSON.stringify(options.node) : 'node';
  const start = path.join(options.outDir, 'start.js');
  fs.writeFileSync(start, START_SCRIPT);
  // The V8 code cache is made by the node that will run it; another node version just ignores it.
  // provider.js cannot run at build time (it serves); the lazy and shared files only define
  // things, so they are run first and their cache also holds every function their loading
  // compiles (each bundled module's body among them), which a cache of the bare script lacks.
  const makeCodeCache = (...args: string[]) =>
    execFileSync(options.node ?? process.execPath, [start, '--make-code-cache', ...args], { stdio: 'inherit' });
  makeCodeCache('provider.js');
  for (const file of Object.values(ownFiles)) makeCodeCache(file, '--after-run');
  fs.writeFileSync(launcher, launcherScript(node), { mode: 0o755 });
  return { script, launcher, startupModules };
}

/**
 * The executable Terraform runs. Node refuses some flags in NODE_OPTIONS (`--cpu-prof` among
 * them) and would exit before the handshake, leaving Terraform with "failed to read any lines
 * from plugin's stdout". Every flag is allowed on the command line, so the launcher moves
 * NODE_OPTIONS there (which also makes `NODE_OPTIONS=--cpu-prof terraform plan` profile the
 * provider). Values with quotes or backslashes are left to node's own parser, unchanged.
 */
export function launcherScript(node: string): string {
  return `#!/bin/sh
start="$(dirname "$0")/start.js"
case "\${NODE_OPTIONS-}" in
  *[\\"\\'\\\\]*) ;;
  *) flags="\${NODE_OPTIONS-}"; unset NODE_OPTIONS; set -f; exec ${node} $flags "$start" "$@" ;;
esac
exec ${node} "$start" "$@"
`;
}

/**
 * Starts provider.js from a V8 code cache (provider.js.cache): compiling the ~1 MB bundle is the
 * largest part of a launch, and terraform launches the provider 3–5 times per command. Node 20
 * has no built-in module compile cache, hence this small loader (vm.Script with cachedData).
 */
const START_SCRIPT = `'use strict';
const { Script } = require('node:vm');
const fs = require('node:fs');
const Module = require('node:module');

function compile(name) {
  const file = __dirname + '/' + name;
  let cachedData;
  try { cachedData = fs.readFileSync(file + '.cache'); } catch {}
  const source = Module.wrap(fs.readFileSync(file, 'utf8').replace(/^#!.*/, ''));
  return { file, script: new Script(source, { filename: file, cachedData }) };
}

const loaded = new Map();
/** The bundles' require: files beside this one (lazily required modules) come from their cache too. */
function bundleRequire(id) {
  if (!id.startsWith('./')) return require(id);
  if (!loaded.has(id)) loaded.set(id, run(id.slice(2)));
  return loaded.get(id);
}

function run(name) {
  const { file, script } = compile(name);
  return execute(file, script);
}

function execute(file, script) {
  const mod = { exports: {}, filename: file, id: file, loaded: false, paths: module.paths };
  script.runInThisContext()(mod.exports, bundleRequire, mod, file, __dirname);
  return mod.exports;
}

if (process.argv[2] === '--make-code-cache') {
  const name = process.argv[3];
  const { file, script } = compile(name);
  if (process.argv[4] === '--after-run') loaded.set('./' + name, execute(file, script));
  fs.writeFileSync(file + '.cache', script.createCachedData());
} else {
  run('provider.js');
}
`;

// Only when run as its own program (not when bundled into another one).
if (require.main === module && /bundle-provider/.test(process.argv[1] ?? '')) {
  const [entry, outDir, name] = process.argv.slice(2);
  if (!entry || !outDir || !name) {
    process.stderr.write('usage: bundle-provider <entry.ts> <outDir> <name>\n');
    process.exit(2);
  }
  void bundleProvider({ entry, outDir, name }).then(({ launcher }) => process.stderr.write(`wrote ${launcher}\n`));
}

/**
 * esbuild plugin: `require()`s of lazy modules, and any import of shared modules, stay requires
 * of their own files beside the bundle (see BundleOptions). Keys are paths without extension.
 */
function separateFiles(
  lazyModules: Readonly<Record<string, string>>,
  sharedModules: Readonly<Record<string, string>>,
): Plugin {
  const withoutExtension = (file: string) => file.replace(/\.[cm]?[jt]s$/, '').replace(/\/index$/, '');
  const lazy = new Map(Object.entries(lazyModules).map(([k, v]) => [withoutExtension(k), v]));
  const shared = new Map(Object.entries(sharedModules).map(([k, v]) => [withoutExtension(k), v]));
  return {
    name: 'separate-files',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const target = withoutExtension(path.resolve(args.resolveDir, args.path));
        const file = shared.get(target) ?? (args.kind === 'require-call' ? lazy.get(target) : undefined);
        return file ? { path: `./${file}`, external: true } : undefined;
      });
    },
  };
}
