/**
 * Compiles src/provider/protocol/*.proto into the compact JSON descriptor the
 * provider loads at start-up (src/provider/protocol/generated/descriptors.json).
 * Parsing .proto text costs start-up time on every one of Terraform's several
 * launches per command, so it happens here, once, at development time.
 *
 * @grpc/proto-loader parses the .proto files into standard FileDescriptorProtos;
 * our own runtime codec (with a hand-written descriptor of descriptor.proto's
 * few fields we need) reads those, so type names arrive fully qualified.
 *
 * Run: npx esbuild scripts/gen-proto.ts --bundle --platform=node --packages=external --outfile=.tmp/gen-proto.js && node .tmp/gen-proto.js
 * A test fails while the committed output is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadSync } from '@grpc/proto-loader';
import type {
  DescriptorSet,
  FieldDescriptor,
  MethodDescriptor,
  ScalarKind,
} from '../src/provider/protocol/wire/descriptor-types';
import { ProtobufCodec, type WireMessage } from '../src/provider/protocol/wire/protobuf';

export const PROTO_DIR = path.join(__dirname, '..', 'src', 'provider', 'protocol');
export const PROTO_FILES = ['tfplugin6.proto', 'health.proto', 'go-plugin.proto'];
export const OUTPUT_FILE = path.join(PROTO_DIR, 'generated', 'descriptors.json');

// Field numbers from google/protobuf/descriptor.proto, only what we read.
const DESCRIPTOR_PROTO: DescriptorSet = {
  messages: {
    File: [
      { name: 'name', number: 1, type: 'string' },
      { name: 'package', number: 2, type: 'string' },
      { name: 'message_type', number: 4, type: 'Message', repeated: true },
      { name: 'service', number: 6, type: 'Service', repeated: true },
    ],
    Message: [
      { name: 'name', number: 1, type: 'string' },
      { name: 'field', number: 2, type: 'Field', repeated: true },
      { name: 'nested_type', number: 3, type: 'Message', repeated: true },
      { name: 'options', number: 7, type: 'MessageOptions' },
    ],
    MessageOptions: [{ name: 'map_entry', number: 7, type: 'bool' }],
    Field: [
      { name: 'name', number: 1, type: 'string' },
      { name: 'number', number: 3, type: 'int32' },
      { name: 'label', number: 4, type: 'enum' },
      { name: 'type', number: 5, type: 'enum' },
      { name: 'type_name', number: 6, type: 'string' },
    ],
    Service: [
      { name: 'name', number: 1, type: 'string' },
      { name: 'method', number: 2, type: 'Method', repeated: true },
    ],
    Method: [
      { name: 'name', number: 1, type: 'string' },
      { name: 'input_type', number: 2, type: 'string' },
      { name: 'output_type', number: 3, type: 'string' },
      { name: 'client_streaming', number: 5, type: 'bool' },
      { name: 'server_streaming', number: 6, type: 'bool' },
    ],
  },
  services: {},
};

interface FileProto {
  name?: string;
  package?: string;
  message_type?: MessageProto[];
  service?: ServiceProto[];
}
interface MessageProto {
  name?: string;
  field?: FieldProto[];
  nested_type?: MessageProto[];
  options?: { map_entry?: boolean };
}
interface FieldProto {
  name?: string;
  number?: number;
  label?: number;
  type?: number;
  type_name?: string;
}
interface ServiceProto {
  name?: string;
  method?: MethodProto[];
}
interface MethodProto {
  name?: string;
  input_type?: string;
  output_type?: string;
  client_streaming?: boolean;
  server_streaming?: boolean;
}

const LABEL_REPEATED = 3;
const TYPE_MESSAGE = 11;
const SCALAR_BY_TYPE: Record<number, ScalarKind> = {
  1: 'double',
  3: 'int64',
  4: 'uint64',
  5: 'int32',
  8: 'bool',
  9: 'string',
  12: 'bytes',
  13: 'uint32',
  14: 'enum',
};

export function generateDescriptors(): DescriptorSet {
  const definition = loadSync(
    PROTO_FILES.map((f) => path.join(PROTO_DIR, f)),
    { keepCase: true },
  );
  const codec = new ProtobufCodec(DESCRIPTOR_PROTO);

  const files = new Map<string, FileProto>();
  for (const entry of Object.values(definition)) {
    const protos = (entry as { fileDescriptorProtos?: Buffer[] }).fileDescriptorProtos ?? [];
    for (const bytes of protos) {
      const file = codec.decode('File', bytes) as WireMessage as FileProto;
      files.set(file.name ?? '', file);
    }
  }

  const messages = new Map<string, MessageProto>();
  const collect = (fullName: string, message: MessageProto): void => {
    messages.set(fullName, message);
    for (const nested of message.nested_type ?? []) collect(`${fullName}.${nested.name}`, nested);
  };
  const services: Record<string, MethodDescriptor[]> = {};
  for (const file of files.values()) {
    const prefix = file.package ? `${file.package}.` : '';
    for (const message of file.message_type ?? []) collect(`${prefix}${message.name}`, message);
    for (const service of file.service ?? []) {
      services[`${prefix}${service.name}`] = (service.method ?? []).map(describeMethod);
    }
  }

  const out: Record<string, FieldDescriptor[]> = {};
  for (const name of [...messages.keys()].sort()) {
    const message = messages.get(name) as MessageProto;
    if (message.options?.map_entry) continue;
    out[name] = (message.field ?? []).map((field) => describeField(name, field, messages));
  }
  const sortedServices: Record<string, MethodDescriptor[]> = {};
  for (const name of Object.keys(services).sort()) sortedServices[name] = services[name];
  return { messages: out, services: sortedServices };
}

/**
 * protobufjs (under proto-loader) writes type names relative to the field's
 * message, unlike protoc; resolve them as protoc would: innermost scope first.
 */
function resolveType(owner: string, typeName: string | undefined, messages: Map<string, MessageProto>): string {
  const name = typeName ?? '';
  if (name.startsWith('.')) return name.slice(1);
  const scope = owner.split('.');
  for (let i = scope.length; i >= 0; i--) {
    const candidate = [...scope.slice(0, i), name].join('.');
    if (messages.has(candidate)) return candidate;
  }
  throw new Error(`cannot resolve message type ${name} referenced from ${owner}`);
}

function typeOf(field: FieldProto, owner: string, messages: Map<string, MessageProto>): string {
  if (field.type === TYPE_MESSAGE) return resolveType(owner, field.type_name, messages);
  const scalar = SCALAR_BY_TYPE[field.type ?? 0];
  if (!scalar) throw new Error(`unsupported field type ${field.type} on ${owner}.${field.name}`);
  return scalar;
}

function describeField(owner: string, field: FieldProto, messages: Map<string, MessageProto>): FieldDescriptor {
  const base = { name: field.name ?? '', number: field.number ?? 0 };
  const entryName = field.type === TYPE_MESSAGE ? resolveType(owner, field.type_name, messages) : '';
  const entry = messages.get(entryName);
  if (entry?.options?.map_entry) {
    const [key, value] = entry.field ?? [];
    return {
      ...base,
      type: typeOf(value, entryName, messages),
      keyType: typeOf(key, entryName, messages) as ScalarKind,
    };
  }
  const type = typeOf(field, owner, messages);
  return field.label === LABEL_REPEATED ? { ...base, type, repeated: true } : { ...base, type };
}

function describeMethod(method: MethodProto): MethodDescriptor {
  return {
    name: method.name ?? '',
    requestType: (method.input_type ?? '').replace(/^\./, ''),
    responseType: (method.output_type ?? '').replace(/^\./, ''),
    ...(method.server_streaming ? { serverStreaming: true as const } : {}),
    ...(method.client_streaming ? { clientStreaming: true as const } : {}),
  };
}

export function renderDescriptors(set: DescriptorSet): string {
  return `${JSON.stringify(set, null, 1)}\n`;
}

// Only when run as its own program (not when bundled into another one).
if (require.main === module && /gen-proto/.test(process.argv[1] ?? '')) {
  fs.mkdirSync(path.dirname(OUTPUT_FILE), { recursive: true });
  fs.writeFileSync(OUTPUT_FILE, renderDescriptors(generateDescriptors()));
  process.stderr.write(`wrote ${path.relative(process.cwd(), OUTPUT_FILE)}\n`);
}
