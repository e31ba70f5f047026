import { HeapData, partitionIdOf } from '@hz/core';

/**
 * The partition a member assigns to serialized key bytes: the key's partition hash (stored in
 * its header, else murmur3 of its payload), then the member's rule for the id.
 */
export function partitionOf(data: Buffer, partitionCount: number): number {
  return partitionIdOf(new HeapData(data), partitionCount);
}
