/**
 * Installs the built provider into a Terraform filesystem mirror:
 *   <mirror>/registry.terraform.io/iredadmin/iredadmin/<version>/linux_amd64/
 * `~/.terraform.d/plugins` (the default) is found by `terraform init` with no CLI config.
 *   node dist/scripts/install-provider.js [--mirror <dir>]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from './project-root';
import { parseArgs } from 'node:util';
import { buildProvider, PROVIDER_NAME } from './build-provider';

const ROOT = projectRoot();
// Read at run time so a version bump needs no rebuild of this script.
export const PROVIDER_VERSION: string = (require(join(ROOT, 'package.json')) as { version: string }).version;
export const PROVIDER_SOURCE = 'iredadmin/iredadmin';

export function platformDir(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return `${process.platform}_${arch}`;
}

export async function installProvider(mirror = join(homedir(), '.terraform.d', 'plugins')): Promise<string> {
  const dir = join(mirror, 'registry.terraform.io', PROVIDER_SOURCE, PROVIDER_VERSION, platformDir());
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await buildProvider(dir, `${PROVIDER_NAME}_v${PROVIDER_VERSION}`);
  return dir;
}

if (require.main === module) {
  const { values } = parseArgs({ options: { mirror: { type: 'string' } } });
  installProvider(values.mirror ? resolve(values.mirror) : undefined).then(
    (dir) => process.stdout.write(`installed ${PROVIDER_SOURCE} ${PROVIDER_VERSION} into ${dir}\n`),
    (error: unknown) => {
      process.stderr.write(`install failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
