/**
 * The API's wire format for parameters (`application/x-www-form-urlencoded`, read by web.py's
 * `web.input()`): lists are comma-separated, flags are `yes`/`no`, and an empty value means
 * "clear" where the doc says so.
 */

/**
 * A parameter value before encoding:
 * - `undefined`: not sent at all;
 * - `null` or `[]`: sent as an empty value (`catchall=` clears the catch-all);
 * - `true`/`false`: `yes`/`no`;
 * - a list: its items joined with commas.
 */
export type FormValue = string | number | boolean | readonly string[] | null | undefined;
export type FormParams = Readonly<Record<string, FormValue>>;

export function encodeFormValue(value: Exclude<FormValue, undefined>): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    // The API parses integers; `1e21` or `NaN` would be read as garbage, so refuse them here.
    if (!Number.isFinite(value)) throw new RangeError('form values must be finite numbers');
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'string') return value;
  for (const item of value) {
    // A comma inside an item would silently split it into two list entries on the server.
    if (item.includes(',')) throw new RangeError('list items must not contain commas');
  }
  return value.join(',');
}

/** Encodes parameters in insertion order, skipping `undefined` ones. */
export function encodeForm(params: FormParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.append(name, encodeFormValue(value));
  }
  return search.toString();
}

/**
 * Renames camelCase input keys to the API's wire names. Keys without a wire name are a
 * programming error in this client (every schema key must be mapped), hence the throw.
 */
export function toWireParams<K extends string>(
  input: Partial<Record<K, FormValue>>,
  wireNames: Readonly<Record<K, string>>,
): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const [key, value] of Object.entries(input) as [K, FormValue][]) {
    const wire = wireNames[key];
    if (wire === undefined) throw new Error(`no wire name for parameter "${key}"`);
    out[wire] = value;
  }
  return out;
}

/**
 * Puts an account name into a URL path. `@` and `+` are legal in a path segment and are what the
 * product's own clients send, so they stay readable; everything else is percent-encoded.
 */
export function pathSegment(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, '@').replace(/%2B/gi, '+');
}
