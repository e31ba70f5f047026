import { DefaultSerializationService, HeapData, partitionIdOf, type Data } from '@hz/core';
import type { Cluster } from '../../cluster/cluster';
import * as codec from '../../codec';
import type { ClusterOptions } from '../../config';
import type { Dispatcher } from '../../dispatch/dispatcher';
import { ErrorCode, MemberError } from '../../dispatch/errors';
import type { ClientConnection } from '../../network/connection';
import type { Service } from '../service';
import { QueueCapacities } from './queue-config';
import { QueueContainer } from './queue-container';
import { ItemEventType, QueueEventPublisher } from './queue-events';

/** Service name of queues in createProxy, destroyProxy and distributed object events. */
export const QUEUE_SERVICE_NAME = 'hz:impl:queueService';

const bytesOf = (list: readonly Data[]): Buffer[] => list.map((d) => d.toBuffer());
const dataOf = (list: readonly Buffer[]): Data[] => list.map((b) => new HeapData(b));

/**
 * IQueue on the member side. A queue lives in the partition of its name (of the part after
 * '@' when the name has one, as a member's StringPartitionStrategy), whatever partition a
 * request names in its header; its data, like the maps', outlives the member that owns the
 * partition. poll, take, offer with a timeout and put park on the queue when they cannot go
 * on (see QueueContainer): the event loop never waits.
 */
export class QueueService implements Service {
  readonly events: QueueEventPublisher;
  private readonly capacities: QueueCapacities;
  private readonly partitions: Array<Map<string, QueueContainer>>;
  private readonly partitionOfName = new Map<string, number>();
  private readonly serialization = new DefaultSerializationService();

  /** @param options the cluster options; `queueCapacity` bounds queues (see QueueCapacityOption) */
  constructor(
    private readonly cluster: Cluster,
    options: ClusterOptions = {},
  ) {
    this.capacities = new QueueCapacities(options.queueCapacity);
    this.partitions = Array.from({ length: cluster.options.partitionCount }, () => new Map<string, QueueContainer>());
    this.events = new QueueEventPublisher(cluster);
    cluster.proxyService.onDestroy(QUEUE_SERVICE_NAME, (name) => this.destroyQueue(name));
  }

  register(d: Dispatcher): void {
    d.register(codec.QUEUE_OFFER_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeQueueOfferRequest(m);
      return this.queue(r.name).offerWait(r.value.toBuffer(), r.timeoutMillis.toNumber(), ctx.connection).then(codec.encodeQueueOfferResponse);
    });
    d.register(codec.QUEUE_PUT_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeQueuePutRequest(m);
      return this.queue(r.name).offerWait(r.value.toBuffer(), -1, ctx.connection).then(() => codec.encodeQueuePutResponse());
    });
    d.register(codec.QUEUE_POLL_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeQueuePollRequest(m);
      return this.queue(r.name).pollWait(r.timeoutMillis.toNumber(), ctx.connection).then((item) => codec.encodeQueuePollResponse(item && new HeapData(item)));
    });
    d.register(codec.QUEUE_TAKE_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeQueueTakeRequest(m);
      return this.queue(r.name).pollWait(-1, ctx.connection).then((item) => codec.encodeQueueTakeResponse(item && new HeapData(item)));
    });
    d.register(codec.QUEUE_PEEK_REQUEST_TYPE, (m) => {
      const item = this.existing(codec.decodeQueuePeekRequest(m).name)?.peek() ?? null;
      return codec.encodeQueuePeekResponse(item && new HeapData(item));
    });
    d.register(codec.QUEUE_SIZE_REQUEST_TYPE, (m) => codec.encodeQueueSizeResponse(this.existing(codec.decodeQueueSizeRequest(m).name)?.size ?? 0));
    d.register(codec.QUEUE_IS_EMPTY_REQUEST_TYPE, (m) => codec.encodeQueueIsEmptyResponse((this.existing(codec.decodeQueueIsEmptyRequest(m).name)?.size ?? 0) === 0));
    d.register(codec.QUEUE_REMAINING_CAPACITY_REQUEST_TYPE, (m) =>
      codec.encodeQueueRemainingCapacityResponse(this.queue(codec.decodeQueueRemainingCapacityRequest(m).name).remainingCapacity),
    );
    d.register(codec.QUEUE_ITERATOR_REQUEST_TYPE, (m) => codec.encodeQueueIteratorResponse(dataOf(this.existing(codec.decodeQueueIteratorRequest(m).name)?.items() ?? [])));
    d.register(codec.QUEUE_CONTAINS_REQUEST_TYPE, (m) => {
      const r = codec.decodeQueueContainsRequest(m);
      return codec.encodeQueueContainsResponse(this.existing(r.name)?.contains(r.value.toBuffer()) ?? false);
    });
    d.register(codec.QUEUE_CONTAINS_ALL_REQUEST_TYPE, (m) => {
      const r = codec.decodeQueueContainsAllRequest(m);
      const q = this.existing(r.name);
      return codec.encodeQueueContainsAllResponse(bytesOf(r.dataList).every((item) => q?.contains(item) ?? false));
    });
    d.register(codec.QUEUE_ADD_ALL_REQUEST_TYPE, (m) => {
      const r = codec.decodeQueueAddAllRequest(m);
      return codec.encodeQueueAddAllResponse(this.queue(r.name).addAll(bytesOf(r.dataList)));
    });
    d.register(codec.QUEUE_REMOVE_REQUEST_TYPE, (m) => {
      const r = codec.decodeQueueRemoveRequest(m);
      return codec.encodeQueueRemoveResponse(this.existing(r.name)?.remove(r.value.toBuffer()) ?? false);
    });
    d.register(codec.QUEUE_COMPARE_AND_REMOVE_ALL_REQUEST_TYPE, (m) => {
      const r = codec.decodeQueueCompareAndRemoveAllRequest(m);
      return codec.encodeQueueCompareAndRemoveAllResponse(this.removeIf(r.name, r.dataList, true));
    });
    d.register(codec.QUEUE_COMPARE_AND_RETAIN_ALL_REQUEST_TYPE, (m) => {
      const r = codec.decodeQueueCompareAndRetainAllRequest(m);
      return codec.encodeQueueCompareAndRetainAllResponse(this.removeIf(r.name, r.dataList, false));
    });
    d.register(codec.QUEUE_DRAIN_TO_REQUEST_TYPE, (m) => codec.encodeQueueDrainToResponse(dataOf(this.existing(codec.decodeQueueDrainToRequest(m).name)?.drain() ?? [])));
    d.register(codec.QUEUE_DRAIN_TO_MAX_SIZE_REQUEST_TYPE, (m) => {
      const r = codec.decodeQueueDrainToMaxSizeRequest(m);
      return codec.encodeQueueDrainToMaxSizeResponse(dataOf(this.existing(r.name)?.drain(r.maxSize) ?? []));
    });
    d.register(codec.QUEUE_CLEAR_REQUEST_TYPE, (m) => {
      this.existing(codec.decodeQueueClearRequest(m).name)?.drain();
      return codec.encodeQueueClearResponse();
    });
    d.register(codec.QUEUE_ADD_LISTENER_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeQueueAddListenerRequest(m);
      const reg = this.events.registrations.add(ctx.connection, ctx.correlationId, ctx.member, r.localOnly, { queueName: r.name, includeValue: r.includeValue });
      return codec.encodeQueueAddListenerResponse(reg.id);
    });
    d.register(codec.QUEUE_REMOVE_LISTENER_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeQueueRemoveListenerRequest(m);
      return codec.encodeQueueRemoveListenerResponse(
        this.events.registrations.remove(r.registrationId, (reg) => reg.details.queueName === r.name && reg.connection.clientUuid === ctx.connection.clientUuid),
      );
    });
  }

  /** removeAll (`matching` true) or retainAll (false) of `list`; true when the queue changed. */
  private removeIf(name: string, list: readonly Data[], matching: boolean): boolean {
    const q = this.existing(name);
    if (q === undefined) return false;
    const given = bytesOf(list);
    return q.removeWhere((item) => given.some((g) => g.equals(item)) === matching) > 0;
  }

  // --- storage ---

  /** The partition a queue lives in: that of its name's partition key. */
  partitionOfQueue(name: string): number {
    let p = this.partitionOfName.get(name);
    if (p === undefined) {
      const at = name.indexOf('@');
      const key = at < 0 ? name : name.slice(at + 1);
      p = partitionIdOf(this.serialization.toData(key) as Data, this.cluster.options.partitionCount);
      // A cache, not a registry: a member that sees very many names starts it over.
      if (this.partitionOfName.size >= 10_000) this.partitionOfName.clear();
      this.partitionOfName.set(name, p);
    }
    return p;
  }

  private existing(name: string): QueueContainer | undefined {
    return this.partitions[this.partitionOfQueue(name)].get(name);
  }

  /** The queue `name`, created (empty, with its configured capacity) when missing. */
  private queue(name: string): QueueContainer {
    const partitionId = this.partitionOfQueue(name);
    const store = this.partitions[partitionId];
    let q = store.get(name);
    if (q === undefined) {
      q = new QueueContainer(name, partitionId, this.capacities.of(name), (change, item) =>
        this.events.publish(name, partitionId, change === 'added' ? ItemEventType.ADDED : ItemEventType.REMOVED, item),
      );
      store.set(name, q);
    }
    return q;
  }

  // --- inspection (tests) ---

  /** The items of a queue, head first, as serialized bytes. */
  items(name: string): Buffer[] {
    return this.existing(name)?.items() ?? [];
  }

  /** The partition that holds the queue's data, or undefined when the queue does not exist. */
  storedIn(name: string): number | undefined {
    for (let p = 0; p < this.partitions.length; p++) if (this.partitions[p].has(name)) return p;
    return undefined;
  }

  /** Requests parked on a queue: polls and takes waiting for an item, offers and puts waiting for room. */
  parked(name: string): { polls: number; offers: number } {
    return this.existing(name)?.parked ?? { polls: 0, offers: 0 };
  }

  /** The capacity a queue of this name has (2147483647 when unbounded). */
  capacityOf(name: string): number {
    return this.capacities.of(name);
  }

  // --- lifecycle ---

  /** Destroying a queue drops its items and listeners; its parked requests fail with DistributedObjectDestroyedException. */
  destroyQueue(name: string): void {
    const partitionId = this.partitionOfQueue(name);
    const q = this.partitions[partitionId].get(name);
    this.partitions[partitionId].delete(name);
    q?.cancelWhere(() => true, new MemberError(ErrorCode.DISTRIBUTED_OBJECT_DESTROYED, `DistributedObject[${QUEUE_SERVICE_NAME} -> ${name}] has been destroyed!`));
    this.events.removeQueue(name);
  }

  /** A client's parked requests end with its connection (nothing is answered, no item is taken). */
  onConnectionClosed(connection: ClientConnection): void {
    this.events.registrations.onConnectionClosed(connection);
    const gone = new MemberError(ErrorCode.HAZELCAST, 'The connection of the request closed');
    for (const p of this.partitions) for (const q of p.values()) q.cancelWhere((c) => c === connection, gone);
  }

  shutdown(): void {
    const gone = new MemberError(ErrorCode.HAZELCAST_INSTANCE_NOT_ACTIVE, 'Hazelcast instance is not active!');
    for (const p of this.partitions) {
      for (const q of p.values()) q.cancelWhere(() => true, gone);
      p.clear();
    }
    this.events.registrations.removeWhere(() => true);
  }
}
