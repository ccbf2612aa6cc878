import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cliConfiguration, installBuiltProvider, installReport } from '../../scripts/install-built-provider';
import { mirrorProviderDir, PROVIDER_NAME, PROVIDER_SCRIPTS, PROVIDER_VERSION } from '../../scripts/provider-files';
import { runProviderCli } from '../../scripts/provider-cli';
import { packages, pointers } from './manifests';

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

test.each([...packages.keys()])('%s builds when packed and ships only its dist/ (no sources, tests, maps)', (dir) => {
  const pkg = packages.get(dir)!;
  expect(pkg.scripts?.prepack).toBe('npm run build');
  expect(pkg.files?.filter((entry) => !entry.startsWith('!'))).toEqual(['dist']);
  expect(pkg.exports?.['./package.json']).toBe('./package.json');
  for (const file of pointers(pkg)) expect(file).toMatch(/^(dist\/.*\.js|dist\/.*\.d\.ts|package\.json)$/);
  // Types beside every JavaScript entry a library exports.
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target === 'string') continue;
    expect({ subpath, types: target.types?.replace(/\.d\.ts$/, '.js') }).toEqual({ subpath, types: target.default });
  }
});

test('the provider package has one install-provider command, named after the package (`npx <package>`)', () => {
  const provider = packages.get('packages/provider')!;
  expect(provider.bin?.[provider.name]).toBe('dist/cli.js');
});

test('install-provider copies the built provider into the mirror and prints the CLI configuration', () => {
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

describe('the provider package command', () => {
  let out: string;
  let err: string;
  beforeEach(() => {
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err += String(chunk);
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  test('--help says what it does; an unknown or missing command is a usage error', () => {
    expect(runProviderCli(['--help'])).toBe(0);
    expect(out).toContain('usage: terraform-provider-iredadmin install-provider [--mirror <dir>]');
    expect(runProviderCli([])).toBe(2);
    expect(runProviderCli(['install'])).toBe(2);
    expect(err).toContain('usage: terraform-provider-iredadmin install-provider');
  });

  test('install-provider --mirror installs the built provider and prints the CLI configuration', () => {
    const built = join(work, 'cli-built');
    for (const file of bundleFiles) touch(join(built, file), file);
    const mirror = join(work, 'cli-mirror');
    expect(runProviderCli(['install-provider', '--mirror', mirror], built)).toBe(0);
    expect(out).toContain(cliConfiguration(mirror));
    expect(readFileSync(join(mirrorProviderDir(mirror), 'provider.js'), 'utf8')).toBe('provider.js');
  });
});
