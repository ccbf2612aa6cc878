import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(root, dir, file));
}

/** Packages a shipped file loads at run time: `import … from 'x'` and `export … from 'x'`, not `import type`. */
function runtimePackages(dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of tsFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^'.][^']*)'/gms)) {
      const specifier = m[1]!;
      if (specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return names;
}

test('runtime dependencies are exactly what src/ loads; test-only packages are devDependencies', () => {
  const used = runtimePackages('src');
  expect(used.size).toBeGreaterThan(5);
  expect(Object.keys(pkg.dependencies).sort()).toEqual([...used].sort());
  for (const testOnly of ['@grpc/grpc-js', '@msgpack/msgpack']) expect(pkg.devDependencies[testOnly]).toBeDefined();
});

test('the constructs export needs cdktf and constructs as optional peers, which we also develop with', () => {
  expect([...runtimePackages('constructs')].sort()).toEqual(['cdktf', 'constructs']);
  for (const peer of ['cdktf', 'constructs']) {
    expect(pkg.peerDependencies[peer]).toBe(pkg.devDependencies[peer]);
    expect(pkg.peerDependenciesMeta[peer]).toEqual({ optional: true });
    expect(pkg.dependencies[peer]).toBeUndefined();
  }
});
