/**
 * TLS for each accepted connection: offer HTTP/2 by ALPN (gRPC clients
 * require it), ask for the client's certificate and accept exactly one,
 * byte for byte: the certificate Terraform put in PLUGIN_CLIENT_CERT.
 */
import { X509Certificate } from 'node:crypto';
import type { Socket } from 'node:net';
import * as tls from 'node:tls';

const HANDSHAKE_TIMEOUT_MS = 10_000;

export interface PinnedTls {
  readonly secureContext: tls.SecureContext;
  /** The only client certificate accepted (PEM). */
  readonly clientCertPem: string;
}

/** Wraps a raw connection; calls `onReady` once the peer proved to hold the pinned certificate. */
export function acceptTls(raw: Socket, pinned: PinnedTls, onReady: (socket: tls.TLSSocket) => void): void {
  const expected = new X509Certificate(pinned.clientCertPem).raw;
  const socket = new tls.TLSSocket(raw, {
    isServer: true,
    secureContext: pinned.secureContext,
    requestCert: true,
    // Verification is ours (pinning), not a CA chain check.
    rejectUnauthorized: false,
    ALPNProtocols: ['h2'],
  });
  const timer = setTimeout(() => socket.destroy(), HANDSHAKE_TIMEOUT_MS);
  timer.unref();
  socket.on('error', () => socket.destroy());
  socket.once('secure', () => {
    clearTimeout(timer);
    const peer = socket.getPeerX509Certificate();
    if (!peer?.raw.equals(expected)) {
      socket.destroy();
      return;
    }
    // What tls.Server does on 'secure'; HTTP/2 waits for a secure connect until this is false.
    (socket as unknown as { secureConnecting: boolean }).secureConnecting = false;
    onReady(socket);
  });
}
