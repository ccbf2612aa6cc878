/**
 * Binds the gRPC server where go-plugin expects it: 127.0.0.1 on a port
 * within PLUGIN_MIN_PORT..PLUGIN_MAX_PORT when set (any free port otherwise),
 * or a unix socket.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Server, ServerCredentials } from '@grpc/grpc-js';
import type { Endpoint } from './handshake';

function bind(server: Server, address: string, credentials: ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, credentials, (error, port) => (error ? reject(error) : resolve(port)));
  });
}

export function portRange(env: NodeJS.ProcessEnv): { min: number; max: number } | undefined {
  const min = Number(env.PLUGIN_MIN_PORT ?? '');
  const max = Number(env.PLUGIN_MAX_PORT ?? '');
  if (!Number.isInteger(min) || !Number.isInteger(max) || min <= 0 || max < min || max > 65535) return undefined;
  return { min, max };
}

export async function listenTcp(server: Server, credentials: ServerCredentials, env: NodeJS.ProcessEnv): Promise<Endpoint> {
  const host = '127.0.0.1';
  const range = portRange(env);
  if (!range) return { network: 'tcp', host, port: await bind(server, `${host}:0`, credentials) };
  // Start at a random offset so concurrent launches rarely race for one port.
  const span = range.max - range.min + 1;
  const offset = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = range.min + ((offset + i) % span);
    try {
      return { network: 'tcp', host, port: await bind(server, `${host}:${port}`, credentials) };
    } catch {
      // taken; try the next one
    }
  }
  throw new Error(`no free port between ${range.min} and ${range.max}`);
}

export async function listenUnix(server: Server, credentials: ServerCredentials, env: NodeJS.ProcessEnv): Promise<Endpoint> {
  const dir = fs.mkdtempSync(path.join(env.PLUGIN_UNIX_SOCKET_DIR || os.tmpdir(), 'plugin'));
  const socket = path.join(dir, 'provider.sock');
  await bind(server, `unix:${socket}`, credentials);
  return { network: 'unix', path: socket };
}

/** Removes a unix socket and its private directory; safe to call twice. */
export function removeSocket(endpoint: Endpoint): void {
  if (endpoint.network !== 'unix') return;
  fs.rmSync(path.dirname(endpoint.path), { recursive: true, force: true });
}
