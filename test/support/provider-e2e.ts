/**
 * What every provider end-to-end file starts with: the provider built into a filesystem
 * mirror, our server on one backend with a global-admin session, the provider's environment,
 * and terraform workspaces that are removed when the file is done.
 */
import { rmSync } from 'node:fs';
import { adminSession, type ApiSession } from './api';
import { buildProviderMirror, TerraformWorkspace } from './terraform';
import { adminEnv, startTestServer, type Backend, type TestServer } from './test-server';

export interface ProviderE2E {
  readonly mirror: string;
  readonly server: TestServer;
  readonly api: ApiSession;
  /** IREDADMIN_URL / _USERNAME / _PASSWORD for the provider. */
  readonly env: Record<string, string>;
  /**
   * A new workspace on the mirror and server, removed by close(); `envOverrides` changes the
   * provider's environment for this workspace only (e.g. `IREDADMIN_URL` of a proxy, `TF_VAR_…`).
   */
  workspace(envOverrides?: Record<string, string>): TerraformWorkspace;
  close(): Promise<void>;
}

export async function startProviderE2E(backend: Backend): Promise<ProviderE2E> {
  const mirror = await buildProviderMirror();
  const server = await startTestServer({ backend });
  const api = await adminSession(server);
  const env = adminEnv(server);
  const workspaces: TerraformWorkspace[] = [];
  return {
    mirror,
    server,
    api,
    env,
    workspace(envOverrides = {}) {
      const tf = TerraformWorkspace.create(mirror, { ...env, ...envOverrides });
      workspaces.push(tf);
      return tf;
    },
    async close() {
      for (const tf of workspaces) tf.remove();
      rmSync(mirror, { recursive: true, force: true });
      await server.close();
    },
  };
}
