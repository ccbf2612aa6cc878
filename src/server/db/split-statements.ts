/**
 * Our migrations hold no semicolons inside literals; function bodies are dollar-quoted (`$$ … $$`)
 * and kept whole, so splitting on the semicolons outside them is exact.
 */
export function splitStatements(ddl: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (const [i, piece] of ddl.split('$$').entries()) {
    if (i % 2 === 1) {
      current += `$$${piece}$$`;
      continue;
    }
    const parts = piece.split(';');
    current += parts[0];
    for (const part of parts.slice(1)) {
      statements.push(current);
      current = part;
    }
  }
  statements.push(current);
  return statements.map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter((s) => s.length > 0);
}
