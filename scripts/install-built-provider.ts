/**
 * Installs the provider the package ships prebuilt (dist/) into a Terraform filesystem mirror,
 * ~/.terraform.d/plugins by default, and says which CLI configuration finds it there. The
 * provider package's command (provider-cli.ts) runs it; no esbuild, no build step.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  mirrorProviderDir,
  PROVIDER_NAME,
  providerHome,
  PROVIDER_SCRIPTS,
  PROVIDER_SOURCE,
  PROVIDER_VERSION,
} from './provider-files';

export const DEFAULT_MIRROR = join(homedir(), '.terraform.d', 'plugins');

/** Copies the built provider from `builtDir` (where `npm run build` put it) into the mirror; returns the provider's directory. */
export function installBuiltProvider(mirror = DEFAULT_MIRROR, builtDir = join(providerHome(), 'dist')): string {
  const launcher = join(builtDir, PROVIDER_NAME);
  if (!existsSync(launcher)) throw new Error(`no built provider at ${launcher}: run \`npm run build\` first`);
  const dir = mirrorProviderDir(mirror);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const script of PROVIDER_SCRIPTS) {
    copyFileSync(join(builtDir, script), join(dir, script));
    // The code cache is an optimisation: a bundle without one still starts.
    if (existsSync(join(builtDir, `${script}.cache`)))
      copyFileSync(join(builtDir, `${script}.cache`), join(dir, `${script}.cache`));
  }
  const installed = join(dir, `${PROVIDER_NAME}_v${PROVIDER_VERSION}`);
  copyFileSync(launcher, installed);
  chmodSync(installed, 0o755);
  return dir;
}

/** What to put in ~/.terraformrc (or $TF_CLI_CONFIG_FILE) so terraform init takes the provider from `mirror`. */
export function cliConfiguration(mirror: string): string {
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirror)}`,
    `    include = ["${PROVIDER_SOURCE}"]`,
    '  }',
    `  direct { exclude = ["${PROVIDER_SOURCE}"] }`,
    '}',
    '',
  ].join('\n');
}

export function installReport(mirror: string, dir: string): string {
  const when =
    mirror === DEFAULT_MIRROR
      ? 'terraform init finds it there with no CLI configuration; if yours has a provider_installation block, use this one'
      : 'point terraform at it with this CLI configuration';
  return `installed ${PROVIDER_SOURCE} ${PROVIDER_VERSION} into ${dir}\n${when} (~/.terraformrc or $TF_CLI_CONFIG_FILE):\n\n${cliConfiguration(mirror)}`;
}
