/**
 * Request parameters, web.py style: the query string and the body (form or JSON) merged
 * into one map of strings. Unknown parameters are ignored, as iRedAdmin-Pro does.
 */
export type Input = Readonly<Record<string, string>>;

function scalar(value: unknown): string | undefined {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/**
 * A JSON value as a parameter: a scalar, or a list of scalars (null items empty) joined by commas.
 * Nested objects and lists carry no parameter we know; they are not walked either (a list nested
 * 10,000 deep overflowed the stack, a 500).
 */
function flatten(value: unknown): string | undefined {
  if (!Array.isArray(value)) return scalar(value);
  const items = value.map((item) => (item === null || item === undefined ? '' : scalar(item)));
  return items.every((item) => item !== undefined) ? items.join(',') : undefined;
}

export function collectInput(...sources: unknown[]): Input {
  const out: Record<string, string> = Object.create(null);
  for (const source of sources) {
    if (!source || typeof source !== 'object') continue;
    for (const [key, value] of Object.entries(source)) {
      const text = flatten(value);
      if (text !== undefined) out[key] = text;
    }
  }
  return out;
}
