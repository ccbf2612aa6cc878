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
import { NetworkError, TimeoutError } from './errors';
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
/** Failures no retry can fix. */
const PERMANENT_PREFIXES = [
  'CERT_',
  'ERR_TLS_',
  'ERR_SSL_',
  'DEPTH_ZERO_',
  'SELF_SIGNED_',
  'UNABLE_TO_',
  'ERR_INVALID_URL',
];

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

export class Transport {
  readonly #pool: Pool;
  readonly #base: URL;
  readonly #basePath: string;
  readonly #timeoutMs: number;
  readonly #semaphore: Semaphore;
  readonly #log: Logger;

  constructor(options: TransportOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError('baseUrl must be an http(s) URL');
    this.#base = url;
    this.#basePath = url.pathname.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs;
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
        timeout: options.timeoutMs,
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
    // server that trickles bytes cannot hold a call forever.
    const deadline = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.abort();
    }, this.#timeoutMs);
    const started = Date.now();
    const path = `${this.#basePath}${request.path}${query ? `?${query}` : ''}`;
    try {
      const response = await this.#pool.request({
        method: request.method,
        path,
        headers,
        body,
        signal: deadline.signal,
      });
      const text = await response.body.text();
      const setCookie = response.headers['set-cookie'];
      const contentType = response.headers['content-type'];
      const location = response.headers.location;
      this.#log({
        level: 'debug',
        message: 'http exchange',
        fields: { method: request.method, path: request.path, status: response.statusCode, ms: Date.now() - started },
      });
      return {
        status: response.statusCode,
        contentType: typeof contentType === 'string' ? contentType : undefined,
        body: text,
        setCookie: setCookie === undefined ? [] : typeof setCookie === 'string' ? [setCookie] : setCookie,
        ...(response.statusCode >= 300 && response.statusCode < 400
          ? {
              redirect: judgeRedirect(
                typeof location === 'string' ? location : undefined,
                new URL(path, this.#base.origin),
                this.#base,
              ),
            }
          : {}),
      };
    } catch (error) {
      const code = errorCode(error);
      if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        throw new TimeoutError(site, this.#timeoutMs, error);
      }
      if (code === 'UND_ERR_CONNECT_TIMEOUT') {
        throw new NetworkError(
          site,
          { code, requestMayHaveBeenSent: false, retryable: true, reason: 'connect timed out' },
          error,
        );
      }
      const permanent = code !== undefined && PERMANENT_PREFIXES.some((prefix) => code.startsWith(prefix));
      throw new NetworkError(
        site,
        {
          code,
          requestMayHaveBeenSent: code === undefined || !NOT_SENT_CODES.has(code),
          retryable: !permanent,
          reason: permanent ? 'TLS or URL problem' : 'connection failed',
        },
        error,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
