/**
 * A CDKTF app made runnable by the `cdktf` CLI in a work directory, and the type check of a stack
 * `iredadmin adopt --format cdktf` wrote there: the steps the adopt and example tests share.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..');
/** The package's generated constructs, standing in for the `iredadmin-cdktf` npm import. */
const CONSTRUCTS = join(ROOT, 'constructs', 'index.ts');

/**
 * Bundles `entry` into `<work>/main.js` (npm packages left external, resolved from the project's
 * node_modules, so `work` must lie inside the project) and writes the cdktf.json that runs it.
 */
export function writeCdktfApp(work: string, entry: string): void {
  buildSync({
    entryPoints: [entry],
    outfile: join(work, 'main.js'),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
    alias: { 'iredadmin-cdktf': CONSTRUCTS },
  });
  writeFileSync(
    join(work, 'cdktf.json'),
    JSON.stringify({ language: 'typescript', app: 'node main.js', terraformProviders: [], sendCrashReports: 'false' }),
  );
}

/** tsc's output and exit status for `<work>/main.ts` under cdktf's strict settings. */
export function typeCheckStack(work: string): { output: string; status: number | null } {
  // Not tsconfig.json: esbuild would read its paths when bundling.
  const config = join(work, 'tsconfig.check.json');
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noImplicitReturns: true,
        target: 'ES2022',
        module: 'commonjs',
        moduleResolution: 'node',
        skipLibCheck: true,
        noEmit: true,
        types: [],
        paths: { 'iredadmin-cdktf': [CONSTRUCTS] },
      },
      files: ['main.ts'],
    }),
  );
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], { encoding: 'utf8' });
  return { output: tsc.stdout + tsc.stderr, status: tsc.status };
}
