import { benchKeys, benchValue, mapName, type Scenario } from '../scenarios';
import type { Target } from './target';

/** What the benchmark uses of a map; both clients' maps have it. */
export interface BenchMap {
  get(key: string): Promise<unknown>;
  put(key: string, value: Buffer): Promise<unknown>;
  set(key: string, value: Buffer): Promise<unknown>;
  getAll(keys: string[]): Promise<unknown>;
}

/** A client as a benchmark target: the same keys, values and operations whichever client it is. */
export function mapTarget(options: {
  via: string;
  partitionCount: number | null;
  keyCount: number;
  getMap(name: string): Promise<BenchMap> | BenchMap;
  close(): Promise<void>;
}): Target {
  const keys = benchKeys(options.keyCount);
  const maps = new Map<string, BenchMap>();
  const map = async (valueSize: number): Promise<BenchMap> => {
    const name = mapName(valueSize);
    let m = maps.get(name);
    if (m === undefined) {
      m = await options.getMap(name);
      maps.set(name, m);
    }
    return m;
  };
  return {
    via: options.via,
    partitionCount: options.partitionCount,
    async populate(valueSize) {
      const m = await map(valueSize);
      const value = benchValue(valueSize);
      await Promise.all(keys.map((k) => m.set(k, value)));
    },
    async operation(s: Scenario) {
      const m = await map(s.valueSize);
      // A client that answers wrongly fast would win: check that a get returns the value.
      const got = await m.get(keys[0]);
      if (!Buffer.isBuffer(got) || got.length !== s.valueSize) {
        throw new Error(`${options.via}: get returned ${Buffer.isBuffer(got) ? `${got.length} bytes` : String(got)}, expected a ${s.valueSize}-byte Buffer`);
      }
      const value = benchValue(s.valueSize);
      let i = 0;
      const nextKey = (): string => keys[i++ % keys.length];
      switch (s.op) {
        case 'get':
          return () => m.get(nextKey());
        case 'put':
          return () => m.put(nextKey(), value);
        case 'set':
          return () => m.set(nextKey(), value);
        case 'getAll': {
          const some = keys.slice(0, s.getAllKeys);
          return () => m.getAll(some);
        }
      }
    },
    close: options.close,
  };
}

/**
 * The client config both clients get: the official shape, which ours accepts as it is. A wrong
 * address fails after 30 s instead of retrying forever (the official client's default).
 */
export function clientConfig(cluster: { members: string[]; clusterName: string }): {
  clusterName: string;
  network: { clusterMembers: string[]; smartRouting: boolean };
  connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: number } };
  properties: Record<string, string>;
  metrics: { enabled: boolean };
} {
  return {
    clusterName: cluster.clusterName,
    network: { clusterMembers: cluster.members, smartRouting: true },
    connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: 30_000 } },
    properties: { 'hazelcast.logging.level': 'OFF' },
    metrics: { enabled: false },
  };
}
