/**
 * Typed errors of the client. Every error names the API call (method + path) it came from and
 * never carries a password or a cookie: messages are built from codes and paths only, and free
 * text the server sends back (exception reprs) is scrubbed of the secrets the call knew about.
 */
import type { HttpMethod } from './http-types';
import type { Redirect } from './redirect';
import { printable } from './printable';
import { redact } from './redact';

export interface CallSite {
  method: HttpMethod;
  /** API path (e.g. `/api/user/a@b.io`), without the base URL and without a query string. */
  path: string;
}

/** Base class: `instanceof IRedAdminError` catches everything this client throws on purpose. */
export class IRedAdminError extends Error {
  readonly method: HttpMethod;
  readonly path: string;

  constructor(message: string, site: CallSite, options?: { cause?: unknown }) {
    // Messages quote what the server sent (free text, page previews, keys): printable, bounded.
    super(printable(message, MAX_MESSAGE_LENGTH), options);
    this.name = new.target.name;
    this.method = site.method;
    this.path = site.path;
  }
}

/** `_msg` codes that mean "the account you named does not exist". */
const NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'NO_SUCH_ACCOUNT',
  'ACCOUNT_NOT_EXIST',
  'OLD_EMAIL_NOT_EXIST',
  // Unambiguous, though not among the codes seen from the real product; our server answers it.
  'NO_SUCH_DOMAIN',
]);
const ALREADY_EXISTS_CODES: ReadonlySet<string> = new Set(['ALREADY_EXISTS', 'NEW_EMAIL_ALREADY_EXISTS']);
const PERMISSION_CODES: ReadonlySet<string> = new Set([
  'PERMISSION_DENIED',
  'PERMISSION_DENIED_UPDATE_GLOBAL_ADMIN_PROFILE',
  'NOT_AUTHORIZED',
  'NOT_ALLOWED',
]);
/** Misspellings the real product is known to send, mapped to the code they mean. */
const MISSPELT_CODES: Readonly<Record<string, string>> = { EMPTY_PASSSWORD: 'EMPTY_PASSWORD' };

/** A code is an upper-case identifier; anything else in `_msg` is free text (an exception repr). */
const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;
const MAX_TEXT_IN_MESSAGE = 300;
/** Any message, whatever it quotes; ours are far shorter. */
const MAX_MESSAGE_LENGTH = 1_000;
/** `ApiError.code`: room for every password rule the server can name, comma-joined. */
const MAX_CODE_LENGTH = 1_000;

function describeMsg(msg: string | undefined, secrets: readonly string[]): string {
  if (msg === undefined || msg === '') return 'failed without a reason (no _msg)';
  const clean = redact(msg, secrets);
  return clean.length > MAX_TEXT_IN_MESSAGE ? `${clean.slice(0, MAX_TEXT_IN_MESSAGE)}…` : clean;
}

export interface ApiErrorInit extends CallSite {
  /** The body's `_msg`, redacted; `undefined` when the failure came without one. */
  msg: string | undefined;
  status: number;
  /** Extra codes that mean "not found" for this particular call (see `ApiError.isNotFound`). */
  notFoundCodes?: readonly string[];
  secrets?: readonly string[];
}

/**
 * The codes in a `_msg`, misspellings fixed: one code, or several comma-joined (a password that
 * breaks several rules: `PW_NO_UPPERCASE,PW_NO_DIGIT_NUMBER`). `[]` for free text or no `_msg`.
 */
function codesOf(msg: string | undefined): string[] {
  if (msg === undefined) return [];
  const parts = msg.split(',').map((part) => part.trim());
  if (!parts.every((part) => CODE_PATTERN.test(part))) return [];
  return parts.map((part) => MISSPELT_CODES[part] ?? part);
}

/** The API answered `{"_success": false, …}` (or a JSON failure with a non-200 status). */
export class ApiError extends IRedAdminError {
  /**
   * `_msg` as sent (secrets scrubbed, unprintable characters escaped, at most 1,000 characters);
   * `undefined` when the server gave no reason.
   */
  readonly code: string | undefined;
  /**
   * Every code of `_msg`, misspellings fixed (several when the server comma-joins them);
   * `[]` when `_msg` is absent or free text.
   */
  readonly codes: readonly string[];
  /** `codes` joined again (a single code for most failures); `undefined` when there is none. */
  readonly normalizedCode: string | undefined;
  readonly status: number;
  readonly #notFoundCodes: readonly string[];

  constructor(init: ApiErrorInit, prefix = 'iRedAdmin API call failed') {
    super(
      `${prefix}: ${init.method} ${init.path} → ${describeMsg(init.msg, init.secrets ?? [])} (HTTP ${init.status})`,
      init,
    );
    this.code = init.msg === undefined ? undefined : printable(redact(init.msg, init.secrets ?? []), MAX_CODE_LENGTH);
    this.codes = codesOf(this.code);
    this.normalizedCode = this.codes.length ? this.codes.join(',') : undefined;
    this.status = init.status;
    this.#notFoundCodes = init.notFoundCodes ?? [];
  }

  /** True when the server named `code` among its reasons. */
  hasCode(code: string): boolean {
    return this.codes.includes(code);
  }

  /**
   * True when the server says the named account does not exist. Besides the generic codes, a call
   * may declare codes that mean "not found" only in its context: e.g. a domain read answers
   * `INVALID_DOMAIN_NAME` for an unknown domain, which the client can trust because it already
   * checked the name's syntax before sending it.
   */
  isNotFound(): boolean {
    return this.codes.some((code) => NOT_FOUND_CODES.has(code) || this.#notFoundCodes.includes(code));
  }

  isAlreadyExists(): boolean {
    return this.codes.some((code) => ALREADY_EXISTS_CODES.has(code));
  }

  isPermissionDenied(): boolean {
    return this.codes.some((code) => PERMISSION_CODES.has(code));
  }

  isLoginRequired(): boolean {
    return this.hasCode('LOGIN_REQUIRED');
  }
}

/** Login failed (bad credentials, client IP not allowed…) or the session was refused right after a fresh login. */
export class AuthError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'iRedAdmin login failed');
  }
}

/** The request could not be completed on the network (refused, reset, TLS failure…). */
export class NetworkError extends IRedAdminError {
  /** Low-level error code (`ECONNRESET`, `UND_ERR_SOCKET`, `DEPTH_ZERO_SELF_SIGNED_CERT`…), if any. */
  readonly code: string | undefined;
  /**
   * False when the request certainly never reached the server (connection refused, DNS failure):
   * then even a non-idempotent call can be repeated safely. True means the outcome is unknown.
   */
  readonly requestMayHaveBeenSent: boolean;
  /** False for failures a retry cannot fix (certificate problems). */
  readonly retryable: boolean;
  /** The server's TLS certificate was not trusted (unknown CA, self-signed, another name, expired). */
  readonly certificateRejected: boolean;

  constructor(
    site: CallSite,
    detail: {
      code: string | undefined;
      requestMayHaveBeenSent: boolean;
      retryable: boolean;
      certificateRejected?: boolean;
      reason: string;
    },
    cause?: unknown,
  ) {
    super(
      `Network error on ${site.method} ${site.path}: ${detail.reason}${detail.code ? ` (${detail.code})` : ''}`,
      site,
      {
        cause,
      },
    );
    this.code = detail.code;
    this.requestMayHaveBeenSent = detail.requestMayHaveBeenSent;
    this.retryable = detail.retryable;
    this.certificateRejected = detail.certificateRejected ?? false;
  }
}

/** No complete answer within `timeoutMs`. The request may have been processed. */
export class TimeoutError extends IRedAdminError {
  readonly timeoutMs: number;
  readonly requestMayHaveBeenSent = true;

  constructor(site: CallSite, timeoutMs: number, cause?: unknown) {
    super(`Timed out after ${timeoutMs} ms on ${site.method} ${site.path}`, site, { cause });
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The server answered, but not with the API's JSON envelope: an HTML 404 (API disabled or route
 * missing), a 303 redirect to a login page, a 405, a 5xx from the web server, malformed JSON, or
 * `_data` that does not fit the expected shape.
 */
export class UnexpectedResponseError extends IRedAdminError {
  readonly status: number;
  readonly contentType: string | undefined;

  constructor(site: CallSite, status: number, contentType: string | undefined, reason: string) {
    super(
      `Unexpected response to ${site.method} ${site.path}: HTTP ${status}${contentType ? ` (${contentType})` : ''} — ${reason}`,
      site,
    );
    this.status = status;
    this.contentType = contentType;
  }
}

/**
 * A 3xx answer, never followed. A 303 to the login page on the configured host is the real product's
 * "session expired" (the caller logs in again once); any other redirect — to another page, or off
 * the configured origin (another host, port or scheme) — is an answer the client cannot use.
 */
export class RedirectError extends UnexpectedResponseError {
  /** The target, without its query string: a path on the configured origin, else origin and path. */
  readonly location: string;
  readonly sameOrigin: boolean;
  readonly toLoginPage: boolean;

  constructor(site: CallSite, status: number, contentType: string | undefined, redirect: Redirect) {
    super(site, status, contentType, describeRedirect(redirect));
    this.location = redirect.shown;
    this.sameOrigin = redirect.sameOrigin;
    this.toLoginPage = redirect.toLoginPage;
  }
}

function describeRedirect(redirect: Redirect): string {
  if (redirect.toLoginPage)
    return (
      `redirected to the login page ${redirect.shown} instead of answering JSON ` +
      '(the session expired, or a permission failure on the real product)'
    );
  if (!redirect.sameOrigin)
    return (
      `redirected to ${redirect.shown}, off the configured URL's origin; not followed, nothing was sent there ` +
      '(a proxy or captive portal in the way, or the wrong `url`?)'
    );
  return `redirected to ${redirect.shown} instead of answering JSON; not followed (often a permission failure on the real product)`;
}

/** The operation does not exist on the server's edition (LDIF export on the SQL edition…). */
export class UnsupportedError extends IRedAdminError {}

/** The caller's input failed validation before anything was sent. Messages name fields, never values. */
export class ValidationError extends IRedAdminError {
  readonly issues: readonly { path: string; message: string }[];

  constructor(site: CallSite, issues: readonly { path: string; message: string }[]) {
    super(
      `Invalid input for ${site.method} ${site.path}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      site,
    );
    this.issues = issues;
  }
}

/**
 * Runs `call`; null when the API answers that the object, or the domain or user it belongs to,
 * does not exist ("not found means gone": a read finds nothing, a delete finds it already gone).
 * Every other error is rethrown.
 */
export async function nullIfGone<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound()) return null;
    throw error;
  }
}
