/**
 * The provider package's build (its `prepack`): into packages/provider/dist/ the provider bundle
 * and launcher (as `npm run build` makes them), its command `cli.js` (install-provider) and
 * `adopt.js` (`iredadmin adopt`), each one self-contained file: the package has no dependencies.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildProvider } from './build-provider';
import { projectRoot } from './project-root';

const ROOT = projectRoot();
export const PROVIDER_PACKAGE_DIR = join(ROOT, 'packages', 'provider');

export async function packProvider(outDir = join(PROVIDER_PACKAGE_DIR, 'dist')): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  await buildProvider(outDir);
  await build({
    entryPoints: { cli: join(ROOT, 'scripts', 'provider-cli.ts'), adopt: join(ROOT, 'src', 'adopt', 'cli.ts') },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
}

if (require.main === module) {
  packProvider().then(
    () => process.stderr.write(`built the provider package into ${join(PROVIDER_PACKAGE_DIR, 'dist')}\n`),
    (error: unknown) => {
      process.stderr.write(`pack-provider failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
