// The same serverless handler on the official client: connect (once per container), one map,
// put, get.
import { Client } from 'hazelcast-client';

let client: ReturnType<typeof Client.newHazelcastClient> | undefined;

export async function handler(event: { key?: string; value?: string } = {}): Promise<string | null> {
  client ??= Client.newHazelcastClient({
    clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
    network: { clusterMembers: (process.env.HZ_CLUSTER_MEMBERS ?? '127.0.0.1:5701').split(',') },
    properties: { 'hazelcast.logging.level': 'OFF' },
  });
  const map = await (await client).getMap<string, string>('serverless');
  const key = event.key ?? 'key';
  await map.put(key, event.value ?? 'value');
  return map.get(key);
}
