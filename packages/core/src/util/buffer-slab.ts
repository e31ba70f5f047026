/**
 * Buffers carved out of shared slabs, as Node's own pool does for Buffers under 4 KiB. Every
 * Buffer of its own is a separately allocated backing store that V8 accounts as external
 * memory; at tens of thousands of 10 KiB messages a second those allocations were what started
 * most garbage collections, and creating one cost more than copying 10 KiB into it. A slab lives
 * as long as any Buffer carved from it, so a slab's size bounds what one kept Buffer can pin.
 */
export class SlabAllocator {
  private slab: Buffer | null = null;
  private offset = 0;

  /**
   * @param slabBytes size of each slab
   * @param minBytes below this size Buffer.allocUnsafe is used (Node's pool already shares memory)
   * @param maxBytes above this size a Buffer of its own is used
   */
  constructor(
    private readonly slabBytes: number,
    private readonly minBytes: number,
    private readonly maxBytes: number,
  ) {}

  /** An uninitialized Buffer of `size` bytes (like Buffer.allocUnsafe), from a slab when it is mid-sized. */
  allocate(size: number): Buffer {
    if (size < this.minBytes || size > this.maxBytes) return Buffer.allocUnsafe(size);
    if (this.slab === null || this.offset + size > this.slabBytes) {
      this.slab = Buffer.allocUnsafeSlow(this.slabBytes);
      this.offset = 0;
    }
    const buffer = this.slab.subarray(this.offset, this.offset + size);
    // 8-byte aligned, as Node's pool keeps its Buffers.
    this.offset = (this.offset + size + 7) & ~7;
    return buffer;
  }
}

/** Short-lived Buffers of 4-32 KiB (messages, serialized values) from shared 256 KiB slabs. */
const shortLived = new SlabAllocator(256 * 1024, 4 * 1024, 32 * 1024);

/** An uninitialized Buffer of `size` bytes (like Buffer.allocUnsafe), from a slab when it is mid-sized. */
export function allocateBuffer(size: number): Buffer {
  return shortLived.allocate(size);
}
