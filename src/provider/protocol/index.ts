/**
 * The Terraform plugin protocol (v6) layer: generic, knows nothing of any
 * particular provider. See README.md beside this file.
 */
export * from './cty/types';
export * from './cty/values';
export { inferType } from './cty/infer';
export { numbersEqual } from './cty/numbers';
export { decodeMsgpack, encodeMsgpack, type DecodeOptions } from './cty/msgpack';
export { decodeJson } from './cty/json';
export * from './cty/dynamic-value';
export * from './diagnostics';
