/**
 * A fresh product-like fake server per test and a builder of clients pointed at it, with small
 * timeouts and retry delays so that nothing can hang; everything is closed after each test.
 */
import { IRedAdminClient, type IRedAdminClientOptions } from '../../src/client';
import type { FakeServer } from './fake-server';
import { startFakeServer } from './fake-server';
import { ADMIN, ProductLike } from './product-like';

export interface ClientHarness {
  readonly server: FakeServer;
  readonly product: ProductLike;
  /** A client of `server` (or of `options.baseUrl`), closed after the test. */
  client(options?: Partial<IRedAdminClientOptions<'sql'>>): IRedAdminClient<'sql'>;
  /** Another fake server (another origin), closed after the test. */
  another(): Promise<FakeServer>;
}

export function useProductLike(): ClientHarness {
  let server: FakeServer | undefined;
  let product: ProductLike | undefined;
  const clients: IRedAdminClient<'sql'>[] = [];
  const others: FakeServer[] = [];
  beforeEach(async () => {
    server = await startFakeServer();
    product = new ProductLike(server);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all([...others.splice(0), server].map((s) => s?.close()));
  });
  return {
    get server() {
      if (!server) throw new Error('the harness starts its server in beforeEach');
      return server;
    },
    get product() {
      if (!product) throw new Error('the harness starts its server in beforeEach');
      return product;
    },
    client(options = {}) {
      const made = new IRedAdminClient({
        baseUrl: this.server.url,
        ...ADMIN,
        timeoutMs: 1_000,
        retries: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 },
        ...options,
      });
      clients.push(made);
      return made;
    },
    async another() {
      const other = await startFakeServer();
      others.push(other);
      return other;
    },
  };
}

/** The error `call` fails with, checked to be a `type`. */
export async function rejection<E extends Error>(
  call: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await call.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(type);
  return error as E;
}
