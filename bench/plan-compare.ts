/**
 * A no-change `terraform plan` of the bench's 200 mixed resources with the provider built from a
 * base revision against the one built from the working tree, on one server and one state:
 * CPU time of terraform and the provider processes it ran (`times`), plans alternating between
 * the two, several repetitions.
 *
 *   npx esbuild bench/plan-compare.ts --bundle --platform=node --packages=external \
 *     --define:require.main=undefined --outfile=.tmp/plan-compare.js \
 *     && node .tmp/plan-compare.js [--base main] [--reps 7] [--n 200]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { mirrorCliConfig } from '../scripts/cdktf-cli';
import { installProvider } from '../scripts/install-provider';
import { projectRoot } from '../scripts/project-root';
import { BENCH_ADMIN, startOurServer } from './processes';
import { iredadminConfig } from './terraform-configs';
import { medianAndRange, REVISION_OPTIONS, unpackRevision } from './revisions';

const ROOT = projectRoot();
const TIMES_LINE = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/gm;

/** Installs the provider as the base revision builds it into `mirror`. */
async function installBase(base: string, root: string, mirror: string): Promise<void> {
  const tree = unpackRevision(base, join(root, 'base-tree'));
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  const installer = join(tree, '.tmp', 'install.js');
  await build({
    stdin: {
      contents: "import { installProvider } from './scripts/install-provider'; void installProvider(process.argv[2]);",
      resolveDir: tree,
      loader: 'ts',
    },
    outfile: installer,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    define: { 'require.main': 'undefined' },
    logLevel: 'error',
  });
  execFileSync(process.execPath, [installer, mirror], { stdio: 'inherit' });
}

/** CPU seconds of terraform and its children for one command; it must exit with one of `codes`. */
function cpuOf(dir: string, env: NodeJS.ProcessEnv, args: string[], codes = [0]): number {
  const script = 'terraform "$@"; code=$?; times >&2; exit $code';
  const r = spawnSync('bash', ['-c', script, 'bash', ...args, '-no-color', '-input=false'], {
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  if (r.status === null || !codes.includes(r.status))
    throw new Error(`terraform ${args.join(' ')} exited ${r.status}:\n${(r.stdout + r.stderr).slice(-3000)}`);
  const t = [...r.stderr.matchAll(TIMES_LINE)].at(-1);
  if (!t) throw new Error('no times line');
  // The last line is the children's (terraform and the providers it ran): user, then system time.
  return 60 * (Number(t[1]) + Number(t[3])) + Number(t[2]) + Number(t[4]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...REVISION_OPTIONS,
      n: { type: 'string', default: '200' },
    },
  });
  const root = mkdtempSync(join(tmpdir(), 'plan-compare-'));
  const server = await startOurServer('memory');
  try {
    const sides = { base: join(root, 'base'), head: join(root, 'head') };
    const envs: Record<string, NodeJS.ProcessEnv> = {};
    for (const [side, dir] of Object.entries(sides)) {
      const mirror = join(dir, 'mirror');
      if (side === 'base') await installBase(values.base, root, mirror);
      else await installProvider(mirror);
      writeFileSync(join(dir, 'terraformrc'), mirrorCliConfig(mirror));
      mkdirSync(join(dir, 'ws'));
      writeFileSync(join(dir, 'ws', 'main.tf'), iredadminConfig(Number(values.n)).hcl);
      envs[side] = {
        PATH: process.env.PATH,
        HOME: dir,
        TF_CLI_CONFIG_FILE: join(dir, 'terraformrc'),
        TF_IN_AUTOMATION: '1',
        CHECKPOINT_DISABLE: '1',
        IREDADMIN_URL: server.url,
        IREDADMIN_USERNAME: BENCH_ADMIN.email,
        IREDADMIN_PASSWORD: BENCH_ADMIN.password,
      };
      cpuOf(join(dir, 'ws'), envs[side], ['init']);
    }
    // One apply; the other side plans on a copy of its state (same resources, same server).
    cpuOf(join(sides.head, 'ws'), envs.head, ['apply', '-auto-approve']);
    copyFileSync(join(sides.head, 'ws', 'terraform.tfstate'), join(sides.base, 'ws', 'terraform.tfstate'));
    const cpu: Record<string, number[]> = { base: [], head: [] };
    const plan = (side: 'base' | 'head') =>
      cpu[side].push(cpuOf(join(sides[side], 'ws'), envs[side], ['plan', '-detailed-exitcode']));
    plan('base');
    plan('head');
    cpu.base = [];
    cpu.head = [];
    for (let rep = 0; rep < Number(values.reps); rep++) {
      const order = rep % 2 === 0 ? (['base', 'head'] as const) : (['head', 'base'] as const);
      for (const side of order) plan(side);
    }
    const show = (xs: number[]) => medianAndRange(xs, 2, ' s');
    process.stdout.write(
      `no-change plan of ${values.n}, CPU of terraform + provider, ${values.reps} repetitions (median; min–max)\n` +
        `base ${values.base}: ${show(cpu.base)}\nhead: ${show(cpu.head)}\n`,
    );
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `plan-compare failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
