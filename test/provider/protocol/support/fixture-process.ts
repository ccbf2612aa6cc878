/**
 * Launches the fixture provider the way Terraform does (cookie, protocol
 * versions, client certificate in the environment) and connects to it
 * with @grpc/grpc-js over mutual TLS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { bundleProvider } from '../../../../scripts/bundle-provider';
import {
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  createSelfSignedCertificate,
  type SelfSignedCertificate,
} from '../../../../src/provider/protocol';
import { toPem } from '../../../../src/provider/protocol/certificate/self-signed';
import { serviceDefinition } from '../../../../src/provider/protocol/wire/services';
import type { WireMessage } from '../../../../src/provider/protocol/wire/protobuf';

// Beside this file under jest; from the repository root when bundled into a tool.
const FIXTURE_ENTRY =
  [path.join(__dirname, '..', 'fixtures', 'main.ts'), path.resolve('test/provider/protocol/fixtures/main.ts')].find(
    (candidate) => fs.existsSync(candidate),
  ) ?? path.join(__dirname, '..', 'fixtures', 'main.ts');

/** Bundles the fixture provider into `dir` (provider.js + launcher), as a release build would. */
export async function buildFixture(
  dir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-fixture-')),
): Promise<string> {
  const { script } = await bundleProvider({
    entry: FIXTURE_ENTRY,
    outDir: dir,
    name: 'fixture',
    node: process.execPath,
  });
  return script;
}

export interface Handshake {
  core: string;
  protocol: string;
  network: string;
  address: string;
  transport: string;
  certificateDer: Buffer;
  line: string;
}

function parseHandshake(line: string): Handshake {
  const [core, protocol, network, address, transport, cert] = line.trim().split('|');
  return { core, protocol, network, address, transport, certificateDer: Buffer.from(cert ?? '', 'base64'), line };
}

export interface LaunchedProvider {
  child: ChildProcess;
  handshake: Handshake;
  clientCertificate: SelfSignedCertificate;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** The launcher `bundleProvider` writes beside the fixture's provider.js (what Terraform runs). */
export const fixtureLauncher = (script: string): string =>
  path.join(path.dirname(script), 'terraform-provider-fixture');

/** Starts provider.js with node, or `executable` (e.g. the launcher) when given. */
export async function launchProvider(
  script: string,
  extraEnv: NodeJS.ProcessEnv = {},
  executable?: string,
): Promise<LaunchedProvider> {
  const clientCertificate = createSelfSignedCertificate();
  const child = spawn(executable ?? process.execPath, executable ? [] : [script], {
    env: {
      PATH: process.env.PATH,
      [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
      PLUGIN_PROTOCOL_VERSIONS: '5,6',
      PLUGIN_CLIENT_CERT: clientCertificate.certPem,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    void exited.then(() => reject(new Error(`provider exited before its handshake; stderr: ${err}`)));
  });
  return { child, handshake: parseHandshake(line), clientCertificate, stdout: () => out, stderr: () => err, exited };
}

type UnaryMethod = (
  request: WireMessage,
  callback: (error: grpc.ServiceError | null, response?: WireMessage) => void,
) => void;
export type WireClient = grpc.Client & Record<string, UnaryMethod>;

export interface ClientTls {
  serverCertDer: Buffer;
  client?: SelfSignedCertificate;
}

/** A client for one of our services, over mTLS with server name "localhost" as Terraform verifies it. */
export function connect(serviceName: string, address: string, tls?: ClientTls): WireClient {
  const Client = grpc.makeGenericClientConstructor(serviceDefinition(serviceName), serviceName);
  const credentials = tls
    ? grpc.credentials.createSsl(
        Buffer.from(toPem(tls.serverCertDer)),
        tls.client ? Buffer.from(tls.client.keyPem) : null,
        tls.client ? Buffer.from(tls.client.certPem) : null,
      )
    : grpc.credentials.createInsecure();
  return new Client(address, credentials, { 'grpc.ssl_target_name_override': 'localhost' }) as unknown as WireClient;
}

export function call(
  client: WireClient,
  method: string,
  request: WireMessage = {},
  timeoutMs = 5000,
): Promise<WireMessage> {
  return new Promise((resolve, reject) => {
    const deadline = new Date(Date.now() + timeoutMs);
    (
      client[method] as unknown as (
        r: WireMessage,
        m: grpc.Metadata,
        o: grpc.CallOptions,
        cb: (e: grpc.ServiceError | null, r?: WireMessage) => void,
      ) => void
    ).call(client, request, new grpc.Metadata(), { deadline }, (error, response) =>
      error ? reject(error) : resolve(response ?? {}),
    );
  });
}
