/**
 * The sender (or recipient) forms amavisd's white/blacklists and iRedAPD's greylisting whitelists
 * match: a full email (also `user@[IP]`), `@domain`, `@.domain` (with sub-domains), `@.tld`, `@.`
 * (everything), an IPv4 or IPv6 address, a CIDR network and `user@*`. Wildcard IPs (`1.2.3.*`) are
 * not among them. Shared by the server (request validation) and the provider (plan-time
 * validation and canonical form); depends on nothing else.
 */
import { isIPv6 } from 'node:net';
import { normalizeDomain, normalizeEmail } from './mail-names';

export type SenderForm = 'email' | 'ip' | 'cidr' | 'anyDomain' | 'domain' | 'subdomains' | 'tld' | 'everything';

export interface SenderAddress {
  /** Canonical: lower case, IPv6 compressed (RFC 5952), CIDR as its network. */
  address: string;
  form: SenderForm;
}

/** amavisd's `mailaddr.priority` of each form (iRedAdmin-Pro's values): the more specific, the higher. */
export const MAILADDR_PRIORITY: Record<SenderForm, number> = {
  email: 10,
  ip: 9,
  cidr: 7,
  anyDomain: 7,
  domain: 5,
  subdomains: 3,
  tld: 2,
  everything: 0,
};

/** What to do with a CIDR whose host bits are set: refuse it (as the API does) or clear them. */
export type HostBits = 'reject' | 'clear';

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const TLD = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The canonical form of `raw` and which form it is, or null when amavisd/iRedAPD would not match it. */
export function parseSenderAddress(raw: string, hostBits: HostBits = 'reject'): SenderAddress | null {
  const v = raw.trim().toLowerCase();
  if (v === '@.') return { address: '@.', form: 'everything' };
  if (v.startsWith('@.')) {
    const rest = v.slice(2);
    if (!rest.includes('.')) return TLD.test(rest) && !/^\d+$/.test(rest) ? { address: v, form: 'tld' } : null;
    const domain = normalizeDomain(rest);
    return domain ? { address: `@.${domain}`, form: 'subdomains' } : null;
  }
  if (v.startsWith('@')) {
    const domain = normalizeDomain(v.slice(1));
    return domain ? { address: `@${domain}`, form: 'domain' } : null;
  }
  const at = v.lastIndexOf('@');
  if (at > 0) {
    const local = v.slice(0, at);
    const host = v.slice(at + 1);
    // The local part is checked as an email's (the host here is only a stand-in).
    if (host === '*') return normalizeEmail(`${local}@wildcard.example`) ? { address: v, form: 'anyDomain' } : null;
    const literal = /^\[(.+)\]$/.exec(host);
    if (literal) {
      const ip = canonicalIp(literal[1]!);
      return ip && normalizeEmail(`${local}@literal.example`) ? { address: `${local}@[${ip}]`, form: 'email' } : null;
    }
    const email = normalizeEmail(v);
    return email ? { address: email, form: 'email' } : null;
  }
  if (v.includes('/')) {
    const network = canonicalNetwork(v, hostBits);
    return network ? { address: network, form: 'cidr' } : null;
  }
  // amavisd never sees a client from x.x.x.0: iRedAdmin-Pro refuses it as an address.
  if (IPV4.test(v)) return v.endsWith('.0') ? null : { address: v, form: 'ip' };
  const ip6 = canonicalIpv6(v);
  return ip6 ? { address: ip6, form: 'ip' } : null;
}

/** A strict IPv4 or IPv6 address in canonical form, or null. */
export function canonicalIp(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  return IPV4.test(v) ? v : canonicalIpv6(v);
}

function canonicalIpv6(v: string): string | null {
  if (v.includes('%') || !isIPv6(v)) return null; // no zone IDs: they mean nothing to amavisd
  // The WHATWG URL serializer writes IPv6 in RFC 5952 form (lower case, longest zero run compressed).
  return new URL(`http://[${v}]/`).hostname.slice(1, -1);
}

function canonicalNetwork(v: string, hostBits: HostBits): string | null {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(v);
  if (!match) return null;
  const prefix = Number(match[2]);
  const v4 = IPV4.test(match[1]!);
  const ip = v4 ? match[1]! : canonicalIpv6(match[1]!);
  if (!ip) return null;
  const width = v4 ? 32 : 128;
  if (prefix > width) return null;
  const bits = v4 ? ipv4Bits(ip) : ipv6Bits(ip);
  const hostMask = (1n << BigInt(width - prefix)) - 1n;
  if ((bits & hostMask) !== 0n && hostBits === 'reject') return null;
  const network = bits & ~hostMask;
  return `${v4 ? ipv4Text(network) : ipv6Text(network)}/${prefix}`;
}

function ipv4Bits(ip: string): bigint {
  return ip.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(octet), 0n);
}

function ipv4Text(bits: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => ((bits >> shift) & 255n).toString()).join('.');
}

/** `ip` is already canonical (compressed, no embedded IPv4 after the URL serializer). */
function ipv6Bits(ip: string): bigint {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(`0x${group}`), 0n);
}

function ipv6Text(bits: bigint): string {
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((bits >> shift) & 0xffffn).toString(16));
  return canonicalIpv6(groups.join(':'))!;
}
