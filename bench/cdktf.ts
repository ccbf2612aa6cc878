/**
 * (e) `cdktf synth` of a 500-resource stack through our generated constructs, against
 * `cdktf synth` of the provider alone (the CLI's and the app's fixed cost). Target ≤ 5 s.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './processes';
import { summarize, toRow, notMeasured, type Row } from './stats';

const NAME = 'cdktf synth, 500 resources';

function synth(dir: string, resources: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'cdktf'), ['synth', '--output', join(dir, 'out')], {
      cwd: dir,
      env: {
        ...process.env,
        BENCH_RESOURCES: String(resources),
        CHECKPOINT_DISABLE: '1',
        DISABLE_VERSION_CHECK: 'true',
        TF_CLI_CONFIG_FILE: join(dir, 'terraformrc'),
        CI: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const stack = join(dir, 'out', 'stacks', 'bench', 'cdk.tf.json');
      if (code !== 0 || !existsSync(stack)) return reject(new Error(`cdktf synth exited ${code}: ${out.slice(-2000)}`));
      const doc = JSON.parse(readFileSync(stack, 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
      const count = Object.values(doc.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
      if (count !== resources) return reject(new Error(`synthesized ${count} resources, expected ${resources}`));
      resolve(seconds);
    });
  });
}

export async function benchCdktf(reps: number): Promise<Row[]> {
  const app = join(ROOT, '.tmp', 'bench-dist', 'bench', 'cdktf-app.js');
  if (!existsSync(join(ROOT, 'constructs', 'index.ts')))
    return [notMeasured(NAME, 's', '≤ 5 s', 'constructs/ does not exist yet')];
  if (!existsSync(app))
    return [notMeasured(NAME, 's', '≤ 5 s', `${app} is missing: run through npm run bench (it compiles bench/)`)];
  const dir = mkdtempSync(join(tmpdir(), 'bench-cdktf-'));
  try {
    writeFileSync(join(dir, 'terraformrc'), '');
    writeFileSync(
      join(dir, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: `node ${app}`, terraformProviders: [], sendCrashReports: 'false' }),
    );
    const ours: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < reps; i++) {
      bare.push(await synth(dir, 0));
      ours.push(await synth(dir, 500));
    }
    return [
      toRow({
        name: NAME,
        unit: 's',
        ours: summarize(ours),
        baseline: summarize(bare),
        goal: { kind: 'absolute', limit: 5 },
        note: 'baseline: cdktf synth of the provider alone (no resources)',
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
