/** Registers our services' methods on the gRPC server, with protobuf (de)serialization. */
import { descriptors, protobufCodec } from '../wire/descriptors';
import type { WireMessage } from '../wire/protobuf';
import { GrpcError, GrpcStatus, type GrpcServer } from './grpc-server';

export type UnaryImplementation = (request: WireMessage) => Promise<WireMessage>;

export interface WireStream {
  write(message: WireMessage): void;
  end(): void;
  onCancel(listener: () => void): void;
}
export type StreamingImplementation = (request: WireMessage, stream: WireStream) => void;

export type ServiceImplementation = Record<string, UnaryImplementation | { streaming: StreamingImplementation }>;

export function bindService(server: GrpcServer, serviceName: string, implementation: ServiceImplementation): void {
  const methods = descriptors.services[serviceName];
  if (!methods) throw new Error(`unknown gRPC service ${serviceName}`);
  const codec = protobufCodec();
  for (const method of methods) {
    const path = `/${serviceName}/${method.name}`;
    const impl = implementation[method.name];
    const decode = (bytes: Buffer): WireMessage => {
      try {
        return codec.decode(method.requestType, bytes);
      } catch (error) {
        throw new GrpcError(GrpcStatus.INTERNAL, `cannot decode ${method.requestType}: ${(error as Error).message}`);
      }
    };
    if (impl === undefined) {
      server.unary(path, async () => {
        throw new GrpcError(GrpcStatus.UNIMPLEMENTED, `${method.name} is not implemented`);
      });
    } else if (typeof impl === 'function') {
      server.unary(path, async (bytes) => codec.encode(method.responseType, await impl(decode(bytes))));
    } else {
      server.serverStreaming(path, (bytes, stream) => {
        impl.streaming(decode(bytes), {
          write: (message) => stream.write(codec.encode(method.responseType, message)),
          end: () => stream.end(),
          onCancel: (listener) => stream.onCancel(listener),
        });
      });
    }
  }
}
