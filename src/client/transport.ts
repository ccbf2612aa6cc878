/**
 * One HTTP exchange with the API server over an undici `Pool`: keep-alive connections to a single
 * origin, a bound on concurrent requests, a hard per-request deadline, TLS options. It knows
 * nothing of sessions or retries; it turns every failure into a typed error.
 */
import { Pool } from 'undici';
import type { Logger } from './logger';
import type { FormParams } from './form';
import { encodeForm } from './form';
import type { HttpMethod } from './http-types';
import type { RawResponse } from './envelope';
import type { CallSite } from './errors';
import { NetworkError, TimeoutError, UnexpectedResponseError } from './errors';
import { readBody } from './body';
import { Semaphore } from './semaphore';
import type { Redirect } from './redirect';
import { judgeRedirect } from './redirect';

export interface TlsOptions {
  /** Extra CA certificate(s), PEM: for servers with a private CA. */
  ca?: string | Buffer | readonly (string | Buffer)[];
  /** Skip certificate verification. Opt-in only, for testing; logs a warning once. */
  insecure?: boolean;
}

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  maxConcurrency: number;
  /** Largest body read; more fails the exchange. */
  maxResponseBytes: number;
  tls?: TlsOptions;
  log: Logger;
}

export interface TransportRequest {
  method: HttpMethod;
  /** API path such as `/api/login` (joined to the base URL's path). */
  path: string;
  /** Sent in the query string (GET, DELETE: web.py reads no body for those). */
  query?: FormParams;
  /** Sent form-encoded in the body (POST, PUT). */
  form?: FormParams;
  cookie?: string;
}

export interface TransportResponse extends RawResponse {
  setCookie: string[];
  /** For a 3xx answer: where it points, judged against the configured base URL (never followed). */
  redirect?: Redirect;
}

/** Errors that prove the request never left this machine: safe to repeat even when not idempotent. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** Connecting (TCP and TLS handshake) never waits longer than this, whatever `timeoutMs` is. */
const MAX_CONNECT_TIMEOUT_MS = 10_000;
/** Failures no retry can fix: the server's certificate refused… */
const CERTIFICATE_PREFIXES = ['CERT_', 'DEPTH_ZERO_', 'SELF_SIGNED_', 'UNABLE_TO_', 'ERR_TLS_CERT_'];
/** …another TLS failure (plain http on an https URL), or a bad URL. */
const PERMANENT_PREFIXES = [...CERTIFICATE_PREFIXES, 'ERR_TLS_', 'ERR_SSL_', 'ERR_INVALID_URL'];

/** Why a connection failed, with the fix where there is one. */
function failureReason(error: unknown, host: string): { reason: string; permanent: boolean } {
  const code = errorCode(error);
  if (error instanceof Error && error.name === 'HTTPParserError')
    return { reason: `the answer is not valid HTTP/1.1 (${error.message})`, permanent: false };
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return { reason: "the answer's headers are too large", permanent: false };
  const startsWith = (prefixes: readonly string[]) => code !== undefined && prefixes.some((p) => code.startsWith(p));
  if (startsWith(CERTIFICATE_PREFIXES))
    return {
      reason: `the certificate of ${host} is not trusted; trust its CA with tls.ca, or skip the check with tls.insecure (testing only)`,
      permanent: true,
    };
  if (code === 'ERR_INVALID_URL') return { reason: 'invalid URL', permanent: true };
  if (startsWith(PERMANENT_PREFIXES))
    return {
      reason: `TLS handshake failed with ${host}: does the server speak https on this port (not plain http)?`,
      permanent: true,
    };
  return { reason: 'connection failed', permanent: false };
}

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/**
 * A low-level error as a cause: its name, code and message only. undici's objects carry more — an
 * HTTP parser error the server's raw bytes at the fault, which can quote the request (the login
 * form, the Cookie header); a socket error the socket — and none of it belongs in an error a
 * caller may log.
 */
function detached(error: unknown): Error {
  const copy = new Error(error instanceof Error ? error.message : 'unknown failure');
  copy.name = error instanceof Error ? error.name : 'Error';
  const code = errorCode(error);
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

export class Transport {
  readonly #pool: Pool;
  /** The configured base URL: the only origin this transport ever connects to. */
  readonly base: URL;
  readonly #basePath: string;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;
  readonly #semaphore: Semaphore;
  readonly #log: Logger;

  constructor(options: TransportOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError('baseUrl must be an http(s) URL');
    this.base = url;
    this.#basePath = url.pathname.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs;
    this.#maxResponseBytes = options.maxResponseBytes;
    this.#semaphore = new Semaphore(options.maxConcurrency);
    this.#log = options.log;
    if (options.tls?.insecure) {
      this.#log({
        level: 'warn',
        message: 'TLS certificate verification is disabled (tls.insecure): use only for testing',
      });
    }
    this.#pool = new Pool(url.origin, {
      connections: options.maxConcurrency,
      keepAliveTimeout: 10_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: {
        // Shorter than the deadline when that is long, so a connect that never completes is told
        // apart (never sent: safe to retry even for a create) instead of being a TimeoutError.
        timeout: Math.min(options.timeoutMs, MAX_CONNECT_TIMEOUT_MS),
        rejectUnauthorized: !options.tls?.insecure,
        ...(options.tls?.ca !== undefined ? { ca: options.tls.ca as string | Buffer | (string | Buffer)[] } : {}),
      },
    });
  }

  send(request: TransportRequest): Promise<TransportResponse> {
    return this.#semaphore.run(() => this.#exchange(request));
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }

  async #exchange(request: TransportRequest): Promise<TransportResponse> {
    const site = { method: request.method, path: request.path };
    const query = request.query ? encodeForm(request.query) : '';
    const body = request.form ? encodeForm(request.form) : undefined;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (request.cookie) headers.cookie = request.cookie;

    // undici's headers/body timeouts are per phase; this deadline bounds the whole exchange so a
    // server that trickles bytes cannot hold a call forever. The race is needed because undici
    // notices an abort during a pending connect (a TLS handshake that never ends) only when its own
    // connect timeout fires, up to a second late.
    const deadline = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        deadline.abort();
        reject(new Error('deadline passed'));
      }, this.#timeoutMs);
    });
    const started = Date.now();
    const path = `${this.#basePath}${request.path}${query ? `?${query}` : ''}`;
    try {
      const exchange = this.#fetch({ method: request.method, path, headers, body, signal: deadline.signal }, site);
      // Lost races settle later; their outcome is already decided.
      exchange.catch(() => undefined);
      const response = await Promise.race([exchange, expired]);
      this.#log({
        level: 'debug',
        message: 'http exchange',
        fields: { method: request.method, path: request.path, status: response.status, ms: Date.now() - started },
      });
      return response;
    } catch (error) {
      if (error instanceof UnexpectedResponseError) throw error;
      const code = errorCode(error);
      if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        throw new TimeoutError(site, this.#timeoutMs, detached(error));
      }
      if (code === 'UND_ERR_CONNECT_TIMEOUT') {
        throw new NetworkError(
          site,
          { code, requestMayHaveBeenSent: false, retryable: true, reason: 'connect timed out' },
          detached(error),
        );
      }
      const { reason, permanent } = failureReason(error, this.base.hostname);
      throw new NetworkError(
        site,
        {
          code,
          requestMayHaveBeenSent: code === undefined || !NOT_SENT_CODES.has(code),
          retryable: !permanent,
          certificateRejected: code !== undefined && CERTIFICATE_PREFIXES.some((p) => code.startsWith(p)),
          reason,
        },
        detached(error),
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async #fetch(
    options: { method: HttpMethod; path: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
    site: CallSite,
  ): Promise<TransportResponse> {
    const response = await this.#pool.request(options);
    const contentType = response.headers['content-type'];
    const text = await readBody(response, {
      site,
      url: `${this.base.origin}${options.path.split('?')[0]}`,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      limit: this.#maxResponseBytes,
    });
    const setCookie = response.headers['set-cookie'];
    const location = response.headers.location;
    return {
      status: response.statusCode,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      body: text,
      setCookie: setCookie === undefined ? [] : typeof setCookie === 'string' ? [setCookie] : setCookie,
      ...(response.statusCode >= 300 && response.statusCode < 400
        ? {
            redirect: judgeRedirect(
              typeof location === 'string' ? location : undefined,
              new URL(options.path, this.base.origin),
              this.base,
            ),
          }
        : {}),
    };
  }
}
