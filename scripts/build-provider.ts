/**
 * Builds the provider executable: one minified bundle (fast start-up: terraform launches the
 * provider 3–5 times per command) and a launcher, self-contained in one directory so the
 * lock file's hash covers all of it.
 */
import { build } from 'esbuild';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project-root';

export const PROVIDER_NAME = 'terraform-provider-iredadmin';
const ROOT = projectRoot();

export async function buildProvider(outDir = join(ROOT, 'dist', 'provider'), launcherName = PROVIDER_NAME): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'src', 'provider', 'main.ts')],
    outfile: join(outDir, 'provider.js'),
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const launcher = join(outDir, launcherName);
  // `exec` so the process terraform signals is node itself.
  writeFileSync(launcher, '#!/bin/sh\nexec node "$(dirname "$0")/provider.js" "$@"\n');
  chmodSync(launcher, 0o755);
  return launcher;
}

if (require.main === module) {
  buildProvider().then(
    (launcher) => process.stdout.write(`built ${launcher}\n`),
    (error: unknown) => {
      process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
