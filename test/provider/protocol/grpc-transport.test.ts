/**
 * Our node:http2 gRPC transport against a standard client (@grpc/grpc-js):
 * large messages across many frames, parallel calls, unknown methods,
 * plaintext and mTLS, served in-process through serve().
 */
import * as grpc from '@grpc/grpc-js';
import {
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  createLogger,
  createSelfSignedCertificate,
  decodeMsgpack,
  encodeMsgpack,
  serve,
  t,
  type RunningProvider,
} from '../../../src/provider/protocol';
import { SERVICE_NAMES } from '../../../src/provider/protocol/serve';
import { toPem } from '../../../src/provider/protocol/certificate/self-signed';
import type { WireMessage } from '../../../src/provider/protocol/wire/protobuf';
import { noteProvider } from './fixtures/note-provider';
import { call, connect, type WireClient } from './support/fixture-process';

describe('gRPC transport (in-process serve)', () => {
  const clientCertificate = createSelfSignedCertificate();
  let running: RunningProvider;
  let client: WireClient;
  let handshake = '';
  const address = (): string =>
    running.endpoint.network === 'tcp' ? `127.0.0.1:${running.endpoint.port}` : running.endpoint.path;

  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => {}); // the fixture logs; in-process that is our console
    running = await serve(noteProvider, {
      exitProcess: false,
      onHandshake: (line) => {
        handshake = line;
      },
      logger: createLogger({ level: 'off' }),
      env: {
        [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
        PLUGIN_CLIENT_CERT: clientCertificate.certPem,
        PLUGIN_MIN_PORT: '41000',
        PLUGIN_MAX_PORT: '41999',
      },
    });
    client = connect(SERVICE_NAMES.provider, address(), {
      serverCertDer: running.certificateDer as Buffer,
      client: clientCertificate,
    });
  });

  afterAll(async () => {
    client.close();
    await running.stop();
  });

  it('listens within PLUGIN_MIN_PORT..PLUGIN_MAX_PORT', () => {
    expect(handshake).toMatch(/^1\|6\|tcp\|127\.0\.0\.1:41\d{3}\|grpc\|/);
    expect(running.endpoint).toMatchObject({ network: 'tcp', host: '127.0.0.1' });
    const port = running.endpoint.network === 'tcp' ? running.endpoint.port : 0;
    expect(port).toBeGreaterThanOrEqual(41000);
    expect(port).toBeLessThanOrEqual(41999);
  });

  it('accepts only the pinned client certificate', async () => {
    const stranger = connect(SERVICE_NAMES.provider, address(), {
      serverCertDer: running.certificateDer as Buffer,
      client: createSelfSignedCertificate(),
    });
    await expect(call(stranger, 'GetProviderSchema', {}, 2000)).rejects.toThrow();
    stranger.close();
  });

  it('carries a multi-megabyte state both ways', async () => {
    const type = t.object({ id: t.string, text: t.string });
    const text = 'x'.repeat(3 * 1024 * 1024);
    const res = await call(
      client,
      'ReadResource',
      {
        type_name: 'fixture_note',
        current_state: { msgpack: encodeMsgpack({ id: 'n', text }, type) },
      },
      20000,
    );
    const state = decodeMsgpack((res.new_state as WireMessage).msgpack as Uint8Array, type) as { text: string };
    expect(state.text.length).toBe(text.length);
  });

  it('serves parallel calls', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(client, 'GetProviderSchema')));
    expect(new Set(answers.map((a) => Object.keys(a.resource_schemas as object).join()))).toEqual(
      new Set(['fixture_note']),
    );
  });

  it('answers UNIMPLEMENTED for methods it does not know (e.g. newer protocol RPCs)', async () => {
    const Generic = grpc.makeGenericClientConstructor(
      {
        GetResourceIdentitySchemas: {
          path: '/tfplugin6.Provider/GetResourceIdentitySchemas',
          requestStream: false,
          responseStream: false,
          requestSerialize: (b: Buffer) => b,
          requestDeserialize: (b: Buffer) => b,
          responseSerialize: (b: Buffer) => b,
          responseDeserialize: (b: Buffer) => b,
        },
      },
      'Provider',
    );
    const generic = new Generic(
      address(),
      grpc.credentials.createSsl(
        Buffer.from(toPem(running.certificateDer as Buffer)),
        Buffer.from(clientCertificate.keyPem),
        Buffer.from(clientCertificate.certPem),
      ),
      { 'grpc.ssl_target_name_override': 'localhost' },
    ) as unknown as grpc.Client & {
      GetResourceIdentitySchemas: (r: Buffer, cb: (e: grpc.ServiceError | null) => void) => void;
    };
    const error = await new Promise<grpc.ServiceError | null>((resolve) =>
      generic.GetResourceIdentitySchemas(Buffer.alloc(0), resolve),
    );
    generic.close();
    expect(error?.code).toBe(grpc.status.UNIMPLEMENTED);
  });

  it('streams health Watch and stdio without closing them', async () => {
    const health = connect(SERVICE_NAMES.health, address(), {
      serverCertDer: running.certificateDer as Buffer,
      client: clientCertificate,
    });
    const watch = (health as unknown as { Watch: (r: WireMessage) => grpc.ClientReadableStream<WireMessage> }).Watch({
      service: 'plugin',
    });
    const first = await new Promise<WireMessage>((resolve) => watch.once('data', resolve));
    expect(first).toEqual({ status: 1 });
    watch.cancel();
    watch.on('error', () => {});
    health.close();
  });
});
