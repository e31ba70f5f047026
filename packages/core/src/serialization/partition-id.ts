import type { Data } from './data';

const MIN_INT32 = -0x80000000;

/**
 * The partition of a serialized key, by the member's rule (`HashUtil.hashToIndex`): a partition
 * hash of -2^31, whose absolute value does not fit an int, maps to partition 0; any other hash
 * to |hash| modulo the partition count. The official Node.js and Python clients compute
 * `abs(-2^31) % count` instead and so disagree with the member for that one hash; we follow
 * the member, which owns the data.
 */
export function partitionIdOf(data: Data, partitionCount: number): number {
  return hashToPartitionId(data.getPartitionHash(), partitionCount);
}

/** {@link partitionIdOf} for a partition hash already computed. */
export function hashToPartitionId(hash: number, partitionCount: number): number {
  if (!(partitionCount > 0) || !Number.isInteger(partitionCount)) {
    throw new RangeError(`The partition count must be a positive integer, got ${partitionCount}`);
  }
  return hash === MIN_INT32 ? 0 : Math.abs(hash) % partitionCount;
}
