/**
 * LDIF export: `GET /api/ldif/<kind>/<id>`. The LDAP edition only — the SQL edition has no such
 * routes and answers its 404 page, which this reports as `UnsupportedError` instead of a crash.
 */
import { z } from 'zod';
import { ApiArea } from './api-area';
import { ApiError, UnexpectedResponseError, UnsupportedError } from '../errors';
import { domainPath, mailPath } from './common';

export type LdifKind = 'domain' | 'catchall' | 'admin' | 'user' | 'maillist' | 'alias';

const DOMAIN_KINDS: ReadonlySet<LdifKind> = new Set(['domain', 'catchall']);
/** Statuses with which a server says "no such route here". */
const NO_ROUTE_STATUSES = new Set([404, 405, 501]);

/** LDIF text; a server may also send it as a list of lines. */
const ldifText = z.union([z.string(), z.array(z.string()).transform((lines) => lines.join('\n'))]);

export class LdifApi extends ApiArea {
  /** Exports one account as LDIF text. `id` is a domain for `domain`/`catchall`, an email otherwise. */
  async export(kind: LdifKind, id: string): Promise<string> {
    const path = (DOMAIN_KINDS.has(kind) ? domainPath : mailPath)(this.caller, 'GET', `/api/ldif/${kind}`, id);
    try {
      const envelope = await this.caller.call({ method: 'GET', path });
      return this.caller.parseData({ method: 'GET', path }, ldifText, envelope._data);
    } catch (error) {
      if (
        (error instanceof UnexpectedResponseError || error instanceof ApiError) &&
        NO_ROUTE_STATUSES.has(error.status)
      ) {
        throw new UnsupportedError(
          `LDIF export is unsupported by this server (HTTP ${error.status} on ${path}): ` +
            'the SQL edition of iRedAdmin-Pro has no /api/ldif routes',
          { method: 'GET', path },
        );
      }
      throw error;
    }
  }

  /** Shortcuts: `ldif.user(email)` is `ldif.export('user', email)`. */
  readonly domain = this.#exporter('domain');
  readonly catchall = this.#exporter('catchall');
  readonly admin = this.#exporter('admin');
  readonly user = this.#exporter('user');
  readonly maillist = this.#exporter('maillist');
  readonly alias = this.#exporter('alias');

  #exporter(kind: LdifKind): (id: string) => Promise<string> {
    return (id) => this.export(kind, id);
  }
}
