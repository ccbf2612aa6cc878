/**
 * Team state on Terraform's built-in `pg` backend, on the test cluster: while one apply holds
 * the lock, a second either fails fast (no -lock-timeout) or waits its turn, and the state
 * afterwards holds every resource once. Built-in terraform_data keeps the test off the network
 * and independent of our provider; the lock is the backend's, whatever the resources.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../support/test-server';
import { requireTerraform } from '../support/terraform';

interface Run {
  code: number | null;
  out: string;
  started: number;
  ended: number;
}

let root: string;
let connStr: string;

function terraform(dir: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('terraform', args, {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        HOME: root,
        TF_CLI_CONFIG_FILE: join(root, 'terraformrc'),
        CHECKPOINT_DISABLE: '1',
        TF_IN_AUTOMATION: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, started, ended: Date.now() }));
  });
}

/** A workspace of `count` terraform_data whose creation takes `seconds` (so the lock is held that long). */
function workspace(name: string, count: number, seconds: number): string {
  const dir = join(root, name);
  const hcl = `terraform {
  backend "pg" {
    conn_str = "${connStr}"
  }
}

resource "terraform_data" "${name}" {
  count = ${count}
  input = "${name}-\${count.index}"
  provisioner "local-exec" {
    command = "sleep ${seconds}"
  }
}
`;
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), hcl);
  return dir;
}

beforeAll(async () => {
  requireTerraform();
  root = mkdtempSync(join(tmpdir(), 'team-state-'));
  writeFileSync(join(root, 'terraformrc'), '');
  const { db, url } = await createTestDatabase('postgres');
  await db.close();
  connStr = `${url}?sslmode=disable`;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a second apply fails fast or waits on the lock; the state holds everything once', async () => {
  // Two configurations of one team sharing the default workspace's state would fight over
  // resources; here one configuration is applied from two checkouts, as two people would.
  const alice = workspace('team', 2, 3);
  const bob = join(root, 'bob');
  cpSync(alice, bob, { recursive: true });
  expect((await terraform(alice, ['init', '-input=false', '-no-color'])).code).toBe(0);
  expect((await terraform(bob, ['init', '-input=false', '-no-color'])).code).toBe(0);

  const first = terraform(alice, ['apply', '-auto-approve', '-input=false', '-no-color']);
  await new Promise((r) => setTimeout(r, 1500));
  const impatient = await terraform(bob, ['apply', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=0s']);
  expect(impatient.code).toBe(1);
  expect(impatient.out).toMatch(/Error acquiring the state lock/);
  const patient = terraform(bob, ['apply', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=60s']);
  const [a, b] = await Promise.all([first, patient]);
  expect(a.code).toBe(0);
  expect(a.out).toContain('2 added');
  expect(b.code).toBe(0);
  // Bob waited for Alice, then found her resources in the shared state: nothing to do.
  expect(b.ended).toBeGreaterThanOrEqual(a.ended);
  expect(b.out).toMatch(/No changes|0 added, 0 changed, 0 destroyed/);

  const listed = await terraform(bob, ['state', 'list']);
  expect(listed.out.trim().split('\n').sort()).toEqual(['terraform_data.team[0]', 'terraform_data.team[1]']);
}, 90_000);
