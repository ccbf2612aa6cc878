/**
 * What the server answers for RPCs a provider does not implement: harmless
 * defaults where one exists (no validation errors, no functions, metadata
 * and a same-version state upgrade derived from the schema), and an
 * "unimplemented" error diagnostic where Terraform needs a real answer.
 */
import { upgradeJsonValue } from './cty/dynamic-value';
import { errorDiagnostic, type Diagnostic } from './diagnostics';
import type {
  ProviderHandlers,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
  RequestContext,
} from './handlers';
import { impliedType } from './schema';

function unimplemented(rpc: string, subject?: string): Diagnostic {
  return errorDiagnostic(
    `${rpc} is not implemented`,
    `This provider does not implement ${rpc}${subject ? ` for ${subject}` : ''}.`,
  );
}

const ok = async (): Promise<Record<string, never>> => ({});

async function upgradeBySchema(
  request: UpgradeResourceStateRequest,
  context: RequestContext,
): Promise<UpgradeResourceStateResponse> {
  const schema = (await context.providerSchema()).resourceSchemas?.[request.typeName];
  if (!schema) return { diagnostics: [errorDiagnostic('Unknown resource type', `No schema for ${request.typeName}.`)] };
  if (!request.rawState.json) {
    return { diagnostics: [unimplemented('UpgradeResourceState', `legacy flatmap state of ${request.typeName}`)] };
  }
  if (request.version > (schema.version ?? 0)) {
    return {
      diagnostics: [
        errorDiagnostic(
          'State from a newer provider',
          `The state of this ${request.typeName} was written with schema version ${request.version}, ` +
            `newer than this provider's ${schema.version ?? 0}.`,
        ),
      ],
    };
  }
  // Same shape assumed: attributes the schema dropped are discarded, new ones become null.
  return { upgradedState: upgradeJsonValue(request.rawState.json, impliedType(schema.block)) };
}

export const handlers: ProviderHandlers = {
  async getMetadata(_request, context) {
    const schema = await context.providerSchema();
    return {
      serverCapabilities: schema.serverCapabilities,
      resources: Object.keys(schema.resourceSchemas ?? {}),
      dataSources: Object.keys(schema.dataSourceSchemas ?? {}),
      ephemeralResources: Object.keys(schema.ephemeralResourceSchemas ?? {}),
      functions: Object.keys(schema.functions ?? {}),
      diagnostics: schema.diagnostics,
    };
  },
  getProviderSchema: async () => ({ provider: { block: {} } }),
  validateProviderConfig: ok,
  validateResourceConfig: ok,
  validateDataResourceConfig: ok,
  validateEphemeralResourceConfig: ok,
  upgradeResourceState: upgradeBySchema,
  configureProvider: ok,
  readResource: async (r) => ({ diagnostics: [unimplemented('ReadResource', r.typeName)] }),
  planResourceChange: async (r) => ({ diagnostics: [unimplemented('PlanResourceChange', r.typeName)] }),
  applyResourceChange: async (r) => ({ diagnostics: [unimplemented('ApplyResourceChange', r.typeName)] }),
  importResourceState: async (r) => ({ diagnostics: [unimplemented('ImportResourceState', r.typeName)] }),
  moveResourceState: async (r) => ({ diagnostics: [unimplemented('MoveResourceState', r.targetTypeName)] }),
  readDataSource: async (r) => ({ diagnostics: [unimplemented('ReadDataSource', r.typeName)] }),
  openEphemeralResource: async (r) => ({ diagnostics: [unimplemented('OpenEphemeralResource', r.typeName)] }),
  renewEphemeralResource: async (r) => ({ diagnostics: [unimplemented('RenewEphemeralResource', r.typeName)] }),
  closeEphemeralResource: async (r) => ({ diagnostics: [unimplemented('CloseEphemeralResource', r.typeName)] }),
  getFunctions: async (_r, context) => ({ functions: (await context.providerSchema()).functions ?? {} }),
  callFunction: async (r) => ({ error: { text: `function ${r.name} is not implemented by this provider` } }),
  stopProvider: async () => ({}),
};

/**
 * A complete handler set: the provider's own methods, the defaults for the
 * rest. Works for plain objects and class instances (methods stay bound).
 */
export function withDefaults(provider: Partial<ProviderHandlers>): ProviderHandlers {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(handlers) as (keyof ProviderHandlers)[]) {
    const own = provider[name];
    out[name] = typeof own === 'function' ? own.bind(provider) : handlers[name];
  }
  return out as unknown as ProviderHandlers;
}
