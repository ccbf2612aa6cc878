/**
 * A provider as data: its configuration attributes, how to build an API client from them,
 * its resources and data sources. `providerHandlers` turns it into the protocol's handlers.
 */
import {
  errorDiagnostic,
  withDefaults,
  type Diagnostic,
  type GetProviderSchemaResponse,
  type ProviderHandlers,
  type Schema,
} from '../protocol';
import type { Attributes, Values } from './attributes';
import { DataSourceEngine } from './data-source-engine';
import type { SomeDataSource, SomeResource } from './definitions';
import type { DescribeError } from './errors';
import { ResourceEngine } from './resource-engine';
import { decodeRow, objectType } from './rows';
import { schemaFor } from './schema';

export interface ProviderDefinition<Client, A extends Attributes<never> = Attributes<never>> {
  readonly description: string;
  readonly attributes: A;
  /** Builds the one API client of this process; throw an Error naming the missing setting. */
  configure(config: Values<A>): Promise<Client>;
  readonly resources: readonly SomeResource<Client>[];
  readonly dataSources: readonly SomeDataSource<Client>[];
  readonly describeError: DescribeError;
}

/** GetProviderSchema's answer, also used for docs and generated constructs. */
export function providerSchema<Client>(definition: ProviderDefinition<Client>): GetProviderSchemaResponse {
  const resourceSchemas: Record<string, Schema> = {};
  for (const r of definition.resources)
    resourceSchemas[r.typeName] = schemaFor(r.description, r.attributes, {
      id: `The object's ID; the same as its import ID (${r.importIdFormat}).`,
      version: r.schemaVersion ?? 0,
    });
  const dataSourceSchemas: Record<string, Schema> = {};
  for (const d of definition.dataSources)
    dataSourceSchemas[d.typeName] = schemaFor(d.description, d.attributes, {
      id: "The object's ID.",
      dataSource: true,
    });
  return {
    provider: schemaFor(definition.description, definition.attributes),
    resourceSchemas,
    dataSourceSchemas,
    serverCapabilities: { planDestroy: true, getProviderSchemaOptional: true },
  };
}

const notConfigured = (type: string): Diagnostic =>
  errorDiagnostic(
    'Provider not configured',
    `${type} needs the provider configuration (url, username, password) before it can reach the API.`,
  );

const unknownType = (type: string): Diagnostic => errorDiagnostic('Unknown type', `This provider has no ${type}.`);

export function providerHandlers<Client>(definition: ProviderDefinition<Client>): ProviderHandlers {
  // Built on first use: most launches need only some of it, and start-up time multiplies.
  let schema: GetProviderSchemaResponse | undefined;
  const resourceEngines = new Map<string, ResourceEngine<Client>>();
  const dataSourceEngines = new Map<string, DataSourceEngine<Client>>();
  const resources = {
    get: (type: string) =>
      engineFor(resourceEngines, definition.resources, type, (r) => new ResourceEngine(r, definition.describeError)),
  };
  const dataSources = {
    get: (type: string) =>
      engineFor(
        dataSourceEngines,
        definition.dataSources,
        type,
        (d) => new DataSourceEngine(d, definition.describeError),
      ),
  };
  let client: Client | undefined;
  /** Runs `call` with the engine of `type` and the configured client, or answers why it cannot. */
  const configured = async <E, R>(
    engine: E | undefined,
    type: string,
    call: (engine: E, client: Client) => Promise<R>,
  ): Promise<R | { diagnostics: Diagnostic[] }> => {
    if (!engine) return { diagnostics: [unknownType(type)] };
    if (!client) return { diagnostics: [notConfigured(type)] };
    return call(engine, client);
  };

  return withDefaults({
    getProviderSchema: async () => (schema ??= providerSchema(definition)),

    async configureProvider(request) {
      const configType = objectType(definition.attributes as Attributes<never>, false);
      const config = decodeRow(request.config, definition.attributes as Attributes<never>, configType) ?? {};
      try {
        client = await definition.configure(config as Values<Attributes<never>>);
        return {};
      } catch (error) {
        const { summary, detail } = definition.describeError(error);
        return { diagnostics: [errorDiagnostic(`Cannot configure the provider: ${summary}`, detail)] };
      }
    },

    async validateResourceConfig(request) {
      const engine = resources.get(request.typeName);
      if (!engine) return { diagnostics: [unknownType(request.typeName)] };
      return { diagnostics: engine.validate(request.config, request.clientCapabilities.writeOnlyAttributesAllowed) };
    },

    async validateDataResourceConfig(request) {
      const engine = dataSources.get(request.typeName);
      if (!engine) return { diagnostics: [unknownType(request.typeName)] };
      return { diagnostics: engine.validate(request.config) };
    },

    async upgradeResourceState(request) {
      const engine = resources.get(request.typeName);
      if (!engine) return { diagnostics: [unknownType(request.typeName)] };
      return { upgradedState: engine.upgrade(request.rawState.json, request.version) };
    },

    async planResourceChange(request) {
      const engine = resources.get(request.typeName);
      if (!engine) return { diagnostics: [unknownType(request.typeName)] };
      const result = engine.plan(request.priorState, request.proposedNewState, request.config);
      return { plannedState: result.planned, requiresReplace: result.requiresReplace, diagnostics: result.diagnostics };
    },

    applyResourceChange: (request) =>
      configured(resources.get(request.typeName), request.typeName, async (engine, client) => {
        const result = await engine.apply(client, request.priorState, request.plannedState, request.config);
        return { newState: result.state, diagnostics: result.diagnostics };
      }),

    readResource: (request) =>
      configured(resources.get(request.typeName), request.typeName, async (engine, client) => {
        const result = await engine.read(client, request.currentState);
        return { newState: result.state, diagnostics: result.diagnostics };
      }),

    importResourceState: (request) =>
      configured(resources.get(request.typeName), request.typeName, async (engine, client) => {
        const result = await engine.import(client, request.id);
        return {
          importedResources: result.state ? [{ typeName: request.typeName, state: result.state }] : [],
          diagnostics: result.diagnostics,
        };
      }),

    readDataSource: (request) =>
      configured(dataSources.get(request.typeName), request.typeName, async (engine, client) => {
        const result = await engine.read(client, request.config);
        return { state: result.state, diagnostics: result.diagnostics };
      }),
  });
}

function engineFor<D extends { typeName: string }, E>(
  cache: Map<string, E>,
  definitions: readonly D[],
  type: string,
  make: (d: D) => E,
): E | undefined {
  let engine = cache.get(type);
  if (!engine) {
    const definition = definitions.find((d) => d.typeName === type);
    if (!definition) return undefined;
    engine = make(definition);
    cache.set(type, engine);
  }
  return engine;
}
