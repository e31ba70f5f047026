import { createServer } from 'node:net';
import {
  CLIENT_ADD_CLUSTER_VIEW_LISTENER_MEMBERS_VIEW_EVENT_TYPE,
  CLIENT_ADD_CLUSTER_VIEW_LISTENER_PARTITIONS_VIEW_EVENT_TYPE,
  decodeClientAddClusterViewListenerMembersViewEvent,
  decodeClientAddClusterViewListenerPartitionsViewEvent,
  encodeClientAddClusterViewListenerRequest,
  encodeClientPingRequest,
} from '@hz/core/codec';
import * as mc from '@hz/proxies/codec';
import { HeapData } from '@hz/core';
import { partitionOf, startCluster, type Cluster } from '../src';
import { RawClient, dataOf, textOf } from './support/raw-client';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('Cluster', () => {
  const clusters: Cluster[] = [];
  const clients: RawClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all(clusters.splice(0).map((c) => c.shutdown()));
  });
  const start = async (members: number, port = 0): Promise<Cluster> => {
    const c = await startCluster({ members, port, logLevel: 'silent' });
    clusters.push(c);
    return c;
  };
  const connect = async (address: string): Promise<RawClient> => {
    const c = await RawClient.connect(address);
    clients.push(c);
    await c.authenticate();
    return c;
  };

  it('starts N members on their own loopback ports with one partition table spread over them', async () => {
    const cluster = await start(3);
    expect(cluster.members).toHaveLength(3);
    const ports = cluster.members.map((m) => m.port);
    expect(new Set(ports).size).toBe(3);
    expect(cluster.addresses()).toEqual(ports.map((p) => `127.0.0.1:${p}`));
    expect(new Set(cluster.members.map((m) => m.uuidString)).size).toBe(3);
    const view = cluster.partitionsView();
    expect(view).toHaveLength(3);
    const counts = view.map(([, ps]) => ps.length).sort();
    expect(counts).toEqual([90, 90, 91]);
    expect(view.flatMap(([, ps]) => ps).sort((a, b) => a - b)).toEqual(Array.from({ length: 271 }, (_, i) => i));
    expect(cluster.memberListVersion).toBe(3);
  });

  it('takes consecutive ports from a base port, skipping taken ones', async () => {
    const base = await freePort();
    const cluster = await start(2, base);
    expect(cluster.members[0].port).toBe(base);
    expect(cluster.members[1].port).toBeGreaterThan(base);
    expect(cluster.members[1].port).toBeLessThan(base + 100);
  });

  it('on a kill: closes the member sockets, moves its partitions, keeps the data and pushes new views', async () => {
    const cluster = await start(3);
    const [m0, m1] = cluster.members;
    const watcher = await connect(m0.addressString);
    const victimClient = await connect(m1.addressString);
    const reg = watcher.peekCorrelationId();
    await watcher.invoke(encodeClientAddClusterViewListenerRequest());
    await watcher.waitForEvent((e) => e.messageType === CLIENT_ADD_CLUSTER_VIEW_LISTENER_PARTITIONS_VIEW_EVENT_TYPE);
    const first = decodeClientAddClusterViewListenerPartitionsViewEvent(watcher.eventsOfType(CLIENT_ADD_CLUSTER_VIEW_LISTENER_PARTITIONS_VIEW_EVENT_TYPE)[0]);
    const firstMembers = decodeClientAddClusterViewListenerMembersViewEvent(watcher.eventsOfType(CLIENT_ADD_CLUSTER_VIEW_LISTENER_MEMBERS_VIEW_EVENT_TYPE)[0]);
    expect(firstMembers.memberInfos).toHaveLength(3);

    // Data in partitions owned by the member about to die.
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`).filter((k) => cluster.ownerOf(partitionOf(dataOf(k), 271)) === m1);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) await watcher.invoke(mc.encodeMapPutRequest('survivor', new HeapData(dataOf(k)), new HeapData(dataOf(`v${k}`)), 1, -1), partitionOf(dataOf(k), 271));

    const moved = first.partitions.find(([u]) => u.toString() === m1.uuidString)?.[1] ?? [];
    await m1.kill();
    await victimClient.closed;
    expect(cluster.members).toHaveLength(2);
    await expect(RawClient.connect(m1.addressString)).rejects.toThrow();

    const membersEv = decodeClientAddClusterViewListenerMembersViewEvent(
      await watcher.waitForEvent((e) => e.messageType === CLIENT_ADD_CLUSTER_VIEW_LISTENER_MEMBERS_VIEW_EVENT_TYPE && decodeClientAddClusterViewListenerMembersViewEvent(e).memberInfos.length === 2),
    );
    expect(membersEv.version).toBeGreaterThan(firstMembers.version);
    expect(membersEv.memberInfos.map((m) => m.uuid.toString())).not.toContain(m1.uuidString);
    const partsEv = decodeClientAddClusterViewListenerPartitionsViewEvent(
      await watcher.waitForEvent((e) => e.messageType === CLIENT_ADD_CLUSTER_VIEW_LISTENER_PARTITIONS_VIEW_EVENT_TYPE && decodeClientAddClusterViewListenerPartitionsViewEvent(e).version > first.version),
    );
    expect(partsEv.partitions.map(([u]) => u.toString())).not.toContain(m1.uuidString);
    expect(partsEv.partitions.flatMap(([, ps]) => ps)).toHaveLength(271);
    expect(watcher.eventsOfType(CLIENT_ADD_CLUSTER_VIEW_LISTENER_PARTITIONS_VIEW_EVENT_TYPE).every((e) => e.correlationId === reg)).toBe(true);
    // Only the dead member's partitions moved.
    const stayed = first.partitions.filter(([u]) => u.toString() !== m1.uuidString);
    for (const [u, ps] of stayed) {
      const now = partsEv.partitions.find(([v]) => v.equals(u))?.[1] ?? [];
      expect(now).toEqual(expect.arrayContaining(ps));
    }
    expect(moved.every((p) => cluster.ownerOf(p) !== undefined && cluster.ownerOf(p) !== m1)).toBe(true);

    for (const k of keys) {
      const v = mc.decodeMapGetResponse(await watcher.invoke(mc.encodeMapGetRequest('survivor', new HeapData(dataOf(k)), 1), partitionOf(dataOf(k), 271)));
      expect(textOf(v)).toBe(`v${k}`);
    }
  });

  it('starts a new member that takes partitions, and pushes the views', async () => {
    const cluster = await start(1);
    const watcher = await connect(cluster.addresses()[0]);
    await watcher.invoke(encodeClientAddClusterViewListenerRequest());
    await watcher.waitForEvent((e) => e.messageType === CLIENT_ADD_CLUSTER_VIEW_LISTENER_PARTITIONS_VIEW_EVENT_TYPE);
    const added = await cluster.startMember();
    const ev = decodeClientAddClusterViewListenerPartitionsViewEvent(
      await watcher.waitForEvent((e) => e.messageType === CLIENT_ADD_CLUSTER_VIEW_LISTENER_PARTITIONS_VIEW_EVENT_TYPE && decodeClientAddClusterViewListenerPartitionsViewEvent(e).partitions.length === 2),
    );
    expect(ev.partitions.find(([u]) => u.toString() === added.uuidString)?.[1]).toHaveLength(135);
    const c = await connect(added.addressString);
    await c.invoke(encodeClientPingRequest());
  });

  it('shuts down with every connection closed and the ports released', async () => {
    const cluster = await start(2);
    const a = await connect(cluster.addresses()[0]);
    const b = await connect(cluster.addresses()[1]);
    const addresses = cluster.addresses();
    await cluster.shutdown();
    await Promise.all([a.closed, b.closed]);
    expect(cluster.isRunning).toBe(false);
    for (const address of addresses) await expect(RawClient.connect(address)).rejects.toThrow();
    await expect(cluster.startMember()).rejects.toThrow(/shut down/);
  });
});
