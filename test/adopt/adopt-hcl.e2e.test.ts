/**
 * `iredadmin adopt --format hcl` on a realistic installation: the written configuration plans
 * with only imports, applies, and then plans empty; it reads like hand-written HCL; passwords
 * appear nowhere; re-running is idempotent and never clobbers an edited file.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformWorkspace, useProviderMirror } from '../support/terraform';
import { adminEnv, BACKENDS, startTestServer, type TestServer } from '../support/test-server';
import { adopt } from './run-adopt';
import { IDN_DOMAIN, PASSWORD, SEEDED_OBJECTS, seedInstallation } from './seed';

/** One pattern matching these lines in a row (a block of HCL, with terraform fmt's alignment). */
const linesInARow = (...lines: RegExp[]): RegExp => new RegExp(lines.map((line) => line.source).join('\\n'));

const mirror = useProviderMirror();

describe.each(BACKENDS)('adopt --format hcl on %s', (backend) => {
  let server: TestServer;
  let tf: TerraformWorkspace;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await seedInstallation(server);
    env = adminEnv(server);
    tf = TerraformWorkspace.create(mirror(), env);
  });
  afterAll(async () => {
    tf?.remove();
    await server?.close();
  });

  const read = (file: string) => readFileSync(join(tf.dir, file), 'utf8');

  test('writes one readable file per domain, with references and no passwords', async () => {
    const run = await adopt(['--out', tf.dir], env);
    expect(run.stderr).toContain('corp.example: 150 users');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/adopted: .*200 iredadmin_user/);
    const files = readdirSync(tf.dir)
      .filter((f) => f.endsWith('.tf'))
      .sort();
    expect(files).toEqual([
      'corp_example.imports.tf',
      'corp_example.tf',
      'global.imports.tf',
      'global.tf',
      'providers.tf',
      'shop_example.imports.tf',
      'shop_example.tf',
      'xn_bcher_kva_example.imports.tf',
      'xn_bcher_kva_example.tf',
    ]);
    const corp = read('corp_example.tf');
    expect(corp).toContain('resource "iredadmin_domain" "corp_example" {');
    expect(corp).toMatch(
      linesInARow(
        /resource "iredadmin_user" "corp_example" \{/,
        / {2}for_each += local\.corp_example_users/,
        / {2}email += "\$\{each\.value\.local_part\}@\$\{iredadmin_domain\.corp_example\.domain\}"/,
      ),
    );
    expect(corp).toContain('jane_010_corp_example = { local_part = "jane.010", name = "Jane 10", quota = 2048 }');
    expect(corp).toContain('iredadmin_user.corp_example["john_001_corp_example"].email');
    expect(corp).toMatch(
      /resource "iredadmin_spampolicy" "corp_example" \{\n {2}target += iredadmin_domain\.corp_example\.domain\n/,
    );
    expect(read('shop_example.tf')).toContain(
      [
        '  admins = [',
        '    iredadmin_admin.helpdesk_admins_example.email,',
        '    iredadmin_user.corp_example["jane_000_corp_example"].email,',
        '  ]',
      ].join('\n'),
    );
    expect(read('global.tf')).toContain('resource "iredadmin_admin" "helpdesk_admins_example" {');
    expect(read('global.tf')).toContain('resource "iredadmin_greylisting" "global" {');
    expect(corp).toMatch(
      linesInARow(
        /resource "iredadmin_wblist" "corp_example_inbound" \{/,
        / {2}target += iredadmin_domain\.corp_example\.domain/,
        / {2}direction += "inbound"/,
        / {2}whitelist += \["@partner\.example"\]/,
        / {2}blacklist += \["198\.51\.100\.7"\]/,
        /\}/,
      ),
    );
    expect(corp).toMatch(
      linesInARow(
        /resource "iredadmin_greylisting" "mia_002_corp_example" \{/,
        / {2}target += iredadmin_user\.corp_example\["mia_002_corp_example"\]\.email/,
        / {2}enabled += true/,
        / {2}whitelisted_senders = \["@bank\.example"\]/,
        /\}/,
      ),
    );
    expect(read('xn_bcher_kva_example.tf')).toContain(`# Domain ${IDN_DOMAIN} (bücher.example).`);
    expect(read('xn_bcher_kva_example.tf')).toContain(`domain = "${IDN_DOMAIN}"`);
    for (const file of files) {
      const code = read(file)
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .join('\n');
      expect(code).not.toMatch(/password/);
      expect(read(file)).not.toContain(PASSWORD);
    }
    expect((await tf.ok('fmt', '-check', '-diff')).stdout).toBe('');
  });

  // Each terraform run plans ~240 resources: minutes on a loaded two-core CI machine.
  const TERRAFORM_STEP_MS = 480_000;

  test(
    'plans only imports',
    async () => {
      await tf.init();
      const plan = await tf.ok('plan', '-input=false', '-out=adopt.tfplan');
      expect(plan.stdout).toContain(`Plan: ${SEEDED_OBJECTS} to import, 0 to add, 0 to change, 0 to destroy.`);
    },
    TERRAFORM_STEP_MS,
  );

  test(
    'after applying the imports, a second plan is empty',
    async () => {
      await tf.ok('apply', '-input=false', 'adopt.tfplan');
      const replan = await tf.plan();
      expect(replan.stdout).toContain('No changes.');
      expect(replan.code).toBe(0);
    },
    TERRAFORM_STEP_MS,
  );

  test('a re-run is idempotent and keeps an edited file, writing the new version beside it', async () => {
    const again = await adopt(['--out', tf.dir], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 file\(s\) written, 9 unchanged/);

    appendFileSync(join(tf.dir, 'shop_example.tf'), '\n# reviewed by ops\n');
    const edited = await adopt(['--out', tf.dir], env);
    expect(edited.code).toBe(0);
    expect(edited.stderr).toContain(
      'kept shop_example.tf: it was edited since adopt wrote it; the new version is in shop_example.tf.adopted',
    );
    expect(read('shop_example.tf')).toContain('# reviewed by ops');
    expect(read('shop_example.tf.adopted')).not.toContain('# reviewed by ops');
  });
});
