import { DATA_HEADER_SIZE } from '@hz/core';

// The partition of a key, by the member's rule: murmur3 (x86, 32-bit) over the serialized key
// after its 8-byte header, or the partition hash the key carries in its header; then a hash of
// -2^31 goes to partition 0 and any other to |hash| modulo the partition count.

const SEED = 0x01000193;
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** MurmurHash3 x86 32-bit of `buf[from, to)`, as a signed 32-bit integer. */
export function murmur3(buf: Uint8Array, from: number, to: number, seed = SEED): number {
  let h = seed | 0;
  const blocks = from + ((to - from) & ~3);
  for (let i = from; i < blocks; i += 4) {
    let k = buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = (to - from) & 3;
  if (tail > 0) {
    let k = 0;
    if (tail === 3) k ^= buf[blocks + 2] << 16;
    if (tail >= 2) k ^= buf[blocks + 1] << 8;
    k ^= buf[blocks];
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= to - from;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** The partition hash of serialized bytes: the stored one when set, else murmur3 of the payload. */
export function partitionHashOf(data: Buffer): number {
  if (data.length < DATA_HEADER_SIZE) return 0;
  const stored = data.readInt32BE(0);
  if (stored !== 0) return stored;
  return murmur3(data, DATA_HEADER_SIZE, data.length);
}

/** The partition a member assigns to a hash. */
export function partitionOfHash(hash: number, partitionCount: number): number {
  if (hash === -0x80000000) return 0;
  return Math.abs(hash) % partitionCount;
}

export function partitionOf(data: Buffer, partitionCount: number): number {
  return partitionOfHash(partitionHashOf(data), partitionCount);
}
