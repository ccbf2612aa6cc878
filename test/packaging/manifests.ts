/** The repository's package manifests, read once for the packaging tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  repository?: { type: string; url: string; directory?: string };
  homepage?: string;
  bugs?: { url: string };
  workspaces?: string[];
  main?: string;
  types?: string;
  exports?: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
  files?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;

export const root = readManifest('.');

/**
 * Every publishable package by folder: the workspaces, and cdktn (outside them: its constructs peer
 * conflicts with cdktf-cli's).
 */
const PACKAGE_DIRS = ['packages/client', 'packages/server', 'packages/provider', 'packages/cdktf', 'packages/cdktn'];
export const packages = new Map(PACKAGE_DIRS.map((dir) => [dir, readManifest(dir)]));

/** Every file a manifest points at (main, types, exports, bins), relative to the package. */
export function pointers(pkg: Manifest): string[] {
  const exported = Object.values(pkg.exports ?? {}).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  return [pkg.main, pkg.types, ...exported, ...Object.values(pkg.bin ?? {})]
    .filter((file): file is string => file !== undefined)
    .map((file) => file.replace(/^\.\//, ''));
}
