/**
 * (b) `terraform apply` of N mixed iredadmin resources against our server (a child process on
 * PGlite), against N terraform_data; and a no-change `terraform plan`. The provider comes from a
 * filesystem mirror; HOME and the CLI config are temporary.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installProvider } from '../scripts/install-provider';
import { BENCH_ADMIN, PGLITE, startOurServer, type Database } from './processes';
import { summarize, toRow, type Row } from './stats';
import { iredadminConfig, terraformDataConfig } from './terraform-configs';

class Workspace {
  constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Seconds the command took; it must exit with one of `codes`. */
  run(args: string[], codes = [0]): Promise<number> {
    return new Promise((resolve, reject) => {
      const start = performance.now();
      const child = spawn('terraform', [...args, '-no-color', '-input=false'], {
        cwd: this.dir,
        env: this.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.once('error', reject);
      child.once('close', (code) => {
        if (code !== null && codes.includes(code)) resolve((performance.now() - start) / 1000);
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
  work: (root: string, env: NodeJS.ProcessEnv) => Promise<T>,
): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'bench-tf-'));
  const server = await startOurServer(database.url);
  try {
    const mirror = join(root, 'mirror');
    await installProvider(mirror);
    const cliConfig = join(root, 'terraformrc');
    writeFileSync(
      cliConfig,
      `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["iredadmin/iredadmin"]\n  }\n  direct { exclude = ["iredadmin/iredadmin"] }\n}\n`,
    );
    return await work(root, {
      PATH: process.env.PATH,
      HOME: root,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      IREDADMIN_URL: server.url,
      IREDADMIN_USERNAME: BENCH_ADMIN.email,
      IREDADMIN_PASSWORD: BENCH_ADMIN.password,
    });
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
          goal: n === plan.planAt ? { kind: 'lower', limit: 3.0 } : null,
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
  return withTerraform(database, async (root, env) => {
    const { ours, base, types } = await workspaces(root, n, env);
    await base.run(['apply', '-auto-approve']);
    await ours.run(['apply', '-auto-approve']);
    const plans = { ours: [] as number[], base: [] as number[] };
    for (let rep = 0; rep < reps; rep++) {
      plans.base.push(await base.run(['plan', '-detailed-exitcode']));
      plans.ours.push(await ours.run(['plan', '-detailed-exitcode']));
    }
    const note = `${types.join(', ')} vs terraform_data; server on ${database.label}; ${reps} repetitions`;
    return [
      toRow({
        name: planRowName(n, database),
        unit: 's',
        ours: summarize(plans.ours),
        baseline: summarize(plans.base),
        goal: PLAN_GOAL,
        note,
      }),
    ];
  });
}
