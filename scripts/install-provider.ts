/**
 * Installs the built provider into a Terraform filesystem mirror:
 *   <mirror>/registry.terraform.io/iredadmin/iredadmin/<version>/linux_amd64/
 * `~/.terraform.d/plugins` (the default) is found by `terraform init` with no CLI config.
 *   node dist/scripts/install-provider.js [--mirror <dir>]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildProvider } from './build-provider';
import { DEFAULT_MIRROR, installReport } from './install-built-provider';
import { mirrorProviderDir, PROVIDER_NAME, PROVIDER_VERSION } from './provider-files';

export { PROVIDER_SOURCE, PROVIDER_VERSION, platformDir } from './provider-files';

/** Builds the provider from source straight into the mirror (tests, demo, a clone). */
export async function installProvider(mirror = DEFAULT_MIRROR): Promise<string> {
  const dir = mirrorProviderDir(mirror);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await buildProvider(dir, `${PROVIDER_NAME}_v${PROVIDER_VERSION}`);
  return dir;
}

if (require.main === module) {
  const { values } = parseArgs({ options: { mirror: { type: 'string' } } });
  const mirror = values.mirror ? resolve(values.mirror) : DEFAULT_MIRROR;
  installProvider(mirror).then(
    (dir) => process.stdout.write(installReport(mirror, dir)),
    (error: unknown) => {
      process.stderr.write(`install failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
