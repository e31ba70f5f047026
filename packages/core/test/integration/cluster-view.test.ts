import { HazelcastClient, type ClientConfig, type Member } from '@hz/core';
import { encodeClientGetDistributedObjectsRequest } from '@hz/core/codec';
import { encodeMapPutRequest, MAP_PUT_REQUEST_TYPE } from '@hz/proxies/codec';
import { HeapData } from '@hz/core';
import { eventually, itDev, startTestCluster, type TestCluster } from '../../../../test/support/cluster';

const quiet = { 'hazelcast.logging.level': 'OFF' };

function config(cluster: TestCluster, extra: ClientConfig = {}): ClientConfig {
  return { clusterName: cluster.clusterName, ...extra, network: { clusterMembers: cluster.addresses, ...extra.network }, properties: { ...quiet, ...extra.properties } };
}

/** A serialized string key, built by hand: partition hash 0, type -11, UTF-8 with its length. */
function stringData(s: string): HeapData {
  const utf8 = Buffer.from(s, 'utf8');
  const b = Buffer.alloc(12 + utf8.length);
  b.writeInt32BE(-11, 4);
  b.writeInt32BE(utf8.length, 8);
  utf8.copy(b, 12);
  return new HeapData(b);
}

describe('a client of a three-member cluster', () => {
  let cluster: TestCluster;
  let client: HazelcastClient;

  beforeAll(async () => {
    cluster = await startTestCluster({ members: 3 });
    client = await HazelcastClient.newHazelcastClient(config(cluster));
  });
  afterAll(async () => {
    await client?.shutdown();
    await cluster.shutdown();
  });

  it('knows the members and the owner of every partition', () => {
    const members = client.getCluster().getMembers();
    expect(members).toHaveLength(cluster.addresses.length);
    const partitions = client.getPartitionService();
    expect(partitions.getPartitionCount()).toBe(271);
    const uuids = new Set(members.map((m) => m.uuid.toString()));
    for (let p = 0; p < 271; p++) expect(uuids.has(partitions.getPartitionOwner(p)!.toString())).toBe(true);
    if (cluster.dev) {
      expect([...uuids].sort()).toEqual(cluster.dev.members.map((m) => m.uuid.toString()).sort());
      for (let p = 0; p < 271; p++) expect(partitions.getPartitionOwner(p)!.toString()).toBe(cluster.dev.ownerOf(p)!.uuid.toString());
    }
  });

  it('opens one connection per member (smart routing)', async () => {
    await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(cluster.addresses.length));
  });

  itDev('sends each key operation to the owner of its partition', async () => {
    const dev = cluster.dev!;
    await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(3));
    const counters = dev.members.map((m) => ({ member: m, rule: m.faults.delayResponses({ messageType: MAP_PUT_REQUEST_TYPE, delayMs: 0 }) }));
    const owned = new Map<string, number>();
    for (let p = 0; p < 271; p += 7) {
      const owner = dev.ownerOf(p)!.uuid.toString();
      owned.set(owner, (owned.get(owner) ?? 0) + 1);
      await client.invocations.invokeOnPartition(encodeMapPutRequest('routing', stringData(`k${p}`), stringData('v'), 1, -1), p);
    }
    for (const { member, rule } of counters) {
      expect(rule.hits).toBe(owned.get(member.uuid.toString()) ?? 0);
      rule.remove();
    }
  });

  itDev('tells membership listeners who joined and who left, and follows with connections', async () => {
    const dev = cluster.dev!;
    const events: string[] = [];
    let initial: Member[] = [];
    const id = client.getCluster().addMembershipListener({
      init: (e) => (initial = e.members),
      memberAdded: (e) => events.push(`added ${e.member.uuid.toString()} of ${e.members.length}`),
      memberRemoved: (e) => events.push(`removed ${e.member.uuid.toString()} of ${e.members.length}`),
    });
    expect(initial).toHaveLength(3);
    const added = await dev.startMember();
    await eventually(() => expect(events).toContain(`added ${added.uuid.toString()} of 4`));
    await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(4));
    await dev.killMember(added.uuid.toString());
    await eventually(() => expect(events).toContain(`removed ${added.uuid.toString()} of 3`));
    await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(3));
    expect(client.getCluster().removeMembershipListener(id)).toBe(true);
  });
});

describe('unisocket routing', () => {
  let cluster: TestCluster;
  beforeAll(async () => (cluster = await startTestCluster({ members: 3 })));
  afterAll(() => cluster.shutdown());

  it('uses one connection for everything', async () => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { network: { smartRouting: false } }));
    try {
      for (let p = 0; p < 271; p += 30) {
        await client.invocations.invokeOnPartition(encodeMapPutRequest('uni', stringData(`k${p}`), stringData('v'), 1, -1), p);
      }
      await client.invocations.invokeOnRandom(encodeClientGetDistributedObjectsRequest());
      expect(client.connections.getActiveConnections()).toHaveLength(1);
      if (cluster.dev) expect(cluster.dev.clients().find((c) => c.uuid === client.uuid.toString())?.connections).toHaveLength(1);
    } finally {
      await client.shutdown();
    }
  });
});

describe('load balancers', () => {
  let cluster: TestCluster;
  beforeAll(async () => (cluster = await startTestCluster({ members: 2 })));
  afterAll(() => cluster.shutdown());

  it('asks a user-supplied load balancer for the target of non-key operations', async () => {
    let members: () => Member[] = () => [];
    let calls = 0;
    const lb = {
      initLoadBalancer: (source: { getMembers(): Member[] }) => (members = () => source.getMembers()),
      next: () => {
        calls++;
        return members()[0] ?? null;
      },
    };
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { loadBalancer: { customLoadBalancer: lb } }));
    try {
      await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(2));
      const before = calls;
      for (let i = 0; i < 5; i++) await client.getDistributedObjects();
      expect(calls - before).toBeGreaterThanOrEqual(5);
    } finally {
      await client.shutdown();
    }
  });

  it.each(['ROUND_ROBIN', 'RANDOM'] as const)('works with the %s load balancer', async (type) => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { loadBalancer: { type } }));
    try {
      for (let i = 0; i < 4; i++) await client.getDistributedObjects();
    } finally {
      await client.shutdown();
    }
  });
});
