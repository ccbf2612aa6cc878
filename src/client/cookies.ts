/**
 * A minimal cookie jar for one origin. The session cookie's name differs between installs
 * (`iRedAdmin-Pro-PGSQL`, `iRedAdmin-Pro-MYSQL`, …), so the jar keeps whatever the server sets
 * rather than looking for a known name.
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Applies `Set-Cookie` header values; a cookie expired or with `Max-Age<=0` is removed. */
  update(setCookie: string | readonly string[] | undefined): void {
    if (setCookie === undefined) return;
    for (const header of typeof setCookie === 'string' ? [setCookie] : setCookie) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (isDeletion(attributes) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  /** The `Cookie` request header, or `undefined` when the jar is empty. */
  header(): string | undefined {
    if (this.#cookies.size === 0) return undefined;
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Cookie values, so error messages can be scrubbed of them. */
  values(): string[] {
    return [...this.#cookies.values()];
  }

  clear(): void {
    this.#cookies.clear();
  }

  get size(): number {
    return this.#cookies.size;
  }
}

function isDeletion(attributes: readonly string[]): boolean {
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'max-age' && Number(value) <= 0) return true;
    if (key === 'expires') {
      const when = Date.parse(value);
      if (!Number.isNaN(when) && when <= Date.now()) return true;
    }
  }
  return false;
}
