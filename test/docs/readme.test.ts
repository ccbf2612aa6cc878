/** The README stays true: its commands exist, and every `_msg` code the server can send is documented. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const CODE_PREFIXES = [
  ...['INVALID', 'MISSING', 'MISS', 'CONFLICT', 'EXCEED', 'EXCEEDED', 'NO', 'PW', 'PERMISSION', 'ALREADY'],
  ...['LOGIN', 'NOT', 'TOO', 'API', 'NEW', 'OLD', 'EMPTY', 'ALIAS', 'INTERNAL'],
];
const CODE = new RegExp(`'((?:${CODE_PREFIXES.join('|')})_[A-Z0-9_]+)'`, 'g');

test('the two quick-start commands are at the top and their scripts exist', () => {
  const top = readme.split('\n').slice(0, 12).join('\n');
  expect(top).toContain('npm ci && npm run demo');
  expect(top).toContain('npm test');
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  for (const name of ['demo', 'test', 'build', 'start', 'install-provider']) expect(scripts[name]).toBeDefined();
});

test('every _msg code in the server source is documented in the README', () => {
  const codes = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src', 'server'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(CODE)) codes.add(m[1]!);
  }
  expect(codes.size).toBeGreaterThan(50);
  const undocumented = [...codes].filter((code) => !readme.includes(`\`${code}\``));
  expect(undocumented).toEqual([]);
});
