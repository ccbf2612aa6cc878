/**
 * The package's library entry: the typed iRedAdmin-Pro client, and the compatible server for
 * programs that embed it. The provider is an executable (dist/terraform-provider-iredadmin) and
 * the CDKTF bindings are `terraform-provider-iredadmin/constructs`.
 */
export * from './client';
export { startServer, type RunningServer, type StartOptions } from './server/server';
export { DEFAULT_SETTINGS, settingsFromEnv, type ServerSettings } from './server/config';
