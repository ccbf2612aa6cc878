/**
 * Typed msgpack codec for Terraform values: decoding follows the schema type
 * (as go-cty does), so the same bytes mean what Terraform meant.
 */
import { AttributeError, AttributePath } from '../diagnostics';
import { MsgpackReader, type MsgpackItem } from './msgpack-reader';
import { MsgpackWriter } from './msgpack-writer';
import { bigIntToCtyNumber, msgpackNumberForm, numberFromText } from './numbers';
import { inferType } from './infer';
import { typeFromJsonBytes, typeName, typeToJsonBytes, type CtyType } from './types';
import {
  Decimal, Dynamic, Unknown, isRecord, newRecord, type CtyRecord, type CtyValue,
} from './values';

export interface DecodeOptions {
  /** Drop object attributes the type does not declare instead of failing (e.g. state of an older schema). */
  readonly ignoreUndeclaredAttributes?: boolean;
}

export function decodeMsgpack(bytes: Uint8Array, type: CtyType, options: DecodeOptions = {}): CtyValue {
  const reader = new MsgpackReader(bytes);
  const value = decodeItem(reader, reader.next(), type, AttributePath.empty, options);
  if (!reader.done) throw new AttributeError('trailing bytes after msgpack value', AttributePath.empty);
  return value;
}

function fail(path: AttributePath, message: string): never {
  throw new AttributeError(message, path);
}

function decodeItem(r: MsgpackReader, item: MsgpackItem, type: CtyType, path: AttributePath, o: DecodeOptions): CtyValue {
  // Every extension is an unknown value (type 0 plain, 12 refined, others reserved).
  if (item.kind === 'ext') return Unknown;
  if (item.kind === 'nil') return null;
  if (type === 'dynamic') {
    if (item.kind !== 'array' || item.length !== 2) fail(path, 'a dynamic value must be a [type, value] pair');
    const typeItem = r.next();
    if (typeItem.kind !== 'bin' && typeItem.kind !== 'str') fail(path, 'a dynamic value must start with its type');
    const concrete = typeFromJsonBytes(typeItem.value);
    return new Dynamic(concrete, decodeItem(r, r.next(), concrete, path, o));
  }
  if (typeof type === 'string') return decodePrimitive(item, type, path);
  switch (type.kind) {
    case 'list': case 'set': {
      if (item.kind !== 'array') fail(path, `a ${type.kind} is required`);
      const out: CtyValue[] = [];
      for (let i = 0; i < item.length; i++) out.push(decodeItem(r, r.next(), type.element, path.index(i), o));
      return out;
    }
    case 'tuple': {
      if (item.kind !== 'array') fail(path, 'a tuple is required');
      if (item.length !== type.elements.length) fail(path, `a tuple of ${type.elements.length} elements is required`);
      return type.elements.map((element, i) => decodeItem(r, r.next(), element, path.index(i), o));
    }
    case 'map': {
      if (item.kind !== 'map') fail(path, 'a map is required');
      const out = newRecord();
      for (let i = 0; i < item.length; i++) {
        const key = mapKey(r.next(), path);
        out[key] = decodeItem(r, r.next(), type.element, path.key(key), o);
      }
      return out;
    }
    case 'object': {
      if (item.kind !== 'map') fail(path, 'an object is required');
      const out = newRecord();
      for (let i = 0; i < item.length; i++) {
        const key = mapKey(r.next(), path);
        const attributeType = Object.prototype.hasOwnProperty.call(type.attributes, key) ? type.attributes[key] : undefined;
        if (attributeType === undefined) {
          if (!o.ignoreUndeclaredAttributes) fail(path.attribute(key), 'unsupported attribute');
          r.skipItem();
          continue;
        }
        out[key] = decodeItem(r, r.next(), attributeType, path.attribute(key), o);
      }
      for (const name of Object.keys(type.attributes)) if (!(name in out)) out[name] = null;
      return out;
    }
  }
}

function mapKey(item: MsgpackItem, path: AttributePath): string {
  if (item.kind === 'str') return item.value;
  if (item.kind === 'bin') return item.value.toString('utf8');
  return fail(path, 'map keys must be strings');
}

function decodePrimitive(item: MsgpackItem, type: 'string' | 'number' | 'bool', path: AttributePath): CtyValue {
  switch (type) {
    case 'string':
      if (item.kind === 'str') return item.value;
      if (item.kind === 'bin') return item.value.toString('utf8');
      return fail(path, 'a string is required');
    case 'bool':
      if (item.kind === 'bool') return item.value;
      return fail(path, 'a bool is required');
    case 'number':
      if (item.kind === 'int') return bigIntToCtyNumber(item.value);
      // A whole float beyond 2^53 is an integer of our model: a bigint, as if sent as int or text.
      if (item.kind === 'float') return Number.isInteger(item.value) && !Number.isSafeInteger(item.value) ? BigInt(item.value) : item.value;
      if (item.kind === 'str') {
        try { return numberFromText(item.value); } catch { return fail(path, 'a number is required'); }
      }
      return fail(path, 'a number is required');
  }
}

export function encodeMsgpack(value: CtyValue, type: CtyType): Buffer {
  const w = new MsgpackWriter();
  encodeValue(w, value, type, AttributePath.empty);
  return w.finish();
}

function encodeValue(w: MsgpackWriter, value: CtyValue | undefined, type: CtyType, path: AttributePath): void {
  if (value === Unknown) { w.unknown(); return; }
  if (value === null || value === undefined) { w.nil(); return; }
  if (type === 'dynamic') {
    const dynamic = value instanceof Dynamic ? value : new Dynamic(inferType(value), value);
    w.arrayHeader(2);
    w.bin(typeToJsonBytes(dynamic.type));
    encodeValue(w, dynamic.value, dynamic.type, path);
    return;
  }
  if (value instanceof Dynamic) { encodeValue(w, value.value, type, path); return; }
  if (typeof type === 'string') { encodePrimitive(w, value, type, path); return; }
  switch (type.kind) {
    case 'list': case 'set': case 'tuple': {
      if (!Array.isArray(value)) fail(path, `a ${typeName(type)} needs an array, got ${describe(value)}`);
      const items = value as readonly CtyValue[];
      if (type.kind === 'tuple' && items.length !== type.elements.length) {
        fail(path, `a tuple of ${type.elements.length} elements needs as many values, got ${items.length}`);
      }
      w.arrayHeader(items.length);
      items.forEach((item, i) => encodeValue(w, item, type.kind === 'tuple' ? type.elements[i] : type.element, path.index(i)));
      return;
    }
    case 'map': {
      if (!isRecord(value)) fail(path, `a map needs a record, got ${describe(value)}`);
      const keys = Object.keys(value).sort();
      w.mapHeader(keys.length);
      for (const key of keys) { w.str(key); encodeValue(w, (value as CtyRecord)[key], type.element, path.key(key)); }
      return;
    }
    case 'object': {
      if (!isRecord(value)) fail(path, `an object needs a record, got ${describe(value)}`);
      const record = value as CtyRecord;
      for (const key of Object.keys(record)) {
        if (!Object.prototype.hasOwnProperty.call(type.attributes, key)) fail(path.attribute(key), 'attribute is not in the type');
      }
      const names = Object.keys(type.attributes).sort();
      w.mapHeader(names.length);
      for (const name of names) {
        w.str(name);
        encodeValue(w, Object.prototype.hasOwnProperty.call(record, name) ? record[name] : null, type.attributes[name], path.attribute(name));
      }
    }
  }
}

function encodePrimitive(w: MsgpackWriter, value: CtyValue, type: 'string' | 'number' | 'bool', path: AttributePath): void {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') fail(path, `a string is required, got ${describe(value)}`);
      w.str(value as string);
      return;
    case 'bool':
      if (typeof value !== 'boolean') fail(path, `a bool is required, got ${describe(value)}`);
      w.bool(value as boolean);
      return;
    case 'number': {
      if (typeof value !== 'number' && typeof value !== 'bigint' && !(value instanceof Decimal)) {
        fail(path, `a number is required, got ${describe(value)}`);
      }
      const form = msgpackNumberForm(value as number | bigint | Decimal);
      if (form.kind === 'int') w.int(form.value);
      else if (form.kind === 'float') w.float64(form.value);
      else w.str(form.value);
    }
  }
}

function describe(value: CtyValue): string {
  if (Array.isArray(value)) return 'an array';
  if (isRecord(value)) return 'a record';
  return typeof value === 'object' ? String(value) : `${typeof value} ${String(value)}`;
}
