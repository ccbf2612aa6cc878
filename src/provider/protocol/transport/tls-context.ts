/**
 * The server's TLS context, built without Node's bundled root store.
 *
 * Every public way to make a SecureContext in Node 20 (tls.createSecureContext,
 * with or without `ca`) first parses Node's ~140 bundled root certificates:
 * 35 ms or more, on each of the several launches per Terraform command. We
 * trust no CA at all (the client certificate is pinned, see tls-accept.ts),
 * so we build the context through the class behind createSecureContext and
 * set only key and certificate. Should that class ever be unavailable, we
 * fall back to the public, slower path; security is the same either way.
 */
import * as tls from 'node:tls';

interface NativeContext {
  setKey(keyPem: string, passphrase: undefined): void;
  setCert(certPem: string): void;
}
interface SecureContextClass {
  new (
    secureProtocol: undefined,
    secureOptions: undefined,
    minVersion: string,
    maxVersion: string,
  ): { context: NativeContext };
}

function fastSecureContext(keyPem: string, certPem: string): tls.SecureContext | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- legacy core module, not in @types/node
    const common = require('node:_tls_common') as { SecureContext?: SecureContextClass };
    if (typeof common.SecureContext !== 'function') return undefined;
    const secure = new common.SecureContext(undefined, undefined, 'TLSv1.2', 'TLSv1.3');
    secure.context.setKey(keyPem, undefined);
    secure.context.setCert(certPem);
    return secure as unknown as tls.SecureContext;
  } catch {
    return undefined;
  }
}

export function serverSecureContext(keyPem: string, certPem: string): tls.SecureContext {
  return (
    fastSecureContext(keyPem, certPem) ?? tls.createSecureContext({ key: keyPem, cert: certPem, minVersion: 'TLSv1.2' })
  );
}
