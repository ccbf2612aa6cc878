#!/usr/bin/env node
/**
 * iredadmin-install-provider: installs the provider this package ships prebuilt (dist/) into a
 * Terraform filesystem mirror, ~/.terraform.d/plugins by default, and prints the CLI configuration.
 *   iredadmin-install-provider [--mirror <dir>]
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './project-root';
import {
  mirrorProviderDir,
  PROVIDER_NAME,
  PROVIDER_SCRIPTS,
  PROVIDER_SOURCE,
  PROVIDER_VERSION,
} from './provider-files';

export const DEFAULT_MIRROR = join(homedir(), '.terraform.d', 'plugins');

/** Copies the built provider from `builtDir` (where `npm run build` put it) into the mirror; returns the provider's directory. */
export function installBuiltProvider(mirror = DEFAULT_MIRROR, builtDir = join(projectRoot(), 'dist')): string {
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

if (require.main === module) {
  try {
    const { values } = parseArgs({ options: { mirror: { type: 'string' } } });
    const mirror = values.mirror ? resolve(values.mirror) : DEFAULT_MIRROR;
    process.stdout.write(installReport(mirror, installBuiltProvider(mirror)));
  } catch (error: unknown) {
    process.stderr.write(`iredadmin-install-provider: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
