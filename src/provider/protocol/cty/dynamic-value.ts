/**
 * The protocol's DynamicValue message as upper layers see it, and the two
 * helpers that turn it into plain values and back, so nothing above this
 * layer touches msgpack or JSON.
 */
import { decodeJson, jsonHasShape } from './json';
import { decodeMsgpack, encodeMsgpack, type DecodeOptions } from './msgpack';
import type { CtyType } from './types';
import type { CtyValue } from './values';

/** A DynamicValue as it travels: msgpack (Terraform's usual choice) or JSON. */
export interface RawDynamicValue {
  readonly msgpack?: Uint8Array;
  readonly json?: Uint8Array;
}

/**
 * Decodes a DynamicValue against the schema's type. An absent value (field
 * not sent, or empty) decodes to null.
 */
export function decodeDynamicValue(raw: RawDynamicValue | undefined, type: CtyType, options?: DecodeOptions): CtyValue {
  if (raw?.msgpack && raw.msgpack.length > 0) return decodeMsgpack(raw.msgpack, type, options);
  if (raw?.json && raw.json.length > 0) return decodeJson(raw.json, type, options);
  return null;
}

/** Encodes a value for a response; always msgpack, as the protocol recommends. */
export function encodeDynamicValue(value: CtyValue, type: CtyType): RawDynamicValue {
  return { msgpack: encodeMsgpack(value, type) };
}

/**
 * Stored JSON state brought to the current type: as it is when it already has the type's shape
 * (the usual case: state written by the same schema), else decoded leniently (attributes the
 * type dropped are discarded, new ones become null) and re-encoded.
 */
export function upgradeJsonValue(json: Uint8Array, type: CtyType): RawDynamicValue {
  if (jsonHasShape(json, type)) return { json };
  return encodeDynamicValue(decodeJson(json, type, { ignoreUndeclaredAttributes: true }), type);
}
