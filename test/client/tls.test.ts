/** TLS options: a private CA, the opt-in insecure mode (warned once), and a certificate failure that is not retried. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IRedAdminClient, type LogEntry, NetworkError } from '../../src/client';
import type { FakeServer } from './fake-server';
import { sendJson, startFakeServer } from './fake-server';
import { ADMIN, ProductLike } from './product-like';

jest.setTimeout(20_000);

/** A missing openssl fails the run with what to install; it never skips the TLS tests. */
function requireOpenssl(): void {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('the TLS tests need the openssl command: apt-get install -y openssl');
  }
}

describe('TLS', () => {
  let dir: string;
  let cert: string;
  let server: FakeServer;
  let product: ProductLike;

  beforeAll(async () => {
    requireOpenssl();
    dir = mkdtempSync(join(tmpdir(), 'client-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    server = await startFakeServer(undefined, { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert });
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
});
