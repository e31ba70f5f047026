/** The seed Hazelcast uses for partition hashes (`HashUtil.DEFAULT_MURMUR_SEED`). */
export const MURMUR_SEED = 0x01000193;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/**
 * MurmurHash3 x86 32-bit of `bytes[offset, offset + length)`, as a signed int32 (Java's `int`).
 * Blocks are read little-endian whatever the platform, as the member does.
 */
export function murmur3x86_32(bytes: Uint8Array, offset = 0, length = bytes.length - offset, seed = MURMUR_SEED): number {
  let h1 = seed | 0;
  const tail = offset + (length & ~3);
  for (let i = offset; i < tail; i += 4) {
    let k1 = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k1 = Math.imul(k1, C1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, C2);
    h1 ^= k1;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
  }
  const rest = length & 3;
  if (rest !== 0) {
    let k1 = bytes[tail];
    if (rest > 1) k1 |= bytes[tail + 1] << 8;
    if (rest > 2) k1 |= bytes[tail + 2] << 16;
    k1 = Math.imul(k1, C1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, C2);
    h1 ^= k1;
  }
  h1 ^= length;
  return fmix32(h1);
}

/** MurmurHash3's 32-bit finalizer: spreads every input bit over the output. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
