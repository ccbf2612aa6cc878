/**
 * Writes the generated files without clobbering a person's edits. A manifest in the output
 * directory records the hash of every file as adopt last wrote it: a file still matching it is
 * adopt's own and is replaced; a file that differs (edited by hand) or that adopt never wrote is
 * left alone and the new version goes beside it as `<name>.adopted`, which terraform ignores.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { byCodePoint } from './model';

const MANIFEST = '.iredadmin-adopt.json';
const SIDE_SUFFIX = '.adopted';

interface Manifest {
  readonly files: Record<string, string>;
}

export interface WriteResult {
  readonly written: string[];
  readonly unchanged: string[];
  /** Edited by a person: the new version was written beside them. */
  readonly keptBeside: { file: string; beside: string }[];
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return { files: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    return { files: typeof parsed.files === 'object' && parsed.files ? parsed.files : {} };
  } catch {
    return { files: {} };
  }
}

export function writeFiles(dir: string, files: ReadonlyMap<string, string>): WriteResult {
  mkdirSync(dir, { recursive: true });
  const manifest = readManifest(dir);
  const next: Record<string, string> = { ...manifest.files };
  const result: WriteResult = { written: [], unchanged: [], keptBeside: [] };
  for (const [name, content] of [...files].sort(([a], [b]) => byCodePoint(a, b))) {
    const path = join(dir, name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === content) {
      next[name] = hash(content);
      result.unchanged.push(name);
    } else if (current === null || manifest.files[name] === hash(current)) {
      writeFileSync(path, content);
      next[name] = hash(content);
      result.written.push(name);
    } else {
      writeFileSync(path + SIDE_SUFFIX, content);
      result.keptBeside.push({ file: name, beside: name + SIDE_SUFFIX });
    }
  }
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify({ files: next }, null, 2)}\n`);
  return result;
}
