/** The framework layer: resources and data sources as data, driven by a generic life cycle. */
export * from './attributes';
export * from './definitions';
export * from './errors';
export { providerHandlers, providerSchema, type ProviderDefinition } from './provider';
export { ResourceEngine } from './resource-engine';
export { examplePath, renderDocs, type ExampleKind } from './docs';
