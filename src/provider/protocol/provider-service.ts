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

/** Request fields many RPCs share, decoded in one place. */
const typeNameIn = (r: WireMessage) => ({ typeName: str(r.type_name) });
const configIn = (r: WireMessage) => ({ ...typeNameIn(r), config: dynamicIn(r.config) });
const capabilitiesIn = (r: WireMessage) => ({ clientCapabilities: clientCapabilitiesIn(r.client_capabilities) });
const importIn = (r: WireMessage) => ({ ...typeNameIn(r), id: str(r.id), ...capabilitiesIn(r) });
/** What planning and applying a change both read. */
const changeIn = (r: WireMessage) => ({
  ...configIn(r),
  priorState: dynamicIn(r.prior_state),
  providerMeta: dynamicIn(r.provider_meta),
});

function providerRpcs(h: ProviderHandlers): Record<string, Rpc> {
  const rpc = (run: Rpc['run'], failure: Rpc['failure'] = withDiagnostics): Rpc => ({ run, failure });
  /**
   * An RPC that decodes its request, calls one handler and answers the handler's fields plus
   * its diagnostics (every response but CallFunction's and StopProvider's carries them).
   */
  const adapter =
    <Req, Res extends { diagnostics?: readonly Diagnostic[] }>(
      handler: (request: Req, context: RequestContext) => Promise<Res>,
      request: (r: WireMessage) => Req,
    ) =>
    (response: (res: Res) => WireMessage = () => ({})): Rpc =>
      rpc(async (r, c) => {
        const res = await handler(request(r), c);
        return { ...response(res), diagnostics: diagnosticsOut(res.diagnostics) };
      });
  const none = () => ({});
  return {
    GetMetadata: adapter(
      h.getMetadata,
      none,
    )((res) => ({
      server_capabilities: serverCapabilitiesOut(res.serverCapabilities),
      resources: (res.resources ?? []).map((type_name) => ({ type_name })),
      data_sources: (res.dataSources ?? []).map((type_name) => ({ type_name })),
      functions: (res.functions ?? []).map((name) => ({ name })),
      ephemeral_resources: (res.ephemeralResources ?? []).map((type_name) => ({ type_name })),
    })),
    GetProviderSchema: rpc(async (_r, c) => schemaResponseOut(await c.providerSchema())),
    ValidateProviderConfig: adapter(h.validateProviderConfig, (r) => ({ config: dynamicIn(r.config) }))(),
    ValidateResourceConfig: adapter(h.validateResourceConfig, (r) => ({ ...configIn(r), ...capabilitiesIn(r) }))(),
    ValidateDataResourceConfig: adapter(h.validateDataResourceConfig, configIn)(),
    UpgradeResourceState: adapter(h.upgradeResourceState, (r) => ({
      ...typeNameIn(r),
      version: num(r.version),
      rawState: rawStateIn(r.raw_state),
    }))((res) => ({ upgraded_state: dynamicOut(res.upgradedState) })),
    ConfigureProvider: adapter(h.configureProvider, (r) => ({
      terraformVersion: str(r.terraform_version),
      config: dynamicIn(r.config),
      ...capabilitiesIn(r),
    }))(),
    ReadResource: adapter(h.readResource, (r) => ({
      ...typeNameIn(r),
      currentState: dynamicIn(r.current_state),
      private: bytes(r.private),
      providerMeta: dynamicIn(r.provider_meta),
      ...capabilitiesIn(r),
    }))((res) => ({ new_state: dynamicOut(res.newState), private: res.private, deferred: deferredOut(res.deferred) })),
    PlanResourceChange: adapter(h.planResourceChange, (r) => ({
      ...changeIn(r),
      proposedNewState: dynamicIn(r.proposed_new_state),
      priorPrivate: bytes(r.prior_private),
      ...capabilitiesIn(r),
    }))((res) => ({
      planned_state: dynamicOut(res.plannedState),
      requires_replace: (res.requiresReplace ?? []).map(pathOut),
      planned_private: res.plannedPrivate,
      deferred: deferredOut(res.deferred),
    })),
    ApplyResourceChange: adapter(h.applyResourceChange, (r) => ({
      ...changeIn(r),
      plannedState: dynamicIn(r.planned_state),
      plannedPrivate: bytes(r.planned_private),
    }))((res) => ({ new_state: dynamicOut(res.newState), private: res.private })),
    ImportResourceState: adapter(
      h.importResourceState,
      importIn,
    )((res) => ({
      imported_resources: (res.importedResources ?? []).map((i) => ({
        type_name: i.typeName,
        state: dynamicOut(i.state),
        private: i.private,
      })),
      deferred: deferredOut(res.deferred),
    })),
    MoveResourceState: adapter(h.moveResourceState, (r) => ({
      sourceProviderAddress: str(r.source_provider_address),
      sourceTypeName: str(r.source_type_name),
      sourceSchemaVersion: num(r.source_schema_version),
      sourceState: rawStateIn(r.source_state),
      targetTypeName: str(r.target_type_name),
      sourcePrivate: bytes(r.source_private),
    }))((res) => ({ target_state: dynamicOut(res.targetState), target_private: res.targetPrivate })),
    ReadDataSource: adapter(h.readDataSource, (r) => ({
      ...configIn(r),
      providerMeta: dynamicIn(r.provider_meta),
      ...capabilitiesIn(r),
    }))((res) => ({ state: dynamicOut(res.state), deferred: deferredOut(res.deferred) })),
    ValidateEphemeralResourceConfig: adapter(h.validateEphemeralResourceConfig, configIn)(),
    OpenEphemeralResource: adapter(h.openEphemeralResource, (r) => ({ ...configIn(r), ...capabilitiesIn(r) }))(
      (res) => ({
        renew_at: timestampOut(res.renewAt),
        result: dynamicOut(res.result),
        private: res.private,
        deferred: deferredOut(res.deferred),
      }),
    ),
    RenewEphemeralResource: adapter(h.renewEphemeralResource, (r) => ({
      ...typeNameIn(r),
      private: optionalBytesIn(r.private),
    }))((res) => ({ renew_at: timestampOut(res.renewAt), private: res.private })),
    CloseEphemeralResource: adapter(h.closeEphemeralResource, (r) => ({
      ...typeNameIn(r),
      private: optionalBytesIn(r.private),
    }))(),
    GetFunctions: adapter(h.getFunctions, none)((res) => ({ functions: functionMapOut(res.functions) })),
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
