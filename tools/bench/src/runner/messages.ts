// What the orchestrator and a runner process say to each other over IPC.
import type { WireShape } from '../raw/wire-shapes';
import type { Scenario } from '../scenarios';
import type { ClusterAddress, TargetName } from '../targets/target';
import type { RunLimit } from './closed-loop';

export type RunnerRequest =
  | { kind: 'connect'; target: TargetName; cluster: ClusterAddress; rawAddress: string; keyCount: number }
  | { kind: 'populate'; valueSize: number }
  | { kind: 'run'; scenario: Scenario; shape: WireShape; limit: RunLimit }
  | { kind: 'close' };

export interface ConnectReply {
  via: string;
  partitionCount: number | null;
}

export interface RunReply {
  ops: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  latencies: Float64Array;
  /** CPU time of the runner process during the run (user + system), ms. */
  cpuMs: number;
}

export type Envelope<T> = { seq: number; ok: true; reply: T } | { seq: number; ok: false; error: string };
