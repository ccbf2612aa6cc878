/**
 * The client's address as the allow-list and the password-guess counts see it: `request.ip`
 * (X-Forwarded-For only from TRUST_PROXY's proxies) without what some proxies add to it — a port
 * (`192.0.2.7:51234`, `[2001:db8::7]:443`, a new one per connection) or a zone — and an IPv4
 * client seen IPv4-mapped (`::ffff:192.0.2.7`) as plain IPv4. Anything else comes back as given.
 */
export function clientAddress(ip: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip)?.[1];
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(ip)?.[1];
  const address = (bracketed ?? ipv4WithPort ?? ip).replace(/%.*$/, '');
  return /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1] ?? address;
}
