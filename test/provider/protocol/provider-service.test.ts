/**
 * The Provider service in-process: request/response translation, the
 * default handlers, and errors turned into diagnostics.
 */
import {
  AttributeError,
  AttributePath,
  createLogger,
  decodeMsgpack,
  encodeMsgpack,
  handlers,
  impliedType,
  t,
  withDefaults,
  type ProviderHandlers,
  type Schema,
} from '../../../src/provider/protocol';
import { providerImplementation } from '../../../src/provider/protocol/provider-service';
import type { WireMessage } from '../../../src/provider/protocol/wire/protobuf';

const schema: Schema = {
  version: 1,
  block: {
    attributes: {
      id: { type: t.string, computed: true },
      name: { type: t.string, required: true },
      secret: { type: t.string, optional: true, writeOnly: true, sensitive: true },
      nested: {
        nestedType: { nesting: 'list', attributes: { port: { type: t.number, required: true } } },
        optional: true,
      },
    },
    blockTypes: { rule: { nesting: 'set', block: { attributes: { cidr: { type: t.string, required: true } } } } },
  },
};
const type = impliedType(schema.block);
const silent = createLogger({ level: 'off' });

function service(provider: Partial<ProviderHandlers>): Record<string, (r: WireMessage) => Promise<WireMessage>> {
  return providerImplementation(withDefaults(provider), silent);
}

const withSchema: Partial<ProviderHandlers> = {
  getProviderSchema: async () => ({ resourceSchemas: { thing: schema }, dataSourceSchemas: { info: { block: {} } } }),
};

describe('provider service', () => {
  it('derives the implied object type of a block, nested attributes and blocks included', () => {
    expect(type).toEqual(
      t.object({
        id: t.string,
        name: t.string,
        secret: t.string,
        nested: t.list(t.object({ port: t.number })),
        rule: t.set(t.object({ cidr: t.string })),
      }),
    );
  });

  it('renders schemas with write_only, nested types and versions', async () => {
    const res = await service(withSchema).GetProviderSchema({});
    const thing = (res.resource_schemas as Record<string, WireMessage>).thing;
    expect(thing.version).toBe(1);
    const attributes = (thing.block as WireMessage).attributes as WireMessage[];
    expect(attributes.find((a) => a.name === 'secret')).toMatchObject({
      write_only: true,
      sensitive: true,
      optional: true,
    });
    expect(attributes.find((a) => a.name === 'nested')).toMatchObject({ nested_type: { nesting: 2 } });
    expect(((thing.block as WireMessage).block_types as WireMessage[])[0]).toMatchObject({
      type_name: 'rule',
      nesting: 3,
    });
  });

  it('answers GetMetadata from the schema by default', async () => {
    const res = await service(withSchema).GetMetadata({});
    expect(res.resources).toEqual([{ type_name: 'thing' }]);
    expect(res.data_sources).toEqual([{ type_name: 'info' }]);
  });

  it('upgrades same-version JSON state to msgpack of the current schema by default', async () => {
    const res = await service(withSchema).UpgradeResourceState({
      type_name: 'thing',
      version: 1,
      raw_state: { json: Buffer.from('{"id":"x","name":"n","dropped":true}') },
    });
    expect(res.diagnostics).toEqual([]);
    const upgraded = decodeMsgpack((res.upgraded_state as WireMessage).msgpack as Uint8Array, type);
    expect(upgraded).toEqual({ id: 'x', name: 'n', secret: null, nested: null, rule: null });
  });

  it('answers unimplemented RPCs with an error diagnostic, and CallFunction with a function error', async () => {
    const s = service({});
    const read = await s.ReadResource({ type_name: 'thing' });
    expect(read.diagnostics).toEqual([
      expect.objectContaining({ severity: 1, summary: 'ReadResource is not implemented' }),
    ]);
    const fn = await s.CallFunction({ name: 'f' });
    expect((fn.error as WireMessage).text).toMatch(/not implemented/);
    expect(await s.ValidateProviderConfig({})).toEqual({ diagnostics: [] });
  });

  it('turns a throwing handler into an error diagnostic, with the attribute path of an AttributeError', async () => {
    const s = service({
      planResourceChange: async () => {
        throw new AttributeError('must be lower case', AttributePath.root('name'));
      },
      applyResourceChange: async () => {
        throw new Error('backend down');
      },
    });
    const plan = await s.PlanResourceChange({ type_name: 'thing' });
    expect(plan.diagnostics).toEqual([
      {
        severity: 1,
        summary: 'Provider error in PlanResourceChange',
        detail: 'must be lower case',
        attribute: { steps: [{ attribute_name: 'name' }] },
      },
    ]);
    const apply = await s.ApplyResourceChange({ type_name: 'thing' });
    expect((apply.diagnostics as WireMessage[])[0].detail).toBe('backend down');
  });

  it('passes decoded requests to handlers and returns requires_replace paths', async () => {
    let seen: unknown;
    const s = service({
      planResourceChange: async (request) => {
        seen = {
          typeName: request.typeName,
          priorIsNull: request.priorState.msgpack?.[0] === 0xc0,
          caps: request.clientCapabilities,
        };
        return {
          plannedState: request.proposedNewState,
          requiresReplace: [AttributePath.root('rule').index(0).attribute('cidr')],
        };
      },
    });
    const proposed = encodeMsgpack({ id: null, name: 'a' }, type);
    const res = await s.PlanResourceChange({
      type_name: 'thing',
      prior_state: { msgpack: Buffer.from([0xc0]) },
      proposed_new_state: { msgpack: proposed },
      client_capabilities: { write_only_attributes_allowed: true },
    });
    expect(seen).toEqual({
      typeName: 'thing',
      priorIsNull: true,
      caps: { deferralAllowed: false, writeOnlyAttributesAllowed: true },
    });
    expect(res.planned_state).toEqual({ msgpack: proposed });
    expect(res.requires_replace).toEqual([
      { steps: [{ attribute_name: 'rule' }, { element_key_int: 0 }, { attribute_name: 'cidr' }] },
    ]);
  });

  it('binds class-based providers when filling defaults', async () => {
    class Provider {
      private readonly label = 'from-class';
      async stopProvider(): Promise<{ error: string }> {
        return { error: this.label };
      }
    }
    const full = withDefaults(new Provider() as Partial<ProviderHandlers>);
    expect(full.readResource).toBe(handlers.readResource);
    expect(await providerImplementation(full, silent).StopProvider({})).toEqual({ Error: 'from-class' });
  });
});
