import { allocateBuffer } from './buffer-slab';

/** Smallest pooled buffer: below it Node's own pool serves messages well enough. */
const MIN_POOLED_BITS = 12; // 4 KiB
/** Largest pooled buffer; larger messages are rare enough to allocate. */
const MAX_POOLED_BITS = 16; // 64 KiB
/** Idle memory kept per size class, so that a burst does not stay allocated for good. */
const KEPT_BYTES_PER_CLASS = 512 * 1024;

/**
 * Buffers of 4-64 KiB, by power-of-two size class, that are given back once their message is
 * done with and taken again for the next one. Writing a large message into memory used a moment
 * ago (still in the CPU cache, no new backing store for the garbage collector to track) costs a
 * fraction of writing it into fresh memory: for 10 KiB messages, copying into a fresh buffer took
 * about five times as long as into a recycled one. The most recently given buffer is taken first.
 *
 * A buffer must be given back only when nothing refers to it any more (the socket is done with
 * it, no view of it was handed out); one that is never given back is simply garbage collected.
 */
export class BufferPool {
  private readonly free: Buffer[][] = [];

  constructor(private readonly keptBytesPerClass = KEPT_BYTES_PER_CLASS) {
    for (let bits = MIN_POOLED_BITS; bits <= MAX_POOLED_BITS; bits++) this.free[bits] = [];
  }

  /**
   * A buffer of at least `size` bytes (its length is the size class), or null when `size` is
   * outside the pooled range. Its content is whatever was written last.
   */
  take(size: number): Buffer | null {
    if (size <= 1 << (MIN_POOLED_BITS - 1) || size > 1 << MAX_POOLED_BITS) return null;
    const bits = Math.max(MIN_POOLED_BITS, 32 - Math.clz32(size - 1));
    return this.free[bits].pop() ?? allocateBuffer(1 << bits);
  }

  /** Gives back a buffer that {@link take} returned. */
  give(buffer: Buffer): void {
    const bits = 31 - Math.clz32(buffer.length);
    const stack = this.free[bits];
    if (stack === undefined || buffer.length !== 1 << bits) return;
    if ((stack.length + 1) << bits <= this.keptBytesPerClass) stack.push(buffer);
  }

  /** Bytes held by idle buffers (for tests and diagnostics). */
  idleBytes(): number {
    let total = 0;
    for (let bits = MIN_POOLED_BITS; bits <= MAX_POOLED_BITS; bits++) total += this.free[bits].length << bits;
    return total;
  }
}

/** The pool that encoded messages are written into (one per process: requests, responses, events). */
export const messageBuffers = new BufferPool();
