/**
 * Collects one latency sample per operation in a growing typed array: no allocation per
 * operation, and the samples cross the IPC channel as one block.
 */
export class LatencyRecorder {
  private buffer = new Float64Array(1 << 14);
  private size = 0;

  add(millis: number): void {
    if (this.size === this.buffer.length) {
      const bigger = new Float64Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.size++] = millis;
  }

  get count(): number {
    return this.size;
  }

  /** A copy of the samples recorded so far. */
  samples(): Float64Array {
    return this.buffer.slice(0, this.size);
  }
}
