/**
 * The tfplugin6.Provider gRPC service: turns each call into a handler call
 * with plain TypeScript values, and the answer back into wire objects. A
 * handler that throws becomes an error diagnostic (with the attribute path
 * when the error carries one), so Terraform shows a message, not a crash.
 */
import type { ProviderHandlers, RequestContext, GetProviderSchemaResponse } from './handlers';
import { AttributeError, errorDiagnostic, type Diagnostic } from './diagnostics';
import type { Logger } from './logging';
import {
  bytes,
  clientCapabilitiesIn,
  deferredOut,
  diagnosticsOut,
  dynamicIn,
  dynamicOut,
  functionMapOut,
  list,
  num,
  optionalBytesIn,
  pathOut,
  rawStateIn,
  schemaMapOut,
  schemaOut,
  serverCapabilitiesOut,
  str,
  timestampOut,
} from './wire/convert';
import type { WireMessage } from './wire/protobuf';

export type UnaryRpc = (request: WireMessage) => Promise<WireMessage>;

interface Rpc {
  run(request: WireMessage, context: RequestContext): Promise<WireMessage>;
  /** The response that reports a failure: diagnostics for nearly every RPC. */
  failure(diagnostics: readonly Diagnostic[]): WireMessage;
}

const withDiagnostics = (ds: readonly Diagnostic[]): WireMessage => ({ diagnostics: diagnosticsOut(ds) });

function errorToDiagnostic(rpc: string, error: unknown): Diagnostic {
  if (error instanceof AttributeError)
    return errorDiagnostic(`Provider error in ${rpc}`, error.reason, error.attribute);
  return errorDiagnostic(`Provider error in ${rpc}`, error instanceof Error ? error.message : String(error));
}

function providerRpcs(h: ProviderHandlers): Record<string, Rpc> {
  const rpc = (run: Rpc['run'], failure: Rpc['failure'] = withDiagnostics): Rpc => ({ run, failure });
  /** An RPC whose answer is its diagnostics alone (validations, configure, close). */
  const diagnosticsOnly = (
    call: (request: WireMessage, context: RequestContext) => Promise<{ diagnostics?: readonly Diagnostic[] }>,
  ): Rpc => rpc(async (r, c) => withDiagnostics((await call(r, c)).diagnostics ?? []));
  return {
    GetMetadata: rpc(async (_r, c) => {
      const res = await h.getMetadata({}, c);
      return {
        server_capabilities: serverCapabilitiesOut(res.serverCapabilities),
        diagnostics: diagnosticsOut(res.diagnostics),
        resources: (res.resources ?? []).map((type_name) => ({ type_name })),
        data_sources: (res.dataSources ?? []).map((type_name) => ({ type_name })),
        functions: (res.functions ?? []).map((name) => ({ name })),
        ephemeral_resources: (res.ephemeralResources ?? []).map((type_name) => ({ type_name })),
      };
    }),
    GetProviderSchema: rpc(async (_r, c) => schemaResponseOut(await c.providerSchema())),
    ValidateProviderConfig: diagnosticsOnly((r, c) => h.validateProviderConfig({ config: dynamicIn(r.config) }, c)),
    ValidateResourceConfig: diagnosticsOnly((r, c) =>
      h.validateResourceConfig(
        {
          typeName: str(r.type_name),
          config: dynamicIn(r.config),
          clientCapabilities: clientCapabilitiesIn(r.client_capabilities),
        },
        c,
      ),
    ),
    ValidateDataResourceConfig: diagnosticsOnly((r, c) =>
      h.validateDataResourceConfig(
        {
          typeName: str(r.type_name),
          config: dynamicIn(r.config),
        },
        c,
      ),
    ),
    UpgradeResourceState: rpc(async (r, c) => {
      const res = await h.upgradeResourceState(
        {
          typeName: str(r.type_name),
          version: num(r.version),
          rawState: rawStateIn(r.raw_state),
        },
        c,
      );
      return { upgraded_state: dynamicOut(res.upgradedState), diagnostics: diagnosticsOut(res.diagnostics) };
    }),
    ConfigureProvider: diagnosticsOnly((r, c) =>
      h.configureProvider(
        {
          terraformVersion: str(r.terraform_version),
          config: dynamicIn(r.config),
          clientCapabilities: clientCapabilitiesIn(r.client_capabilities),
        },
        c,
      ),
    ),
    ReadResource: rpc(async (r, c) => {
      const res = await h.readResource(
        {
          typeName: str(r.type_name),
          currentState: dynamicIn(r.current_state),
          private: bytes(r.private),
          providerMeta: dynamicIn(r.provider_meta),
          clientCapabilities: clientCapabilitiesIn(r.client_capabilities),
        },
        c,
      );
      return {
        new_state: dynamicOut(res.newState),
        diagnostics: diagnosticsOut(res.diagnostics),
        private: res.private,
        deferred: deferredOut(res.deferred),
      };
    }),
    PlanResourceChange: rpc(async (r, c) => {
      const res = await h.planResourceChange(
        {
          typeName: str(r.type_name),
          priorState: dynamicIn(r.prior_state),
          proposedNewState: dynamicIn(r.proposed_new_state),
          config: dynamicIn(r.config),
          priorPrivate: bytes(r.prior_private),
          providerMeta: dynamicIn(r.provider_meta),
          clientCapabilities: clientCapabilitiesIn(r.client_capabilities),
        },
        c,
      );
      return {
        planned_state: dynamicOut(res.plannedState),
        requires_replace: (res.requiresReplace ?? []).map(pathOut),
        planned_private: res.plannedPrivate,
        diagnostics: diagnosticsOut(res.diagnostics),
        deferred: deferredOut(res.deferred),
      };
    }),
    ApplyResourceChange: rpc(async (r, c) => {
      const res = await h.applyResourceChange(
        {
          typeName: str(r.type_name),
          priorState: dynamicIn(r.prior_state),
          plannedState: dynamicIn(r.planned_state),
          config: dynamicIn(r.config),
          plannedPrivate: bytes(r.planned_private),
          providerMeta: dynamicIn(r.provider_meta),
        },
        c,
      );
      return {
        new_state: dynamicOut(res.newState),
        private: res.private,
        diagnostics: diagnosticsOut(res.diagnostics),
      };
    }),
    ImportResourceState: rpc(async (r, c) => {
      const res = await h.importResourceState(
        {
          typeName: str(r.type_name),
          id: str(r.id),
          clientCapabilities: clientCapabilitiesIn(r.client_capabilities),
        },
        c,
      );
      return {
        imported_resources: (res.importedResources ?? []).map((i) => ({
          type_name: i.typeName,
          state: dynamicOut(i.state),
          private: i.private,
        })),
        diagnostics: diagnosticsOut(res.diagnostics),
        deferred: deferredOut(res.deferred),
      };
    }),
    MoveResourceState: rpc(async (r, c) => {
      const res = await h.moveResourceState(
        {
          sourceProviderAddress: str(r.source_provider_address),
          sourceTypeName: str(r.source_type_name),
          sourceSchemaVersion: num(r.source_schema_version),
          sourceState: rawStateIn(r.source_state),
          targetTypeName: str(r.target_type_name),
          sourcePrivate: bytes(r.source_private),
        },
        c,
      );
      return {
        target_state: dynamicOut(res.targetState),
        target_private: res.targetPrivate,
        diagnostics: diagnosticsOut(res.diagnostics),
      };
    }),
    ReadDataSource: rpc(async (r, c) => {
      const res = await h.readDataSource(
        {
          typeName: str(r.type_name),
          config: dynamicIn(r.config),
          providerMeta: dynamicIn(r.provider_meta),
          clientCapabilities: clientCapabilitiesIn(r.client_capabilities),
        },
        c,
      );
      return {
        state: dynamicOut(res.state),
        diagnostics: diagnosticsOut(res.diagnostics),
        deferred: deferredOut(res.deferred),
      };
    }),
    ValidateEphemeralResourceConfig: diagnosticsOnly((r, c) =>
      h.validateEphemeralResourceConfig(
        {
          typeName: str(r.type_name),
          config: dynamicIn(r.config),
        },
        c,
      ),
    ),
    OpenEphemeralResource: rpc(async (r, c) => {
      const res = await h.openEphemeralResource(
        {
          typeName: str(r.type_name),
          config: dynamicIn(r.config),
          clientCapabilities: clientCapabilitiesIn(r.client_capabilities),
        },
        c,
      );
      return {
        diagnostics: diagnosticsOut(res.diagnostics),
        renew_at: timestampOut(res.renewAt),
        result: dynamicOut(res.result),
        private: res.private,
        deferred: deferredOut(res.deferred),
      };
    }),
    RenewEphemeralResource: rpc(async (r, c) => {
      const res = await h.renewEphemeralResource(
        { typeName: str(r.type_name), private: optionalBytesIn(r.private) },
        c,
      );
      return {
        diagnostics: diagnosticsOut(res.diagnostics),
        renew_at: timestampOut(res.renewAt),
        private: res.private,
      };
    }),
    CloseEphemeralResource: diagnosticsOnly((r, c) =>
      h.closeEphemeralResource(
        {
          typeName: str(r.type_name),
          private: optionalBytesIn(r.private),
        },
        c,
      ),
    ),
    GetFunctions: rpc(async (_r, c) => {
      const res = await h.getFunctions({}, c);
      return { functions: functionMapOut(res.functions), diagnostics: diagnosticsOut(res.diagnostics) };
    }),
    CallFunction: rpc(
      async (r, c) => {
        const res = await h.callFunction({ name: str(r.name), arguments: list(r.arguments).map(dynamicIn) }, c);
        return {
          result: dynamicOut(res.result),
          error: res.error ? { text: res.error.text, function_argument: res.error.functionArgument } : undefined,
        };
      },
      (ds) => ({ error: { text: ds.map((d) => [d.summary, d.detail].filter(Boolean).join(': ')).join('; ') } }),
    ),
    StopProvider: rpc(
      async (_r, c) => {
        const res = await h.stopProvider({}, c);
        return { Error: res.error ?? '' };
      },
      (ds) => ({ Error: ds.map((d) => d.summary).join('; ') }),
    ),
  };
}

function schemaResponseOut(res: GetProviderSchemaResponse): WireMessage {
  return {
    provider: schemaOut(res.provider ?? { block: {} }),
    resource_schemas: schemaMapOut(res.resourceSchemas),
    data_source_schemas: schemaMapOut(res.dataSourceSchemas),
    ephemeral_resource_schemas: schemaMapOut(res.ephemeralResourceSchemas),
    functions: functionMapOut(res.functions),
    provider_meta: schemaOut(res.providerMeta),
    server_capabilities: serverCapabilitiesOut(res.serverCapabilities),
    diagnostics: diagnosticsOut(res.diagnostics),
  };
}

/** One async function per Provider RPC, keyed by RPC name, never rejecting. */
export function providerImplementation(handlers: ProviderHandlers, logger: Logger): Record<string, UnaryRpc> {
  let schema: Promise<GetProviderSchemaResponse> | undefined;
  const providerSchema = (): Promise<GetProviderSchemaResponse> => {
    schema ??= handlers.getProviderSchema({}, context('GetProviderSchema'));
    schema.catch(() => {
      schema = undefined;
    }); // a failure is retried on the next call
    return schema;
  };
  // One context per RPC name, made once: nothing per call when logging is off.
  const contexts = new Map<string, RequestContext>();
  const context = (rpc: string): RequestContext => {
    let made = contexts.get(rpc);
    if (!made) {
      made = { rpc, logger: logger.with({ tf_rpc: rpc }), providerSchema };
      contexts.set(rpc, made);
    }
    return made;
  };
  const tracing = logger.enabled('trace');

  const out: Record<string, UnaryRpc> = {};
  for (const [name, rpc] of Object.entries(providerRpcs(handlers))) {
    out[name] = async (request) => {
      const started = tracing ? Date.now() : 0;
      if (tracing) logger.trace('received request', { tf_rpc: name });
      try {
        const response = await rpc.run(request, context(name));
        if (tracing) logger.trace('served request', { tf_rpc: name, duration_ms: Date.now() - started });
        return response;
      } catch (error) {
        logger.error('handler failed', {
          tf_rpc: name,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        return rpc.failure([errorToDiagnostic(name, error)]);
      }
    };
  }
  return out;
}
