/** Self-signed certificates made with openssl for TLS tests; a missing openssl fails, never skips. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KeyPair {
  key: string;
  /** PEM; being self-signed, it is also the CA that trusts it. */
  cert: string;
}

/** A self-signed certificate for `san` (e.g. `IP:127.0.0.1`, `DNS:other.example`), its files in `dir`. */
export function selfSigned(dir: string, name: string, san: string): KeyPair {
  const key = join(dir, `${name}.key.pem`);
  const cert = join(dir, `${name}.pem`);
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1'].concat([
        '-subj',
        `/CN=${name}`,
        '-addext',
        `subjectAltName=${san}`,
      ]),
      { stdio: 'ignore' },
    );
  } catch (error) {
    throw new Error(`the TLS tests need the openssl command (apt-get install -y openssl): ${String(error)}`);
  }
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}
