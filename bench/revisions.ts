/**
 * What the `*-compare` harnesses share: they run a base revision's code against the working
 * tree's, interleaved in one run, with the same `--base <revision>` and `--reps <n>` flags.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { projectRoot } from '../scripts/project-root';
import { summarize } from './stats';

/** The flags every compare harness takes (parseArgs options). */
export const REVISION_OPTIONS = {
  base: { type: 'string', default: 'main' },
  reps: { type: 'string', default: '7' },
} as const;

/** `paths` (or the whole tree) of `revision`, unpacked into a fresh `dir`. */
export function unpackRevision(revision: string, dir: string, paths: readonly string[] = []): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', revision, ...paths], {
    cwd: projectRoot(),
    maxBuffer: 256 << 20,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return dir;
}

/** The repetitions as the harnesses print them: `median<unit> (min–max)`, `digits` after the point. */
export function medianAndRange(xs: readonly number[], digits: number, unit = ''): string {
  const { median, min, max } = summarize(xs);
  return `${median.toFixed(digits)}${unit} (${min.toFixed(digits)}–${max.toFixed(digits)})`;
}
