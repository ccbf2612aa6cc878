/**
 * Keeps secrets out of log lines: any field whose key looks like a credential
 * has its value replaced, however deep it sits.
 */

const SECRET_KEY =
  /pass(word|wd|phrase)?|secret|token|cookie|authori[sz]ation|api[-_]?key|private[-_]?key|credential|session/i;

export const REDACTED = '[REDACTED]';

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A copy of `value` with every secret-looking key's value replaced. Cycles are cut. */
export function redact(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  if (value instanceof Map) return redact(Object.fromEntries(value), seen);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = isSecretKey(key) ? REDACTED : redact(item, seen);
  return out;
}
