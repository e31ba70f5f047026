import type { ClientConnection } from '../../network/connection';

/** What happened to an item, for item events. */
export type ItemChange = 'added' | 'removed';

/** The longest delay setTimeout takes (a longer one fires at once). */
const MAX_TIMER_MS = 2_147_483_647;

/** A request waiting in a queue: a poll or take for an item, an offer or put for room. */
interface Waiter<T> {
  readonly connection: ClientConnection;
  readonly settle: (result: T) => void;
  readonly fail: (error: Error) => void;
  timer: NodeJS.Timeout | null;
}

interface OfferWaiter extends Waiter<boolean> {
  readonly item: Buffer;
}

/**
 * The items of one queue (serialized bytes, head first) and the requests parked on it.
 *
 * Blocking operations never block the event loop: a poll that finds no item, or an offer that
 * finds no room, is parked here with a promise and a timer. Every change serves the parked
 * requests in arrival order (an item goes to the oldest poll, room to the oldest offer), so a
 * new request never overtakes a parked one. The timer answers with the empty result (null,
 * false) when the wait ends; a closed connection or a destroyed queue cancels the wait.
 */
export class QueueContainer {
  private buf: Array<Buffer | undefined> = [];
  private head = 0;
  private readonly pollers: Array<Waiter<Buffer | null>> = [];
  private readonly offerers: OfferWaiter[] = [];

  /**
   * @param capacity how many items the queue holds
   * @param onChange called for each item added or removed (item events)
   */
  constructor(
    readonly name: string,
    readonly partitionId: number,
    readonly capacity: number,
    private readonly onChange: (change: ItemChange, item: Buffer) => void,
  ) {}

  get size(): number {
    return this.buf.length - this.head;
  }

  get remainingCapacity(): number {
    return this.capacity - this.size;
  }

  /** Parked requests: polls (and takes) waiting for an item, offers (and puts) waiting for room. */
  get parked(): { polls: number; offers: number } {
    return { polls: this.pollers.length, offers: this.offerers.length };
  }

  /** The items, head first. */
  items(): Buffer[] {
    return this.buf.slice(this.head) as Buffer[];
  }

  peek(): Buffer | null {
    return this.size === 0 ? null : (this.buf[this.head] as Buffer);
  }

  contains(item: Buffer): boolean {
    for (let i = this.head; i < this.buf.length; i++) if ((this.buf[i] as Buffer).equals(item)) return true;
    return false;
  }

  /** Adds at the tail if there is room; false when the queue is full. */
  offer(item: Buffer): boolean {
    if (this.size >= this.capacity) return false;
    this.append(item);
    this.serve();
    return true;
  }

  /** Adds all the items if there is room for all of them; false (and nothing added) otherwise. */
  addAll(items: readonly Buffer[]): boolean {
    if (this.size + items.length > this.capacity) return false;
    for (const item of items) this.append(item);
    this.serve();
    return true;
  }

  /** Removes and returns the head, or null when the queue is empty. */
  poll(): Buffer | null {
    if (this.size === 0) return null;
    const item = this.takeHead();
    this.serve();
    return item;
  }

  /** Removes up to `max` items from the head (all when `max` is negative or larger than the size). */
  drain(max = -1): Buffer[] {
    const n = max < 0 || max > this.size ? this.size : max;
    const out: Buffer[] = [];
    for (let i = 0; i < n; i++) out.push(this.takeHead());
    if (n > 0) this.serve();
    return out;
  }

  /** Removes the first item equal to `item`; false when there is none. */
  remove(item: Buffer): boolean {
    for (let i = this.head; i < this.buf.length; i++) {
      if ((this.buf[i] as Buffer).equals(item)) {
        this.buf.splice(i, 1);
        this.onChange('removed', item);
        this.serve();
        return true;
      }
    }
    return false;
  }

  /** Removes every item that `test` accepts; returns how many went. */
  removeWhere(test: (item: Buffer) => boolean): number {
    const kept: Buffer[] = [];
    const removed: Buffer[] = [];
    for (const item of this.items()) (test(item) ? removed : kept).push(item);
    if (removed.length === 0) return 0;
    this.buf = kept;
    this.head = 0;
    for (const item of removed) this.onChange('removed', item);
    this.serve();
    return removed.length;
  }

  /**
   * poll with a wait: the head at once if there is one; otherwise waits up to `timeoutMs`
   * (forever when negative) for an item and resolves with null when the time is up.
   */
  pollWait(timeoutMs: number, connection: ClientConnection): Promise<Buffer | null> {
    const item = this.poll();
    if (item !== null || timeoutMs === 0) return Promise.resolve(item);
    return this.park<Buffer | null, Waiter<Buffer | null>>(this.pollers, timeoutMs, null, (settle, fail) => ({ connection, settle, fail, timer: null }));
  }

  /**
   * offer with a wait: adds at once if there is room; otherwise waits up to `timeoutMs`
   * (forever when negative) for room and resolves with false when the time is up.
   */
  offerWait(item: Buffer, timeoutMs: number, connection: ClientConnection): Promise<boolean> {
    if (this.offer(item)) return Promise.resolve(true);
    if (timeoutMs === 0) return Promise.resolve(false);
    return this.park<boolean, OfferWaiter>(this.offerers, timeoutMs, false, (settle, fail) => ({ connection, item, settle, fail, timer: null }));
  }

  /** Ends the waits that `test` accepts with `error` (their connection closed, the queue was destroyed). */
  cancelWhere(test: (connection: ClientConnection) => boolean, error: Error): number {
    let n = 0;
    for (const list of [this.pollers, this.offerers] as Array<Array<Waiter<never>>>) {
      for (const w of list.filter((x) => test(x.connection))) {
        this.unpark(list, w);
        w.fail(error);
        n++;
      }
    }
    return n;
  }

  private park<T, W extends Waiter<T>>(list: W[], timeoutMs: number, onTimeout: T, make: (settle: (r: T) => void, fail: (e: Error) => void) => W): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter = make(resolve, reject);
      list.push(waiter);
      // Longer than a timer can wait (about 24.8 days) is as good as forever.
      if (timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS) {
        waiter.timer = setTimeout(() => {
          waiter.timer = null;
          if (this.unpark(list, waiter)) resolve(onTimeout);
        }, timeoutMs);
        // A parked request alone must not keep a process (a test, the CLI after shutdown) alive.
        waiter.timer.unref();
      }
    });
  }

  private unpark<W extends Waiter<never>>(list: W[], waiter: W): boolean {
    const i = list.indexOf(waiter);
    if (i < 0) return false;
    list.splice(i, 1);
    if (waiter.timer !== null) clearTimeout(waiter.timer);
    waiter.timer = null;
    return true;
  }

  /** Hands items to parked polls and room to parked offers until neither can move. */
  private serve(): void {
    for (;;) {
      if (this.size > 0 && this.pollers.length > 0) {
        const w = this.pollers[0];
        this.unpark(this.pollers, w);
        w.settle(this.takeHead());
      } else if (this.size < this.capacity && this.offerers.length > 0) {
        const w = this.offerers[0];
        this.unpark(this.offerers, w);
        this.append(w.item);
        w.settle(true);
      } else {
        return;
      }
    }
  }

  private append(item: Buffer): void {
    this.buf.push(item);
    this.onChange('added', item);
  }

  private takeHead(): Buffer {
    const item = this.buf[this.head] as Buffer;
    this.buf[this.head++] = undefined;
    // Drop the consumed slots once they are the larger part of the array.
    if (this.head === this.buf.length) {
      this.buf = [];
      this.head = 0;
    } else if (this.head > 64 && this.head * 2 > this.buf.length) {
      this.buf = this.buf.slice(this.head);
      this.head = 0;
    }
    this.onChange('removed', item);
    return item;
  }
}
