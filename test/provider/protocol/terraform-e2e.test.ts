/**
 * The real `terraform` binary driving the fixture provider through a
 * dev_overrides CLI config: plan, apply, a no-change plan, destroy.
 * Terraform is a hard requirement here: missing, the test fails.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildFixture } from './support/fixture-process';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function terraformVersion(): string | undefined {
  const r = spawnSync('terraform', ['version', '-json'], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
  });
  if (r.error || r.status !== 0) return undefined;
  return (JSON.parse(r.stdout) as { terraform_version: string }).terraform_version;
}

describe('real terraform with the fixture provider (dev_overrides)', () => {
  let root: string;
  let work: string;
  let env: NodeJS.ProcessEnv;

  const terraform = (...args: string[]): Run => {
    const r = spawnSync('terraform', [...args, '-no-color', '-input=false'], {
      cwd: work,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const explain = (r: Run): string => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-e2e-'));
    const pluginDir = path.join(root, 'plugins');
    work = path.join(root, 'work');
    fs.mkdirSync(pluginDir);
    fs.mkdirSync(work);
    await buildFixture(pluginDir); // provider.js and the terraform-provider-fixture launcher
    const cliConfig = path.join(root, 'cli.tfrc');
    fs.writeFileSync(
      cliConfig,
      [
        'provider_installation {',
        `  dev_overrides { "example/fixture" = "${pluginDir}" }`,
        '  direct {}',
        '}',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(work, 'main.tf'),
      `
terraform {
  required_providers {
    fixture = { source = "example/fixture" }
  }
}

resource "fixture_note" "greeting" {
  text = "hello"
}

data "fixture_echo" "echo" {
  input = fixture_note.greeting.text
}

output "note_id" { value = fixture_note.greeting.id }
output "echoed" { value = data.fixture_echo.echo.output }
`,
    );
    env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: cliConfig,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_LOG: '',
      TF_LOG_PROVIDER: '',
      TF_DATA_DIR: path.join(root, '.terraform'),
    };
  });

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('has terraform on PATH', () => {
    const version = terraformVersion();
    if (!version) {
      throw new Error(
        'terraform was not found on PATH: install Terraform ≥ 1.11 (e.g. the 1.11.4 linux_amd64 release) ' +
          'to run the end-to-end tests.',
      );
    }
    expect(version).toMatch(/^1\.(1[1-9]|[2-9]\d)\./);
  });

  it('plans, applies, finds nothing to change, and destroys', () => {
    const plan = terraform('plan', '-detailed-exitcode');
    expect(plan.code).toBe(2); // changes present
    expect(plan.stdout).toContain('fixture_note.greeting will be created');
    expect(plan.stdout).toContain('id   = (known after apply)');

    const apply = terraform('apply', '-auto-approve');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(apply.stdout).toMatch(/note_id = "note-[0-9a-f]{8}"/);
    expect(apply.stdout).toContain('echoed = "hello"');

    const again = terraform('plan', '-detailed-exitcode');
    expect({ code: again.code, out: again.code === 0 ? '' : explain(again) }).toEqual({ code: 0, out: '' });
    expect(again.stdout).toContain('No changes.');

    const destroy = terraform('destroy', '-auto-approve');
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toContain('Destroy complete! Resources: 1 destroyed.');
  });

  it('plans with NODE_OPTIONS=--cpu-prof in the environment (node refuses it there); the provider is profiled', () => {
    const profiles = path.join(root, 'profiles');
    const saved = env;
    env = { ...env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profiles}` };
    try {
      const plan = terraform('plan', '-detailed-exitcode');
      expect({ code: plan.code, out: plan.code === 2 ? '' : explain(plan) }).toEqual({ code: 2, out: '' });
      expect(plan.stdout).toContain('fixture_note.greeting will be created');
      expect(fs.readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile')).length).toBeGreaterThan(0);
    } finally {
      env = saved;
    }
  });

  it('shows a provider diagnostic at the attribute it names', () => {
    fs.writeFileSync(path.join(work, 'bad.tf'), 'resource "fixture_note" "empty" {\n  text = ""\n}\n');
    try {
      const plan = terraform('plan');
      expect(plan.code).toBe(1);
      expect(plan.stderr).toContain('Empty note');
      expect(plan.stderr).toContain('on bad.tf line 2');
    } finally {
      fs.rmSync(path.join(work, 'bad.tf'));
    }
  });
});
