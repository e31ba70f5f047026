import { allocateBuffer } from './buffer-slab';

/** Smallest pooled buffer (for messages of more than half of it: Node's own pool serves smaller ones well). */
const MIN_POOLED_BITS = 12; // 4 KiB
/** Largest pooled buffer; larger messages are rare enough to allocate. */
const MAX_POOLED_BITS = 16; // 64 KiB
/**
 * Idle memory kept, all classes together: enough for 256 requests of 10 KiB in flight (256 buffers
 * of 16 KiB), the working set that a pool smaller than it turns back into garbage; a burst larger
 * than this does not stay allocated for good.
 */
const KEPT_BYTES = 8 * 1024 * 1024;

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
  private idle = 0;

  constructor(private readonly keptBytes = KEPT_BYTES) {
    for (let bits = MIN_POOLED_BITS; bits <= MAX_POOLED_BITS; bits++) this.free[bits] = [];
  }

  /**
   * A buffer of at least `size` bytes (its length is the size class), or null when `size` is
   * outside the pooled range. Its content is whatever was written last.
   */
  take(size: number): Buffer | null {
    if (size <= 1 << (MIN_POOLED_BITS - 1) || size > 1 << MAX_POOLED_BITS) return null;
    const bits = Math.max(MIN_POOLED_BITS, 32 - Math.clz32(size - 1));
    const buffer = this.free[bits].pop();
    if (buffer === undefined) return allocateBuffer(1 << bits);
    this.idle -= buffer.length;
    return buffer;
  }

  /** Gives back a buffer that {@link take} returned. */
  give(buffer: Buffer): void {
    const bits = 31 - Math.clz32(buffer.length);
    const stack = this.free[bits];
    if (stack === undefined || buffer.length !== 1 << bits) return;
    if (this.idle + buffer.length > this.keptBytes) return;
    stack.push(buffer);
    this.idle += buffer.length;
  }

  /** Bytes held by idle buffers (for tests and diagnostics). */
  idleBytes(): number {
    return this.idle;
  }
}

/** The pool that encoded messages are written into (one per process: requests, responses, events). */
export const messageBuffers = new BufferPool();
