/**
 * The Terraform plugin protocol (v6) layer: generic, knows nothing of any
 * particular provider. A provider implements (part of) `ProviderHandlers`
 * and calls `serve()`; values travel through the cty helpers.
 */
export * from './cty/types';
export * from './cty/values';
export { inferType } from './cty/infer';
export { numbersEqual } from './cty/numbers';
export { decodeMsgpack, encodeMsgpack, type DecodeOptions } from './cty/msgpack';
export { decodeJson } from './cty/json';
export * from './cty/dynamic-value';
export * from './diagnostics';
export * from './schema';
export * from './handlers';
export { handlers, withDefaults, unimplemented } from './default-handlers';
export {
  createLogger,
  levelFromEnv,
  parseLogLevel,
  type Logger,
  type LogLevel,
  type LogFields,
  type LoggerOptions,
} from './logging';
export { redact, isSecretKey, REDACTED } from './redact';
export { serve, type ServeOptions, type RunningProvider } from './serve';
export { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, type Endpoint } from './handshake';
export { createSelfSignedCertificate, type SelfSignedCertificate } from './certificate/self-signed';
