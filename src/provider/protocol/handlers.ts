/**
 * The interface a framework (or a hand-written provider) implements: one
 * async method per tfplugin6 RPC, with plain TypeScript requests/responses.
 *
 * DynamicValues stay raw (`RawDynamicValue`): the framework knows the schema,
 * so it decodes with `decodeDynamicValue(raw, impliedType(schema.block))` and
 * answers with `encodeDynamicValue(value, type)`.
 */
import type { RawDynamicValue } from './cty/dynamic-value';
import type { AttributePath, Diagnostic } from './diagnostics';
import type { Logger } from './logging';
import type { FunctionDefinition, Schema } from './schema';

export interface ServerCapabilities {
  /** Terraform then calls PlanResourceChange for destroys too (proposed state null). */
  readonly planDestroy?: boolean;
  /** Terraform may use a cached schema instead of calling GetProviderSchema. */
  readonly getProviderSchemaOptional?: boolean;
  readonly moveResourceState?: boolean;
}

export interface ClientCapabilities {
  readonly deferralAllowed: boolean;
  readonly writeOnlyAttributesAllowed: boolean;
}

export type DeferredReason = 'resource_config_unknown' | 'provider_config_unknown' | 'absent_prereq';

export interface WithDiagnostics {
  readonly diagnostics?: readonly Diagnostic[];
}

/** Per-call facilities the server hands to every handler. */
export interface RequestContext {
  readonly rpc: string;
  readonly logger: Logger;
  /** The provider's own GetProviderSchema answer, asked once per process. */
  providerSchema(): Promise<GetProviderSchemaResponse>;
}

export interface RawState {
  readonly json?: Uint8Array;
  readonly flatmap?: Readonly<Record<string, string>>;
}

export type EmptyRequest = Record<string, never>;

export interface GetMetadataResponse extends WithDiagnostics {
  readonly serverCapabilities?: ServerCapabilities;
  readonly resources?: readonly string[];
  readonly dataSources?: readonly string[];
  readonly functions?: readonly string[];
  readonly ephemeralResources?: readonly string[];
}

export interface GetProviderSchemaResponse extends WithDiagnostics {
  readonly provider?: Schema;
  readonly resourceSchemas?: Readonly<Record<string, Schema>>;
  readonly dataSourceSchemas?: Readonly<Record<string, Schema>>;
  readonly ephemeralResourceSchemas?: Readonly<Record<string, Schema>>;
  readonly functions?: Readonly<Record<string, FunctionDefinition>>;
  readonly providerMeta?: Schema;
  readonly serverCapabilities?: ServerCapabilities;
}

export interface ValidateProviderConfigRequest {
  readonly config: RawDynamicValue;
}
export interface ValidateResourceConfigRequest {
  readonly typeName: string;
  readonly config: RawDynamicValue;
  readonly clientCapabilities: ClientCapabilities;
}
export interface ValidateDataResourceConfigRequest {
  readonly typeName: string;
  readonly config: RawDynamicValue;
}
export interface ValidateEphemeralResourceConfigRequest {
  readonly typeName: string;
  readonly config: RawDynamicValue;
}

export interface UpgradeResourceStateRequest {
  readonly typeName: string;
  /** The schema version the state was written with. */
  readonly version: number;
  /** Stored state in the schema of `version`, hence raw JSON rather than a typed value. */
  readonly rawState: RawState;
}
export interface UpgradeResourceStateResponse extends WithDiagnostics {
  /** The state in the current schema, every attribute present. */
  readonly upgradedState?: RawDynamicValue;
}

export interface ConfigureProviderRequest {
  readonly terraformVersion: string;
  readonly config: RawDynamicValue;
  readonly clientCapabilities: ClientCapabilities;
}

export interface ReadResourceRequest {
  readonly typeName: string;
  readonly currentState: RawDynamicValue;
  readonly private: Uint8Array;
  readonly providerMeta: RawDynamicValue;
  readonly clientCapabilities: ClientCapabilities;
}
export interface ReadResourceResponse extends WithDiagnostics {
  /** A null value means the object is gone; Terraform then plans to create it. */
  readonly newState?: RawDynamicValue;
  readonly private?: Uint8Array;
  readonly deferred?: DeferredReason;
}

export interface PlanResourceChangeRequest {
  readonly typeName: string;
  /** Null on create. */
  readonly priorState: RawDynamicValue;
  /** Null on destroy (sent only with the planDestroy capability). */
  readonly proposedNewState: RawDynamicValue;
  readonly config: RawDynamicValue;
  readonly priorPrivate: Uint8Array;
  readonly providerMeta: RawDynamicValue;
  readonly clientCapabilities: ClientCapabilities;
}
export interface PlanResourceChangeResponse extends WithDiagnostics {
  readonly plannedState?: RawDynamicValue;
  readonly requiresReplace?: readonly AttributePath[];
  readonly plannedPrivate?: Uint8Array;
  readonly deferred?: DeferredReason;
}

export interface ApplyResourceChangeRequest {
  readonly typeName: string;
  readonly priorState: RawDynamicValue;
  /** Null on destroy. */
  readonly plannedState: RawDynamicValue;
  readonly config: RawDynamicValue;
  readonly plannedPrivate: Uint8Array;
  readonly providerMeta: RawDynamicValue;
}
export interface ApplyResourceChangeResponse extends WithDiagnostics {
  readonly newState?: RawDynamicValue;
  readonly private?: Uint8Array;
}

export interface ImportResourceStateRequest {
  readonly typeName: string;
  readonly id: string;
  readonly clientCapabilities: ClientCapabilities;
}
export interface ImportedResource {
  readonly typeName: string;
  readonly state: RawDynamicValue;
  readonly private?: Uint8Array;
}
export interface ImportResourceStateResponse extends WithDiagnostics {
  readonly importedResources?: readonly ImportedResource[];
  readonly deferred?: DeferredReason;
}

export interface MoveResourceStateRequest {
  readonly sourceProviderAddress: string;
  readonly sourceTypeName: string;
  readonly sourceSchemaVersion: number;
  readonly sourceState: RawState;
  readonly targetTypeName: string;
  readonly sourcePrivate: Uint8Array;
}
export interface MoveResourceStateResponse extends WithDiagnostics {
  readonly targetState?: RawDynamicValue;
  readonly targetPrivate?: Uint8Array;
}

export interface ReadDataSourceRequest {
  readonly typeName: string;
  readonly config: RawDynamicValue;
  readonly providerMeta: RawDynamicValue;
  readonly clientCapabilities: ClientCapabilities;
}
export interface ReadDataSourceResponse extends WithDiagnostics {
  readonly state?: RawDynamicValue;
  readonly deferred?: DeferredReason;
}

export interface OpenEphemeralResourceRequest {
  readonly typeName: string;
  readonly config: RawDynamicValue;
  readonly clientCapabilities: ClientCapabilities;
}
export interface OpenEphemeralResourceResponse extends WithDiagnostics {
  readonly result?: RawDynamicValue;
  readonly private?: Uint8Array;
  readonly renewAt?: Date;
  readonly deferred?: DeferredReason;
}
export interface RenewEphemeralResourceRequest {
  readonly typeName: string;
  readonly private?: Uint8Array;
}
export interface RenewEphemeralResourceResponse extends WithDiagnostics {
  readonly private?: Uint8Array;
  readonly renewAt?: Date;
}
export interface CloseEphemeralResourceRequest {
  readonly typeName: string;
  readonly private?: Uint8Array;
}

export interface GetFunctionsResponse extends WithDiagnostics {
  readonly functions?: Readonly<Record<string, FunctionDefinition>>;
}
export interface CallFunctionRequest {
  readonly name: string;
  readonly arguments: readonly RawDynamicValue[];
}
export interface CallFunctionResponse {
  readonly result?: RawDynamicValue;
  readonly error?: { readonly text: string; readonly functionArgument?: number };
}

export interface StopProviderResponse {
  readonly error?: string;
}

type Handler<Req, Res> = (request: Req, context: RequestContext) => Promise<Res>;

export interface ProviderHandlers {
  getMetadata: Handler<EmptyRequest, GetMetadataResponse>;
  getProviderSchema: Handler<EmptyRequest, GetProviderSchemaResponse>;
  validateProviderConfig: Handler<ValidateProviderConfigRequest, WithDiagnostics>;
  validateResourceConfig: Handler<ValidateResourceConfigRequest, WithDiagnostics>;
  validateDataResourceConfig: Handler<ValidateDataResourceConfigRequest, WithDiagnostics>;
  upgradeResourceState: Handler<UpgradeResourceStateRequest, UpgradeResourceStateResponse>;
  configureProvider: Handler<ConfigureProviderRequest, WithDiagnostics>;
  readResource: Handler<ReadResourceRequest, ReadResourceResponse>;
  planResourceChange: Handler<PlanResourceChangeRequest, PlanResourceChangeResponse>;
  applyResourceChange: Handler<ApplyResourceChangeRequest, ApplyResourceChangeResponse>;
  importResourceState: Handler<ImportResourceStateRequest, ImportResourceStateResponse>;
  moveResourceState: Handler<MoveResourceStateRequest, MoveResourceStateResponse>;
  readDataSource: Handler<ReadDataSourceRequest, ReadDataSourceResponse>;
  validateEphemeralResourceConfig: Handler<ValidateEphemeralResourceConfigRequest, WithDiagnostics>;
  openEphemeralResource: Handler<OpenEphemeralResourceRequest, OpenEphemeralResourceResponse>;
  renewEphemeralResource: Handler<RenewEphemeralResourceRequest, RenewEphemeralResourceResponse>;
  closeEphemeralResource: Handler<CloseEphemeralResourceRequest, WithDiagnostics>;
  getFunctions: Handler<EmptyRequest, GetFunctionsResponse>;
  callFunction: Handler<CallFunctionRequest, CallFunctionResponse>;
  /** Terraform asks to stop in-flight work (e.g. on Ctrl-C); the process keeps running. */
  stopProvider: Handler<EmptyRequest, StopProviderResponse>;
}
