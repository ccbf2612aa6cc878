/**
 * The services go-plugin's host side expects beside the provider: health
 * (service "plugin" must be SERVING), the controller whose Shutdown asks us
 * to exit, and the stdio stream (kept open, empty: we never write stdout).
 */
import { GrpcError, GrpcStatus } from './transport/grpc-server';
import type { ServiceImplementation, WireStream } from './transport/bind-services';

const SERVING = 1;
const SERVICE_UNKNOWN = 3;
const HEALTHY_SERVICES = new Set(['', 'plugin']);
const serviceOf = (request: { service?: unknown }): string =>
  typeof request.service === 'string' ? request.service : '';

export function healthImplementation(): ServiceImplementation {
  return {
    Check: async (request) => {
      if (!HEALTHY_SERVICES.has(serviceOf(request))) throw new GrpcError(GrpcStatus.NOT_FOUND, 'unknown service');
      return { status: SERVING };
    },
    Watch: {
      streaming: (request, stream) => {
        stream.write({ status: HEALTHY_SERVICES.has(serviceOf(request)) ? SERVING : SERVICE_UNKNOWN });
      },
    },
  };
}

export function controllerImplementation(onShutdown: () => void): ServiceImplementation {
  return {
    Shutdown: async () => {
      // Answer first; stop once the reply is on its way.
      setImmediate(onShutdown);
      return {};
    },
  };
}

/** Streams stay open until the server stops; nothing is ever sent. */
export function stdioImplementation(openStreams: Set<WireStream>): ServiceImplementation {
  return {
    StreamStdio: {
      streaming: (_request, stream) => {
        openStreams.add(stream);
        stream.onCancel(() => openStreams.delete(stream));
      },
    },
  };
}
