/**
 * The compact, pre-compiled shape of our .proto files that the runtime reads.
 * Produced by scripts/gen-proto.ts so start-up never parses .proto text.
 */

/** Scalar kinds our protos use; anything else in `type` is a message's full name. */
export type ScalarKind = 'string' | 'bytes' | 'bool' | 'int64' | 'int32' | 'uint64' | 'uint32' | 'enum' | 'double';

export interface FieldDescriptor {
  readonly name: string;
  readonly number: number;
  /** A ScalarKind, or the full name of a message type (e.g. `tfplugin6.Schema`). */
  readonly type: string;
  readonly repeated?: true;
  /** Present on map fields; `type` is then the value type. */
  readonly keyType?: ScalarKind;
}

export interface MethodDescriptor {
  readonly name: string;
  readonly requestType: string;
  readonly responseType: string;
  readonly serverStreaming?: true;
  readonly clientStreaming?: true;
}

export interface DescriptorSet {
  readonly messages: Readonly<Record<string, readonly FieldDescriptor[]>>;
  readonly services: Readonly<Record<string, readonly MethodDescriptor[]>>;
}

const SCALARS: ReadonlySet<string> = new Set<ScalarKind>([
  'string',
  'bytes',
  'bool',
  'int64',
  'int32',
  'uint64',
  'uint32',
  'enum',
  'double',
]);

export function isScalarKind(type: string): type is ScalarKind {
  return SCALARS.has(type);
}
