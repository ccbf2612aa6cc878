/**
 * The one place that knows where message descriptors come from: the JSON
 * pre-compiled by scripts/gen-proto.ts. Swap this module to change that.
 */
import generated from '../generated/descriptors.json';
import type { DescriptorSet } from './descriptor-types';
import { ProtobufCodec } from './protobuf';

export const descriptors = generated as unknown as DescriptorSet;

let shared: ProtobufCodec | undefined;

export function protobufCodec(): ProtobufCodec {
  shared ??= new ProtobufCodec(descriptors);
  return shared;
}
