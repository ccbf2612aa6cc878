import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCertificate } from '../../../src/provider/protocol';
import {
  bitString,
  objectIdentifier,
  time,
  tlv,
  unsignedInteger,
} from '../../../src/provider/protocol/certificate/der';

describe('DER writer', () => {
  it('encodes lengths, integers, OIDs, bit strings and times as ASN.1 requires', () => {
    expect(tlv(0x04, Buffer.alloc(200)).subarray(0, 3)).toEqual(Buffer.from([0x04, 0x81, 200]));
    expect(tlv(0x04, Buffer.alloc(300)).subarray(0, 4)).toEqual(Buffer.from([0x04, 0x82, 0x01, 0x2c]));
    expect(unsignedInteger(Buffer.from([0x00, 0x00, 0x80]))).toEqual(Buffer.from([0x02, 0x02, 0x00, 0x80]));
    expect(unsignedInteger(Buffer.from([0x00]))).toEqual(Buffer.from([0x02, 0x01, 0x00]));
    expect(objectIdentifier('1.2.840.10045.4.3.2')).toEqual(Buffer.from('06082a8648ce3d040302', 'hex'));
    expect(bitString(Buffer.from([0xac]), 2)).toEqual(Buffer.from([0x03, 0x02, 0x02, 0xac]));
    expect(time(new Date('2026-01-02T03:04:05Z')).toString('latin1')).toBe('\x17\x0d260102030405Z');
    expect(time(new Date('2051-01-02T03:04:05Z')).toString('latin1')).toBe('\x18\x0f20510102030405Z');
  });
});

describe('self-signed AutoMTLS certificate', () => {
  const now = new Date();
  const cert = createSelfSignedCertificate({ now });
  const x509 = new X509Certificate(cert.der);

  it('is parsed by node, self-signed, valid since slightly before now', () => {
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.publicKey.asymmetricKeyType).toBe('ec');
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(new Date(x509.validFrom).getTime()).toBeLessThan(now.getTime());
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(now.getTime());
    expect(x509.ca).toBe(true);
  });

  it('names localhost and allows both server and client authentication', () => {
    expect(x509.subjectAltName).toContain('DNS:localhost');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']));
  });

  it('completes a TLS handshake that requires a client certificate, and fails one without', async () => {
    const client = createSelfSignedCertificate();
    const server = tls.createServer(
      {
        key: cert.keyPem,
        cert: cert.certPem,
        ca: client.certPem,
        requestCert: true,
        rejectUnauthorized: true,
      },
      (socket) => {
        socket.end('hello');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const connectWith = (withClientCert: boolean): Promise<string> =>
      new Promise((resolve, reject) => {
        const socket = tls.connect({
          host: '127.0.0.1',
          port,
          servername: 'localhost',
          ca: cert.certPem,
          ...(withClientCert ? { key: client.keyPem, cert: client.certPem } : {}),
        });
        let data = '';
        socket.on('data', (d: Buffer) => {
          data += d.toString();
        });
        socket.on('error', reject);
        socket.on('close', () => (data ? resolve(data) : reject(new Error('closed without data'))));
      });
    try {
      await expect(connectWith(true)).resolves.toBe('hello');
      await expect(connectWith(false)).rejects.toThrow();
    } finally {
      server.close();
    }
  });
});
