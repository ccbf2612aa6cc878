import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository's own (private) package: the npm workspace root. */
export const REPOSITORY_PACKAGE = 'iredadmin-workspace';

/** The repository root, whether this runs from scripts/ (ts), dist/scripts/ or a bundle inside the repository. */
export function projectRoot(from = __dirname): string {
  return packageRootNamed([REPOSITORY_PACKAGE], from);
}

/** The nearest directory above `from` whose package.json is named one of `names`. */
export function packageRootNamed(names: readonly string[], from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (hasPackageNamed(join(dir, 'package.json'), names)) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find a package named ${names.join(' or ')} above ${from}`);
  }
}

function hasPackageNamed(file: string, names: readonly string[]): boolean {
  if (!existsSync(file)) return false;
  const { name } = JSON.parse(readFileSync(file, 'utf8')) as { name?: string };
  return name !== undefined && names.includes(name);
}
