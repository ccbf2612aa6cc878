/**
 * amavisd white/blacklists: `/api/wblist/<inbound|outbound>/<whitelist|blacklist>/<global|domain|mail>`
 * (GET reads, POST adds, PUT removes, DELETE empties), and the sender-score exemption
 * `PUT /api/wblist/senderscore/whitelist/<ip>`. Not in the published doc; iRedAdmin-Pro registers
 * them only when its amavisd integration is on.
 */
import { z } from 'zod';
import { ApiArea } from './api-area';
import type { PolicyTarget } from './policy-target';
import { targetSegment } from './policy-target';
import { pathSegment } from '../form';

import { WBLIST_DIRECTIONS, WBLIST_KINDS, type WblistDirection, type WblistKind } from '../../common/wblist-vocabulary';

export { WBLIST_DIRECTIONS, WBLIST_KINDS, type WblistDirection, type WblistKind };

const directionSchema = z.enum(WBLIST_DIRECTIONS);
const kindSchema = z.enum(WBLIST_KINDS);

/**
 * One list address: an email (or `user@[IP]`), `@domain`, `@.domain`, `@.tld`, `@.`, an IP, a CIDR
 * network or `user@*`. The server has the final word on the form (iRedAdmin-Pro silently drops
 * what it does not accept); the client refuses what would break the comma list.
 */
export const wblistAddress = z.string().regex(/^[^\s,]+$/, 'must be one address, without commas or spaces');
const addressList = z.array(wblistAddress);
/** One IPv4 or IPv6 address for a URL segment (no network: `/` cannot be in the path). */
export const ipAddress = z.string().regex(/^[0-9A-Fa-f.:]+$/, 'must be an IPv4 or IPv6 address');

/**
 * The real product's `/api/wblist` routes answer a missing or expired session with `PERMISSION_DENIED`,
 * not `LOGIN_REQUIRED`: every call here logs in again once on it before taking it as a refusal.
 */
const SESSION = { sessionRefusedCodes: ['PERMISSION_DENIED'] } as const;

export class WblistApi extends ApiArea {
  #path(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    target: PolicyTarget,
    direction: WblistDirection,
    kind: WblistKind,
  ): string {
    const site = { method, path: '/api/wblist/<inbound|outbound>/<whitelist|blacklist>/<global|domain|mail>' };
    const dir = this.caller.parseInput(site, directionSchema, direction);
    const list = this.caller.parseInput(site, kindSchema, kind);
    return `/api/wblist/${dir}/${list}/${targetSegment(this.caller, site, target)}`;
  }

  /** POST adds, PUT removes; an empty list sends nothing. */
  async #sendAddresses(method: 'POST' | 'PUT', path: string, addresses: readonly string[]): Promise<void> {
    const list = this.caller.parseInput({ method, path }, addressList, addresses);
    if (list.length === 0) return;
    // Adding or removing the same addresses twice leaves the same list: safe to retry although POST is used to add.
    await this.caller.call({ method, path, params: { addresses: list }, idempotent: true, ...SESSION });
  }

  /** The list's addresses as the server stores them (lower case, sorted); [] when empty. */
  async get(target: PolicyTarget, direction: WblistDirection, kind: WblistKind): Promise<string[]> {
    const path = this.#path('GET', target, direction, kind);
    const envelope = await this.caller.call({ method: 'GET', path, ...SESSION });
    return this.caller.parseData({ method: 'GET', path }, z.array(z.string()).nullish(), envelope._data) ?? [];
  }

  /**
   * Adds addresses to the list. An address already in the other list of the same direction moves
   * (an account's address is either white or black). Nothing else is removed.
   */
  async add(
    target: PolicyTarget,
    direction: WblistDirection,
    kind: WblistKind,
    addresses: readonly string[],
  ): Promise<void> {
    await this.#sendAddresses('POST', this.#path('POST', target, direction, kind), addresses);
  }

  /** Removes addresses from this list only; addresses not in it are ignored. */
  async remove(
    target: PolicyTarget,
    direction: WblistDirection,
    kind: WblistKind,
    addresses: readonly string[],
  ): Promise<void> {
    await this.#sendAddresses('PUT', this.#path('PUT', target, direction, kind), addresses);
  }

  /** Empties the list. */
  async clear(target: PolicyTarget, direction: WblistDirection, kind: WblistKind): Promise<void> {
    await this.caller.call({ method: 'DELETE', path: this.#path('DELETE', target, direction, kind), ...SESSION });
  }

  /** Exempts a client IP from iRedAPD's sender-score check (global admins). */
  async whitelistSenderScore(ip: string): Promise<void> {
    const site = { method: 'PUT' as const, path: '/api/wblist/senderscore/whitelist/<ip>' };
    const path = `/api/wblist/senderscore/whitelist/${pathSegment(this.caller.parseInput(site, ipAddress, ip))}`;
    await this.caller.call({ method: 'PUT', path });
  }
}
