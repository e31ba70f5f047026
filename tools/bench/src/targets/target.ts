import type { WireShape } from '../raw/wire-shapes';
import type { Scenario } from '../scenarios';

export type TargetName = 'ours' | 'official' | 'raw';
export const TARGETS: readonly TargetName[] = ['ours', 'official', 'raw'];

/** Where the clients connect. */
export interface ClusterAddress {
  members: string[];
  clusterName: string;
}

/** A thing the load loop can drive: one of the two clients, or the raw baseline. */
export interface Target {
  /** How this target reaches the cluster, printed with the results. */
  readonly via: string;
  /** The partition count the target sees (null for the raw baseline). */
  readonly partitionCount: number | null;
  /** Writes every key of the map of a value size, for get and getAll to find. */
  populate(valueSize: number): Promise<void>;
  /** The operation the load loop repeats for a scenario. */
  operation(scenario: Scenario, shape: WireShape): Promise<() => Promise<unknown>>;
  close(): Promise<void>;
}
