/**
 * Typed decoding of Terraform's JSON value form (DynamicValue.json and the
 * stored state handed to UpgradeResourceState). JSON cannot carry unknowns.
 */
import { AttributeError, AttributePath } from '../diagnostics';
import { JsonNumber, parseJson, type JsonNode } from './json-parse';
import type { DecodeOptions } from './msgpack';
import { numberFromText } from './numbers';
import { typeFromJson, type CtyType } from './types';
import { Dynamic, newRecord, type CtyValue } from './values';

export function decodeJson(json: Uint8Array | string, type: CtyType, options: DecodeOptions = {}): CtyValue {
  const text = typeof json === 'string' ? json : Buffer.from(json).toString('utf8');
  return fromNode(parseJson(text), type, AttributePath.empty, options);
}

const fail = (path: AttributePath, message: string): never => {
  throw new AttributeError(message, path);
};

const isObjectNode = (node: JsonNode): node is { [key: string]: JsonNode } =>
  typeof node === 'object' && node !== null && !Array.isArray(node) && !(node instanceof JsonNumber);

/** Turns a parsed node back into plain JSON (for a dynamic value's type). */
function plain(node: JsonNode): unknown {
  if (node instanceof JsonNumber) return Number(node.text);
  if (Array.isArray(node)) return node.map(plain);
  if (isObjectNode(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, plain(v)]));
  return node;
}

function fromNode(node: JsonNode, type: CtyType, path: AttributePath, o: DecodeOptions): CtyValue {
  if (node === null) return null;
  if (type === 'dynamic') {
    if (!isObjectNode(node) || !('type' in node) || !('value' in node))
      return fail(path, 'a dynamic value must be {"type", "value"}');
    const concrete = typeFromJson(plain(node.type));
    return new Dynamic(concrete, fromNode(node.value, concrete, path, o));
  }
  switch (type) {
    case 'string':
      return typeof node === 'string' ? node : fail(path, 'a string is required');
    case 'bool':
      return typeof node === 'boolean' ? node : fail(path, 'a bool is required');
    case 'number':
      if (node instanceof JsonNumber) return numberFromText(node.text);
      // Terraform's state may hold numbers as strings (e.g. after a type change).
      if (typeof node === 'string') {
        try {
          return numberFromText(node);
        } catch {
          return fail(path, 'a number is required');
        }
      }
      return fail(path, 'a number is required');
    default:
      break;
  }
  switch (type.kind) {
    case 'list':
    case 'set':
      if (!Array.isArray(node)) return fail(path, `a ${type.kind} is required`);
      return node.map((item, i) => fromNode(item, type.element, path.index(i), o));
    case 'tuple':
      if (!Array.isArray(node) || node.length !== type.elements.length) {
        return fail(path, `a tuple of ${type.elements.length} elements is required`);
      }
      return node.map((item, i) => fromNode(item, type.elements[i], path.index(i), o));
    case 'map': {
      if (!isObjectNode(node)) return fail(path, 'a map is required');
      const out = newRecord();
      for (const [key, item] of Object.entries(node)) out[key] = fromNode(item, type.element, path.key(key), o);
      return out;
    }
    case 'object': {
      if (!isObjectNode(node)) return fail(path, 'an object is required');
      const out = newRecord();
      for (const [key, item] of Object.entries(node)) {
        if (!Object.hasOwn(type.attributes, key)) {
          if (o.ignoreUndeclaredAttributes) continue;
          return fail(path.attribute(key), 'unsupported attribute');
        }
        out[key] = fromNode(item, type.attributes[key], path.attribute(key), o);
      }
      for (const name of Object.keys(type.attributes)) if (!(name in out)) out[name] = null;
      return out;
    }
  }
}

/**
 * True when JSON text already has exactly the shape of `type`: every object with all its declared
 * attributes and no others, every value of its primitive type, nothing dynamic. Terraform can then
 * take the bytes as they are (a DynamicValue may be JSON), with no decode and re-encode; numbers
 * only need to be numbers here, so JSON.parse's rounding does not matter.
 */
export function jsonHasShape(json: Uint8Array | string, type: CtyType): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8'),
    );
  } catch {
    return false;
  }
  return hasShape(parsed, type);
}

function hasShape(value: unknown, type: CtyType): boolean {
  if (value === null) return true;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'bool':
      return typeof value === 'boolean';
    case 'dynamic':
      return false;
    default:
      break;
  }
  switch (type.kind) {
    case 'list':
    case 'set':
      return Array.isArray(value) && value.every((item) => hasShape(item, type.element));
    case 'tuple':
      return (
        Array.isArray(value) &&
        value.length === type.elements.length &&
        value.every((item, i) => hasShape(item, type.elements[i]))
      );
    case 'map':
      return isPlainObject(value) && Object.values(value).every((item) => hasShape(item, type.element));
    case 'object': {
      if (!isPlainObject(value)) return false;
      const names = Object.keys(type.attributes);
      if (Object.keys(value).length !== names.length) return false;
      return names.every((name) => Object.hasOwn(value, name) && hasShape(value[name], type.attributes[name]));
    }
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
