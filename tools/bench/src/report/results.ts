// The shape of tools/bench/results/*.json.
import type { MapOp } from '../scenarios';
import type { TargetName } from '../targets/target';

export interface RoundResult {
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU of the process driving the load, % of one core. */
  clientCpuPct: number;
  /** CPU of the member (or of the raw responder), % of one core; null when not measurable. */
  serverCpuPct: number | null;
  /** CPU the rest of the machine used, % of one core: other processes skew the numbers. */
  otherCpuPct: number | null;
}

/** One target in one scenario, over all its measured rounds. */
export interface TargetResult {
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  ops: number;
  elapsedMs: number;
  clientCpuPct: number;
  serverCpuPct: number | null;
  otherCpuPct: number | null;
  rounds: RoundResult[];
}

export interface ScenarioResult {
  id: string;
  label: string;
  op: MapOp;
  valueSize: number;
  concurrency: number;
  getAllKeys: number;
  /** What one operation puts on the wire (the raw baseline sends exactly this). */
  wire: { messagesPerOp: number; requestBytesPerOp: number; responseBytesPerOp: number };
  results: Partial<Record<TargetName, TargetResult>>;
  /** Ratios of ops/s; above 1 means the first is faster. */
  ratios: { oursToOfficial: number | null; oursToRaw: number | null; officialToRaw: number | null };
}

export interface BenchReport {
  tool: 'tools/bench';
  startedAt: string;
  finishedAt: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; loadAverageAtStart: number };
  settings: { limit: string; warmupMs: number; rounds: number; keyCount: number; order: string };
  cluster: { kind: 'development member (separate process)' | 'external (HZ_CLUSTER_MEMBERS)'; clusterName: string; members: string[] };
  /** How each target reached the cluster. */
  via: Partial<Record<TargetName, string>>;
  scenarios: ScenarioResult[];
  warnings: string[];
}

/** Above this share of a core, the member (or responder) may be what limits the numbers. */
export const SERVER_SATURATION_PCT = 90;

/** Above this share of a core used by other processes, the numbers are flagged. */
export const BACKGROUND_WARNING_PCT = 25;

export function ratio(a: TargetResult | undefined, b: TargetResult | undefined): number | null {
  return a && b && b.opsPerSec > 0 ? a.opsPerSec / b.opsPerSec : null;
}
