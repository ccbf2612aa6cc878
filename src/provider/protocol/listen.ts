/**
 * Binds the gRPC server where go-plugin expects it: 127.0.0.1 on a port
 * within PLUGIN_MIN_PORT..PLUGIN_MAX_PORT when set (any free port otherwise),
 * or a unix socket in a private directory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Endpoint } from './handshake';
import type { GrpcServer } from './transport/grpc-server';

function portRange(env: NodeJS.ProcessEnv): { min: number; max: number } | undefined {
  const min = Number(env.PLUGIN_MIN_PORT ?? '');
  const max = Number(env.PLUGIN_MAX_PORT ?? '');
  if (!Number.isInteger(min) || !Number.isInteger(max) || min <= 0 || max < min || max > 65535) return undefined;
  return { min, max };
}

export async function listenTcp(server: GrpcServer, env: NodeJS.ProcessEnv): Promise<Endpoint> {
  const host = '127.0.0.1';
  const range = portRange(env);
  if (!range) return { network: 'tcp', host, port: (await server.listen({ host, port: 0 })) ?? 0 };
  // Start at a random offset so concurrent launches rarely race for one port.
  const span = range.max - range.min + 1;
  const offset = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = range.min + ((offset + i) % span);
    try {
      return { network: 'tcp', host, port: (await server.listen({ host, port })) ?? port };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`no free port between ${range.min} and ${range.max}`);
}

export async function listenUnix(server: GrpcServer, env: NodeJS.ProcessEnv): Promise<Endpoint> {
  const dir = fs.mkdtempSync(path.join(env.PLUGIN_UNIX_SOCKET_DIR || os.tmpdir(), 'plugin'));
  const socket = path.join(dir, 'provider.sock');
  await server.listen({ path: socket });
  return { network: 'unix', path: socket };
}

/** Removes a unix socket and its private directory; safe to call twice. */
export function removeSocket(endpoint: Endpoint): void {
  if (endpoint.network !== 'unix') return;
  fs.rmSync(path.dirname(endpoint.path), { recursive: true, force: true });
}
