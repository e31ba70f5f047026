// What the map tests share: a cluster (the development member, or a real one from
// HZ_CLUSTER_MEMBERS), clients configured for it, and fresh map names.
import { HazelcastClient, type ClientConfig } from '@hz/core';
import { getMap, type IMap } from '@hz/proxies/map';
import { startTestCluster, type TestCluster } from '../../../../test/support/cluster';

export { eventually, itDev, REAL_CLUSTER } from '../../../../test/support/cluster';

const quiet = { 'hazelcast.logging.level': 'OFF' };

export function clientConfig(cluster: TestCluster, extra: ClientConfig = {}): ClientConfig {
  return {
    clusterName: cluster.clusterName,
    ...extra,
    network: { clusterMembers: cluster.addresses, ...extra.network },
    properties: { ...quiet, ...extra.properties },
  };
}

let seq = 0;
/** A map name no other test uses (a real cluster keeps maps between runs). */
export function uniqueName(prefix = 'map'): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${++seq}`;
}

/** A cluster and clients for one test file; `map()` gives a fresh map of the first client. */
export class MapTestContext {
  cluster!: TestCluster;
  client!: HazelcastClient;
  private readonly clients: HazelcastClient[] = [];

  constructor(private readonly members = 2) {}

  async start(): Promise<void> {
    this.cluster = await startTestCluster({ members: this.members });
    this.client = await this.newClient();
  }

  async newClient(extra: ClientConfig = {}): Promise<HazelcastClient> {
    const c = await HazelcastClient.newHazelcastClient(clientConfig(this.cluster, extra));
    this.clients.push(c);
    return c;
  }

  map<K, V>(prefix?: string, client: HazelcastClient = this.client): Promise<IMap<K, V>> {
    return getMap<K, V>(client, uniqueName(prefix));
  }

  async stop(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.shutdown()));
    await this.cluster?.shutdown();
  }
}
