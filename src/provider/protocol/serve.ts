/**
 * `serve(provider)`: everything a provider executable does when Terraform
 * launches it. Checks the launch contract, reserves stdout, builds an
 * ephemeral certificate (AutoMTLS), serves tfplugin6 plus go-plugin's
 * helper services, prints the handshake line, and exits when asked to
 * (Shutdown, SIGTERM, or the parent process disappearing).
 */
import { Server, ServerCredentials, type ServerWritableStream, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { createSelfSignedCertificate } from './certificate/self-signed';
import { withDefaults } from './default-handlers';
import type { ProviderHandlers } from './handlers';
import { checkLaunchEnvironment, handshakeLine, type Endpoint } from './handshake';
import { listenTcp, listenUnix, removeSocket } from './listen';
import { createLogger, type Logger } from './logging';
import { controllerImplementation, healthImplementation, stdioImplementation } from './plugin-services';
import { reserveStdout, superviseProcess } from './process-life';
import { providerImplementation } from './provider-service';
import { SERVICE_NAMES, serviceDefinition } from './wire/services';
import type { WireMessage } from './wire/protobuf';

export interface ServeOptions {
  /** Used in messages and as the log module, e.g. `terraform-provider-example`. */
  readonly name?: string;
  readonly logger?: Logger;
  /** 127.0.0.1 TCP (default) or a unix socket. */
  readonly transport?: 'tcp' | 'unix';
  readonly env?: NodeJS.ProcessEnv;
  /** Exit the process once stopped (default true); off for in-process tests. */
  readonly exitProcess?: boolean;
}

export interface RunningProvider {
  readonly endpoint: Endpoint;
  /** The server certificate (DER), absent when TLS is off. */
  readonly certificateDer?: Buffer;
  stop(reason?: string): Promise<void>;
  /** Settles once the server has stopped. */
  readonly stopped: Promise<string>;
}

export async function serve(provider: Partial<ProviderHandlers>, options: ServeOptions = {}): Promise<RunningProvider> {
  const env = options.env ?? process.env;
  const name = options.name ?? 'terraform-provider';
  const exitProcess = options.exitProcess ?? true;

  const launch = checkLaunchEnvironment(env, name);
  if (!launch.ok) {
    process.stderr.write(launch.message);
    if (exitProcess) process.exit(1);
    throw new Error(launch.message.trim());
  }
  const writeStdout = exitProcess ? reserveStdout() : (text: string) => { process.stdout.write(text); };
  const logger = options.logger ?? createLogger({ module: name });

  const server = new Server({ 'grpc.max_receive_message_length': -1, 'grpc.max_send_message_length': -1 });
  let endpoint: Endpoint | undefined;
  let resolveStopped: (reason: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => { resolveStopped = resolve; });
  const stdioStreams = new Set<ServerWritableStream<WireMessage, WireMessage>>();
  let stopping: Promise<void> | undefined;

  const stop = (reason = 'stopped'): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      logger.debug('provider stopping', { reason });
      unsupervise();
      for (const stream of stdioStreams) stream.end();
      const finish = (): void => {
        clearTimeout(force);
        if (endpoint) removeSocket(endpoint);
        resolveStopped(reason);
        resolve();
        if (exitProcess) process.exit(0);
      };
      // Let replies in flight (Shutdown's own) reach the client, but not for long.
      const force = setTimeout(() => { server.forceShutdown(); finish(); }, 250);
      server.tryShutdown(() => finish());
    });
    return stopping;
  };
  const unsupervise = superviseProcess({ onExit: (reason) => { void stop(reason); } });

  const handlers = withDefaults(provider);
  const rpcs = providerImplementation(handlers, logger);
  const providerService: UntypedServiceImplementation = {};
  for (const [method, run] of Object.entries(rpcs)) {
    providerService[method] = (call: { request: WireMessage }, callback: (e: null, r: WireMessage) => void) => {
      void run(call.request).then((response) => callback(null, response));
    };
  }
  server.addService(serviceDefinition(SERVICE_NAMES.provider), providerService);
  server.addService(serviceDefinition(SERVICE_NAMES.health), healthImplementation() as UntypedServiceImplementation);
  server.addService(serviceDefinition(SERVICE_NAMES.controller), controllerImplementation(() => {
    setImmediate(() => { void stop('shutdown requested'); });
  }) as UntypedServiceImplementation);
  server.addService(serviceDefinition(SERVICE_NAMES.stdio), stdioImplementation(stdioStreams) as UntypedServiceImplementation);

  const clientCert = env.PLUGIN_CLIENT_CERT;
  const tls = !env.TF_DISABLE_PLUGIN_TLS && !!clientCert;
  const certificate = tls ? createSelfSignedCertificate() : undefined;
  const credentials = certificate && clientCert
    ? ServerCredentials.createSsl(Buffer.from(clientCert), [
      { private_key: Buffer.from(certificate.keyPem), cert_chain: Buffer.from(certificate.certPem) },
    ], true)
    : ServerCredentials.createInsecure();
  if (!tls && !env.TF_DISABLE_PLUGIN_TLS) logger.warn('no PLUGIN_CLIENT_CERT given: serving without TLS');

  endpoint = options.transport === 'unix'
    ? await listenUnix(server, credentials, env)
    : await listenTcp(server, credentials, env);
  writeStdout(handshakeLine(endpoint, certificate?.der));
  logger.debug('provider serving', { network: endpoint.network, tls });

  return { endpoint, certificateDer: certificate?.der, stop, stopped };
}
