/**
 * The generated bindings override cdktf base-class members without the `override` keyword,
 * which our tsconfig's `noImplicitOverride` rejects. The compiler itself says where (TS4114),
 * so we add exactly those keywords instead of loosening the project's settings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const MISSING_OVERRIDE = 4114;

/** `files` may live outside the project (a temp dir): their imports resolve from `modulesRoot`'s node_modules. */
export function addOverrideModifiers(files: readonly string[], root: string, modulesRoot = root): number {
  const tsconfigPath = join(root, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfigPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) throw new Error(`cannot read ${tsconfigPath}`);
  const program = ts.createProgram([...files], {
    ...config.options,
    noEmit: true,
    baseUrl: root,
    paths: { '*': [join(modulesRoot, 'node_modules', '*')] },
  });
  const inserts = new Map<string, Insert[]>();
  for (const d of program.getSemanticDiagnostics()) {
    if (d.code !== MISSING_OVERRIDE || !d.file || d.start === undefined) continue;
    const at = insertionPoint(d.file, d.start);
    inserts.set(d.file.fileName, [...(inserts.get(d.file.fileName) ?? []), at]);
  }
  for (const [file, points] of inserts) {
    let text = readFileSync(file, 'utf8');
    // From the end, so earlier offsets stay valid.
    for (const { at, word } of [...new Map(points.map((p) => [p.at, p])).values()].sort((a, b) => b.at - a.at)) {
      text = text.slice(0, at) + word + text.slice(at);
    }
    writeFileSync(file, text);
  }
  return [...inserts.values()].reduce((n, p) => n + new Set(p.map((i) => i.at)).size, 0);
}

interface Insert {
  at: number;
  word: string;
}

/** After the member's accessibility modifiers (`protected override x`, `public override get x`). */
function insertionPoint(file: ts.SourceFile, nameStart: number): Insert {
  let member: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(file) <= nameStart && nameStart < node.getEnd()) {
      if (ts.isClassElement(node)) member = node;
      ts.forEachChild(node, visit);
    }
  };
  visit(file);
  if (!member) throw new Error(`no class member at ${file.fileName}:${nameStart}`);
  const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : [];
  const last = modifiers[modifiers.length - 1];
  return last ? { at: last.getEnd(), word: ' override' } : { at: member.getStart(file), word: 'override ' };
}
