/**
 * The Terraform plugin protocol (v6) layer: generic, knows nothing of any
 * particular provider. A provider implements (part of) `ProviderHandlers`
 * and calls `serve()`; values travel through the cty helpers.
 */
export * from './cty/types';
export * from './cty/values';
export { decodeMsgpack, encodeMsgpack } from './cty/msgpack';
export { decodeJson } from './cty/json';
export * from './cty/dynamic-value';
export * from './diagnostics';
export * from './schema';
export * from './handlers';
export { handlers, withDefaults } from './default-handlers';
export { createLogger, levelFromEnv, parseLogLevel } from './logging';
export { redact, REDACTED } from './redact';
export { serve, type RunningProvider } from './serve';
export { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from './handshake';
export { createSelfSignedCertificate, type SelfSignedCertificate } from './certificate/self-signed';
