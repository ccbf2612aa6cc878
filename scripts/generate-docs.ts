/** Writes docs/ from the provider definitions (`npm run docs`); a test fails when docs/ is stale. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { providerDocs } from '../src/provider/iredadmin/docs';
import { projectRoot } from './project-root';

const docsDir = join(projectRoot(), 'docs');
rmSync(docsDir, { recursive: true, force: true });
for (const [path, content] of providerDocs()) {
  mkdirSync(dirname(join(docsDir, path)), { recursive: true });
  writeFileSync(join(docsDir, path), content);
}
process.stdout.write(`wrote ${providerDocs().size} pages into ${docsDir}\n`);
