/**
 * The values both writers put into files: configuration values and raw expressions (an HCL
 * reference, a TypeScript expression), rendered in each language's literal syntax.
 */
import type { Plain } from '../provider/framework/values';

/** An expression written as is: an HCL reference or template, a TypeScript expression. */
export class Raw {
  constructor(readonly text: string) {}
}
export type Value = Plain | Raw | Value[];

/** How a language writes a string literal and a map entry (key and value already written). */
export interface Syntax {
  readonly quote: (text: string) => string;
  readonly entry: (key: string, value: string) => string;
}

export function render(value: Value, syntax: Syntax): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => render(v, syntax)).join(', ')}]`;
  if (typeof value === 'string') return syntax.quote(value);
  if (typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => syntax.entry(syntax.quote(k), syntax.quote(v)))
      .join(', ')} }`;
  return String(value);
}

/** A configured value with each name in it passed through `reference` (which may make it a reference). */
export function withReferences(value: Plain, reference: (name: string) => Value): Value {
  if (typeof value === 'string') return reference(value);
  if (Array.isArray(value)) return value.map(reference);
  return value;
}
