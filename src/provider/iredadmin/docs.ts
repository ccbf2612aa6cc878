/**
 * The provider's documentation pages, from its definitions and the examples in examples/ (the
 * tfplugindocs layout). Build-time only: the provider executable never reads examples/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../scripts/project-root';
import { examplePath, renderDocs, type ExampleKind } from '../framework';
import { iredadminProvider } from './provider';

/** The directory of the provider, resource and data source examples. */
export const EXAMPLES_DIR = join(projectRoot(), 'examples');

/** A page's example as written in examples/, without the file's final newline; undefined when there is none. */
function exampleOf(kind: ExampleKind, typeName: string): string | undefined {
  const file = join(EXAMPLES_DIR, examplePath(kind, typeName));
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd() : undefined;
}

export function providerDocs(): Map<string, string> {
  return renderDocs(iredadminProvider, { providerName: 'iredadmin', exampleOf });
}
