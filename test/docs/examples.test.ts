/**
 * The docs' examples are real Terraform files in the tfplugindocs layout (examples/provider,
 * examples/resources/<type>, examples/data-sources/<type>): one for every type the provider
 * registers, formatted as `terraform fmt` writes them, and valid, all together in one module,
 * against the provider's schema and plan-time checks as the real terraform sees them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { examplePath } from '../../src/provider/framework';
import { EXAMPLES_DIR } from '../../src/provider/iredadmin/docs';
import { iredadminProvider } from '../../src/provider/iredadmin/provider';
import { requireTerraform, TerraformWorkspace, useProviderMirror } from '../support/terraform';

/** examples/cdktf, cdktn and terraform are the quick-start stacks, checked elsewhere. */
const DOCS_EXAMPLE_DIRS = ['provider', 'resources', 'data-sources'];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(EXAMPLES_DIR, path)];
  });
}

/** Relative path in examples/ → what it should hold the example of. */
function expectedExamples(): Map<string, string> {
  return new Map([
    [examplePath('provider', 'iredadmin'), 'the provider block'],
    ...iredadminProvider.resources.map((r) => [examplePath('resource', r.typeName), `resource ${r.typeName}`] as const),
    ...iredadminProvider.dataSources.map(
      (d) => [examplePath('data-source', d.typeName), `data source ${d.typeName}`] as const,
    ),
  ]);
}

const existing = DOCS_EXAMPLE_DIRS.flatMap((dir) => filesUnder(join(EXAMPLES_DIR, dir))).sort();

test('every registered resource and data source has its example, and no example is for a type that does not exist', () => {
  const expected = expectedExamples();
  const problems = [
    ...[...expected]
      .filter(([path]) => !existing.includes(path))
      .map(([path, what]) => `examples/${path} is missing: write the docs example of ${what} there.`),
    ...existing
      .filter((path) => !expected.has(path))
      .map(
        (path) =>
          `examples/${path} is no example of a registered resource or data source: remove it, or rename it to ` +
          'provider/provider.tf, resources/<type>/resource.tf or data-sources/<type>/data-source.tf.',
      ),
  ];
  expect(problems).toEqual([]);
});

test('the examples are formatted as `terraform fmt` writes them', () => {
  requireTerraform();
  const r = spawnSync('terraform', ['fmt', '-check', '-recursive', '-diff', '-no-color', ...DOCS_EXAMPLE_DIRS], {
    cwd: EXAMPLES_DIR,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
  });
  expect({ code: r.status, diff: r.stdout, stderr: r.stderr }).toEqual({ code: 0, diff: '', stderr: '' });
});

describe('terraform validate of all examples in one module', () => {
  const mirror = useProviderMirror();
  let tf: TerraformWorkspace | undefined;
  afterAll(() => tf?.remove());

  test('is valid against the provider', async () => {
    tf = TerraformWorkspace.create(mirror(), {});
    const sources = existing.filter((path) => path.endsWith('.tf')).map((path) => [path, read(path)] as const);
    // The examples refer to each other (iredadmin_user.jane.email, …), so they go into one module.
    for (const [path, hcl] of sources) tf.writeFile(path.replaceAll('/', '-'), hcl);
    tf.writeFile('variables.tf', variablesOf(sources.map(([, hcl]) => hcl).join('\n')));
    await tf.init();
    const validated = await tf.run(['validate', '-no-color']);
    expect({ code: validated.code, stderr: validated.stderr }).toEqual({ code: 0, stderr: '' });
    expect(validated.stdout).toContain('The configuration is valid.');
  });
});

function read(path: string): string {
  return readFileSync(join(EXAMPLES_DIR, path), 'utf8');
}

/**
 * The variables the examples use. They are passwords given to write-only attributes: ephemeral, so
 * terraform rejects an example that passes one to an attribute whose value would be stored.
 */
function variablesOf(hcl: string): string {
  const names = [...new Set([...hcl.matchAll(/\bvar\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]!))].sort();
  return names
    .map((name) => `variable "${name}" {\n  type      = string\n  sensitive = true\n  ephemeral = true\n}\n`)
    .join('\n');
}
