// The same handler without the map proxy (for a tree where @hz/proxies/map does not exist):
// @hz/core and the generated codecs, as the proxy uses them.
import { HazelcastClient } from '@hz/core';
import { decodeMapGetResponse, encodeMapGetRequest, encodeMapPutRequest } from '@hz/proxies/codec';

let client: Promise<HazelcastClient> | undefined;

export async function handler(event: { key?: string; value?: string } = {}): Promise<string | null> {
  client ??= HazelcastClient.newHazelcastClient({
    clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
    network: { clusterMembers: (process.env.HZ_CLUSTER_MEMBERS ?? '127.0.0.1:5701').split(',') },
    properties: { 'hazelcast.logging.level': 'OFF' },
  });
  const c = await client;
  const key = c.serialization.toData(event.key ?? 'key')!;
  const partition = c.partitions.getPartitionId(key);
  await c.invocations.invokeOnPartition(encodeMapPutRequest('serverless', key, c.serialization.toData(event.value ?? 'value')!, 1, -1), partition);
  const response = await c.invocations.invokeOnPartition(encodeMapGetRequest('serverless', key, 1), partition);
  return c.serialization.toObject<string>(decodeMapGetResponse(response));
}
