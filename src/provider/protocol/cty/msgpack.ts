/**
 * Typed msgpack codec for Terraform values: decoding follows the schema type
 * (as go-cty does), so the same bytes mean what Terraform meant.
 */
import { AttributeError, AttributePath, type PathStep } from '../diagnostics';
import { ItemKind, MsgpackReader } from './msgpack-reader';
import { MsgpackWriter } from './msgpack-writer';
import { bigIntToCtyNumber, msgpackNumberForm, numberFromText } from './numbers';
import { inferType } from './infer';
import { typeFromJsonBytes, typeName, typeToJsonBytes, type CtyType, type ObjectType } from './types';
import { Decimal, Dynamic, Unknown, isRecord, newRecord, type CtyRecord, type CtyValue } from './values';

/** List, set and map types: the ones with one element type. */
type CollectionType = Extract<CtyType, { element: CtyType }>;
type TupleType = Extract<CtyType, { kind: 'tuple' }>;

export interface DecodeOptions {
  /** Drop object attributes the type does not declare instead of failing (e.g. state of an older schema). */
  readonly ignoreUndeclaredAttributes?: boolean;
}

/**
 * Where the codec is inside a value, as a stack of steps: pushed and popped while walking, and
 * turned into an AttributePath only when something fails (a path per attribute would cost an
 * allocation per attribute of every value of every call).
 */
class Trail {
  private readonly steps: PathStep[] = [];

  attribute(attributeName: string): void {
    this.steps.push({ attributeName });
  }

  key(elementKeyString: string): void {
    this.steps.push({ elementKeyString });
  }

  index(elementKeyInt: number): void {
    this.steps.push({ elementKeyInt });
  }

  pop(): void {
    this.steps.pop();
  }

  fail(message: string): never {
    throw new AttributeError(message, this.steps.length === 0 ? AttributePath.empty : AttributePath.of(this.steps));
  }
}

const hasOwn = (record: object, key: string): boolean => Object.hasOwn(record, key);

export function decodeMsgpack(bytes: Uint8Array, type: CtyType, options: DecodeOptions = {}): CtyValue {
  const reader = new MsgpackReader(bytes);
  const trail = new Trail();
  const value = decodeItem(reader, reader.next(), type, trail, options.ignoreUndeclaredAttributes === true);
  if (!reader.done) trail.fail('trailing bytes after msgpack value');
  return value;
}

function decodeItem(
  r: MsgpackReader,
  kind: ItemKind,
  type: CtyType,
  trail: Trail,
  ignoreUndeclared: boolean,
): CtyValue {
  // Every extension is an unknown value (type 0 plain, 12 refined, others reserved).
  if (kind === ItemKind.Ext) return Unknown;
  if (kind === ItemKind.Nil) return null;
  if (typeof type === 'string') {
    if (type === 'dynamic') return decodeDynamic(r, kind, trail, ignoreUndeclared);
    return decodePrimitive(r, kind, type, trail);
  }
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'tuple':
      if (kind !== ItemKind.Array) trail.fail(`a ${type.kind} is required`);
      return decodeArray(r, type, trail, ignoreUndeclared);
    case 'map':
    case 'object':
      if (kind !== ItemKind.Map) trail.fail(type.kind === 'map' ? 'a map is required' : 'an object is required');
      return decodeRecord(r, type, trail, ignoreUndeclared);
  }
}

/** The elements of a list, set or tuple whose array header `r` just read. */
function decodeArray(
  r: MsgpackReader,
  type: CollectionType | TupleType,
  trail: Trail,
  ignoreUndeclared: boolean,
): CtyValue[] {
  const length = r.num;
  if (type.kind === 'tuple' && length !== type.elements.length)
    trail.fail(`a tuple of ${type.elements.length} elements is required`);
  const out: CtyValue[] = new Array<CtyValue>(length);
  for (let i = 0; i < length; i++) {
    trail.index(i);
    out[i] = decodeItem(r, r.next(), type.kind === 'tuple' ? type.elements[i] : type.element, trail, ignoreUndeclared);
    trail.pop();
  }
  return out;
}

/** The entries of a map or object whose map header `r` just read; an object's missing attributes are null. */
function decodeRecord(
  r: MsgpackReader,
  type: CollectionType | ObjectType,
  trail: Trail,
  ignoreUndeclared: boolean,
): CtyRecord {
  const out = newRecord();
  const length = r.num;
  const attributes = type.kind === 'object' ? type.attributes : undefined;
  let present = 0;
  for (let i = 0; i < length; i++) {
    const key = mapKey(r, trail);
    if (attributes) trail.attribute(key);
    else trail.key(key);
    if (attributes && !hasOwn(attributes, key)) {
      if (!ignoreUndeclared) trail.fail('unsupported attribute');
      r.skipRest(r.next());
    } else {
      if (!(key in out)) present++;
      const itemType = type.kind === 'object' ? type.attributes[key] : type.element;
      out[key] = decodeItem(r, r.next(), itemType, trail, ignoreUndeclared);
    }
    trail.pop();
  }
  if (type.kind === 'object') {
    const names = objectPlan(type).names;
    if (present !== names.length) for (const name of names) if (!(name in out)) out[name] = null;
  }
  return out;
}

function decodeDynamic(r: MsgpackReader, kind: ItemKind, trail: Trail, ignoreUndeclared: boolean): CtyValue {
  if (kind !== ItemKind.Array || r.num !== 2) trail.fail('a dynamic value must be a [type, value] pair');
  const typeKind = r.next();
  if (typeKind !== ItemKind.Bin && typeKind !== ItemKind.Str) trail.fail('a dynamic value must start with its type');
  const concrete = typeFromJsonBytes(typeKind === ItemKind.Str ? r.str : r.bytes);
  return new Dynamic(concrete, decodeItem(r, r.next(), concrete, trail, ignoreUndeclared));
}

function mapKey(r: MsgpackReader, trail: Trail): string {
  const kind = r.next();
  if (kind === ItemKind.Str) return r.str;
  if (kind === ItemKind.Bin) return r.bytes.toString('utf8');
  return trail.fail('map keys must be strings');
}

function decodePrimitive(r: MsgpackReader, kind: ItemKind, type: 'string' | 'number' | 'bool', trail: Trail): CtyValue {
  switch (type) {
    case 'string':
      if (kind === ItemKind.Str) return r.str;
      if (kind === ItemKind.Bin) return r.bytes.toString('utf8');
      return trail.fail('a string is required');
    case 'bool':
      if (kind === ItemKind.Bool) return r.bool;
      return trail.fail('a bool is required');
    case 'number':
      if (kind === ItemKind.Int) return r.num;
      if (kind === ItemKind.BigInt) return bigIntToCtyNumber(r.big);
      // A whole float beyond 2^53 is an integer of our model: a bigint, as if sent as int or text.
      if (kind === ItemKind.Float)
        return Number.isInteger(r.num) && !Number.isSafeInteger(r.num) ? BigInt(r.num) : r.num;
      if (kind === ItemKind.Str) {
        try {
          return numberFromText(r.str);
        } catch {
          return trail.fail('a number is required');
        }
      }
      return trail.fail('a number is required');
  }
}

/** What encoding an object type needs, worked out once per type: sorted names, their msgpack keys. */
interface ObjectPlan {
  readonly names: readonly string[];
  readonly keys: readonly Buffer[];
  readonly types: readonly CtyType[];
}

const objectPlans = new WeakMap<ObjectType, ObjectPlan>();

function objectPlan(type: ObjectType): ObjectPlan {
  let plan = objectPlans.get(type);
  if (!plan) {
    const names = Object.keys(type.attributes).sort();
    const keys = names.map((name) => {
      const w = new MsgpackWriter();
      w.str(name);
      return w.finish();
    });
    plan = { names, keys, types: names.map((name) => type.attributes[name]) };
    objectPlans.set(type, plan);
  }
  return plan;
}

export function encodeMsgpack(value: CtyValue, type: CtyType): Buffer {
  const w = new MsgpackWriter();
  encodeValue(w, value, type, new Trail());
  return w.finish();
}

function encodeValue(w: MsgpackWriter, value: CtyValue | undefined, type: CtyType, trail: Trail): void {
  if (value === Unknown) {
    w.unknown();
    return;
  }
  if (value === null || value === undefined) {
    w.nil();
    return;
  }
  if (type === 'dynamic') {
    const dynamic = value instanceof Dynamic ? value : new Dynamic(inferType(value), value);
    w.arrayHeader(2);
    w.bin(typeToJsonBytes(dynamic.type));
    encodeValue(w, dynamic.value, dynamic.type, trail);
    return;
  }
  if (value instanceof Dynamic) {
    encodeValue(w, value.value, type, trail);
    return;
  }
  if (typeof type === 'string') {
    encodePrimitive(w, value, type, trail);
    return;
  }
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'tuple': {
      if (!Array.isArray(value)) trail.fail(`a ${typeName(type)} needs an array, got ${describe(value)}`);
      const items = value as readonly CtyValue[];
      if (type.kind === 'tuple' && items.length !== type.elements.length) {
        trail.fail(`a tuple of ${type.elements.length} elements needs as many values, got ${items.length}`);
      }
      w.arrayHeader(items.length);
      for (let i = 0; i < items.length; i++) {
        trail.index(i);
        encodeValue(w, items[i], type.kind === 'tuple' ? type.elements[i] : type.element, trail);
        trail.pop();
      }
      return;
    }
    case 'map': {
      if (!isRecord(value)) trail.fail(`a map needs a record, got ${describe(value)}`);
      const keys = Object.keys(value).sort();
      w.mapHeader(keys.length);
      for (const key of keys) {
        w.str(key);
        trail.key(key);
        encodeValue(w, (value as CtyRecord)[key], type.element, trail);
        trail.pop();
      }
      return;
    }
    case 'object': {
      if (!isRecord(value)) trail.fail(`an object needs a record, got ${describe(value)}`);
      const record = value as CtyRecord;
      const attributes = type.attributes;
      for (const key in record) {
        if (!hasOwn(attributes, key)) {
          trail.attribute(key);
          trail.fail('attribute is not in the type');
        }
      }
      const plan = objectPlan(type);
      w.mapHeader(plan.names.length);
      for (let i = 0; i < plan.names.length; i++) {
        const name = plan.names[i];
        w.raw(plan.keys[i]);
        trail.attribute(name);
        encodeValue(w, hasOwn(record, name) ? record[name] : null, plan.types[i], trail);
        trail.pop();
      }
    }
  }
}

function encodePrimitive(w: MsgpackWriter, value: CtyValue, type: 'string' | 'number' | 'bool', trail: Trail): void {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') trail.fail(`a string is required, got ${describe(value)}`);
      w.str(value as string);
      return;
    case 'bool':
      if (typeof value !== 'boolean') trail.fail(`a bool is required, got ${describe(value)}`);
      w.bool(value as boolean);
      return;
    case 'number': {
      if (typeof value === 'number' && Number.isSafeInteger(value)) {
        w.safeInt(value);
        return;
      }
      if (typeof value !== 'number' && typeof value !== 'bigint' && !(value instanceof Decimal)) {
        trail.fail(`a number is required, got ${describe(value)}`);
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
