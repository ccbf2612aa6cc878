/**
 * gRPC service definitions for @grpc/grpc-js clients (tests, tools), built
 * from our descriptors. The provider process itself serves with our own
 * transport/grpc-server and never loads grpc-js (type import only).
 */
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { descriptors, protobufCodec } from './descriptors';
import type { WireMessage } from './protobuf';

export type WireServiceDefinition = ServiceDefinition<{ [method: string]: MethodDefinition<WireMessage, WireMessage> }>;

export function serviceDefinition(serviceName: string): WireServiceDefinition {
  const methods = descriptors.services[serviceName];
  if (!methods) throw new Error(`unknown gRPC service ${serviceName}`);
  const codec = protobufCodec();
  const definition: { [method: string]: MethodDefinition<WireMessage, WireMessage> } = {};
  for (const method of methods) {
    definition[method.name] = {
      path: `/${serviceName}/${method.name}`,
      requestStream: method.clientStreaming === true,
      responseStream: method.serverStreaming === true,
      requestSerialize: (message: WireMessage) => codec.encode(method.requestType, message),
      requestDeserialize: (bytes: Buffer) => codec.decode(method.requestType, bytes),
      responseSerialize: (message: WireMessage) => codec.encode(method.responseType, message),
      responseDeserialize: (bytes: Buffer) => codec.decode(method.responseType, bytes),
      originalName: method.name,
    };
  }
  return definition;
}
