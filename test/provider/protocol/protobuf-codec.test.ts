/**
 * Our own protobuf codec against protobufjs (what @grpc/proto-loader uses):
 * each must read what the other writes, field numbers included.
 */
import * as path from 'node:path';
import { loadSync } from '@grpc/proto-loader';
import { protobufCodec } from '../../../src/provider/protocol/wire/descriptors';

const PROTO = path.join(__dirname, '../../../src/provider/protocol/tfplugin6.proto');
const reference = loadSync(PROTO, { keepCase: true, longs: Number, enums: Number, defaults: false, oneofs: true });
const serviceMethods = reference['tfplugin6.Provider'] as Record<
  string,
  {
    requestSerialize(v: object): Buffer;
    requestDeserialize(b: Buffer): object;
    responseSerialize(v: object): Buffer;
    responseDeserialize(b: Buffer): object;
  }
>;

describe('protobuf codec', () => {
  const codec = protobufCodec();

  it('writes a GetProviderSchema response that protobufjs reads, write_only and capabilities included', () => {
    const message = {
      provider: { version: 0, block: { attributes: [] } },
      resource_schemas: {
        fixture_note: {
          version: 2,
          block: {
            attributes: [
              { name: 'id', type: Buffer.from('"string"'), computed: true },
              { name: 'secret', type: Buffer.from('"string"'), optional: true, write_only: true, sensitive: true },
            ],
            block_types: [{ type_name: 'rule', nesting: 2, min_items: 1, block: { attributes: [] } }],
          },
        },
      },
      server_capabilities: { plan_destroy: true, get_provider_schema_optional: true },
      diagnostics: [
        { severity: 2, summary: 'careful', attribute: { steps: [{ element_key_int: 0 }, { attribute_name: 'x' }] } },
      ],
    };
    const bytes = codec.encode('tfplugin6.GetProviderSchema.Response', message);
    const decoded = serviceMethods.GetProviderSchema.responseDeserialize(bytes) as Record<string, unknown>;
    expect(decoded).toMatchObject({
      resource_schemas: {
        fixture_note: {
          version: 2,
          block: {
            attributes: [
              { name: 'id', computed: true },
              { name: 'secret', optional: true, write_only: true, sensitive: true },
            ],
            block_types: [{ type_name: 'rule', nesting: 2, min_items: 1 }],
          },
        },
      },
      server_capabilities: { plan_destroy: true, get_provider_schema_optional: true },
      diagnostics: [
        { severity: 2, summary: 'careful', attribute: { steps: [{ element_key_int: 0 }, { attribute_name: 'x' }] } },
      ],
    });
  });

  it('reads requests that protobufjs writes: maps, nested messages, bytes, client capabilities', () => {
    const request = {
      type_name: 'fixture_note',
      version: 3,
      raw_state: { json: Buffer.from('{"a":1}'), flatmap: { 'a.#': '1', b: 'c' } },
    };
    const bytes = serviceMethods.UpgradeResourceState.requestSerialize(request);
    expect(codec.decode('tfplugin6.UpgradeResourceState.Request', bytes)).toEqual({
      type_name: 'fixture_note',
      version: 3,
      raw_state: { json: Buffer.from('{"a":1}'), flatmap: { 'a.#': '1', b: 'c' } },
    });
    const plan = serviceMethods.PlanResourceChange.requestSerialize({
      type_name: 'x',
      prior_state: { msgpack: Buffer.from([0xc0]) },
      client_capabilities: { write_only_attributes_allowed: true },
    });
    expect(codec.decode('tfplugin6.PlanResourceChange.Request', plan)).toEqual({
      type_name: 'x',
      prior_state: { msgpack: Buffer.from([0xc0]) },
      client_capabilities: { write_only_attributes_allowed: true },
    });
  });

  it('keeps oneof members that hold default values, and negative int64', () => {
    const bytes = codec.encode('tfplugin6.AttributePath', {
      steps: [{ element_key_int: 0 }, { element_key_string: '' }, { element_key_int: -5 }],
    });
    expect(codec.decode('tfplugin6.AttributePath', bytes)).toEqual({
      steps: [{ element_key_int: 0 }, { element_key_string: '' }, { element_key_int: -5 }],
    });
  });

  it('skips fields it does not know', () => {
    // field 99 (varint) then type_name
    const bytes = Buffer.concat([
      Buffer.from([0x98, 0x06, 0x01]),
      codec.encode('tfplugin6.ReadResource.Request', { type_name: 'a' }),
    ]);
    expect(codec.decode('tfplugin6.ReadResource.Request', bytes)).toEqual({ type_name: 'a' });
  });

  it('skips unknown fields of every wire type, and fails on one cut short', () => {
    const unknown = Buffer.from([
      ...[0x99, 0x06, 1, 2, 3, 4, 5, 6, 7, 8], // field 99, fixed64
      ...[0x9d, 0x06, 1, 2, 3, 4], // field 99, fixed32
      ...[0x9a, 0x06, 2, 0xff, 0xff], // field 99, length-delimited
    ]);
    const known = codec.encode('tfplugin6.ReadResource.Request', { type_name: 'a' });
    expect(codec.decode('tfplugin6.ReadResource.Request', Buffer.concat([unknown, known]))).toEqual({ type_name: 'a' });
    for (const cut of [
      [0x99, 0x06, 1, 2],
      [0x9d, 0x06, 1],
      [0x9a, 0x06, 2, 0xff],
    ])
      expect(() => codec.decode('tfplugin6.ReadResource.Request', Buffer.from(cut))).toThrow(
        'protobuf: truncated message',
      );
    expect(() => codec.decode('tfplugin6.ReadResource.Request', Buffer.from([0x9b, 0x06]))).toThrow(
      'protobuf: unsupported wire type 3',
    );
  });
});
