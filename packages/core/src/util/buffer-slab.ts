/**
 * Buffers of 4-32 KiB carved out of shared 256 KiB slabs, as Node's own pool does for
 * Buffers under 4 KiB. Every Buffer of its own is a separately allocated backing store that
 * V8 accounts as external memory; at tens of thousands of 10 KiB messages a second those
 * allocations were what started most full garbage collections. A slab lives as long as any
 * Buffer carved from it, so only short-lived Buffers (messages, serialized values) come from here.
 */
const SLAB_BYTES = 256 * 1024;
/** Below this size Node's pool (Buffer.allocUnsafe) already shares memory. */
const MIN_SLAB_ALLOCATION = 4 * 1024;
/** Above this size a Buffer of its own costs little next to the bytes it holds. */
const MAX_SLAB_ALLOCATION = 32 * 1024;

let slab: Buffer | null = null;
let offset = 0;

/** An uninitialized Buffer of `size` bytes (like Buffer.allocUnsafe), from a slab when it is mid-sized. */
export function allocateBuffer(size: number): Buffer {
  if (size < MIN_SLAB_ALLOCATION || size > MAX_SLAB_ALLOCATION) return Buffer.allocUnsafe(size);
  if (slab === null || offset + size > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    offset = 0;
  }
  const buffer = slab.subarray(offset, offset + size);
  // 8-byte aligned, as Node's pool keeps its Buffers.
  offset = (offset + size + 7) & ~7;
  return buffer;
}
