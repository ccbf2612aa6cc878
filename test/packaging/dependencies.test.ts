import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { packages, ROOT, root } from './manifests';

/**
 * Package names a file's imports, re-exports and require() calls name (types included: the shipped
 * .d.ts name them too).
 */
function packageSpecifiers(text: string): string[] {
  const imports = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^'.][^']*)'/gms)].map((m) => m[1]!);
  const requires = [...text.matchAll(/\brequire\('([^'.][^']*)'\)/g)].map((m) => m[1]!);
  return [...imports, ...requires]
    .filter((specifier) => !specifier.startsWith('node:'))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

function relativeImports(file: string, text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']*)'/gms)].map((m) => {
    const target = resolve(dirname(file), m[1]!);
    return existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts');
  });
}

/** The packages that the files reachable from `entries` (through relative imports) name. */
function packagesReachableFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const names = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const name of packageSpecifiers(text)) names.add(name);
    for (const next of relativeImports(file, text)) visit(next);
  };
  for (const entry of entries) visit(join(ROOT, entry));
  expect(seen.size).toBeGreaterThan(entries.length);
  return names;
}

/** What a package compiles: its tsconfig's `files`. */
function compiledEntries(dir: string): string[] {
  const tsconfig = JSON.parse(readFileSync(join(ROOT, dir, 'tsconfig.json'), 'utf8')) as { files: string[] };
  return tsconfig.files.map((file) => join(dir, file));
}

const keys = (record: Record<string, string> | undefined) => Object.keys(record ?? {}).sort();

test('the root workspace depends on what src/ loads at run time; test-only packages are devDependencies', () => {
  const tsFiles = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.d.ts'),
  );
  const used = new Set<string>();
  for (const file of tsFiles) {
    const text = readFileSync(join(ROOT, 'src', file), 'utf8').replace(/^(?:import|export)\s+type\s[^;]*;/gms, '');
    for (const name of packageSpecifiers(text)) used.add(name);
  }
  expect(used.size).toBeGreaterThan(5);
  expect(keys(root.dependencies)).toEqual([...used].sort());
  for (const testOnly of ['@grpc/grpc-js', '@msgpack/msgpack']) expect(root.devDependencies?.[testOnly]).toBeDefined();
});

test.each([
  ['packages/client', 'iredadmin-client'],
  ['packages/server', 'iredadmin-server'],
])('%s (%s) depends on exactly the packages its compiled files name, at the root’s versions', (dir, name) => {
  const pkg = packages.get(dir)!;
  expect(pkg.name).toBe(name);
  expect(keys(pkg.dependencies)).toEqual([...packagesReachableFrom(compiledEntries(dir))].sort());
  for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) expect(range).toBe(root.dependencies?.[dep]);
});

test('a repository that wants constructs gets only the peers of its flavour: no server, client or provider', () => {
  const cdktf = packages.get('packages/cdktf')!;
  expect(cdktf.dependencies).toBeUndefined();
  expect(cdktf.peerDependencies).toEqual({
    cdktf: root.devDependencies?.cdktf,
    constructs: root.devDependencies?.constructs,
  });
  expect([...packagesReachableFrom(compiledEntries('packages/cdktf'))].sort()).toEqual(['cdktf', 'constructs']);

  const cdktn = packages.get('packages/cdktn')!;
  expect(cdktn.dependencies).toBeUndefined();
  expect(keys(cdktn.peerDependencies)).toEqual(['cdktn', 'constructs']);
  // Its build and generator use the versions the peers accept.
  expect(cdktn.peerDependencies?.cdktn).toBe(`^${cdktn.devDependencies?.cdktn}`);
  expect(cdktn.peerDependencies?.constructs).toBe('>=10.6.0 <10.8.0');
  expect([...packagesReachableFrom(compiledEntries('packages/cdktn'))].sort()).toEqual(['cdktn', 'constructs']);
});

test('the provider package is self-contained (bundled at pack time): no dependencies at all', () => {
  const provider = packages.get('packages/provider')!;
  expect(provider.name).toBe('terraform-provider-iredadmin');
  expect(provider.dependencies).toBeUndefined();
  expect(provider.peerDependencies).toBeUndefined();
});

test('one version for everything; the root is a private workspace of the packages sharing its node_modules', () => {
  for (const pkg of packages.values()) expect(pkg.version).toBe(root.version);
  expect(root.private).toBe(true);
  expect(root.workspaces).toEqual([...packages.keys()].filter((dir) => dir !== 'packages/cdktn'));
});
