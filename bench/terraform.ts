/**
 * (b) `terraform apply` of N mixed iredadmin resources against our server (a child process on
 * PGlite), against N terraform_data; and a no-change `terraform plan`. The provider comes from a
 * filesystem mirror; HOME and the CLI config are temporary.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mirrorCliConfig } from '../scripts/cdktf-cli';
import { installProvider } from '../scripts/install-provider';
import { BENCH_ADMIN, PGLITE, cpuSecondsOf, startOurServer, type Database } from './processes';
import { summarize, toRow, type Row } from './stats';
import { iredadminConfig, terraformDataConfig } from './terraform-configs';

/** What one terraform command cost: wall-clock seconds, and CPU seconds of terraform and the providers it ran. */
interface Cost {
  wall: number;
  cpu: number;
}

/** `times` prints the shell's CPU, then its children's (terraform and the providers it waited for): `0m1.230s 0m0.110s`. */
const TIMES_LINE = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/gm;

class Workspace {
  constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Seconds the command took; it must exit with one of `codes`. */
  async run(args: string[], codes = [0]): Promise<number> {
    return (await this.cost(args, codes)).wall;
  }

  /** The command's wall-clock time and CPU time (CPU is what load elsewhere on the machine distorts least). */
  cost(args: string[], codes = [0]): Promise<Cost> {
    return new Promise((resolve, reject) => {
      const start = performance.now();
      const script = 'terraform "$@"; code=$?; times >&2; exit $code';
      const child = spawn('bash', ['-c', script, 'bash', ...args, '-no-color', '-input=false'], {
        cwd: this.dir,
        env: this.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.once('error', reject);
      child.once('close', (code) => {
        const wall = (performance.now() - start) / 1000;
        const children = [...out.matchAll(TIMES_LINE)].at(-1);
        const cpu = children ? 60 * (+children[1]! + +children[3]!) + +children[2]! + +children[4]! : Number.NaN;
        if (code !== null && codes.includes(code)) resolve({ wall, cpu });
        else reject(new Error(`terraform ${args.join(' ')} exited ${code}:\n${out.slice(-3000)}`));
      });
    });
  }
}

function workspace(root: string, name: string, hcl: string, env: NodeJS.ProcessEnv): Workspace {
  const dir = mkdtempSync(join(root, `${name}-`));
  writeFileSync(join(dir, 'main.tf'), hcl);
  return new Workspace(dir, env);
}

export interface TerraformPlan {
  sizes: number[];
  reps: (n: number) => number;
  planAt: number;
}

/** Runs `work` with terraform set up against our server (database `database`): mirror, CLI config, environment. */
async function withTerraform<T>(
  database: Database,
  work: (root: string, env: NodeJS.ProcessEnv, serverPid: number) => Promise<T>,
): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'bench-tf-'));
  const server = await startOurServer(database.url);
  try {
    const mirror = join(root, 'mirror');
    await installProvider(mirror);
    const cliConfig = join(root, 'terraformrc');
    writeFileSync(cliConfig, mirrorCliConfig(mirror));
    return await work(
      root,
      {
        PATH: process.env.PATH,
        HOME: root,
        TF_CLI_CONFIG_FILE: cliConfig,
        TF_IN_AUTOMATION: '1',
        CHECKPOINT_DISABLE: '1',
        IREDADMIN_URL: server.url,
        IREDADMIN_USERNAME: BENCH_ADMIN.email,
        IREDADMIN_PASSWORD: BENCH_ADMIN.password,
      },
      server.child.pid!,
    );
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Both workspaces of size n, initialised. */
async function workspaces(
  root: string,
  n: number,
  env: NodeJS.ProcessEnv,
): Promise<{ ours: Workspace; base: Workspace; types: string[] }> {
  const mix = iredadminConfig(n);
  const ours = workspace(root, `ours-${n}`, mix.hcl, env);
  const base = workspace(root, `base-${n}`, terraformDataConfig(n, mix.types.length), env);
  await ours.run(['init']);
  await base.run(['init']);
  return { ours, base, types: mix.types };
}

const PLAN_GOAL = { kind: 'lower', limit: 4.0 } as const;
/** Issue 14's targets for the apply, by size. */
const APPLY_GOALS: Record<number, { kind: 'lower'; limit: number }> = {
  200: { kind: 'lower', limit: 3.0 },
  1000: { kind: 'lower', limit: 1.3 },
};
const planRowName = (n: number, database: Database) =>
  `terraform plan (no changes), ${n} resources${database.label === 'PGlite' ? '' : `, server on ${database.label}`}`;

export async function benchTerraform(plan: TerraformPlan): Promise<Row[]> {
  return withTerraform(PGLITE, async (root, env) => {
    const rows: Row[] = [];
    for (const n of plan.sizes) {
      const { ours, base, types } = await workspaces(root, n, env);
      const applies = { ours: [] as number[], base: [] as number[] };
      const plans = { ours: [] as number[], base: [] as number[] };
      for (let rep = 0; rep < plan.reps(n); rep++) {
        // Interleaved so load from elsewhere on the machine hits both sides alike.
        applies.base.push(await base.run(['apply', '-auto-approve']));
        applies.ours.push(await ours.run(['apply', '-auto-approve']));
        if (n === plan.planAt) {
          plans.base.push(await base.run(['plan', '-detailed-exitcode']));
          plans.ours.push(await ours.run(['plan', '-detailed-exitcode']));
        }
        await base.run(['destroy', '-auto-approve']);
        await ours.run(['destroy', '-auto-approve']);
      }
      const note = `${types.join(', ')} vs terraform_data; ${plan.reps(n)} repetitions`;
      rows.push(
        toRow({
          name: `terraform apply, ${n} resources`,
          unit: 's',
          ours: summarize(applies.ours),
          baseline: summarize(applies.base),
          goal: APPLY_GOALS[n] ?? null,
          note,
        }),
      );
      if (n === plan.planAt) {
        rows.push(
          toRow({
            name: planRowName(n, PGLITE),
            unit: 's',
            ours: summarize(plans.ours),
            baseline: summarize(plans.base),
            goal: PLAN_GOAL,
            note,
          }),
        );
      }
    }
    return rows;
  });
}

/**
 * The no-change plan alone: one apply, then `reps` interleaved plans of both sides. With the
 * server on `database` (PGlite in memory, or PostgreSQL: the figure for a production backend).
 */
export async function benchNoChangePlan(n: number, reps: number, database: Database): Promise<Row[]> {
  return withTerraform(database, async (root, env, serverPid) => {
    const { ours, base, types } = await workspaces(root, n, env);
    await base.run(['apply', '-auto-approve']);
    await ours.run(['apply', '-auto-approve']);
    const plans = { ours: [] as Cost[], base: [] as Cost[] };
    const serverCpu: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      plans.base.push(await base.cost(['plan', '-detailed-exitcode']));
      const before = cpuSecondsOf(serverPid);
      plans.ours.push(await ours.cost(['plan', '-detailed-exitcode']));
      serverCpu.push(cpuSecondsOf(serverPid) - before);
    }
    const note = `${types.join(', ')} vs terraform_data; server on ${database.label}; ${reps} repetitions`;
    const of = (costs: Cost[], key: keyof Cost) => summarize(costs.map((c) => c[key]));
    return [
      toRow({
        name: planRowName(n, database),
        unit: 's',
        ours: of(plans.ours, 'wall'),
        baseline: of(plans.base, 'wall'),
        goal: PLAN_GOAL,
        note,
      }),
      toRow({
        name: `${planRowName(n, database)}: CPU of terraform and provider`,
        unit: 's',
        ours: of(plans.ours, 'cpu'),
        baseline: of(plans.base, 'cpu'),
        goal: null,
        note: `${note}; CPU time, which load elsewhere on the machine distorts far less than wall-clock time; our server process used ${summarize(serverCpu).median.toFixed(2)} s CPU more per plan (median)`,
      }),
    ];
  });
}
