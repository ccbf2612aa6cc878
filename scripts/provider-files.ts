/**
 * What the provider build writes into its directory, and where Terraform looks for it. No esbuild
 * here: the published package installs its prebuilt provider with this alone.
 */
import { join } from 'node:path';
import { packageRootNamed, REPOSITORY_PACKAGE } from './project-root';

export const PROVIDER_NAME = 'terraform-provider-iredadmin';
export const PROVIDER_SOURCE = 'iredadmin/iredadmin';
/** Split out of provider.js by the build: loaded once the provider is configured, and shared. */
export const LAZY_CLIENT_FILE = 'client.js';
export const SHARED_ERRORS_FILE = 'client-errors.js';
/** Scripts of the bundle; each has its V8 code cache `<file>.cache` beside it. */
export const PROVIDER_SCRIPTS = ['start.js', 'provider.js', LAZY_CLIENT_FILE, SHARED_ERRORS_FILE] as const;

/**
 * Where the built provider lies (its `dist/`): the installed provider package, or the repository
 * when this runs from a clone (both carry the same version).
 */
export function providerHome(): string {
  return packageRootNamed([PROVIDER_NAME, REPOSITORY_PACKAGE]);
}

// Read at run time so a version bump needs no rebuild of this script.
export const PROVIDER_VERSION: string = (require(join(providerHome(), 'package.json')) as { version: string }).version;

export function platformDir(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return `${process.platform}_${arch}`;
}

/** `<mirror>/registry.terraform.io/iredadmin/iredadmin/<version>/<os>_<arch>`. */
export function mirrorProviderDir(mirror: string): string {
  return join(mirror, 'registry.terraform.io', PROVIDER_SOURCE, PROVIDER_VERSION, platformDir());
}
