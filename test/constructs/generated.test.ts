/**
 * constructs/ (cdktf) and constructs/cdktn/ are generated from the provider's schema and
 * committed: regenerate each flavour into a temp dir and fail while the committed copy differs
 * (a resource or attribute added without `npm run generate`). The generator runs as `npm run
 * generate` runs it, in its own process:
 * it spawns terraform with the process's real environment, which jest's sandbox cannot set.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/** The bindings' files under `dir`, without the other flavour's folder (constructs/cdktn/ lies inside constructs/). */
function files(dir: string): Map<string, string> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|md)$/.test(f) && !f.startsWith('cdktn/'))
    .sort();
  return new Map(names.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

test.each([
  ['cdktf', 'constructs'],
  ['cdktn', 'constructs/cdktn'],
])(
  'the %s bindings in %s match the provider schema (else: npm run generate)',
  (flavour, committed) => {
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    // Inside the project, so the script finds the project root and node_modules from where it lies.
    const build = mkdtempSync(join(ROOT, '.tmp', 'generate-'));
    const fresh = mkdtempSync(join(tmpdir(), 'iredadmin-constructs-'));
    try {
      const script = join(build, 'generate-constructs.js');
      buildSync({
        entryPoints: [join(ROOT, 'scripts', 'generate-constructs.ts')],
        outfile: script,
        bundle: true,
        packages: 'external',
        platform: 'node',
        format: 'cjs',
        logLevel: 'error',
      });
      const run = spawnSync(process.execPath, [script, '--flavour', flavour, '--out', fresh], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const want = files(fresh);
      const have = files(join(ROOT, committed));
      const stale = [...new Set([...want.keys(), ...have.keys()])].filter((f) => want.get(f) !== have.get(f));
      expect({ stale, hint: `run \`npm run generate\` and commit ${committed}/` }).toEqual({
        stale: [],
        hint: expect.any(String),
      });
    } finally {
      rmSync(build, { recursive: true, force: true });
      rmSync(fresh, { recursive: true, force: true });
    }
  },
  180_000,
);
