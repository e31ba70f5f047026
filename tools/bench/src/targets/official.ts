import { clientConfig, mapTarget } from './map-target';
import type { ClusterAddress, Target } from './target';

export async function connectOfficial(cluster: ClusterAddress, keyCount: number): Promise<Target> {
  const { Client } = await import('hazelcast-client');
  const { version } = (await import('hazelcast-client/package.json')) as { version: string };
  const client = await Client.newHazelcastClient(clientConfig(cluster));
  return mapTarget({
    via: `hazelcast-client ${version}: client.getMap()`,
    partitionCount: client.getPartitionService().getPartitionCount(),
    keyCount,
    getMap: (name) => client.getMap<string, Buffer>(name),
    close: () => client.shutdown(),
  });
}
