/**
 * A minimal gRPC server on node:http2: unary and server-streaming methods,
 * identity encoding, TLS with a required client certificate, TCP or unix
 * socket. It replaces @grpc/grpc-js in the provider process because loading
 * that library costs more start-up time than everything else a provider
 * does, and Terraform launches providers several times per command.
 */
import * as http2 from 'node:http2';
import * as net from 'node:net';
import { FrameError, FrameReader, frame } from './grpc-frames';
import { acceptTls, type PinnedTls } from './tls-accept';
import { serverSecureContext } from './tls-context';

/** gRPC status codes we use. */
export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
} as const;

export class GrpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export type UnaryMethod = (request: Buffer) => Promise<Buffer>;

export interface ServerStream {
  write(message: Buffer): void;
  /** Ends the call with OK. */
  end(): void;
  readonly cancelled: boolean;
  onCancel(listener: () => void): void;
}
export type StreamingMethod = (request: Buffer, stream: ServerStream) => void;

export interface TlsOptions {
  readonly keyPem: string;
  readonly certPem: string;
  /** Only this certificate may connect (go-plugin's AutoMTLS). */
  readonly clientCertPem: string;
}

export type ListenTarget = { host: string; port: number } | { path: string };

type Method = { kind: 'unary'; run: UnaryMethod } | { kind: 'stream'; run: StreamingMethod };

// grpc-message is percent-encoded (gRPC over HTTP/2 spec).
const encodeMessage = (message: string): string =>
  message.replace(/[^\x20-\x24\x26-\x7e]/gu, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );

/**
 * A plain TCP/unix listener; each connection gets TLS (when configured)
 * from tls-accept.ts and is then handed to an HTTP/2 session factory.
 * No tls.Server: its context setup would parse Node's whole root store.
 */
export class GrpcServer {
  private readonly methods = new Map<string, Method>();
  private readonly sessions = new Set<http2.ServerHttp2Session>();
  private readonly sockets = new Set<net.Socket>();
  private readonly listener: net.Server;
  private readonly h2: http2.Http2Server;

  constructor(tls?: TlsOptions) {
    this.h2 = http2.createServer({ maxSessionMemory: 256 });
    this.h2.on('session', (session: http2.ServerHttp2Session) => {
      this.sessions.add(session);
      session.on('close', () => this.sessions.delete(session));
      session.on('error', () => session.destroy());
    });
    this.h2.on('stream', (stream, headers) => this.dispatch(stream, headers));
    const pinned: PinnedTls | undefined = tls
      ? { secureContext: serverSecureContext(tls.keyPem, tls.certPem), clientCertPem: tls.clientCertPem }
      : undefined;
    this.listener = net.createServer((raw) => {
      this.sockets.add(raw);
      raw.once('close', () => this.sockets.delete(raw));
      if (pinned) acceptTls(raw, pinned, (secure) => this.h2.emit('connection', secure));
      else this.h2.emit('connection', raw);
    });
  }

  unary(path: string, run: UnaryMethod): void {
    this.methods.set(path, { kind: 'unary', run });
  }

  serverStreaming(path: string, run: StreamingMethod): void {
    this.methods.set(path, { kind: 'stream', run });
  }

  listen(target: ListenTarget): Promise<number | undefined> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.listener.once('error', onError);
      const done = (): void => {
        this.listener.off('error', onError);
        const address = this.listener.address();
        resolve(typeof address === 'object' && address ? address.port : undefined);
      };
      if ('path' in target) this.listener.listen(target.path, done);
      else this.listener.listen(target.port, target.host, done);
    });
  }

  /** Stops accepting, lets calls in flight finish for up to `graceMs`, then cuts the rest. */
  close(graceMs = 250): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        for (const session of this.sessions) session.destroy();
        for (const socket of this.sockets) socket.destroy();
      }, graceMs);
      timer.unref();
      this.listener.close(() => {
        clearTimeout(timer);
        resolve();
      });
      for (const session of this.sessions) session.close();
    });
  }

  private dispatch(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    stream.on('error', () => {
      /* the peer went away; nothing to answer */
    });
    const contentType = String(headers['content-type'] ?? '');
    if (headers[':method'] !== 'POST' || !contentType.startsWith('application/grpc')) {
      stream.respond({ ':status': 415 }, { endStream: true });
      return;
    }
    const method = this.methods.get(String(headers[':path'] ?? ''));
    if (!method) {
      this.fail(stream, new GrpcError(GrpcStatus.UNIMPLEMENTED, `unknown method ${String(headers[':path'])}`));
      return;
    }
    const encoding = headers['grpc-encoding'];
    if (encoding !== undefined && encoding !== 'identity') {
      this.fail(stream, new GrpcError(GrpcStatus.UNIMPLEMENTED, `grpc-encoding ${String(encoding)} is not supported`));
      return;
    }
    const reader = new FrameReader();
    const messages: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      try {
        messages.push(...reader.push(chunk));
      } catch (error) {
        this.fail(
          stream,
          new GrpcError(GrpcStatus.INTERNAL, error instanceof FrameError ? error.message : 'bad frame'),
        );
      }
    });
    stream.on('end', () => {
      if (stream.closed || stream.headersSent) return;
      if (messages.length !== 1 || reader.incomplete) {
        this.fail(stream, new GrpcError(GrpcStatus.INTERNAL, 'expected exactly one request message'));
        return;
      }
      if (method.kind === 'unary') this.runUnary(stream, method.run, messages[0]);
      else this.runStreaming(stream, method.run, messages[0]);
    });
  }

  private runUnary(stream: http2.ServerHttp2Stream, run: UnaryMethod, request: Buffer): void {
    run(request).then(
      (response) => {
        if (stream.closed) return;
        stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
        stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(GrpcStatus.OK) }));
        stream.end(frame(response));
      },
      (error: unknown) => this.fail(stream, error),
    );
  }

  private runStreaming(stream: http2.ServerHttp2Stream, run: StreamingMethod, request: Buffer): void {
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
    stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(GrpcStatus.OK) }));
    const cancelListeners: (() => void)[] = [];
    stream.once('close', () => {
      for (const listener of cancelListeners) listener();
    });
    run(request, {
      write: (message) => {
        if (!stream.closed) stream.write(frame(message));
      },
      end: () => {
        if (!stream.closed) stream.end();
      },
      get cancelled() {
        return stream.closed;
      },
      onCancel: (listener) => {
        cancelListeners.push(listener);
      },
    });
  }

  /** A "trailers-only" answer carrying the error status. */
  private fail(stream: http2.ServerHttp2Stream, error: unknown): void {
    if (stream.closed || stream.destroyed) return;
    const code = error instanceof GrpcError ? error.code : GrpcStatus.UNKNOWN;
    const message = error instanceof Error ? error.message : String(error);
    if (stream.headersSent) {
      stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
      return;
    }
    stream.respond(
      {
        ':status': 200,
        'content-type': 'application/grpc',
        'grpc-status': String(code),
        'grpc-message': encodeMessage(message),
      },
      { endStream: true },
    );
  }
}
