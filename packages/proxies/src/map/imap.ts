import type Long from 'long';
import type { Aggregator, DistributedObject, Predicate, Projection } from '@hz/core';
import type { SimpleEntryView } from './entry-view';
import type { IndexConfig } from './index-config';
import type { MapListener } from './map-listener';
import type { ReadOnlyLazyList } from './read-only-lazy-list';

/**
 * An entry processor: an object the member knows how to run on an entry, usually an
 * IdentifiedDataSerializable whose factory and class id name a processor registered on the
 * members.
 */
export type EntryProcessor = object;

/** A time in ms: a number or a Long. */
export type Millis = number | Long;

/**
 * A distributed, concurrent, observable and queryable map: the official Node.js client's IMap,
 * with the same method names, arguments and defaults.
 *
 * Every method checks its arguments before anything is sent: a null or undefined key or value,
 * a negative time, a predicate that is not one or a listener whose handlers are not functions
 * rejects with `IllegalArgumentError` and leaves the map as it was.
 *
 * Times (TTL, max idle, lease, timeout) are in ms. For TTL and max idle, 0 means forever and
 * leaving the argument out means the map's configured default (forever unless configured);
 * unlike the official client, a negative time is an error rather than "the default".
 *
 * **Locks.** A lock belongs to an owner: this client plus the thread id of the async flow that
 * took it (see {@link LockOwner}). Code run by `withLockOwner(fn)` / `owner.run(fn)` is its own
 * owner; code outside any owner shares the client's default owner, as with the official client.
 * Writes of other owners to a locked key wait until it is unlocked; reads do not.
 */
export interface IMap<K, V> extends DistributedObject, AsyncIterable<[K, V]> {
  /**
   * Associates `value` with `key`.
   * @param ttl time to live in ms (0: forever; omitted: the map's default)
   * @param maxIdle how long the entry may stay unread and unwritten, in ms (0: forever; omitted: the map's default)
   * @returns the previous value, or null
   */
  put(key: K, value: V, ttl?: Millis, maxIdle?: Millis): Promise<V | null>;
  /** As {@link put}, without returning the previous value (cheaper). */
  set(key: K, value: V, ttl?: Millis, maxIdle?: Millis): Promise<void>;
  /** As {@link set}, but a MapStore is not called. */
  putTransient(key: K, value: V, ttl?: Millis, maxIdle?: Millis): Promise<void>;
  /**
   * Associates `value` with `key` unless the key has a value.
   * @returns the value already there (nothing changed), or null (the value was put)
   */
  putIfAbsent(key: K, value: V, ttl?: Millis, maxIdle?: Millis): Promise<V | null>;
  /**
   * Puts, waiting at most `timeout` ms for another owner's lock on the key.
   * @returns false when the lock was not released in time (nothing was put)
   */
  tryPut(key: K, value: V, timeout: Millis): Promise<boolean>;
  /** Puts every pair, one request per partition, sent in parallel. */
  putAll(pairs: Iterable<readonly [K, V]>): Promise<void>;
  /** As {@link putAll}, without loading missing keys through a MapLoader (listeners get no old values). */
  setAll(pairs: Iterable<readonly [K, V]>): Promise<void>;
  /** The value of `key`, or null. */
  get(key: K): Promise<V | null>;
  /** The entries of the keys that have one, one request per partition, sent in parallel. */
  getAll(keys: readonly K[]): Promise<Array<[K, V]>>;
  /** Removes the entry of `key`; resolves with the value it had, or null. */
  remove(key: K): Promise<V | null>;
  /** Removes the entry of `key` if its value is `value` (compared serialized); resolves with whether it did. */
  remove(key: K, value: V): Promise<boolean>;
  /** Removes every entry that matches `predicate`. */
  removeAll(predicate: Predicate): Promise<void>;
  /** Removes the entry of `key` without returning its value. */
  delete(key: K): Promise<void>;
  /**
   * Removes, waiting at most `timeout` ms for another owner's lock on the key.
   * @returns false when nothing was removed (no entry, or the lock was not released in time)
   */
  tryRemove(key: K, timeout: Millis): Promise<boolean>;
  /** Replaces the value of `key` if it has one; resolves with the previous value, or null (nothing changed). */
  replace(key: K, newValue: V): Promise<V | null>;
  /** Replaces the value of `key` if it is `oldValue` (compared serialized); resolves with whether it did. */
  replaceIfSame(key: K, oldValue: V, newValue: V): Promise<boolean>;
  containsKey(key: K): Promise<boolean>;
  /** Whether some key has `value` (compared serialized). */
  containsValue(value: V): Promise<boolean>;
  /** The number of entries. */
  size(): Promise<number>;
  isEmpty(): Promise<boolean>;
  /** Removes every entry (locked ones stay); listeners get one `mapCleared` event. */
  clear(): Promise<void>;
  /** Evicts the entry of `key` (an `evicted` event, not `removed`); resolves with whether there was one. */
  evict(key: K): Promise<boolean>;
  /** Evicts every entry (locked ones stay); listeners get one `mapEvicted` event. */
  evictAll(): Promise<void>;
  /** Writes the dirty entries of a write-behind MapStore; nothing without one. */
  flush(): Promise<void>;
  /**
   * Loads entries through the map's MapLoader: all keys, or `keys`.
   * @param replaceExistingValues whether loaded values replace those in the map (default true)
   */
  loadAll(keys?: readonly K[], replaceExistingValues?: boolean): Promise<void>;
  /** The keys. */
  keySet(): Promise<K[]>;
  /** The keys of the entries that match; with a paging predicate, one page, and the predicate keeps the anchors. */
  keySetWithPredicate(predicate: Predicate): Promise<K[]>;
  /** The values, deserialized when read. */
  values(): Promise<ReadOnlyLazyList<V>>;
  /** The values of the entries that match; with a paging predicate, one page. */
  valuesWithPredicate(predicate: Predicate): Promise<ReadOnlyLazyList<V>>;
  /** The entries, as [key, value] pairs. */
  entrySet(): Promise<Array<[K, V]>>;
  /** The entries that match; with a paging predicate, one page. */
  entrySetWithPredicate(predicate: Predicate): Promise<Array<[K, V]>>;
  /**
   * The entries, fetched partition by partition in batches of `fetchSize` as the loop asks for
   * them (`for await (const [k, v] of map.entries())`). Entries changed during the iteration
   * may or may not be seen.
   */
  entries(fetchSize?: number): AsyncIterableIterator<[K, V]>;
  /**
   * Locks `key` for the calling lock owner, waiting (without blocking anything) for as long as
   * another owner holds it. Reentrant: each lock needs its unlock.
   * @param leaseTime release the lock after this many ms (> 0; default: never)
   */
  lock(key: K, leaseTime?: Millis): Promise<void>;
  /**
   * Locks `key` if that is possible within `timeout` ms (default 0: only if free now).
   * @param leaseTime release the lock after this many ms (> 0; default: never)
   */
  tryLock(key: K, timeout?: Millis, leaseTime?: Millis): Promise<boolean>;
  /**
   * Releases one hold of the calling lock owner on `key`. Rejects with IllegalMonitorStateError
   * when that owner does not hold the lock (another flow's or client's lock, or none).
   */
  unlock(key: K): Promise<void>;
  /** Releases the lock of `key` whoever holds it (use with care). */
  forceUnlock(key: K): Promise<void>;
  /** Whether any owner holds the lock of `key`. */
  isLocked(key: K): Promise<boolean>;
  /** Adds an index for queries over the given attributes. */
  addIndex(indexConfig: IndexConfig): Promise<void>;
  /** The entry of `key` with its statistics, or null. */
  getEntryView(key: K): Promise<SimpleEntryView<K, V> | null>;
  /**
   * Gives the entry of `key` a new TTL, counted from now (0: forever).
   * @returns false when there is no entry
   */
  setTtl(key: K, ttl: Millis): Promise<boolean>;
  /** Runs an entry processor on the entry of `key` on its member; resolves with its result. */
  executeOnKey<R = V>(key: K, entryProcessor: EntryProcessor): Promise<R | null>;
  /** Runs an entry processor on the entries of `keys`; resolves with the non-null results by key. */
  executeOnKeys<R = V>(keys: readonly K[], entryProcessor: EntryProcessor): Promise<Array<[K, R]>>;
  /** Runs an entry processor on every entry, or on those that match `predicate`; resolves with the non-null results by key. */
  executeOnEntries<R = V>(entryProcessor: EntryProcessor, predicate?: Predicate): Promise<Array<[K, R]>>;
  /** Aggregates the entries (those that match `predicate`, when given) into one value. */
  aggregate<R>(aggregator: Aggregator<R>, predicate?: Predicate): Promise<R>;
  /** Aggregates the entries that match `predicate`. */
  aggregateWithPredicate<R>(aggregator: Aggregator<R>, predicate: Predicate): Promise<R>;
  /** Turns each entry (those that match `predicate`, when given) into a value. */
  project<R>(projection: Projection<R>, predicate?: Predicate): Promise<R[]>;
  /**
   * Calls `listener` on entry events: of every entry, or of `key` only.
   * @param includeValue whether events carry values (default false)
   * @returns the registration id, for {@link removeEntryListener}
   */
  addEntryListener(listener: MapListener<K, V>, key?: K, includeValue?: boolean): Promise<string>;
  /** As {@link addEntryListener}, for the entries that match `predicate` (removals are tested with the old value). */
  addEntryListenerWithPredicate(listener: MapListener<K, V>, predicate: Predicate, key?: K, includeValue?: boolean): Promise<string>;
  /** Removes a listener; resolves with false when the id is unknown. */
  removeEntryListener(listenerId: string): Promise<boolean>;
}
