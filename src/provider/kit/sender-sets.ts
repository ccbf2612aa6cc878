/**
 * Sets of white/blacklist or greylisting addresses: checked at plan time in the forms amavisd and
 * iRedAPD match, and compared in canonical form (lower case, IPv6 compressed, CIDR host bits
 * cleared), so `192.0.2.5/24` in a configuration is `192.0.2.0/24` on the server and re-plans are empty.
 */
import { parseSenderAddress } from '../../common/sender-addresses';
import type { Validator } from '../framework';

export const SENDER_FORMS =
  'an email (`user@example.com`, also `user@[192.0.2.1]`), `@example.com` (the domain), `@.example.com` (the ' +
  'domain and its sub-domains), `@.com` (a top-level domain), `@.` (everything), an IPv4 or IPv6 address, a CIDR ' +
  'network (`192.0.2.0/24`) or `user@*` (that local part at any domain); wildcard IPs such as `192.0.2.*` are ' +
  'not accepted';

export const senderSet: Validator<string[]> = (list) => {
  const bad = list.filter((v) => !parseSenderAddress(v, 'clear'));
  return bad.length
    ? `Not accepted: ${bad.map((b) => `"${b}"`).join(', ')}. Use ${SENDER_FORMS.replace(/`/g, '')}.`
    : undefined;
};

const canonicalSender = (v: string): string => parseSenderAddress(v, 'clear')?.address ?? v;
export const canonicalSenders = (list: string[]): string[] => list.map(canonicalSender);
