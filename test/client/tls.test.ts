/** TLS options: a private CA, the opt-in insecure mode (warned once), and a certificate failure that is not retried. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IRedAdminClient, type LogEntry, NetworkError } from '../../src/client';
import type { FakeServer } from './fake-server';
import { sendJson, startFakeServer } from './fake-server';
import { ADMIN, ProductLike } from './product-like';
import { selfSigned as selfSignedIn } from './self-signed';

jest.setTimeout(20_000);

describe('TLS', () => {
  let dir: string;
  let cert: string;
  let server: FakeServer;
  let product: ProductLike;

  const selfSigned = (name: string, san: string) => selfSignedIn(dir, name, san);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'client-tls-'));
    const local = selfSigned('127.0.0.1', 'IP:127.0.0.1');
    cert = local.cert;
    server = await startFakeServer(undefined, local);
    product = new ProductLike(server);
    product.route = (_r, res) => sendJson(res, { _success: true, _data: { domain: 'x.io' } });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown certificate with a NetworkError that is not retried', async () => {
    const logs: LogEntry[] = [];
    const client = new IRedAdminClient({
      baseUrl: server.url,
      ...ADMIN,
      retries: { retries: 3, baseDelayMs: 1 },
      logger: (e) => logs.push(e),
    });
    try {
      const error = await client.domains.get('x.io').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).retryable).toBe(false);
      expect((error as NetworkError).certificateRejected).toBe(true);
      expect((error as Error).message).toMatch(
        /certificate of 127\.0\.0\.1 is not trusted.*tls\.ca.*tls\.insecure.*\(DEPTH_ZERO_SELF_SIGNED_CERT\)/,
      );
      expect(logs.filter((l) => l.message === 'retrying API call')).toHaveLength(0);
    } finally {
      await client.close();
    }
  });

  it('trusts a custom CA', async () => {
    const client = new IRedAdminClient({ baseUrl: server.url, ...ADMIN, tls: { ca: cert } });
    try {
      await expect(client.domains.get('x.io')).resolves.toMatchObject({ domain: 'x.io' });
    } finally {
      await client.close();
    }
  });

  it('insecure mode works and warns exactly once through the logger', async () => {
    const logs: LogEntry[] = [];
    const client = new IRedAdminClient({
      baseUrl: server.url,
      ...ADMIN,
      tls: { insecure: true },
      logger: (e) => logs.push(e),
    });
    try {
      await client.domains.get('x.io');
      await client.domains.get('x.io');
      expect(logs.filter((l) => l.level === 'warn' && /insecure/.test(l.message))).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('a certificate from a trusted CA but for another name is refused', async () => {
    const other = await startFakeServer(undefined, selfSigned('other.example', 'DNS:other.example'));
    const client = new IRedAdminClient({
      baseUrl: other.url,
      ...ADMIN,
      retries: 0,
      tls: { ca: readFileSync(join(dir, 'other.example.pem'), 'utf8') },
    });
    try {
      const error = await client.login().catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'NetworkError', code: 'ERR_TLS_CERT_ALTNAME_INVALID', retryable: false });
      expect(other.requests).toHaveLength(0);
    } finally {
      await client.close();
      await other.close();
    }
  });

  it('insecure applies to the configured host only: a redirect to another https host is not followed', async () => {
    const other = await startFakeServer(undefined, selfSigned('other-host', 'IP:127.0.0.1'));
    product.route = (_r, res) => sendJson(res, { _success: true }, 302, { location: `${other.url}/api/domain/x.io` });
    const client = new IRedAdminClient({ baseUrl: server.url, ...ADMIN, retries: 0, tls: { insecure: true } });
    try {
      await expect(client.domains.get('x.io')).rejects.toMatchObject({ name: 'RedirectError', sameOrigin: false });
      expect(other.requests).toHaveLength(0);
    } finally {
      product.route = (_r, res) => sendJson(res, { _success: true, _data: { domain: 'x.io' } });
      await client.close();
      await other.close();
    }
  });

  it('https configured and plain http answering: a clear, permanent error', async () => {
    const plain = await startFakeServer();
    const client = new IRedAdminClient({ baseUrl: plain.url.replace('http:', 'https:'), ...ADMIN, retries: 3 });
    try {
      const error = await client.login().catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'NetworkError', retryable: false, certificateRejected: false });
      expect((error as Error).message).toMatch(/TLS handshake failed .*does the server speak https on this port/);
      expect(plain.requests).toHaveLength(0);
    } finally {
      await client.close();
      await plain.close();
    }
  });
});
