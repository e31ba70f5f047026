import { IllegalArgumentError, IllegalStateError, NoSuchElementError, ProxyBase, checkNumber, type ClientMessage, type Data, type HazelcastClient } from '@hz/core';
import * as codec from '../codec/generated/queue';
import { ItemEvent, ItemEventType, type ItemListener } from './item-listener';
import type { IQueue } from './iqueue';

/** Service name of queues on the cluster. */
export const QUEUE_SERVICE_NAME = 'hz:impl:queueService';

/**
 * The queue `name`: its proxy, created on the cluster the first time it is asked for; later
 * calls for the same name get the same proxy.
 */
export function getQueue<E>(client: HazelcastClient, name: string): Promise<IQueue<E>> {
  if (typeof name !== 'string') return Promise.reject(new IllegalArgumentError(`A queue name must be a string, got ${String(name)}`));
  return client.proxies.getOrCreateProxy(QUEUE_SERVICE_NAME, name, () => new QueueProxy<E>(client, name));
}

/**
 * The partition key of a name: the part after '@' when there is one (`orders@customer-7` lives
 * with the other `...@customer-7` objects), else the whole name; the members' rule.
 */
function partitionKeyOf(name: string): string {
  const at = name.indexOf('@');
  return at < 0 ? name : name.slice(at + 1);
}

/** A timeout in ms: finite and not negative. */
function checkTimeout(timeout: unknown): number {
  return Math.floor(checkNumber(timeout, 'timeout'));
}

function checkArray<T>(value: T[], what: string): T[] {
  if (!Array.isArray(value)) throw new IllegalArgumentError(`${what} must be an array, got ${value === null ? 'null' : typeof value}`);
  return value;
}

/** IQueue over the client protocol. Every request goes to the partition of the queue's name. */
export class QueueProxy<E> extends ProxyBase implements IQueue<E> {
  private partitionIdValue = -1;

  constructor(client: HazelcastClient, name: string) {
    super(client, QUEUE_SERVICE_NAME, name);
  }

  /** {@inheritDoc IQueue.add} */
  async add(item: E): Promise<boolean> {
    if (await this.offer(item)) return true;
    throw new IllegalStateError('Queue is full.');
  }

  /** {@inheritDoc IQueue.offer} */
  async offer(item: E, timeout = 0): Promise<boolean> {
    const data = this.toData(item, 'item');
    return codec.decodeQueueOfferResponse(await this.send(codec.encodeQueueOfferRequest(this.name, data, checkTimeout(timeout))));
  }

  /** {@inheritDoc IQueue.put} */
  async put(item: E): Promise<void> {
    await this.send(codec.encodeQueuePutRequest(this.name, this.toData(item, 'item')));
  }

  /** {@inheritDoc IQueue.poll} */
  async poll(timeout = 0): Promise<E | null> {
    const request = codec.encodeQueuePollRequest(this.name, checkTimeout(timeout));
    return this.toObject<E>(codec.decodeQueuePollResponse(await this.send(request)));
  }

  /** {@inheritDoc IQueue.take} */
  async take(): Promise<E> {
    return this.toObject<E>(codec.decodeQueueTakeResponse(await this.send(codec.encodeQueueTakeRequest(this.name)))) as E;
  }

  /** {@inheritDoc IQueue.peek} */
  async peek(): Promise<E | null> {
    return this.toObject<E>(codec.decodeQueuePeekResponse(await this.send(codec.encodeQueuePeekRequest(this.name))));
  }

  /** {@inheritDoc IQueue.element} */
  async element(): Promise<E> {
    const head = await this.peek();
    if (head === null) throw new NoSuchElementError(`Queue "${this.name}" is empty`);
    return head;
  }

  /** {@inheritDoc IQueue.remove} */
  async remove(item: E): Promise<boolean> {
    return codec.decodeQueueRemoveResponse(await this.send(codec.encodeQueueRemoveRequest(this.name, this.toData(item, 'item'))));
  }

  /** {@inheritDoc IQueue.contains} */
  async contains(item: E): Promise<boolean> {
    return codec.decodeQueueContainsResponse(await this.send(codec.encodeQueueContainsRequest(this.name, this.toData(item, 'item'))));
  }

  /** {@inheritDoc IQueue.containsAll} */
  async containsAll(items: E[]): Promise<boolean> {
    return codec.decodeQueueContainsAllResponse(await this.send(codec.encodeQueueContainsAllRequest(this.name, this.toDataList(items))));
  }

  /** {@inheritDoc IQueue.addAll} */
  async addAll(items: E[]): Promise<boolean> {
    return codec.decodeQueueAddAllResponse(await this.send(codec.encodeQueueAddAllRequest(this.name, this.toDataList(items))));
  }

  /** {@inheritDoc IQueue.removeAll} */
  async removeAll(items: E[]): Promise<boolean> {
    return codec.decodeQueueCompareAndRemoveAllResponse(await this.send(codec.encodeQueueCompareAndRemoveAllRequest(this.name, this.toDataList(items))));
  }

  /** {@inheritDoc IQueue.retainAll} */
  async retainAll(items: E[]): Promise<boolean> {
    return codec.decodeQueueCompareAndRetainAllResponse(await this.send(codec.encodeQueueCompareAndRetainAllRequest(this.name, this.toDataList(items))));
  }

  /** {@inheritDoc IQueue.clear} */
  async clear(): Promise<void> {
    await this.send(codec.encodeQueueClearRequest(this.name));
  }

  /** {@inheritDoc IQueue.drainTo} */
  async drainTo(arr: E[], maxElements?: number): Promise<number> {
    checkArray(arr, 'arr');
    let drained: Data[];
    if (maxElements === undefined) {
      drained = codec.decodeQueueDrainToResponse(await this.send(codec.encodeQueueDrainToRequest(this.name)));
    } else {
      if (!Number.isInteger(maxElements)) throw new IllegalArgumentError(`maxElements must be an integer, got ${String(maxElements)}`);
      drained = codec.decodeQueueDrainToMaxSizeResponse(await this.send(codec.encodeQueueDrainToMaxSizeRequest(this.name, maxElements)));
    }
    for (const d of drained) arr.push(this.toObject<E>(d) as E);
    return drained.length;
  }

  /** {@inheritDoc IQueue.size} */
  async size(): Promise<number> {
    return codec.decodeQueueSizeResponse(await this.send(codec.encodeQueueSizeRequest(this.name)));
  }

  /** {@inheritDoc IQueue.isEmpty} */
  async isEmpty(): Promise<boolean> {
    return codec.decodeQueueIsEmptyResponse(await this.send(codec.encodeQueueIsEmptyRequest(this.name)));
  }

  /** {@inheritDoc IQueue.remainingCapacity} */
  async remainingCapacity(): Promise<number> {
    return codec.decodeQueueRemainingCapacityResponse(await this.send(codec.encodeQueueRemainingCapacityRequest(this.name)));
  }

  /** {@inheritDoc IQueue.toArray} */
  async toArray(): Promise<E[]> {
    return codec.decodeQueueIteratorResponse(await this.send(codec.encodeQueueIteratorRequest(this.name))).map((d) => this.toObject<E>(d) as E);
  }

  /** Iterates over a snapshot of the items, head first (one toArray request). */
  async *[Symbol.asyncIterator](): AsyncIterator<E> {
    yield* await this.toArray();
  }

  /** {@inheritDoc IQueue.addItemListener} */
  async addItemListener(listener: ItemListener<E>, includeValue: boolean): Promise<string> {
    if (listener === null || typeof listener !== 'object') throw new IllegalArgumentError(`listener must be an object with itemAdded and/or itemRemoved, got ${String(listener)}`);
    // The official client sends what it is given; JavaScript callers that leave it out get no values.
    const withValue = includeValue === true;
    const name = this.name;
    return this.registerListener({
      encodeAddRequest: (localOnly) => codec.encodeQueueAddListenerRequest(name, withValue, localOnly),
      decodeAddResponse: (m) => codec.decodeQueueAddListenerResponse(m),
      encodeRemoveRequest: (id) => codec.encodeQueueRemoveListenerRequest(name, id),
      handle: (m) => this.deliver(m, listener, withValue),
    });
  }

  /** {@inheritDoc IQueue.removeItemListener} */
  async removeItemListener(registrationId: string): Promise<boolean> {
    if (typeof registrationId !== 'string') throw new IllegalArgumentError(`registrationId must be a string, got ${String(registrationId)}`);
    return this.deregisterListener(registrationId);
  }

  /** One item event to the listener; a listener that throws is logged and keeps listening. */
  private deliver(message: ClientMessage, listener: ItemListener<E>, withValue: boolean): void {
    try {
      const e = codec.decodeQueueAddListenerItemEvent(message);
      const item = withValue ? this.toObject<E>(e.item) : null;
      const event = new ItemEvent<E>(this.name, e.eventType as ItemEventType, item, this.client.cluster.getMember(e.uuid));
      if (e.eventType === ItemEventType.ADDED) listener.itemAdded?.(event);
      else if (e.eventType === ItemEventType.REMOVED) listener.itemRemoved?.(event);
    } catch (error) {
      this.client.logger.warn({ err: error, queue: this.name }, 'an item listener failed on an event');
    }
  }

  private toDataList(items: E[]): Data[] {
    return checkArray(items, 'items').map((item) => this.toData(item, 'item'));
  }

  /** Sends to the owner of the queue's partition. */
  private send(request: ClientMessage): Promise<ClientMessage> {
    // Known once connected: a proxy exists only after the cluster created it.
    if (this.partitionIdValue < 0) this.partitionIdValue = this.client.partitions.getPartitionId(partitionKeyOf(this.name));
    return this.invokeOnPartition(request, this.partitionIdValue);
  }
}
