#!/usr/bin/env node
/**
 * The command of the provider package, bundled into its dist/cli.js (see pack-provider.ts):
 *   npx terraform-provider-iredadmin install-provider [--mirror <dir>]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MIRROR, installBuiltProvider, installReport } from './install-built-provider';
import { PROVIDER_SOURCE, PROVIDER_VERSION } from './provider-files';

const USAGE = `terraform-provider-iredadmin ${PROVIDER_VERSION}: the Terraform provider ${PROVIDER_SOURCE}

usage: terraform-provider-iredadmin install-provider [--mirror <dir>]

  install-provider   copy the provider into a Terraform filesystem mirror and print the CLI
                     configuration that points terraform at it
  --mirror <dir>     the mirror (default ${DEFAULT_MIRROR}, which terraform init searches
                     with no CLI configuration)
`;

/** Runs the command with the provider built into `builtDir` (default: the package's dist/); returns the exit code. */
export function runProviderCli(args: readonly string[], builtDir?: string): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { mirror: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'install-provider') {
    process.stderr.write(USAGE);
    return 2;
  }
  const mirror = values.mirror ? resolve(values.mirror) : DEFAULT_MIRROR;
  process.stdout.write(installReport(mirror, installBuiltProvider(mirror, builtDir)));
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = runProviderCli(process.argv.slice(2));
  } catch (error: unknown) {
    process.stderr.write(`terraform-provider-iredadmin: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
