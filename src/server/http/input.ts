/**
 * Request parameters, web.py style: the query string and the body (form or JSON) merged
 * into one map of strings. Unknown parameters are ignored, as iRedAdmin-Pro does.
 */
export type Input = Readonly<Record<string, string>>;

function flatten(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => flatten(v) ?? '').join(',');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined; // nested objects carry no parameter we know
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
