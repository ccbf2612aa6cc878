/**
 * iRedAPD greylisting: `/api/greylisting/...` (not in the published doc). On/off per account
 * (`global`, a domain, a user), senders that are never greylisted per account, and the domains whose
 * SPF/MX hosts are whitelisted server-wide.
 */
import { z } from 'zod';
import { ApiArea } from './api-area';
import type { PolicyTarget } from './policy-target';
import { targetSegment } from './policy-target';
import { domainName } from './fields';
import { pathSegment } from '../form';
import { ipAddress, wblistAddress } from './wblist';

/** `inherit`: a domain or user without its own setting (global never inherits). */
export const greylistingStatus = z.enum(['enabled', 'disabled', 'inherit']);
export type GreylistingStatus = z.infer<typeof greylistingStatus>;

const statusAnswer = z.object({ status: greylistingStatus });
const whitelistAnswer = z.object({
  whitelists: z.array(z.string()).default([]),
  whitelist_domains: z.array(z.string()).optional(),
});
const spfAnswer = z.object({ domains: z.array(z.string()).default([]) });
const allAnswer = z.record(
  z.string(),
  z.array(z.object({ account: z.string(), sender: z.string(), status: z.enum(['enabled', 'disabled']) })),
);
export type GreylistingSettings = z.infer<typeof allAnswer>;

const senders = z.array(wblistAddress);
const domains = z.array(domainName);

export interface GreylistingWhitelist {
  /** Senders (emails, domains, IPs, networks…) never greylisted for the account. */
  senders: string[];
  /** `global` only: the SPF domains (the same as `getSpfDomains()`). */
  spfDomains?: string[];
}

export interface ListChange {
  add?: readonly string[];
  remove?: readonly string[];
}

export class GreylistingApi extends ApiArea {
  #path(method: 'GET' | 'POST', target: PolicyTarget, suffix = ''): string {
    const site = { method, path: `/api/greylisting/<global|domain|mail>${suffix}` };
    return `/api/greylisting/${targetSegment(this.caller, site, target)}${suffix}`;
  }

  async #get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const envelope = await this.caller.call({ method: 'GET', path });
    return this.caller.parseData({ method: 'GET', path }, schema, envelope._data);
  }

  /** Every account's greylisting rows, keyed by account (`@.`, `@domain`, `user@domain`); global admins. */
  all(): Promise<GreylistingSettings> {
    return this.#get('/api/greylisting/all', allAnswer);
  }

  /** `enabled`, `disabled`, or `inherit` (a domain or user without its own setting). */
  async getStatus(target: PolicyTarget): Promise<GreylistingStatus> {
    return (await this.#get(this.#path('GET', target), statusAnswer)).status;
  }

  /** Turns greylisting on or off for the target. */
  async setStatus(target: PolicyTarget, status: 'enabled' | 'disabled'): Promise<void> {
    const path = this.#path('POST', target);
    await this.caller.call({
      method: 'POST',
      path,
      params: { status: status === 'enabled' ? 'enable' : 'disable' },
      idempotent: true,
    });
  }

  /** Removes a domain's or user's own setting (every greylisting row of the account): it inherits again. */
  async inherit(target: Exclude<PolicyTarget, { global: true }>): Promise<void> {
    const path = this.#path('POST', target);
    await this.caller.call({ method: 'POST', path, params: { status: 'inherit' }, idempotent: true });
  }

  async getWhitelist(target: PolicyTarget): Promise<GreylistingWhitelist> {
    const answer = await this.#get(this.#path('GET', target, '/whitelists'), whitelistAnswer);
    return {
      senders: answer.whitelists,
      ...(answer.whitelist_domains ? { spfDomains: answer.whitelist_domains } : {}),
    };
  }

  /** Replaces the target's whole whitelist; `[]` clears it. */
  async setWhitelist(target: PolicyTarget, list: readonly string[]): Promise<void> {
    const path = this.#path('POST', target, '/whitelists');
    const parsed = this.caller.parseInput({ method: 'POST', path }, senders, list);
    await this.caller.call({ method: 'POST', path, params: { senders: parsed }, idempotent: true });
  }

  /**
   * Adds and removes senders. Beware: iRedAdmin-Pro removes a `remove` sender from EVERY account's
   * whitelist, not just the target's (our server: the target's only); `setWhitelist` has no such effect.
   */
  async changeWhitelist(target: PolicyTarget, change: ListChange): Promise<void> {
    const keys = { add: 'addSenders', remove: 'removeSenders' };
    await this.#postChange(this.#path('POST', target, '/whitelists'), senders, change, keys);
  }

  /** Adds one IP to the global whitelist (global admins). */
  async whitelistIp(ip: string): Promise<void> {
    const site = { method: 'PUT' as const, path: '/api/greylisting/global/whitelist/<ip>' };
    const path = `/api/greylisting/global/whitelist/${pathSegment(this.caller.parseInput(site, ipAddress, ip))}`;
    await this.caller.call({ method: 'PUT', path });
  }

  /** Domains whose SPF/MX hosts iRedAPD whitelists (its cron job resolves them); global admins. */
  async getSpfDomains(): Promise<string[]> {
    return (await this.#get('/api/greylisting/whitelist_spf_domains', spfAnswer)).domains;
  }

  /** Replaces the whole set of SPF domains; `[]` clears it. */
  async setSpfDomains(list: readonly string[]): Promise<void> {
    const path = '/api/greylisting/whitelist_spf_domains';
    const parsed = this.caller.parseInput({ method: 'POST', path }, domains, list);
    await this.caller.call({ method: 'POST', path, params: { domains: parsed }, idempotent: true });
  }

  async changeSpfDomains(change: ListChange): Promise<void> {
    const keys = { add: 'addDomains', remove: 'removeDomains' };
    await this.#postChange('/api/greylisting/whitelist_spf_domains', domains, change, keys);
  }

  /** POSTs the names to add and to remove under their parameter names; an empty change sends nothing. */
  async #postChange(
    path: string,
    names: z.ZodType<string[]>,
    change: ListChange,
    keys: { add: string; remove: string },
  ): Promise<void> {
    const site = { method: 'POST' as const, path };
    const add = this.caller.parseInput(site, names, change.add ?? []);
    const remove = this.caller.parseInput(site, names, change.remove ?? []);
    if (add.length === 0 && remove.length === 0) return;
    const params = { ...(add.length ? { [keys.add]: add } : {}), ...(remove.length ? { [keys.remove]: remove } : {}) };
    await this.caller.call({ method: 'POST', path, params, idempotent: true });
  }
}
