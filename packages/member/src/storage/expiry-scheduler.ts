interface Task {
  at: number;
  run: () => void;
}

/** Longest delay setTimeout accepts. */
const MAX_DELAY = 0x7fffffff;

/**
 * Runs tasks at given times with a single timer for all of them (a min-heap ordered by time),
 * so that thousands of entries with a TTL cost one pending timer, and nothing ever waits by
 * blocking the event loop.
 */
export class ExpiryScheduler {
  private heap: Task[] = [];
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private stopped = false;

  constructor(private readonly now: () => number = Date.now) {}

  get pending(): number {
    return this.heap.length;
  }

  /** Runs `run` at `at` (ms since the epoch), or soon after. */
  schedule(at: number, run: () => void): void {
    if (this.stopped || !Number.isFinite(at)) return;
    this.push({ at, run });
    if (at < this.timerAt) this.arm();
  }

  /** Cancels everything; nothing runs after this. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.heap = [];
  }

  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
    const first = this.heap[0];
    if (first === undefined || this.stopped) return;
    this.timerAt = first.at;
    this.timer = setTimeout(() => this.fire(), Math.min(MAX_DELAY, Math.max(0, first.at - this.now())));
  }

  private fire(): void {
    this.timer = null;
    this.timerAt = Infinity;
    const now = this.now();
    while (this.heap.length > 0 && this.heap[0].at <= now && !this.stopped) {
      const task = this.pop();
      task.run();
    }
    this.arm();
  }

  private push(t: Task): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent].at <= h[i].at) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  private pop(): Task {
    const h = this.heap;
    const top = h[0];
    const last = h.pop() as Task;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].at < h[m].at) m = l;
        if (r < h.length && h[r].at < h[m].at) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}
