/** docs/ is generated from the provider definitions: it must match them (run `npm run docs`). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { providerDocs } from '../../src/provider/iredadmin/docs';

const DOCS = join(__dirname, '..', '..', 'docs');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(DOCS, path)];
  });
}

test('docs/ is up to date with the provider definitions (npm run docs)', () => {
  const expected = providerDocs();
  expect(filesUnder(DOCS).sort()).toEqual([...expected.keys()].sort());
  for (const [path, content] of expected)
    expect({ path, content: readFileSync(join(DOCS, path), 'utf8') }).toEqual({ path, content });
});

test('every resource and data source page documents every attribute, with an example and import', () => {
  for (const [path, content] of providerDocs()) {
    if (path === 'index.md') continue;
    expect(content).toContain('## Example Usage');
    expect(content).toContain('## Schema');
    if (path.startsWith('resources/')) expect(content).toContain('## Import');
    expect(content).not.toMatch(/\(String\) \n|\(Number\) \n/); // no attribute without a description
  }
});
