import { LatencyRecorder } from '../stats/latency-recorder';

/** A run ends after a duration or after a number of operations. */
export type RunLimit = { durationMs: number } | { ops: number };

export interface LoopResult {
  /** Operations completed. */
  ops: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  /** One latency per completed operation, ms. */
  latencies: Float64Array;
}

/**
 * A closed loop: `concurrency` workers, each starting its next operation when the previous one
 * completes, so that exactly that many operations are in flight. Stops at the first error: a
 * benchmark that fails must not report a number.
 */
export async function runClosedLoop(operation: () => Promise<unknown>, concurrency: number, limit: RunLimit): Promise<LoopResult> {
  const recorder = new LatencyRecorder();
  const maxOps = 'ops' in limit ? limit.ops : Infinity;
  let started = 0;
  let errors = 0;
  let firstError: string | null = null;
  const start = performance.now();
  const deadline = 'durationMs' in limit ? start + limit.durationMs : Infinity;
  const worker = async (): Promise<void> => {
    let now = performance.now();
    while (now < deadline && started < maxOps && errors === 0) {
      started++;
      try {
        await operation();
        const end = performance.now();
        recorder.add(end - now);
        now = end;
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? (error.stack ?? error.message) : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ops: recorder.count, errors, firstError, elapsedMs: performance.now() - start, latencies: recorder.samples() };
}
