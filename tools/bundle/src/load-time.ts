// Loading a bundle in a fresh Node process: what a serverless cold start pays before the
// handler runs. Each sample is a new process; the figures are medians.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { median } from './median';

const run = promisify(execFile);

/**
 * Runs in the fresh process (plain node, no TypeScript loader): times `require` of the bundle,
 * then collects garbage so that the heap figure is what the module keeps, not what parsing it
 * left behind.
 */
const PROBE = `
const { performance } = require('node:perf_hooks');
const file = process.argv[process.argv.length - 1];
gc();
const before = process.memoryUsage();
const start = performance.now();
const module_ = require(file);
const loadMs = performance.now() - start;
if (typeof module_.handler !== 'function') throw new Error(file + ' exports no handler');
gc();
const after = process.memoryUsage();
process.stdout.write(JSON.stringify({ loadMs, rssBytes: after.rss, heapBytes: after.heapUsed, rssDeltaBytes: after.rss - before.rss, heapDeltaBytes: after.heapUsed - before.heapUsed }));
`;

export interface LoadSample {
  loadMs: number;
  rssBytes: number;
  heapBytes: number;
  rssDeltaBytes: number;
  heapDeltaBytes: number;
}

export async function loadOnce(bundleFile: string): Promise<LoadSample> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '-e', PROBE, bundleFile], { env: {} });
  return JSON.parse(stdout) as LoadSample;
}

/** Medians of each figure over the samples. */
export function medianSample(samples: readonly LoadSample[]): LoadSample {
  const m = (f: (s: LoadSample) => number): number => median(samples.map(f));
  return {
    loadMs: m((s) => s.loadMs),
    rssBytes: m((s) => s.rssBytes),
    heapBytes: m((s) => s.heapBytes),
    rssDeltaBytes: m((s) => s.rssDeltaBytes),
    heapDeltaBytes: m((s) => s.heapDeltaBytes),
  };
}
