/**
 * The ephemeral certificate for go-plugin's AutoMTLS, made with node:crypto
 * alone (a general X.509 library costs ~100 ms of start-up per launch).
 * What Terraform checks: SAN DNS "localhost", usable for server and client
 * auth, a CA (it is its own root), already valid (notBefore in the past).
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import {
  bitString,
  boolean,
  explicit,
  implicitPrimitive,
  objectIdentifier,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
} from './der';

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

export interface SelfSignedCertificate {
  readonly der: Buffer;
  readonly certPem: string;
  readonly keyPem: string;
  readonly privateKey: KeyObject;
}

export interface CertificateOptions {
  readonly commonName?: string;
  readonly organization?: string;
  /** How far before now the certificate becomes valid (clock skew); default 30 s. */
  readonly backdateSeconds?: number;
  readonly validDays?: number;
  readonly now?: Date;
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

// keyUsage bits: digitalSignature(0), keyEncipherment(2), keyAgreement(4), keyCertSign(5).
// Named bits are written MSB first; trailing zero bits are dropped (2 unused).
const KEY_USAGE = bitString(Buffer.from([0b10101100]), 2);

export function toPem(der: Buffer, label = 'CERTIFICATE'): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function createSelfSignedCertificate(options: CertificateOptions = {}): SelfSignedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const now = options.now ?? new Date();
  const notBefore = new Date(now.getTime() - (options.backdateSeconds ?? 30) * 1000);
  const notAfter = new Date(now.getTime() + (options.validDays ?? 365) * 86_400_000);

  const name = sequence(
    set(sequence(objectIdentifier(OID.organization), utf8String(options.organization ?? 'terraform-provider'))),
    set(sequence(objectIdentifier(OID.commonName), utf8String(options.commonName ?? 'localhost'))),
  );
  const algorithm = sequence(objectIdentifier(OID.ecdsaWithSha256));
  const serial = randomBytes(16);
  serial[0] &= 0x7f; // positive, at most 16 bytes

  const tbs = sequence(
    explicit(0, smallInteger(2)), // version 3
    unsignedInteger(serial),
    algorithm,
    name,
    sequence(time(notBefore), time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        extension(OID.basicConstraints, true, sequence(boolean(true))),
        extension(OID.keyUsage, true, KEY_USAGE),
        extension(OID.extKeyUsage, false, sequence(objectIdentifier(OID.serverAuth), objectIdentifier(OID.clientAuth))),
        extension(
          OID.subjectAltName,
          false,
          sequence(implicitPrimitive(2, Buffer.from('localhost')), implicitPrimitive(7, Buffer.from([127, 0, 0, 1]))),
        ),
      ),
    ),
  );
  const signature = sign('sha256', tbs, privateKey); // DER-encoded ECDSA signature
  const der = sequence(tbs, algorithm, bitString(signature));
  return {
    der,
    certPem: toPem(der),
    // SEC1 rather than PKCS#8: OpenSSL 3 decodes it in about half the time.
    keyPem: privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
    privateKey,
  };
}
