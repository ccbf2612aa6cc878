import * as fs from 'node:fs';
import { OUTPUT_FILE, generateDescriptors, renderDescriptors } from '../../../scripts/gen-proto';

describe('generated descriptors', () => {
  it('are up to date with the .proto files (regenerate with scripts/gen-proto.ts if this fails)', () => {
    expect(fs.readFileSync(OUTPUT_FILE, 'utf8')).toBe(renderDescriptors(generateDescriptors()));
  });

  it('carry the v1.11 field numbers that matter most', () => {
    const { messages, services } = generateDescriptors();
    const field = (type: string, name: string): number | undefined =>
      messages[type]?.find((f) => f.name === name)?.number;
    expect(field('tfplugin6.Schema.Attribute', 'write_only')).toBe(11);
    expect(field('tfplugin6.Schema.Attribute', 'nested_type')).toBe(10);
    expect(field('tfplugin6.ServerCapabilities', 'plan_destroy')).toBe(1);
    expect(field('tfplugin6.ServerCapabilities', 'get_provider_schema_optional')).toBe(2);
    expect(field('tfplugin6.ValidateResourceConfig.Request', 'client_capabilities')).toBe(3);
    expect(field('tfplugin6.ValidateProviderConfig.Response', 'diagnostics')).toBe(2);
    expect(field('tfplugin6.GetProviderSchema.Response', 'ephemeral_resource_schemas')).toBe(8);
    expect(services['tfplugin6.Provider'].map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'GetMetadata',
        'GetProviderSchema',
        'ValidateProviderConfig',
        'ValidateResourceConfig',
        'ValidateDataResourceConfig',
        'UpgradeResourceState',
        'ConfigureProvider',
        'ReadResource',
        'PlanResourceChange',
        'ApplyResourceChange',
        'ImportResourceState',
        'MoveResourceState',
        'ReadDataSource',
        'ValidateEphemeralResourceConfig',
        'OpenEphemeralResource',
        'RenewEphemeralResource',
        'CloseEphemeralResource',
        'GetFunctions',
        'CallFunction',
        'StopProvider',
      ]),
    );
  });
});
