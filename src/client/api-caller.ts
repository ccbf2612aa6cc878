/**
 * Runs one API call end to end: session (log in once, re-login once on `LOGIN_REQUIRED` or a 303
 * redirect to the login page), the HTTP
 * exchange, retries with backoff, and the envelope. API areas describe calls; this decides how
 * hard to try and which typed error to throw.
 *
 * Retry rules:
 * - idempotent calls (GET, PUT, DELETE, login, and POSTs that set a value such as throttles) are
 *   retried after network errors, timeouts, 429 and 5xx;
 * - any call is retried when the request provably never left (connection refused) or got 429
 *   (the server turned it away unprocessed);
 * - a non-idempotent POST whose outcome is unknown (connection reset or timeout after sending) is
 *   never repeated blindly: its `readBack` asks the server whether the effect is there — if so the
 *   call succeeded, if not it is sent again; without `readBack` the error is thrown;
 * - a non-idempotent POST that got a 5xx is not retried.
 */
import type { z } from 'zod';
import { backoffDelay, sleep } from './backoff';
import { CookieJar } from './cookies';
import type { Envelope } from './envelope';
import { parseEnvelope } from './envelope';
import type { CallSite } from './errors';
import {
  ApiError,
  AuthError,
  NetworkError,
  RedirectError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from './errors';
import type { FormParams } from './form';
import type { HttpMethod } from './http-types';
import type { Logger } from './logger';
import { describeIssues } from './normalize';
import { redact } from './redact';
import type { ReadSnapshots } from './read-snapshots';
import { Session } from './session';
import type { Transport, TransportResponse } from './transport';

export interface RetryOptions {
  /** How many times a failed call may be repeated (0 = never). */
  retries: number;
  /** Delay cap for the first retry, in ms; doubles with each retry (full jitter). */
  baseDelayMs: number;
  /** Upper bound of one delay, in ms. */
  maxDelayMs: number;
}

export interface CallSpec {
  method: HttpMethod;
  path: string;
  /** Form body for POST/PUT; query string for GET/DELETE (web.py reads no body for those). */
  params?: FormParams;
  /** Whether repeating the call is harmless. Defaults to true for every method but POST. */
  idempotent?: boolean;
  /** For non-idempotent calls: true when the call's effect is visible on the server. */
  readBack?: () => Promise<boolean>;
  /** Codes that mean "not found" in this call's context, besides the generic ones. */
  notFoundCodes?: readonly string[];
  /** Values (passwords in the form) to scrub from any error message. */
  secrets?: readonly string[];
  /**
   * Codes that, on this call, may also mean "no session": the real product's `/api/wblist` answers
   * `PERMISSION_DENIED` instead of `LOGIN_REQUIRED`. The call logs in again once; the same code
   * from a fresh session is a real refusal and is thrown as it came.
   */
  sessionRefusedCodes?: readonly string[];
}

export interface Credentials {
  username: string;
  password: string;
}

type Verdict = 'retry' | 'throw' | 'effect-visible';

const RATE_LIMITED = 429;
/**
 * The real product answers some calls on an expired session (spam policies, the global throttle)
 * with `303 See Other` to its login page instead of JSON `LOGIN_REQUIRED`; undici does not follow
 * redirects, so the 303 arrives here and is read as "log in again" — only when it points at the
 * login page on the configured host.
 */
const SEE_OTHER = 303;

/**
 * The server says the session is gone: `LOGIN_REQUIRED` (or the call's own such code), or a 303 to
 * the login page on the configured host.
 */
function isSessionRefused(error: unknown, spec: CallSpec): error is ApiError | RedirectError {
  if (error instanceof ApiError)
    return error.isLoginRequired() || (spec.sessionRefusedCodes ?? []).some((code) => error.hasCode(code));
  return error instanceof RedirectError && error.status === SEE_OTHER && error.toLoginPage;
}

function isServerTrouble(status: number): boolean {
  return status >= 500 && status <= 599;
}

export class ApiCaller {
  readonly #transport: Transport;
  readonly #credentials: Credentials;
  readonly #retry: RetryOptions;
  readonly #log: Logger;
  readonly #jar: CookieJar;
  readonly #session: Session;
  /** List answers standing in for single reads until the first write (read-snapshots.ts). */
  readonly snapshots: ReadSnapshots;

  constructor(
    transport: Transport,
    credentials: Credentials,
    retry: RetryOptions,
    log: Logger,
    snapshots: ReadSnapshots,
  ) {
    this.#transport = transport;
    this.#jar = new CookieJar(transport.base);
    this.snapshots = snapshots;
    this.#credentials = credentials;
    this.#retry = retry;
    this.#log = log;
    this.#session = new Session(() => this.#login());
  }

  /** Logs in now (otherwise the first call does). */
  async login(): Promise<void> {
    await this.#session.ensure();
  }

  /** Runs a call; resolves with the success envelope or throws a typed error. */
  async call(spec: CallSpec): Promise<Envelope> {
    const site: CallSite = { method: spec.method, path: spec.path };
    if (spec.method !== 'GET') this.snapshots.written();
    let renewed = false;
    for (;;) {
      await this.#session.ensure();
      let generationUsed = this.#session.generation;
      try {
        return await this.#retrying(spec, () => {
          generationUsed = this.#session.generation;
          return this.#exchange(spec, this.#jar.header());
        });
      } catch (error) {
        if (!isSessionRefused(error, spec)) throw error;
        if (renewed) {
          // A session fresh from a successful login was refused: retrying would loop. A redirect
          // then is the product's way of saying "permission denied", which the error names; so is
          // a code that only may mean "no session" (sessionRefusedCodes).
          if (error instanceof RedirectError || !error.isLoginRequired()) throw error;
          throw new AuthError({ ...site, msg: error.code, status: error.status, secrets: this.#secrets(spec) });
        }
        renewed = true;
        this.#log({
          level: 'info',
          message: 'session expired; logging in again',
          fields: {
            method: site.method,
            path: site.path,
            answer: error instanceof ApiError ? (error.normalizedCode ?? 'LOGIN_REQUIRED') : `HTTP ${error.status}`,
          },
        });
        await this.#session.renew(generationUsed);
      }
    }
  }

  /** Checks a value against a zod schema; a mismatch in `_data` is the server's fault, not the caller's. */
  parseData<T extends z.ZodType>(site: CallSite, schema: T, value: unknown): z.infer<T> {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const fields = describeIssues(parsed.error)
      .slice(0, 5)
      .map((issue) => `${issue.path || '_data'}: ${issue.message}`)
      .join('; ');
    throw new UnexpectedResponseError(
      site,
      200,
      'application/json',
      `_data does not have the expected shape (${fields})`,
    );
  }

  /** Validates caller input before anything is sent. Issue messages never quote the input's values. */
  parseInput<T extends z.ZodType>(site: CallSite, schema: T, value: unknown): z.infer<T> {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new ValidationError(site, describeIssues(parsed.error));
  }

  async close(): Promise<void> {
    await this.#transport.close();
  }

  async #login(): Promise<void> {
    const spec: CallSpec = {
      method: 'POST',
      path: '/api/login',
      params: { username: this.#credentials.username, password: this.#credentials.password },
      idempotent: true,
    };
    try {
      await this.#retrying(spec, async () => {
        // A fresh login must not present the dead session's cookie.
        this.#jar.clear();
        return this.#exchange(spec, undefined);
      });
    } catch (error) {
      if (error instanceof ApiError && !(error instanceof AuthError)) {
        throw new AuthError({ ...spec, msg: error.code, status: error.status, secrets: this.#secrets(spec) });
      }
      throw error;
    }
    if (this.#jar.size === 0) {
      this.#log({
        level: 'warn',
        message: 'login succeeded but the server set no cookie; later calls may answer LOGIN_REQUIRED',
      });
    }
    this.#log({ level: 'debug', message: 'logged in', fields: { username: this.#credentials.username } });
  }

  async #retrying(spec: CallSpec, attempt: () => Promise<Envelope>): Promise<Envelope> {
    for (let retry = 1; ; retry += 1) {
      try {
        return await attempt();
      } catch (error) {
        const verdict = await this.#judge(spec, error);
        if (verdict === 'effect-visible') return { _success: true };
        if (verdict === 'throw' || retry > this.#retry.retries) throw error;
        const delay = backoffDelay(retry, this.#retry);
        this.#log({
          level: 'warn',
          message: 'retrying API call',
          fields: { method: spec.method, path: spec.path, retry, delayMs: delay, error: (error as Error).name },
        });
        await sleep(delay);
      }
    }
  }

  async #judge(spec: CallSpec, error: unknown): Promise<Verdict> {
    const idempotent = spec.idempotent ?? spec.method !== 'POST';
    if (error instanceof NetworkError || error instanceof TimeoutError) {
      if (error instanceof NetworkError && !error.retryable) return 'throw';
      if (!error.requestMayHaveBeenSent || idempotent) return 'retry';
      if (!spec.readBack) return 'throw';
      return this.#readBack(spec);
    }
    const status = error instanceof ApiError || error instanceof UnexpectedResponseError ? error.status : undefined;
    if (status === RATE_LIMITED) return 'retry';
    if (status !== undefined && isServerTrouble(status) && idempotent) return 'retry';
    return 'throw';
  }

  async #readBack(spec: CallSpec): Promise<Verdict> {
    const site = { method: spec.method, path: spec.path };
    try {
      const visible = await spec.readBack!();
      this.#log({
        level: 'warn',
        message: visible
          ? 'outcome of a non-idempotent call was unknown; reading back shows it took effect'
          : 'outcome of a non-idempotent call was unknown; reading back shows it did not take effect, sending again',
        fields: site,
      });
      return visible ? 'effect-visible' : 'retry';
    } catch (readError) {
      // Unable to tell: surface the original failure rather than guess.
      this.#log({
        level: 'warn',
        message: 'read-back after an unknown outcome failed',
        fields: { ...site, error: (readError as Error).name },
      });
      return 'throw';
    }
  }

  /** One HTTP exchange, turned into a success envelope or a typed error. */
  async #exchange(spec: CallSpec, cookie: string | undefined): Promise<Envelope> {
    const site: CallSite = { method: spec.method, path: spec.path };
    const inBody = spec.method === 'POST' || spec.method === 'PUT';
    const response: TransportResponse = await this.#transport.send({
      ...site,
      ...(inBody ? { form: spec.params ?? {} } : { query: spec.params }),
      cookie,
    });
    const ignored = this.#jar.update(response.setCookie);
    if (ignored.length > 0) {
      this.#log({
        level: 'warn',
        message: 'ignored cookies the jar refuses (another domain or path, malformed, or over its limits)',
        fields: {
          ...site,
          count: ignored.length,
          cookies: ignored
            .slice(0, 5)
            .map(({ name, reason }) => `${name}: ${reason}`)
            .join('; '),
        },
      });
    }
    const secrets = this.#secrets(spec, cookie);
    if (response.redirect) {
      // Whatever the body says, a redirect is not the API's answer; its target may echo anything.
      const { shown } = response.redirect;
      throw new RedirectError(site, response.status, response.contentType, {
        ...response.redirect,
        shown: redact(shown, secrets),
      });
    }
    const envelope = parseEnvelope(site, response, secrets);
    if (envelope._success && response.status >= 200 && response.status < 300) return envelope;
    if (envelope._success) {
      throw new UnexpectedResponseError(
        site,
        response.status,
        response.contentType,
        'a success envelope with an error status',
      );
    }
    throw new ApiError({
      ...site,
      msg: envelope._msg ?? undefined,
      status: response.status,
      notFoundCodes: spec.notFoundCodes,
      secrets,
    });
  }

  #secrets(spec: CallSpec, cookie?: string): string[] {
    const cookieValues = cookie ? cookie.split(';').map((pair) => pair.slice(pair.indexOf('=') + 1).trim()) : [];
    return [this.#credentials.password, ...(spec.secrets ?? []), ...this.#jar.values(), ...cookieValues];
  }
}
