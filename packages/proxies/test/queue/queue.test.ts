// IQueue against a cluster: the development member by default, a real one with HZ_CLUSTER_MEMBERS.
import {
  DistributedObjectDestroyedError,
  HazelcastClient,
  IllegalArgumentError,
  IllegalStateError,
  NoSuchElementError,
  type ClientConfig,
} from '@hz/core';
import { getQueue, ItemEventType, QUEUE_SERVICE_NAME, type IQueue, type ItemEvent } from '@hz/proxies/queue';
import { eventually, itDev, startTestCluster, type TestCluster } from '../../../../test/support/cluster';

function config(cluster: TestCluster, extra: ClientConfig = {}): ClientConfig {
  return {
    clusterName: cluster.clusterName,
    ...extra,
    network: { clusterMembers: cluster.addresses, ...extra.network },
    properties: { 'hazelcast.logging.level': 'OFF', ...extra.properties },
  };
}

/** Unique per run, so that a real cluster's queues from earlier runs do not interfere. */
const run = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
const UNBOUNDED = 2_147_483_647;

describe('IQueue', () => {
  let cluster: TestCluster;
  let client: HazelcastClient;
  let other: HazelcastClient;
  let seq = 0;
  let name: string;
  let queue: IQueue<unknown>;
  const created: Array<IQueue<unknown>> = [];

  const open = async <E = unknown>(n: string, on = client): Promise<IQueue<E>> => {
    const q = await getQueue<E>(on, n);
    created.push(q as IQueue<unknown>);
    return q;
  };

  beforeAll(async () => {
    // Capacity patterns for the bounded-queue tests, which need the development member.
    const options = { members: 2, queueCapacity: { [`bounded-${run}-*`]: 2 } };
    cluster = await startTestCluster(options);
    client = await HazelcastClient.newHazelcastClient(config(cluster));
    other = await HazelcastClient.newHazelcastClient(config(cluster));
  });
  beforeEach(async () => {
    name = `queue-${run}-${++seq}`;
    queue = await open(name);
  });
  afterEach(async () => {
    await Promise.all(created.splice(0).map((q) => q.destroy().catch(() => undefined)));
  });
  afterAll(async () => {
    await Promise.all([client?.shutdown(), other?.shutdown()]);
    await cluster?.shutdown();
  });

  it('is one proxy per name, of the queue service', async () => {
    expect(await getQueue(client, name)).toBe(queue);
    expect(queue.getName()).toBe(name);
    expect(queue.getServiceName()).toBe(QUEUE_SERVICE_NAME);
    const objects = await client.getDistributedObjects();
    expect(objects).toContainEqual({ serviceName: 'hz:impl:queueService', name });
  });

  it('offers, peeks and polls in FIFO order, values of any serializable type', async () => {
    expect(await queue.isEmpty()).toBe(true);
    expect(await queue.offer('one')).toBe(true);
    expect(await queue.add(2)).toBe(true);
    await queue.put({ three: [3] });
    expect(await queue.size()).toBe(3);
    expect(await queue.isEmpty()).toBe(false);
    expect(await queue.peek()).toBe('one');
    expect(await queue.element()).toBe('one');
    expect(await queue.poll()).toBe('one');
    expect(await queue.take()).toBe(2);
    expect(await queue.poll(100)).toEqual({ three: [3] });
    expect(await queue.poll()).toBeNull();
    expect(await queue.peek()).toBeNull();
    await expect(queue.element()).rejects.toThrow(NoSuchElementError);
  });

  it('lists, searches and iterates without removing', async () => {
    expect(await queue.addAll(['a', 'b', 'c'])).toBe(true);
    expect(await queue.toArray()).toEqual(['a', 'b', 'c']);
    const seen: unknown[] = [];
    for await (const item of queue) seen.push(item);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(await queue.contains('b')).toBe(true);
    expect(await queue.contains('z')).toBe(false);
    expect(await queue.containsAll(['a', 'c'])).toBe(true);
    expect(await queue.containsAll(['a', 'z'])).toBe(false);
    expect(await queue.containsAll([])).toBe(true);
    expect(await queue.size()).toBe(3);
  });

  it('removes one item, several, or all but some', async () => {
    await queue.addAll(['a', 'b', 'a', 'c', 'd']);
    expect(await queue.remove('a')).toBe(true);
    expect(await queue.remove('z')).toBe(false);
    expect(await queue.toArray()).toEqual(['b', 'a', 'c', 'd']);
    expect(await queue.removeAll(['a', 'z'])).toBe(true);
    expect(await queue.removeAll(['z'])).toBe(false);
    expect(await queue.retainAll(['b', 'c', 'd'])).toBe(false);
    expect(await queue.retainAll(['c', 'z'])).toBe(true);
    expect(await queue.toArray()).toEqual(['c']);
    await queue.clear();
    expect(await queue.size()).toBe(0);
  });

  it('drains to an array, all items or at most some', async () => {
    await queue.addAll([1, 2, 3, 4]);
    const out: unknown[] = ['before'];
    expect(await queue.drainTo(out, 1)).toBe(1);
    expect(out).toEqual(['before', 1]);
    expect(await queue.drainTo(out)).toBe(3);
    expect(out).toEqual(['before', 1, 2, 3, 4]);
    expect(await queue.drainTo(out)).toBe(0);
    expect(await queue.size()).toBe(0);
  });

  it('reports the remaining capacity of an unbounded queue', async () => {
    await queue.offer('x');
    expect(await queue.remainingCapacity()).toBe(UNBOUNDED - 1);
    expect(await queue.offer('y', 1000)).toBe(true);
  });

  it('answers a blocking poll with an item offered later by another client, without blocking the client', async () => {
    const started = Date.now();
    const polled = queue.poll(10_000);
    // The client goes on working while its poll waits.
    await new Promise((r) => setTimeout(r, 100));
    expect(await queue.size()).toBe(0);
    const theirs = await open(name, other);
    expect(await theirs.offer({ from: 'other' })).toBe(true);
    expect(await polled).toEqual({ from: 'other' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await queue.size()).toBe(0);
  });

  it('answers a take with an item put later by another client', async () => {
    const taken = queue.take();
    await new Promise((r) => setTimeout(r, 100));
    await (await open(name, other)).put('late');
    expect(await taken).toBe('late');
  });

  it('answers a poll with null once its timeout passes', async () => {
    const started = Date.now();
    expect(await queue.poll(300)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    // Nothing is left waiting for a later item.
    await queue.offer('stays');
    expect(await queue.toArray()).toEqual(['stays']);
  });

  it('fails a take waiting on a queue that is destroyed', async () => {
    const taken = queue.take();
    await new Promise((r) => setTimeout(r, 100));
    await (await getQueue(other, name)).destroy();
    await expect(taken).rejects.toThrow(DistributedObjectDestroyedError);
  });

  it('sends item events to listeners, with the item and the member, until removed', async () => {
    const withItem: Array<ItemEvent<unknown>> = [];
    const withoutItem: Array<ItemEvent<unknown>> = [];
    const id = await queue.addItemListener({ itemAdded: (e) => withItem.push(e), itemRemoved: (e) => withItem.push(e) }, true);
    const id2 = await (await open(name, other)).addItemListener({ itemAdded: (e) => withoutItem.push(e) }, false);
    await queue.offer('e1');
    await queue.poll();
    await eventually(() => expect(withItem).toHaveLength(2));
    await eventually(() => expect(withoutItem).toHaveLength(1));
    expect(withItem.map((e) => [e.name, e.eventType, e.item])).toEqual([
      [name, ItemEventType.ADDED, 'e1'],
      [name, ItemEventType.REMOVED, 'e1'],
    ]);
    const members = client.getCluster().getMembers().map((m) => m.uuid.toString());
    expect(members).toContain(withItem[0].member?.uuid.toString());
    expect(withoutItem[0]).toMatchObject({ name, eventType: ItemEventType.ADDED, item: null });

    expect(await queue.removeItemListener(id)).toBe(true);
    expect(await queue.removeItemListener(id)).toBe(false);
    await queue.offer('e2');
    await eventually(() => expect(withoutItem).toHaveLength(2));
    expect(withItem).toHaveLength(2);
    expect(await (await getQueue(other, name)).removeItemListener(id2)).toBe(true);
  });

  it('keeps a listener that throws registered', async () => {
    const seen: unknown[] = [];
    await queue.addItemListener(
      {
        itemAdded: (e) => {
          seen.push(e.item);
          throw new Error('listener bug');
        },
      },
      true,
    );
    await queue.addAll(['x', 'y']);
    await eventually(() => expect(seen).toEqual(['x', 'y']));
  });

  it('rejects bad input with typed errors before sending anything', async () => {
    const q = queue as IQueue<unknown>;
    const bad: Array<[string, () => Promise<unknown>]> = [
      ['offer(null)', () => q.offer(null)],
      ['offer(undefined)', () => q.offer(undefined)],
      ['add(null)', () => q.add(null)],
      ['put(null)', () => q.put(null)],
      ['contains(null)', () => q.contains(null)],
      ['remove(undefined)', () => q.remove(undefined)],
      ['addAll([1, null])', () => q.addAll([1, null])],
      ['addAll(null)', () => q.addAll(null as unknown as unknown[])],
      ['containsAll([undefined])', () => q.containsAll([undefined])],
      ['removeAll([null])', () => q.removeAll([null])],
      ['retainAll(null)', () => q.retainAll(null as unknown as unknown[])],
      ['offer(x, -1)', () => q.offer('x', -1)],
      ['offer(x, NaN)', () => q.offer('x', Number.NaN)],
      ['poll(-5)', () => q.poll(-5)],
      ['poll(Infinity)', () => q.poll(Number.POSITIVE_INFINITY)],
      ['poll("10")', () => q.poll('10' as unknown as number)],
      ['drainTo(null)', () => q.drainTo(null as unknown as unknown[])],
      ['drainTo([], 1.5)', () => q.drainTo([], 1.5)],
      ['addItemListener(null)', () => q.addItemListener(null as unknown as object, true)],
    ];
    for (const [what, call] of bad) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect([what, error]).toEqual([what, expect.any(IllegalArgumentError)]);
    }
    expect(await q.size()).toBe(0);
    await expect(q.offer(null)).rejects.toThrow('item cannot be null');
    await expect(q.poll(-1)).rejects.toThrow(/timeout must be a number of at least 0, got -1/);
  });

  describe('with a capacity (development member option queueCapacity)', () => {
    let bounded: IQueue<string>;
    beforeEach(async () => {
      bounded = await open<string>(`bounded-${run}-${seq}`);
    });

    itDev('refuses add beyond the capacity with IllegalStateError, and addAll that does not fit', async () => {
      expect(cluster.dev!.queueService.capacityOf(bounded.getName())).toBe(2);
      expect(await bounded.remainingCapacity()).toBe(2);
      expect(await bounded.add('1')).toBe(true);
      expect(await bounded.addAll(['2', '3'])).toBe(false);
      expect(await bounded.offer('2')).toBe(true);
      expect(await bounded.remainingCapacity()).toBe(0);
      await expect(bounded.add('3')).rejects.toThrow(IllegalStateError);
      expect(await bounded.offer('3')).toBe(false);
      expect(await bounded.toArray()).toEqual(['1', '2']);
    });

    itDev('answers an offer with a timeout with false when no room comes', async () => {
      await bounded.addAll(['1', '2']);
      const started = Date.now();
      expect(await bounded.offer('3', 250)).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(230);
      expect(await bounded.toArray()).toEqual(['1', '2']);
    });

    itDev('lets a put and an offer with a timeout wait for room made by another client', async () => {
      await bounded.addAll(['1', '2']);
      const put = bounded.put('3');
      const offered = bounded.offer('4', 10_000);
      await eventually(() => expect(cluster.dev!.queueService.parked(bounded.getName()).offers).toBe(2));
      const theirs = await open<string>(bounded.getName(), other);
      expect(await theirs.poll()).toBe('1');
      await put;
      expect(await theirs.poll()).toBe('2');
      expect(await offered).toBe(true);
      expect(await bounded.toArray()).toEqual(['3', '4']);
    });
  });

  itDev('lives in the partition of its name, the one the client sends to', async () => {
    await queue.offer('x');
    expect(cluster.dev!.queueService.storedIn(name)).toBe(client.partitions.getPartitionId(name));
    const keyed = await open(`orders-${run}@customer-7`);
    await keyed.offer('y');
    expect(cluster.dev!.queueService.storedIn(keyed.getName())).toBe(client.partitions.getPartitionId('customer-7'));
  });

  itDev('drops the waiting requests of a client that shuts down: they take no item', async () => {
    const leaving = await HazelcastClient.newHazelcastClient(config(cluster));
    const theirs = await getQueue<string>(leaving, name);
    const taken = theirs.take().catch((e: unknown) => e);
    await eventually(() => expect(cluster.dev!.queueService.parked(name).polls).toBe(1));
    await leaving.shutdown();
    expect(await taken).toBeInstanceOf(Error);
    await eventually(() => expect(cluster.dev!.queueService.parked(name).polls).toBe(0));
    await queue.offer('for-us');
    expect(await queue.poll()).toBe('for-us');
  });
});
