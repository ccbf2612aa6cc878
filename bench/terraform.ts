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
import { BENCH_ADMIN, startOurServer } from './processes';
import { summarize, toRow, type Row } from './stats';
import { iredadminConfig, terraformDataConfig } from './terraform-configs';

class Workspace {
  constructor(readonly dir: string, private readonly env: NodeJS.ProcessEnv) {}

  /** Seconds the command took; it must exit with one of `codes`. */
  run(args: string[], codes = [0]): Promise<number> {
    return new Promise((resolve, reject) => {
      const start = performance.now();
      const child = spawn('terraform', [...args, '-no-color', '-input=false'], { cwd: this.dir, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
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

export interface TerraformPlan { sizes: number[]; reps: (n: number) => number; planAt: number }

export async function benchTerraform(plan: TerraformPlan): Promise<Row[]> {
  const root = mkdtempSync(join(tmpdir(), 'bench-tf-'));
  const server = await startOurServer();
  try {
    const mirror = join(root, 'mirror');
    await installProvider(mirror);
    const cliConfig = join(root, 'terraformrc');
    writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["iredadmin/iredadmin"]\n  }\n  direct { exclude = ["iredadmin/iredadmin"] }\n}\n`);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, HOME: root, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1',
      IREDADMIN_URL: server.url, IREDADMIN_USERNAME: BENCH_ADMIN.email, IREDADMIN_PASSWORD: BENCH_ADMIN.password,
    };
    const rows: Row[] = [];
    for (const n of plan.sizes) {
      const mix = iredadminConfig(n);
      const ours = workspace(root, `ours-${n}`, mix.hcl, env);
      const base = workspace(root, `base-${n}`, terraformDataConfig(n, mix.types.length), env);
      await ours.run(['init']);
      await base.run(['init']);
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
      const note = `${mix.types.join(', ')} vs terraform_data; ${plan.reps(n)} repetitions`;
      rows.push(toRow({
        name: `terraform apply, ${n} resources`, unit: 's', ours: summarize(applies.ours), baseline: summarize(applies.base),
        goal: n === plan.planAt ? { kind: 'lower', limit: 3.0 } : null, note,
      }));
      if (n === plan.planAt) {
        rows.push(toRow({
          name: `terraform plan (no changes), ${n} resources`, unit: 's', ours: summarize(plans.ours), baseline: summarize(plans.base),
          goal: { kind: 'lower', limit: 4.0 }, note,
        }));
      }
    }
    return rows;
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
