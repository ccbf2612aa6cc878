/**
 * A minimal cookie jar for the one origin the client talks to. The session cookie's name differs
 * between installs (`iRedAdmin-Pro-PGSQL`, `iRedAdmin-Pro-MYSQL`, …), so the jar keeps whatever the
 * server sets rather than looking for a known name — but only what belongs to the configured URL: a
 * cookie scoped to another domain, or to a path narrower than or beside the API's (which a
 * browser would keep apart from ours and never send to the API), is ignored, so it can neither
 * replace the session cookie nor ride along on API requests. The jar stays bounded whatever the
 * server sends.
 */
import { isIP } from 'node:net';

/** RFC 6265 asks user agents for at least 4096 bytes per cookie; more is not a session cookie. */
export const MAX_COOKIE_BYTES = 4096;
/** The product sets one cookie; room for a proxy's or load balancer's own besides. */
export const MAX_COOKIES = 32;

/** A cookie the jar refused, by name only (never the value), for the log. */
export interface IgnoredCookie {
  name: string;
  reason: string;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Control characters and anything outside ASCII (undici hands header bytes over as latin1). */
const UNSENDABLE = /[\u0000-\u001f\u007f-\uffff]/;
const SHOWN_NAME_LENGTH = 40;

export class CookieJar {
  readonly #cookies = new Map<string, string>();
  readonly #host: string;
  /** Every API request's path starts with this (`<base path>/api/`). */
  readonly #apiPath: string;

  constructor(base: URL) {
    this.#host = base.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    this.#apiPath = `${base.pathname.replace(/\/+$/, '')}/api/`;
  }

  /**
   * Applies `Set-Cookie` header values; a cookie expired or with `Max-Age<=0` is removed. Answers
   * the cookies it refused and why.
   */
  update(setCookie: string | readonly string[] | undefined): IgnoredCookie[] {
    const ignored: IgnoredCookie[] = [];
    if (setCookie === undefined) return ignored;
    for (const header of typeof setCookie === 'string' ? [setCookie] : setCookie) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = eq > 0 ? pair.slice(0, eq).trim() : '';
      const value = pair.slice(eq + 1).trim();
      const parsed = parseAttributes(attributes);
      const reason = this.#refusal(name, value, parsed);
      if (reason) {
        ignored.push({ name: name.slice(0, SHOWN_NAME_LENGTH) || '(none)', reason });
        continue;
      }
      if (isDeletion(parsed) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return ignored;
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

  #refusal(name: string, value: string, attributes: Map<string, string>): string | undefined {
    if (!TOKEN.test(name)) return 'malformed name';
    if (UNSENDABLE.test(value)) return 'control or non-ASCII characters in the value';
    if (name.length + value.length > MAX_COOKIE_BYTES) return `over ${MAX_COOKIE_BYTES} bytes`;
    const domain = attributes.get('domain');
    if (domain !== undefined && domain !== '' && !this.#domainMatches(domain)) return 'for another domain';
    const path = attributes.get('path');
    if (path?.startsWith('/') && !this.#pathCoversApi(path)) return 'for another path';
    if (!this.#cookies.has(name) && this.#cookies.size >= MAX_COOKIES) return `more than ${MAX_COOKIES} cookies`;
    return undefined;
  }

  /** RFC 6265 domain-match; an IP address matches only itself. */
  #domainMatches(attribute: string): boolean {
    const domain = attribute.toLowerCase().replace(/^\./, '');
    if (domain === this.#host) return true;
    return isIP(this.#host) === 0 && this.#host.endsWith(`.${domain}`);
  }

  /** The cookie's path covers every API path (RFC 6265 path-match of `<base path>/api/…`). */
  #pathCoversApi(path: string): boolean {
    return this.#apiPath.startsWith(path.endsWith('/') ? path : `${path}/`);
  }
}

function parseAttributes(attributes: readonly string[]): Map<string, string> {
  const parsed = new Map<string, string>();
  for (const attribute of attributes) {
    const eq = attribute.indexOf('=');
    const key = (eq < 0 ? attribute : attribute.slice(0, eq)).trim().toLowerCase();
    parsed.set(key, eq < 0 ? '' : attribute.slice(eq + 1).trim());
  }
  return parsed;
}

function isDeletion(attributes: ReadonlyMap<string, string>): boolean {
  const maxAge = attributes.get('max-age');
  if (maxAge !== undefined && Number(maxAge) <= 0) return true;
  const expires = Date.parse(attributes.get('expires') ?? '');
  return !Number.isNaN(expires) && expires <= Date.now();
}
