// The official Node.js client (hazelcast-client 5.6.0) using queues on @hz/member.
import { DefaultSerializationService, partitionIdOf, type Data } from '@hz/core';
import { startCluster, type Cluster } from '../../src';
import type { ClusterOptions as QueueClusterOptions } from '../../src/config';
import { waitFor } from '../support/raw-client';

interface HzItemEvent {
  name: string;
  item: unknown;
  eventType: number;
  member: { uuid: { toString(): string } };
}
interface HzQueue {
  offer(item: unknown, timeout?: number): Promise<boolean>;
  poll(timeout?: number): Promise<unknown>;
  peek(): Promise<unknown>;
  take(): Promise<unknown>;
  put(item: unknown): Promise<void>;
  add(item: unknown): Promise<boolean>;
  size(): Promise<number>;
  toArray(): Promise<unknown[]>;
  drainTo(arr: unknown[], max?: number): Promise<number>;
  remainingCapacity(): Promise<number>;
  addItemListener(listener: { itemAdded?: (e: HzItemEvent) => void; itemRemoved?: (e: HzItemEvent) => void }, includeValue: boolean): Promise<string>;
  removeItemListener(id: string): Promise<boolean>;
}
interface HzClient {
  getQueue(name: string): Promise<HzQueue>;
  shutdown(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('hazelcast-client') as { Client: { newHazelcastClient(config: object): Promise<HzClient> } };

describe('the official hazelcast-client with queues on @hz/member', () => {
  let cluster: Cluster;
  const clients: HzClient[] = [];
  const newClient = async (): Promise<HzClient> => {
    const c = await Client.newHazelcastClient({
      clusterName: cluster.name,
      network: { clusterMembers: cluster.addresses(), smartRouting: true },
      properties: { 'hazelcast.logging.level': 'OFF' },
      metrics: { enabled: false },
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    const options: QueueClusterOptions = { members: 3, port: 0, logLevel: 'silent', queueCapacity: { 'small-*': 1 } };
    cluster = await startCluster(options);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.shutdown().catch(() => undefined)));
    await cluster.shutdown();
  });

  it('offers, polls and sizes, in the partition of the queue name', async () => {
    const client = await newClient();
    const queue = await client.getQueue('interop');
    expect(await queue.size()).toBe(0);
    expect(await queue.offer('first')).toBe(true);
    expect(await queue.offer({ second: 2 })).toBe(true);
    await queue.put(3);
    expect(await queue.size()).toBe(3);
    expect(await queue.peek()).toBe('first');
    expect(await queue.toArray()).toEqual(['first', { second: 2 }, 3]);
    expect(await queue.poll()).toBe('first');
    expect(await queue.poll(100)).toEqual({ second: 2 });
    expect(await queue.take()).toBe(3);
    expect(await queue.poll()).toBeNull();
    expect(await queue.size()).toBe(0);
    expect(await queue.remainingCapacity()).toBe(2_147_483_647);
    const name = new DefaultSerializationService().toData('interop') as Data;
    expect(cluster.queueService.storedIn('interop')).toBe(partitionIdOf(name, 271));
  });

  it('gets an item offered by another client into a waiting poll', async () => {
    const [waiter, producer] = await Promise.all([newClient(), newClient()]);
    const polled = (await waiter.getQueue('handoff')).poll(10_000);
    await waitFor(() => cluster.queueService.parked('handoff').polls === 1, 5000, 'the poll to park');
    expect(await (await producer.getQueue('handoff')).offer('hello')).toBe(true);
    expect(await polled).toBe('hello');
    expect(await (await waiter.getQueue('handoff')).size()).toBe(0);
  });

  it('receives item events and drains', async () => {
    const client = await newClient();
    const queue = await client.getQueue('observed');
    const seen: Array<[string, number, unknown]> = [];
    const id = await queue.addItemListener(
      { itemAdded: (e) => seen.push(['added', e.eventType, e.item]), itemRemoved: (e) => seen.push(['removed', e.eventType, e.item]) },
      true,
    );
    await queue.offer('a');
    await queue.offer('b');
    const out: unknown[] = [];
    expect(await queue.drainTo(out)).toBe(2);
    expect(out).toEqual(['a', 'b']);
    await waitFor(() => seen.length >= 4, 5000, 'four item events');
    expect(seen).toEqual([
      ['added', 1, 'a'],
      ['added', 1, 'b'],
      ['removed', 2, 'a'],
      ['removed', 2, 'b'],
    ]);
    expect(await queue.removeItemListener(id)).toBe(true);
  });

  it('refuses add on a full queue with its IllegalStateError and times out an offer', async () => {
    const client = await newClient();
    const queue = await client.getQueue('small-one');
    expect(await queue.add('x')).toBe(true);
    await expect(queue.add('y')).rejects.toThrow(/Queue is full/);
    expect(await queue.offer('y', 100)).toBe(false);
    expect(await queue.poll()).toBe('x');
  });
});
