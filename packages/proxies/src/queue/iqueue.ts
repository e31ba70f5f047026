import type { DistributedObject } from '@hz/core';
import type { ItemListener } from './item-listener';

/**
 * A concurrent, blocking, distributed, observable queue (FIFO). The queue lives in one
 * partition, that of its name, so every operation goes to that partition's owner.
 *
 * Items are serialized with the client's serialization service; equality (contains, remove,
 * removeAll, retainAll) is equality of the serialized bytes. Every method rejects with an
 * IllegalArgumentError for a null or undefined item and for a negative or non-finite timeout,
 * before anything is sent.
 */
export interface IQueue<E> extends DistributedObject {
  /**
   * Adds an item at the tail if the queue has room.
   * @returns true
   * @throws IllegalStateError when the queue is full
   */
  add(item: E): Promise<boolean>;

  /**
   * Adds an item at the tail, waiting up to `timeout` ms for room when the queue is full.
   * @param timeout ms to wait for room (default 0: do not wait)
   * @returns true when the item was added, false when there was no room in time
   */
  offer(item: E, timeout?: number): Promise<boolean>;

  /** Adds an item at the tail, waiting as long as it takes for room. */
  put(item: E): Promise<void>;

  /**
   * Removes and returns the head, waiting up to `timeout` ms for an item when the queue is empty.
   * @param timeout ms to wait for an item (default 0: do not wait)
   * @returns the head, or null when there was no item in time
   */
  poll(timeout?: number): Promise<E | null>;

  /** Removes and returns the head, waiting as long as it takes for an item. */
  take(): Promise<E>;

  /**
   * The head, without removing it.
   * @returns the head, or null when the queue is empty
   */
  peek(): Promise<E | null>;

  /**
   * The head, without removing it (peek that fails on an empty queue).
   * @throws NoSuchElementError when the queue is empty
   */
  element(): Promise<E>;

  /**
   * Removes the first occurrence of an item.
   * @returns true when the queue had the item
   */
  remove(item: E): Promise<boolean>;

  /** Whether the queue has the item. */
  contains(item: E): Promise<boolean>;

  /** Whether the queue has every one of the items (true for an empty array). */
  containsAll(items: E[]): Promise<boolean>;

  /**
   * Adds all the items at the tail, in order, if the queue has room for all of them.
   * @returns true when they were added, false (and nothing added) when there is not room for all
   */
  addAll(items: E[]): Promise<boolean>;

  /**
   * Removes every occurrence of each of the items.
   * @returns true when the queue changed
   */
  removeAll(items: E[]): Promise<boolean>;

  /**
   * Removes every item that is not one of the given items.
   * @returns true when the queue changed
   */
  retainAll(items: E[]): Promise<boolean>;

  /** Removes every item. */
  clear(): Promise<void>;

  /**
   * Removes items from the head and pushes them, in order, to the end of `arr`.
   * @param arr the array to fill
   * @param maxElements at most this many items (default: all; a negative number means all too)
   * @returns how many items were moved
   */
  drainTo(arr: E[], maxElements?: number): Promise<number>;

  /** The number of items. */
  size(): Promise<number>;

  /** Whether the queue has no item. */
  isEmpty(): Promise<boolean>;

  /** How many more items the queue takes: 2147483647 (Java's Integer.MAX_VALUE) minus the size for an unbounded queue. */
  remainingCapacity(): Promise<number>;

  /** The items, head first (a snapshot). */
  toArray(): Promise<E[]>;

  /** Iterates over a snapshot of the items, head first (`for await (const item of queue)`). */
  [Symbol.asyncIterator](): AsyncIterator<E>;

  /**
   * Adds an item listener, called for every item added to or removed from the queue.
   * @param includeValue whether events carry the item (otherwise their `item` is null)
   * @returns the registration id, for removeItemListener
   */
  addItemListener(listener: ItemListener<E>, includeValue: boolean): Promise<string>;

  /**
   * Removes an item listener.
   * @returns true when it was registered, false for an unknown id
   */
  removeItemListener(registrationId: string): Promise<boolean>;
}
