// The serverless handler on our packages: connect (once per container), one map, put, get.
// It imports only @hz/core and @hz/proxies/map, as a user's function would.
import { HazelcastClient } from '@hz/core';
import { getMap } from '@hz/proxies/map';

let client: Promise<HazelcastClient> | undefined;

export async function handler(event: { key?: string; value?: string } = {}): Promise<string | null> {
  client ??= HazelcastClient.newHazelcastClient({
    clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
    network: { clusterMembers: (process.env.HZ_CLUSTER_MEMBERS ?? '127.0.0.1:5701').split(',') },
    properties: { 'hazelcast.logging.level': 'OFF' },
  });
  const map = await getMap<string, string>(await client, 'serverless');
  const key = event.key ?? 'key';
  await map.put(key, event.value ?? 'value');
  return map.get(key);
}
