// A serverless function on the smallest part of the client: the core and the map alone
// (@hz/core and @hz/proxies/map), so a bundle holds no query, Portable, Compact, CP or near
// cache code. The client connects once per container and is reused by later invocations.
import { HazelcastClient } from '@hz/core';
import { getMap } from '@hz/proxies/map';

let client: Promise<HazelcastClient> | undefined;

export interface HandlerEvent {
  key?: string;
  value?: string;
}

/** Connects (first call only), puts the event's value under its key in the map "serverless" and reads it back. */
export async function handler(event: HandlerEvent = {}): Promise<string | null> {
  client ??= HazelcastClient.newHazelcastClient({
    clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
    network: { clusterMembers: (process.env.HZ_CLUSTER_MEMBERS ?? '127.0.0.1:5701').split(',').map((m) => m.trim()) },
    properties: { 'hazelcast.logging.level': 'OFF' },
  });
  const map = await getMap<string, string>(await client, 'serverless');
  const key = event.key ?? 'key';
  await map.put(key, event.value ?? 'value');
  return map.get(key);
}

/** Shuts the cached client down (a platform would freeze the container instead; local runs need it to exit). */
export async function close(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) await (await current).shutdown();
}
