import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cliConfiguration, installBuiltProvider, installReport } from '../../scripts/install-built-provider';
import { mirrorProviderDir, PROVIDER_NAME, PROVIDER_SCRIPTS, PROVIDER_VERSION } from '../../scripts/provider-files';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
};
const bundleFiles = [PROVIDER_NAME, ...PROVIDER_SCRIPTS, ...PROVIDER_SCRIPTS.map((script) => `${script}.cache`)];

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'iredadmin-pack-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function touch(file: string, content = ''): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** A copy of the repository's tracked files (empty) and of what `npm run build` writes into dist/ (stubs): packing it is fast. */
function stubCheckout(dir: string): void {
  const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of tracked) touch(join(dir, file));
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  const compiled = tracked.filter(
    (file) => /^(src|constructs|scripts|examples)\/.*\.ts$/.test(file) && !file.endsWith('.d.ts'),
  );
  for (const file of compiled) {
    for (const ext of ['.js', '.d.ts', '.js.map']) touch(join(dir, 'dist', file.replace(/\.ts$/, ext)));
  }
  for (const file of bundleFiles) touch(join(dir, 'dist', file));
}

test('npm pack ships the compiled code, the constructs, the provider bundle and the bins; no tests, sources or dev scripts', () => {
  expect(pkg.scripts.prepack).toBe('npm run build');
  const dir = join(work, 'checkout');
  stubCheckout(dir);
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' }),
  ) as [{ files: { path: string }[] }];
  const files = packed.files.map((file) => file.path);
  expect(files).toEqual(
    expect.arrayContaining([
      'package.json',
      'README.md',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/constructs/index.js',
    ]),
  );
  expect(files).toEqual(expect.arrayContaining(bundleFiles.map((file) => `dist/${file}`)));
  expect(files).toEqual(expect.arrayContaining(Object.values(pkg.bin)));
  // Source maps would point at sources the package does not carry.
  const unwanted = files.filter((file) =>
    /^(test|src|scripts|constructs|bench|examples|docs)\/|^dist\/examples\/|^dist\/scripts\/(demo|generate|build|bundle)|\.map$/.test(
      file,
    ),
  );
  expect(unwanted).toEqual([]);
  // The install bin loads only scripts that are shipped (no esbuild, no build step).
  for (const script of files.filter((file) => /^dist\/scripts\/.*\.js$/.test(file))) {
    const source = readFileSync(join(root, script.replace(/^dist\//, '').replace(/\.js$/, '.ts')), 'utf8');
    for (const m of source.matchAll(/from '(\.\/[^']+)'/g))
      expect(files).toContain(`dist/scripts/${m[1]!.slice(2)}.js`);
    expect(source).not.toMatch(/from 'esbuild'|from '\.\/build-provider'/);
  }
});

test('iredadmin-install-provider copies the built provider into the mirror and prints the CLI configuration', () => {
  const built = join(work, 'built');
  for (const file of bundleFiles) touch(join(built, file), file);
  const mirror = join(work, 'mirror');
  const dir = installBuiltProvider(mirror, built);
  expect(dir).toBe(mirrorProviderDir(mirror));
  const launcher = join(dir, `${PROVIDER_NAME}_v${PROVIDER_VERSION}`);
  expect(readFileSync(launcher, 'utf8')).toBe(PROVIDER_NAME);
  expect(statSync(launcher).mode & 0o111).toBe(0o111);
  for (const file of bundleFiles.slice(1)) expect(readFileSync(join(dir, file), 'utf8')).toBe(file);
  const report = installReport(mirror, dir);
  expect(report).toContain(`installed iredadmin/iredadmin ${PROVIDER_VERSION} into ${dir}`);
  expect(report).toContain(cliConfiguration(mirror));
  expect(cliConfiguration(mirror)).toContain(`path    = ${JSON.stringify(mirror)}`);
  expect(() => installBuiltProvider(mirror, join(work, 'nothing-built'))).toThrow(
    /no built provider .*run `npm run build` first/,
  );
});
