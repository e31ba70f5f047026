// The Queue service at the protocol level: storage in the partition of the name, parked
// requests that never block the event loop, capacity, cancellation and item events.
import { DefaultSerializationService, HeapData, partitionIdOf, type Data } from '@hz/core';
import * as qc from '@hz/proxies/codec';
import { ErrorCode, startCluster, type Cluster } from '../../src';
import { QueueCapacities, UNBOUNDED_CAPACITY } from '../../src/services/queue/queue-config';
import type { ClusterOptions as QueueClusterOptions } from '../../src/config';
import { RawClient, dataOf, textOf, waitFor, ErrorResponse, type ClientMessage } from '../support/raw-client';

const d = (s: string): HeapData => new HeapData(dataOf(s));
const texts = (list: readonly Data[]): Array<string | null> => list.map((x) => textOf(x));
const serialization = new DefaultSerializationService();
const partitionOfName = (key: string): number => partitionIdOf(serialization.toData(key) as Data, 271);

describe('Queue service', () => {
  let cluster: Cluster;
  let a: RawClient;
  let b: RawClient;
  let seq = 0;
  let name: string;

  const connect = async (member = 0): Promise<RawClient> => {
    const c = await RawClient.connect(cluster.addresses()[member]);
    await c.authenticate();
    return c;
  };
  const pid = (): number => cluster.queueService.partitionOfQueue(name);
  const call = (m: ClientMessage, client = a): Promise<ClientMessage> => client.invoke(m, pid());
  const offer = async (v: string, timeout = 0, client = a): Promise<boolean> => qc.decodeQueueOfferResponse(await call(qc.encodeQueueOfferRequest(name, d(v), timeout), client));
  const poll = async (timeout = 0, client = a): Promise<string | null> => textOf(qc.decodeQueuePollResponse(await call(qc.encodeQueuePollRequest(name, timeout), client)));
  const size = async (client = a): Promise<number> => qc.decodeQueueSizeResponse(await call(qc.encodeQueueSizeRequest(name), client));
  const items = (): Array<string | null> => cluster.queueService.items(name).map((x) => textOf({ toBuffer: () => x }));

  beforeAll(async () => {
    const options: QueueClusterOptions = { members: 2, port: 0, logLevel: 'silent', queueCapacity: { 'bounded-*': 2, 'one-*': 1 } };
    cluster = await startCluster(options);
    a = await connect(0);
    b = await connect(1);
  });
  beforeEach(() => {
    name = `queue-${++seq}`;
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await cluster.shutdown();
  });

  it('keeps items in order in the partition of the name, whatever partition a request names', async () => {
    expect(await offer('x')).toBe(true);
    expect(await offer('y')).toBe(true);
    // Another partition in the header, and a request on another member: the same queue.
    await b.invoke(qc.encodeQueueOfferRequest(name, d('z'), 0), (pid() + 1) % 271);
    expect(items()).toEqual(['x', 'y', 'z']);
    expect(cluster.queueService.storedIn(name)).toBe(partitionOfName(name));
    expect(await size(b)).toBe(3);
    expect(textOf(qc.decodeQueuePeekResponse(await call(qc.encodeQueuePeekRequest(name))))).toBe('x');
    expect(texts(qc.decodeQueueIteratorResponse(await call(qc.encodeQueueIteratorRequest(name))))).toEqual(['x', 'y', 'z']);
    expect(await poll()).toBe('x');
    expect(await poll()).toBe('y');
    expect(await poll()).toBe('z');
    expect(await poll()).toBeNull();
    expect(qc.decodeQueueIsEmptyResponse(await call(qc.encodeQueueIsEmptyRequest(name)))).toBe(true);
  });

  it('puts a name with a partition key in the partition of the key', async () => {
    name = `orders-${seq}@customer-7`;
    await offer('o');
    expect(cluster.queueService.storedIn(name)).toBe(partitionOfName('customer-7'));
  });

  it('parks a poll without blocking the event loop and answers it with an item offered by another client', async () => {
    const started = Date.now();
    const parked = poll(10_000, a);
    await waitFor(() => cluster.queueService.parked(name).polls === 1, 2000, 'the poll to park');
    // The member goes on serving while the poll waits, on the same connection too.
    expect(await size(a)).toBe(0);
    let ticked = false;
    setImmediate(() => (ticked = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(ticked).toBe(true);
    expect(await offer('late', 0, b)).toBe(true);
    expect(await parked).toBe('late');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(items()).toEqual([]);
    expect(cluster.queueService.parked(name)).toEqual({ polls: 0, offers: 0 });
  });

  it('answers a parked poll with null when its timeout expires', async () => {
    const started = Date.now();
    expect(await poll(200)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(cluster.queueService.parked(name).polls).toBe(0);
    // The expired poll does not take a later item.
    await offer('kept');
    expect(items()).toEqual(['kept']);
  });

  it('waits forever for a timeout longer than a timer can take', async () => {
    const parked = poll(2 ** 40);
    await new Promise((r) => setTimeout(r, 50));
    expect(cluster.queueService.parked(name).polls).toBe(1);
    await offer('eventually');
    expect(await parked).toBe('eventually');
  });

  it('serves parked polls in arrival order', async () => {
    const first = poll(5000, a);
    await waitFor(() => cluster.queueService.parked(name).polls === 1);
    const second = call(qc.encodeQueueTakeRequest(name), b);
    await waitFor(() => cluster.queueService.parked(name).polls === 2);
    await offer('1');
    await offer('2');
    expect(await first).toBe('1');
    expect(textOf(qc.decodeQueueTakeResponse(await second))).toBe('2');
  });

  it('cancels the parked requests of a client that disconnects: they take no item', async () => {
    const gone = await connect(0);
    void gone.invoke(qc.encodeQueueTakeRequest(name), pid()).catch(() => undefined);
    void gone.invoke(qc.encodeQueuePollRequest(name, 60_000), pid()).catch(() => undefined);
    await waitFor(() => cluster.queueService.parked(name).polls === 2, 2000, 'the requests to park');
    await gone.close();
    await waitFor(() => cluster.queueService.parked(name).polls === 0, 2000, 'the parked requests to go');
    expect(await offer('for-someone-else')).toBe(true);
    expect(items()).toEqual(['for-someone-else']);
  });

  it('fails the parked requests of a destroyed queue with DistributedObjectDestroyedException', async () => {
    const parked = call(qc.encodeQueueTakeRequest(name), b).catch((e: unknown) => e);
    await waitFor(() => cluster.queueService.parked(name).polls === 1);
    await a.invoke(qc.encodeQueueAddListenerRequest(name, true, false));
    const { encodeClientDestroyProxyRequest } = await import('@hz/core/codec');
    await a.invoke(encodeClientDestroyProxyRequest(name, 'hz:impl:queueService'));
    const error = await parked;
    expect(error).toBeInstanceOf(ErrorResponse);
    expect((error as ErrorResponse).code).toBe(ErrorCode.DISTRIBUTED_OBJECT_DESTROYED);
    expect(cluster.queueService.storedIn(name)).toBeUndefined();
    // Its listeners went with it: a new queue of the same name sends them nothing.
    const before = a.events.length;
    await offer('new');
    await new Promise((r) => setTimeout(r, 50));
    expect(a.events.length).toBe(before);
  });

  describe('with a capacity', () => {
    beforeEach(() => {
      name = `bounded-${seq}`;
    });

    it('takes the capacity of the matching pattern and refuses an offer when full', async () => {
      expect(cluster.queueService.capacityOf(name)).toBe(2);
      expect(cluster.queueService.capacityOf(`one-${seq}`)).toBe(1);
      expect(cluster.queueService.capacityOf(`other-${seq}`)).toBe(UNBOUNDED_CAPACITY);
      expect(qc.decodeQueueRemainingCapacityResponse(await call(qc.encodeQueueRemainingCapacityRequest(name)))).toBe(2);
      expect(await offer('1')).toBe(true);
      expect(await offer('2')).toBe(true);
      expect(await offer('3')).toBe(false);
      expect(qc.decodeQueueRemainingCapacityResponse(await call(qc.encodeQueueRemainingCapacityRequest(name)))).toBe(0);
      expect(qc.decodeQueueAddAllResponse(await call(qc.encodeQueueAddAllRequest(name, [d('4')])))).toBe(false);
      expect(items()).toEqual(['1', '2']);
    });

    it('parks offers and puts until a poll makes room, first come first served', async () => {
      await offer('1');
      await offer('2');
      const timed = offer('3', 10_000, b);
      await waitFor(() => cluster.queueService.parked(name).offers === 1);
      const put = call(qc.encodeQueuePutRequest(name, d('4')), b);
      await waitFor(() => cluster.queueService.parked(name).offers === 2);
      expect(await poll()).toBe('1');
      expect(await timed).toBe(true);
      expect(items()).toEqual(['2', '3']);
      expect(await poll()).toBe('2');
      await put;
      expect(items()).toEqual(['3', '4']);
    });

    it('answers a parked offer with false when its timeout expires, without adding the item', async () => {
      await offer('1');
      await offer('2');
      const started = Date.now();
      expect(await offer('3', 150)).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      await poll();
      expect(items()).toEqual(['2']);
    });

    it('adds all the items only when all fit', async () => {
      expect(qc.decodeQueueAddAllResponse(await call(qc.encodeQueueAddAllRequest(name, [d('1'), d('2'), d('3')])))).toBe(false);
      expect(items()).toEqual([]);
      expect(qc.decodeQueueAddAllResponse(await call(qc.encodeQueueAddAllRequest(name, [d('1'), d('2')])))).toBe(true);
      expect(items()).toEqual(['1', '2']);
    });
  });

  it('removes, retains, drains and clears by serialized bytes', async () => {
    await call(qc.encodeQueueAddAllRequest(name, ['a', 'b', 'a', 'c', 'd', 'e'].map(d)));
    expect(qc.decodeQueueContainsResponse(await call(qc.encodeQueueContainsRequest(name, d('c'))))).toBe(true);
    expect(qc.decodeQueueContainsAllResponse(await call(qc.encodeQueueContainsAllRequest(name, [d('a'), d('e')])))).toBe(true);
    expect(qc.decodeQueueContainsAllResponse(await call(qc.encodeQueueContainsAllRequest(name, [d('a'), d('zz')])))).toBe(false);
    expect(qc.decodeQueueRemoveResponse(await call(qc.encodeQueueRemoveRequest(name, d('a'))))).toBe(true);
    expect(items()).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(qc.decodeQueueCompareAndRemoveAllResponse(await call(qc.encodeQueueCompareAndRemoveAllRequest(name, [d('a'), d('zz')])))).toBe(true);
    expect(qc.decodeQueueCompareAndRemoveAllResponse(await call(qc.encodeQueueCompareAndRemoveAllRequest(name, [d('zz')])))).toBe(false);
    expect(qc.decodeQueueCompareAndRetainAllResponse(await call(qc.encodeQueueCompareAndRetainAllRequest(name, [d('b'), d('c'), d('d'), d('e')])))).toBe(false);
    expect(qc.decodeQueueCompareAndRetainAllResponse(await call(qc.encodeQueueCompareAndRetainAllRequest(name, [d('c'), d('d'), d('e')])))).toBe(true);
    expect(texts(qc.decodeQueueDrainToMaxSizeResponse(await call(qc.encodeQueueDrainToMaxSizeRequest(name, 1))))).toEqual(['c']);
    // A negative maximum drains everything, as on a member.
    expect(texts(qc.decodeQueueDrainToMaxSizeResponse(await call(qc.encodeQueueDrainToMaxSizeRequest(name, -1))))).toEqual(['d', 'e']);
    await call(qc.encodeQueueAddAllRequest(name, [d('f'), d('g')]));
    await call(qc.encodeQueueClearRequest(name));
    expect(items()).toEqual([]);
    expect(texts(qc.decodeQueueDrainToResponse(await call(qc.encodeQueueDrainToRequest(name))))).toEqual([]);
  });

  it('sends item events from the owner of the partition, with or without the item', async () => {
    const withValue = a.peekCorrelationId();
    await a.invoke(qc.encodeQueueAddListenerRequest(name, true, false));
    const withoutValue = b.peekCorrelationId();
    const regId = qc.decodeQueueAddListenerResponse(await b.invoke(qc.encodeQueueAddListenerRequest(name, false, false)));
    await offer('i1');
    await poll();
    await a.waitForEvent(() => a.eventsOfType(qc.QUEUE_ADD_LISTENER_ITEM_EVENT_TYPE, withValue).length >= 2);
    await b.waitForEvent(() => b.eventsOfType(qc.QUEUE_ADD_LISTENER_ITEM_EVENT_TYPE, withoutValue).length >= 2);
    const owner = cluster.ownerOf(pid())!.uuidString;
    const seen = a.eventsOfType(qc.QUEUE_ADD_LISTENER_ITEM_EVENT_TYPE, withValue).map((m) => qc.decodeQueueAddListenerItemEvent(m));
    expect(seen.map((e) => [e.eventType, textOf(e.item), e.uuid.toString()])).toEqual([
      [1, 'i1', owner],
      [2, 'i1', owner],
    ]);
    expect(b.eventsOfType(qc.QUEUE_ADD_LISTENER_ITEM_EVENT_TYPE, withoutValue).map((m) => qc.decodeQueueAddListenerItemEvent(m).item)).toEqual([null, null]);
    expect(qc.decodeQueueRemoveListenerResponse(await b.invoke(qc.encodeQueueRemoveListenerRequest(name, regId)))).toBe(true);
    expect(qc.decodeQueueRemoveListenerResponse(await b.invoke(qc.encodeQueueRemoveListenerRequest(name, regId)))).toBe(false);
  });

  it('sends a localOnly registration only the events of its own member', async () => {
    const ownerIndex = cluster.members.findIndex((m) => m.uuidString === cluster.ownerOf(pid())!.uuidString);
    const [onOwner, onOther] = ownerIndex === 0 ? [a, b] : [b, a];
    const ownerCorr = onOwner.peekCorrelationId();
    await onOwner.invoke(qc.encodeQueueAddListenerRequest(name, true, true));
    const otherCorr = onOther.peekCorrelationId();
    await onOther.invoke(qc.encodeQueueAddListenerRequest(name, true, true));
    await offer('local');
    await onOwner.waitForEvent((m) => m.correlationId === ownerCorr);
    await new Promise((r) => setTimeout(r, 50));
    expect(onOther.eventsOfType(qc.QUEUE_ADD_LISTENER_ITEM_EVENT_TYPE, otherCorr)).toHaveLength(0);
  });
});

describe('queue capacity option', () => {
  it('matches exact names first, then the most specific pattern, then default; ignores the partition key', () => {
    const c = new QueueCapacities({ default: 100, 'jobs-*': 10, 'jobs-urgent-*': 3, 'jobs-urgent-1': 1, '*-log': 0 });
    expect(c.of('jobs-urgent-1')).toBe(1);
    expect(c.of('jobs-urgent-2')).toBe(3);
    expect(c.of('jobs-2')).toBe(10);
    expect(c.of('jobs-2@tenant')).toBe(10);
    expect(c.of('audit-log')).toBe(UNBOUNDED_CAPACITY);
    expect(c.of('other')).toBe(100);
    expect(new QueueCapacities(5).of('any')).toBe(5);
    expect(new QueueCapacities(undefined).of('any')).toBe(UNBOUNDED_CAPACITY);
  });

  it('rejects capacities that are not integers from 0', async () => {
    expect(() => new QueueCapacities(-1)).toThrow(RangeError);
    expect(() => new QueueCapacities({ q: 1.5 })).toThrow(/queueCapacity\["q"\]/);
    const options: QueueClusterOptions = { port: 0, logLevel: 'silent', queueCapacity: { q: -2 } };
    await expect(startCluster(options)).rejects.toThrow(RangeError);
  });
});
