/**
 * CDK Terrain's tooling (cdktn, @cdktn/provider-generator, constructs ≥ 10.6) lives in
 * packages/cdktn/node_modules, apart from the root's: cdktf-cli pins constructs 10.4, which cdktn
 * refuses. Installed from packages/cdktn's lock file on first use; concurrent callers (test
 * workers) wait for one install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project-root';

export const CDKTN_PACKAGE_DIR = join(projectRoot(), 'packages', 'cdktn');
const INSTALLED_MARK = join(CDKTN_PACKAGE_DIR, 'node_modules', '.package-lock.json');
const LOCK = join(CDKTN_PACKAGE_DIR, '.installing');
const STALE_LOCK_MS = 5 * 60_000;

/** The directory whose node_modules holds the cdktn tooling; installs it first when missing. */
export function cdktnTools(): string {
  while (!existsSync(INSTALLED_MARK)) {
    if (tryLock()) {
      try {
        if (!existsSync(INSTALLED_MARK))
          execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
            cwd: CDKTN_PACKAGE_DIR,
            stdio: ['ignore', 'ignore', 'inherit'],
          });
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
    } else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
  return CDKTN_PACKAGE_DIR;
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // A lock left by a killed install is taken over.
    if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true });
    return false;
  }
}
