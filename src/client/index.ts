/** Public surface of the typed iRedAdmin-Pro client. */
export { IRedAdminClient } from './client';
export type { IRedAdminClientOptions } from './options';
export { DEFAULT_MAX_CONCURRENCY, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from './options';
export type { RetryOptions } from './api-caller';
export type { TlsOptions } from './transport';
export type { Logger, LogEntry, LogLevel } from './logger';
export {
  ApiError,
  AuthError,
  IRedAdminError,
  NetworkError,
  RedirectError,
  TimeoutError,
  UnexpectedResponseError,
  UnsupportedError,
  ValidationError,
  nullIfGone,
} from './errors';
export type { HttpMethod } from './http-types';
export { encodeForm, encodeFormValue, pathSegment } from './form';
export type { FormParams, FormValue } from './form';
export { parseEnvelope } from './envelope';
export type { Envelope } from './envelope';
export { parseSettingsString, toBoolean, toList, toNumber } from './normalize';
export type { Settings } from './normalize';
export type { PolicyTarget } from './api/policy-target';
export * from './api/domains';
export * from './api/admins';
export * from './api/users';
export * from './api/aliases';
export * from './api/mailing-lists';
export * from './api/spam-policies';
export * from './api/throttles';
export * from './api/ldif';
export * from './api/wblist';
export * from './api/greylisting';
