/**
 * The README's "Add a resource with the kit" example is a resource file that compiles: it is
 * type-checked where such a file lives (src/provider/resources/), with the imports it needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const EXAMPLE_FILE = join(ROOT, 'src', 'provider', 'resources', 'readme-example.ts');
const IMPORTS = [
  "import type { Alias, IRedAdminClient } from '../../client';",
  "import { defineResource } from '../framework';",
  "import { accountStatus, byEmail, displayName } from '../kit';",
];

function kitExample(): string {
  const section = README.split('\n### Add a resource with the kit\n')[1]?.split('\n### ')[0] ?? '';
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('README: no ```ts block under "### Add a resource with the kit"');
  return code;
}

/** Type errors of `source` as the file EXAMPLE_FILE, under the project's compiler options. */
function typeErrors(source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists } = host;
  host.fileExists = (file) => file === EXAMPLE_FILE || fileExists(file);
  host.getSourceFile = (file, language, ...rest) =>
    file === EXAMPLE_FILE ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest);
  const program = ts.createProgram([EXAMPLE_FILE], { ...config.options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(EXAMPLE_FILE))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

test('the example is ten lines or fewer', () => {
  expect(kitExample().trimEnd().split('\n').length).toBeLessThanOrEqual(10);
});

test('the example compiles as a resource file, and a wrong attribute in it would not', () => {
  const example = kitExample();
  const file = `${IMPORTS.join('\n')}\n${example}`;
  expect(typeErrors(file)).toEqual([]);
  // The check can fail: numbers as a text attribute's samples are a type error.
  const broken = file.replace("['Team', 'Crew']", '[1, 2]');
  expect(broken).not.toEqual(file);
  expect(typeErrors(broken).join('\n')).toMatch(/not assignable to type 'string'/);
}, 120_000);
