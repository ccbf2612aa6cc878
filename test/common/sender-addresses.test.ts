import { canonicalIp, MAILADDR_PRIORITY, parseSenderAddress } from '../../src/common/sender-addresses';

describe('white/blacklist and greylisting sender forms', () => {
  test.each([
    ['User@Example.COM', 'user@example.com', 'email'],
    ['user+Tag@example.com', 'user+tag@example.com', 'email'],
    ['user@[192.168.1.10]', 'user@[192.168.1.10]', 'email'],
    ['user@[2001:DB8::1]', 'user@[2001:db8::1]', 'email'],
    ['@Example.com', '@example.com', 'domain'],
    ['@.example.com', '@.example.com', 'subdomains'],
    ['@.COM', '@.com', 'tld'],
    ['@.', '@.', 'everything'],
    ['192.168.1.1', '192.168.1.1', 'ip'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1', 'ip'],
    ['192.168.1.0/24', '192.168.1.0/24', 'cidr'],
    ['2001:db8::/32', '2001:db8::/32', 'cidr'],
    ['0.0.0.0/0', '0.0.0.0/0', 'cidr'],
    ['Bounce@*', 'bounce@*', 'anyDomain'],
    ['  spaced@example.com ', 'spaced@example.com', 'email'],
  ])('%s is accepted as %s (%s)', (raw, address, form) => {
    expect(parseSenderAddress(raw)).toEqual({ address, form });
  });

  test.each([
    '192.168.1.*',
    '192.168.1.0',
    '256.1.1.1',
    '01.2.3.4',
    '192.168.1.5/24',
    '10.0.0.0/33',
    '2001:db8::1/24',
    'fe80::1%eth0',
    'example.com',
    '@',
    '@-bad.com',
    '@.-bad',
    '@.123',
    'user@',
    '@*',
    'a b@example.com',
    'user@[not-an-ip]',
    '',
    ' ',
  ])('%p is refused', (raw) => {
    expect(parseSenderAddress(raw)).toBeNull();
  });

  test('host bits: refused by default, cleared on request (the provider canonicalises)', () => {
    expect(parseSenderAddress('192.168.1.5/24')).toBeNull();
    expect(parseSenderAddress('192.168.1.5/24', 'clear')).toEqual({ address: '192.168.1.0/24', form: 'cidr' });
    expect(parseSenderAddress('2001:DB8::1/32', 'clear')).toEqual({ address: '2001:db8::/32', form: 'cidr' });
    expect(parseSenderAddress('10.1.2.3/32', 'clear')).toEqual({ address: '10.1.2.3/32', form: 'cidr' });
    expect(parseSenderAddress('::ffff:1.2.3.4/128')).toEqual({ address: '::ffff:102:304/128', form: 'cidr' });
  });

  test('priorities follow specificity', () => {
    expect(MAILADDR_PRIORITY).toEqual({
      email: 10,
      ip: 9,
      cidr: 7,
      anyDomain: 7,
      domain: 5,
      subdomains: 3,
      tld: 2,
      everything: 0,
    });
  });

  test('canonicalIp: strict addresses only', () => {
    expect(canonicalIp('10.0.0.1')).toBe('10.0.0.1');
    expect(canonicalIp('10.0.0.0')).toBe('10.0.0.0');
    expect(canonicalIp('2001:0DB8::0001')).toBe('2001:db8::1');
    expect(canonicalIp('10.0.0.0/8')).toBeNull();
    expect(canonicalIp('host.example')).toBeNull();
  });
});
