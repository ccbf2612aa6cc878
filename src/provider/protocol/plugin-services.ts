/**
 * The services go-plugin's host side expects beside the provider: health
 * (service "plugin" must be SERVING), the controller whose Shutdown asks us
 * to exit, and the stdio stream (kept open, empty: we never write stdout).
 */
import { status, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream } from '@grpc/grpc-js';
import type { WireMessage } from './wire/protobuf';

const SERVING = 1;
const HEALTHY_SERVICES = new Set(['', 'plugin']);

export type UnaryHandler = (call: ServerUnaryCall<WireMessage, WireMessage>, callback: sendUnaryData<WireMessage>) => void;
export type StreamHandler = (call: ServerWritableStream<WireMessage, WireMessage>) => void;

export function healthImplementation(): Record<string, UnaryHandler | StreamHandler> {
  const check = (service: string): WireMessage | undefined => (HEALTHY_SERVICES.has(service) ? { status: SERVING } : undefined);
  const Check: UnaryHandler = (call, callback) => {
    const answer = check(typeof call.request.service === 'string' ? call.request.service : '');
    if (answer) callback(null, answer);
    else callback({ code: status.NOT_FOUND, details: 'unknown service' });
  };
  const Watch: StreamHandler = (call) => {
    const answer = check(typeof call.request.service === 'string' ? call.request.service : '');
    call.write(answer ?? { status: 3 }); // SERVICE_UNKNOWN
  };
  return { Check, Watch };
}

export function controllerImplementation(onShutdown: () => void): Record<string, UnaryHandler> {
  return {
    Shutdown: (_call, callback) => {
      callback(null, {});
      onShutdown();
    },
  };
}

/** Streams stay open until the server closes them; nothing is ever sent. */
export function stdioImplementation(openStreams: Set<ServerWritableStream<WireMessage, WireMessage>>): Record<string, StreamHandler> {
  return {
    StreamStdio: (call) => {
      openStreams.add(call);
      call.on('cancelled', () => openStreams.delete(call));
    },
  };
}
