import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package root, whether this runs from scripts/ (ts) or dist/scripts/ (compiled). */
export function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'provider'))) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the project root above ${from}`);
  }
}
