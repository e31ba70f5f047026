// The official Node.js client (hazelcast-client 5.6.0 from npm) against @hz/member: evidence that
// a real client cannot tell the development member from a Hazelcast 5.x member in what it uses.
import { startCluster, type Cluster } from '../../src';
import { waitFor } from '../support/raw-client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('hazelcast-client') as { Client: { newHazelcastClient(config: object): Promise<HzClient> } };

interface HzMap {
  put(k: unknown, v: unknown): Promise<unknown>;
  get(k: unknown): Promise<unknown>;
  remove(k: unknown): Promise<unknown>;
  size(): Promise<number>;
  clear(): Promise<void>;
  putAll(entries: Array<[unknown, unknown]>): Promise<void>;
  getAll(keys: unknown[]): Promise<Array<[unknown, unknown]>>;
  keySet(): Promise<unknown[]>;
  values(): Promise<{ toArray(): unknown[] }>;
  entrySet(): Promise<Array<[unknown, unknown]>>;
  containsKey(k: unknown): Promise<boolean>;
  set(k: unknown, v: unknown, ttl?: number): Promise<void>;
  putIfAbsent(k: unknown, v: unknown): Promise<unknown>;
  addEntryListener(listener: object, key?: unknown, includeValue?: boolean): Promise<string>;
  removeEntryListener(id: string): Promise<boolean>;
  destroy(): Promise<void>;
}
interface HzClient {
  getMap(name: string): Promise<HzMap>;
  getCluster(): { getMembers(): Array<{ uuid: { toString(): string }; address: { host: string; port: number } }> };
  getName(): string;
  getDistributedObjects(): Promise<Array<{ getName(): string; getServiceName(): string }>>;
  shutdown(): Promise<void>;
}

function config(cluster: Cluster, extra: { clusterName?: string; properties?: Record<string, unknown>; connectTimeoutMs?: number; metrics?: object } = {}): object {
  return {
    clusterName: extra.clusterName ?? cluster.name,
    network: { clusterMembers: cluster.addresses(), smartRouting: true },
    connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: extra.connectTimeoutMs ?? 10_000 } },
    properties: { 'hazelcast.logging.level': 'OFF', ...extra.properties },
    metrics: extra.metrics ?? { enabled: false },
  };
}

describe('the official hazelcast-client against @hz/member', () => {
  const clients: HzClient[] = [];
  const clusters: Cluster[] = [];
  const newClient = async (cluster: Cluster, extra?: Parameters<typeof config>[1]): Promise<HzClient> => {
    const c = await Client.newHazelcastClient(config(cluster, extra));
    clients.push(c);
    return c;
  };
  const newCluster = async (members: number): Promise<Cluster> => {
    const c = await startCluster({ members, port: 0, logLevel: 'silent' });
    clusters.push(c);
    return c;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.shutdown().catch(() => undefined)));
    await Promise.all(clusters.splice(0).map((c) => c.shutdown()));
  });

  it('connects to one member and runs map operations', async () => {
    const cluster = await newCluster(1);
    const client = await newClient(cluster);
    expect(client.getCluster().getMembers().map((m) => m.uuid.toString())).toEqual([cluster.members[0].uuidString]);
    const map = await client.getMap('one');
    expect(await map.put('a', 1)).toBeNull();
    expect(await map.put('a', 2)).toBe(1);
    expect(await map.get('a')).toBe(2);
    expect(await map.containsKey('a')).toBe(true);
    expect(await map.size()).toBe(1);
    expect(await map.remove('a')).toBe(2);
    expect(await map.get('a')).toBeNull();
    expect(await map.size()).toBe(0);
    expect(await map.putIfAbsent('b', { nested: ['json', 1] })).toBeNull();
    expect(await map.get('b')).toEqual({ nested: ['json', 1] });
  });

  it('connects to all three members (smart routing) and runs bulk map operations', async () => {
    const cluster = await newCluster(3);
    const client = await newClient(cluster);
    await waitFor(() => cluster.clients()[0]?.connections.length === 3, 10_000, 'a connection to every member');
    expect(client.getCluster().getMembers()).toHaveLength(3);
    const info = cluster.clients()[0];
    expect(info.name).toBe(client.getName());
    expect(info.type).toBe('NJS');

    const map = await client.getMap('bulk');
    const entries: Array<[string, number]> = Array.from({ length: 100 }, (_, i) => [`key-${i}`, i]);
    await map.putAll(entries);
    expect(await map.size()).toBe(100);
    const got = await map.getAll(['key-1', 'key-50', 'key-99', 'absent']);
    expect(new Map(got)).toEqual(
      new Map([
        ['key-1', 1],
        ['key-50', 50],
        ['key-99', 99],
      ]),
    );
    expect((await map.keySet()).sort()).toEqual(entries.map(([k]) => k).sort());
    expect(new Map(await map.entrySet())).toEqual(new Map(entries));
    expect((await map.values()).toArray().sort((a, b) => (a as number) - (b as number))).toEqual(entries.map(([, v]) => v));
    // Keys went to the partitions the client computed: the data is spread over the partitions.
    expect(new Set(cluster.mapService.entries('bulk').map((e) => e.partitionId)).size).toBeGreaterThan(50);
    await map.clear();
    expect(await map.size()).toBe(0);
    expect((await client.getDistributedObjects()).map((o) => [o.getServiceName(), o.getName()])).toContainEqual(['hz:impl:mapService', 'bulk']);
    await map.destroy();
    expect((await client.getDistributedObjects()).map((o) => o.getName())).not.toContain('bulk');
  });

  it('delivers entry events: added, updated, removed', async () => {
    const cluster = await newCluster(3);
    const client = await newClient(cluster);
    const map = await client.getMap('events');
    const seen: Array<[string, unknown, unknown, unknown]> = [];
    const record = (kind: string) => (e: { key: unknown; value: unknown; oldValue: unknown }) => seen.push([kind, e.key, e.value, e.oldValue]);
    const id = await map.addEntryListener({ added: record('added'), updated: record('updated'), removed: record('removed') }, undefined, true);
    await map.put('k', 'v1');
    await map.put('k', 'v2');
    await map.remove('k');
    await waitFor(() => seen.length >= 3, 10_000, 'three entry events');
    expect(seen).toEqual([
      ['added', 'k', 'v1', null],
      ['updated', 'k', 'v2', 'v1'],
      ['removed', 'k', null, 'v2'],
    ]);
    expect(await map.removeEntryListener(id)).toBe(true);
    await map.put('after', 1);
    await map.put('fence', 1);
    expect(seen).toHaveLength(3);
  });

  it('goes on after a member is killed: operations succeed and the data is still there', async () => {
    const cluster = await newCluster(3);
    const client = await newClient(cluster);
    await waitFor(() => cluster.clients()[0]?.connections.length === 3, 10_000, 'a connection to every member');
    const map = await client.getMap('failover');
    const entries: Array<[string, number]> = Array.from({ length: 50 }, (_, i) => [`k${i}`, i]);
    await map.putAll(entries);
    const victim = cluster.members[1];
    await victim.kill();
    await waitFor(() => client.getCluster().getMembers().length === 2, 10_000, 'the client to see two members');
    expect(client.getCluster().getMembers().map((m) => m.uuid.toString())).not.toContain(victim.uuidString);
    for (const [k, v] of entries) expect(await map.get(k)).toBe(v);
    await map.put('new', 'after-kill');
    expect(await map.get('new')).toBe('after-kill');
    expect(await map.size()).toBe(51);
    expect(cluster.clients()[0].connections.map((c) => c.memberUuid)).not.toContain(victim.uuidString);
  });

  it('fails to connect with a wrong cluster name', async () => {
    const cluster = await newCluster(1);
    await expect(Client.newHazelcastClient(config(cluster, { clusterName: 'not-dev', connectTimeoutMs: 500 }))).rejects.toThrow();
    expect(cluster.clients()).toHaveLength(0);
  });

  it('sends its statistics when they are enabled, period after period', async () => {
    const cluster = await newCluster(2);
    const client = await newClient(cluster, { metrics: { enabled: true, collectionFrequencySeconds: 1 } });
    const stats = () => cluster.clients()[0]?.statistics ?? null;
    await waitFor(() => stats() !== null, 10_000, 'statistics');
    const first = stats();
    expect(first?.attributes.clientName).toBe(client.getName());
    expect(first?.attributes.clientType).toBe('NJS');
    expect(first?.attributes.clientVersion).toBe('5.6.0');
    expect(first?.metricsBlob.length).toBeGreaterThan(0);
    // The member keeps the last one: a later period replaces it.
    await waitFor(() => (stats()?.timestamp ?? 0) > (first?.timestamp ?? 0), 10_000, 'a second statistics');
  });

  it('disconnects on shutdown', async () => {
    const cluster = await newCluster(2);
    const client = await newClient(cluster);
    await waitFor(() => cluster.clients()[0]?.connections.length === 2, 10_000, 'a connection to every member');
    await client.shutdown();
    await waitFor(() => cluster.clients().length === 0, 10_000, 'the client to be gone');
  });
});
