/**
 * `serve(provider)`: everything a provider executable does when Terraform
 * launches it. Checks the launch contract, reserves stdout, builds an
 * ephemeral certificate (AutoMTLS), serves tfplugin6 plus go-plugin's
 * helper services, prints the handshake line, and exits when asked to
 * (Shutdown, SIGTERM, or the parent process disappearing).
 */
import { createSelfSignedCertificate } from './certificate/self-signed';
import { withDefaults } from './default-handlers';
import type { ProviderHandlers } from './handlers';
import { checkLaunchEnvironment, handshakeLine, type Endpoint } from './handshake';
import { listenTcp, listenUnix, removeSocket } from './listen';
import { createLogger, type Logger } from './logging';
import { controllerImplementation, healthImplementation, stdioImplementation } from './plugin-services';
import { reserveStdout, superviseProcess } from './process-life';
import { providerImplementation } from './provider-service';
import { bindService, type WireStream } from './transport/bind-services';
import { GrpcServer } from './transport/grpc-server';

export const SERVICE_NAMES = {
  provider: 'tfplugin6.Provider',
  health: 'grpc.health.v1.Health',
  controller: 'plugin.GRPCController',
  stdio: 'plugin.GRPCStdio',
} as const;

export interface ServeOptions {
  /** Used in messages and as the log module, e.g. `terraform-provider-example`. */
  readonly name?: string;
  readonly logger?: Logger;
  /** 127.0.0.1 TCP (default) or a unix socket. */
  readonly transport?: 'tcp' | 'unix';
  readonly env?: NodeJS.ProcessEnv;
  /** Exit the process once stopped (default true); off for in-process use such as tests. */
  readonly exitProcess?: boolean;
  /** Receives the handshake line instead of stdout (in-process use). */
  readonly onHandshake?: (line: string) => void;
}

export interface RunningProvider {
  readonly endpoint: Endpoint;
  /** The server certificate (DER), absent when TLS is off. */
  readonly certificateDer?: Buffer;
  stop(reason?: string): Promise<void>;
  /** Settles once the server has stopped, with the reason. */
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
  const writeHandshake =
    options.onHandshake ??
    (exitProcess
      ? reserveStdout()
      : (text: string) => {
          process.stdout.write(text);
        });
  const logger = options.logger ?? createLogger({ module: name });

  // AutoMTLS when Terraform hands us its certificate, unless TLS is switched off.
  const clientCertPem = env.TF_DISABLE_PLUGIN_TLS ? undefined : env.PLUGIN_CLIENT_CERT || undefined;
  const certificate = clientCertPem ? createSelfSignedCertificate() : undefined;
  const server = new GrpcServer(
    certificate && clientCertPem
      ? { keyPem: certificate.keyPem, certPem: certificate.certPem, clientCertPem }
      : undefined,
  );
  if (!certificate && !env.TF_DISABLE_PLUGIN_TLS) logger.warn('no PLUGIN_CLIENT_CERT given: serving without TLS');

  let endpoint: Endpoint | undefined;
  let resolveStopped: (reason: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => {
    resolveStopped = resolve;
  });
  const stdioStreams = new Set<WireStream>();
  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stopped'): Promise<void> => {
    stopping ??= (async () => {
      logger.debug('provider stopping', { reason });
      unsupervise();
      for (const stream of stdioStreams) stream.end();
      await server.close();
      if (endpoint) removeSocket(endpoint);
      resolveStopped(reason);
      if (exitProcess) process.exit(0);
    })();
    return stopping;
  };
  const unsupervise = superviseProcess({
    onExit: (reason) => {
      void stop(reason);
    },
  });

  bindService(server, SERVICE_NAMES.provider, providerImplementation(withDefaults(provider), logger));
  bindService(server, SERVICE_NAMES.health, healthImplementation());
  bindService(
    server,
    SERVICE_NAMES.controller,
    controllerImplementation(() => {
      void stop('shutdown requested');
    }),
  );
  bindService(server, SERVICE_NAMES.stdio, stdioImplementation(stdioStreams));

  endpoint = options.transport === 'unix' ? await listenUnix(server, env) : await listenTcp(server, env);
  writeHandshake(handshakeLine(endpoint, certificate?.der));
  logger.debug('provider serving', { network: endpoint.network, tls: certificate !== undefined });
  return { endpoint, certificateDer: certificate?.der, stop, stopped };
}
