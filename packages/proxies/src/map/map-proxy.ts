import Long from 'long';
import {
  TypeId,
  IllegalArgumentError,
  IterationType,
  ProxyBase,
  type Aggregator,
  type ClientMessage,
  type Data,
  type HazelcastClient,
  type ListenerCodec,
  type LongLike,
  type Predicate,
  type Projection,
  type UUID,
} from '@hz/core';
import * as codec from '../codec/generated/map';
import { SimpleEntryView } from './entry-view';
import type { EntryProcessor, IMap, Millis } from './imap';
import { normalizeIndexConfig, type IndexConfig } from './index-config';
import { LockOwner } from './lock-owner';
import { dispatchEntryEvent, listenerFlags, type MapListener } from './map-listener';
import { byPartition, checkArray, checkIdentified, checkNotPaging, millis, queryPlan, type QueryPlan } from './map-support';
import { ReadOnlyLazyList } from './read-only-lazy-list';

/** Service name of maps on the members. */
export const MAP_SERVICE_NAME = 'hz:impl:mapService';

/** Lock and unlock requests carry a reference id so that a retried one is not applied twice. */
let lockReferenceId = 0;
const nextReferenceId = (): number => ++lockReferenceId;

/** The result of a call that answers nothing. */
const noResult = (): void => undefined;

/** An event of any of the four entry listener registrations (they share one layout). */
type EntryEventMessage = ReturnType<typeof codec.decodeMapAddEntryListenerEntryEvent>;

/**
 * The IMap proxy. Each method checks and serializes its arguments, encodes the request with
 * the generated codec, sends it (to the key's partition owner, to each partition involved, or
 * to any member) and decodes the response. See {@link IMap} for what each method does.
 *
 * Key requests carry the thread id of the calling {@link LockOwner}: the member uses it, with
 * this client's UUID, as the lock owner.
 */
export class MapProxy<K, V> extends ProxyBase implements IMap<K, V> {
  /** Use {@link getMap}: it creates the map on the cluster and keeps one proxy per name. */
  constructor(client: HazelcastClient, name: string) {
    super(client, MAP_SERVICE_NAME, name);
  }

  // Decoders of the hot single-key calls, made once per proxy: those calls are plain functions
  // that return the invocation's promise, which resolves with the decoded result (no async
  // step of their own per call).
  private readonly decodeGet = (response: ClientMessage): V | null => this.toObject<V>(codec.decodeMapGetResponse(response));
  private readonly decodePut = (response: ClientMessage): V | null => this.toObject<V>(codec.decodeMapPutResponse(response));
  private readonly decodePutIfAbsent = (response: ClientMessage): V | null => this.toObject<V>(codec.decodeMapPutIfAbsentResponse(response));
  private readonly decodeReplace = (response: ClientMessage): V | null => this.toObject<V>(codec.decodeMapReplaceResponse(response));
  private readonly decodeRemove = (response: ClientMessage): V | null => this.toObject<V>(codec.decodeMapRemoveResponse(response));
  private readonly decodeGetAll = (response: ClientMessage): Array<[K, V]> => this.entryList<V>(codec.decodeMapGetAllResponse(response));

  // --- single-key writes ---

  /** {@inheritDoc IMap.put} */
  put(key: K, value: V, ttl?: Millis, maxIdle?: Millis): Promise<V | null> {
    return MapProxy.writeWithExpiry(this, key, value, ttl, maxIdle, codec.encodeMapPutRequest, codec.encodeMapPutWithMaxIdleRequest, this.decodePut);
  }

  /** {@inheritDoc IMap.set} */
  set(key: K, value: V, ttl?: Millis, maxIdle?: Millis): Promise<void> {
    return MapProxy.writeWithExpiry(this, key, value, ttl, maxIdle, codec.encodeMapSetRequest, codec.encodeMapSetWithMaxIdleRequest, noResult);
  }

  /** {@inheritDoc IMap.putTransient} */
  putTransient(key: K, value: V, ttl?: Millis, maxIdle?: Millis): Promise<void> {
    return MapProxy.writeWithExpiry(this, key, value, ttl, maxIdle, codec.encodeMapPutTransientRequest, codec.encodeMapPutTransientWithMaxIdleRequest, noResult);
  }

  /** {@inheritDoc IMap.putIfAbsent} */
  putIfAbsent(key: K, value: V, ttl?: Millis, maxIdle?: Millis): Promise<V | null> {
    return MapProxy.writeWithExpiry(this, key, value, ttl, maxIdle, codec.encodeMapPutIfAbsentRequest, codec.encodeMapPutIfAbsentWithMaxIdleRequest, this.decodePutIfAbsent);
  }

  /**
   * put, set, putTransient and putIfAbsent: one request shape without max idle, one with.
   * Static, so that it is not one more wrapped prototype method (see ProxyBase) on the hot path.
   */
  private static writeWithExpiry<K, V, R>(
    map: MapProxy<K, V>,
    key: K,
    value: V,
    ttl: Millis | undefined,
    maxIdle: Millis | undefined,
    encode: (name: string, key: Data, value: Data, threadId: LongLike, ttl: LongLike) => ClientMessage,
    encodeWithMaxIdle: (name: string, key: Data, value: Data, threadId: LongLike, ttl: LongLike, maxIdle: LongLike) => ClientMessage,
    decode: (response: ClientMessage) => R,
  ): Promise<R> {
    try {
      const k = map.keyData(key);
      const v = map.toTransientData(value);
      const t = millis(ttl, 'ttl');
      const idle = millis(maxIdle, 'maxIdle');
      const request = maxIdle === undefined ? encode(map.name, k, v, map.threadId(), t) : encodeWithMaxIdle(map.name, k, v, map.threadId(), t, idle);
      return map.invokeOnKeyAndDecode(request, k, decode);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** {@inheritDoc IMap.tryPut} */
  tryPut(key: K, value: V, timeout: Millis): Promise<boolean> {
    try {
      const k = this.keyData(key);
      const v = this.toTransientData(value);
      const wait = this.required(timeout, 'timeout');
      return this.invokeOnKeyAndDecode(codec.encodeMapTryPutRequest(this.name, k, v, this.threadId(), wait), k, codec.decodeMapTryPutResponse);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** {@inheritDoc IMap.putAll} */
  async putAll(pairs: Iterable<readonly [K, V]>): Promise<void> {
    return this.putAllInternal(pairs, true);
  }

  /** {@inheritDoc IMap.setAll} */
  async setAll(pairs: Iterable<readonly [K, V]>): Promise<void> {
    return this.putAllInternal(pairs, false);
  }

  /** {@inheritDoc IMap.replace} */
  replace(key: K, newValue: V): Promise<V | null> {
    try {
      const k = this.keyData(key);
      const v = this.toTransientData(newValue, 'newValue');
      return this.invokeOnKeyAndDecode(codec.encodeMapReplaceRequest(this.name, k, v, this.threadId()), k, this.decodeReplace);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** {@inheritDoc IMap.replaceIfSame} */
  replaceIfSame(key: K, oldValue: V, newValue: V): Promise<boolean> {
    try {
      const k = this.keyData(key);
      const old = this.toData(oldValue, 'oldValue');
      const v = this.toTransientData(newValue, 'newValue');
      return this.invokeOnKeyAndDecode(codec.encodeMapReplaceIfSameRequest(this.name, k, old, v, this.threadId()), k, codec.decodeMapReplaceIfSameResponse);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** {@inheritDoc IMap.setTtl} */
  setTtl(key: K, ttl: Millis): Promise<boolean> {
    try {
      const k = this.keyData(key);
      const t = this.required(ttl, 'ttl');
      return this.invokeOnKeyAndDecode(codec.encodeMapSetTtlRequest(this.name, k, t), k, codec.decodeMapSetTtlResponse);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  // --- single-key reads and removals ---

  /** {@inheritDoc IMap.get} */
  get(key: K): Promise<V | null> {
    return MapProxy.onKey(this, key, codec.encodeMapGetRequest, this.decodeGet);
  }

  /** {@inheritDoc IMap.containsKey} */
  containsKey(key: K): Promise<boolean> {
    return MapProxy.onKey(this, key, codec.encodeMapContainsKeyRequest, codec.decodeMapContainsKeyResponse);
  }

  /** {@inheritDoc IMap.getEntryView} */
  async getEntryView(key: K): Promise<SimpleEntryView<K, V> | null> {
    const k = this.keyData(key);
    const { response: e, maxIdle } = codec.decodeMapGetEntryViewResponse(await this.invokeOnKey(codec.encodeMapGetEntryViewRequest(this.name, k, this.threadId()), k));
    if (e === null) return null;
    const [ek, ev] = [this.toObject<K>(e.key) as K, this.toObject<V>(e.value) as V];
    return new SimpleEntryView(ek, ev, e.cost, e.creationTime, e.expirationTime, e.hits, e.lastAccessTime, e.lastStoredTime, e.lastUpdateTime, e.version, e.ttl, maxIdle);
  }

  /** {@inheritDoc IMap.remove} */
  remove(key: K): Promise<V | null>;
  remove(key: K, value: V): Promise<boolean>;
  remove(key: K, value?: V): Promise<V | null | boolean> {
    if (value === undefined) return MapProxy.onKey(this, key, codec.encodeMapRemoveRequest, this.decodeRemove);
    try {
      const k = this.keyData(key);
      const v = this.toData(value);
      return this.invokeOnKeyAndDecode(codec.encodeMapRemoveIfSameRequest(this.name, k, v, this.threadId()), k, codec.decodeMapRemoveIfSameResponse);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** {@inheritDoc IMap.delete} */
  delete(key: K): Promise<void> {
    return MapProxy.onKey(this, key, codec.encodeMapDeleteRequest, noResult);
  }

  /** {@inheritDoc IMap.tryRemove} */
  tryRemove(key: K, timeout: Millis): Promise<boolean> {
    try {
      const k = this.keyData(key);
      const wait = this.required(timeout, 'timeout');
      return this.invokeOnKeyAndDecode(codec.encodeMapTryRemoveRequest(this.name, k, this.threadId(), wait), k, codec.decodeMapTryRemoveResponse);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** {@inheritDoc IMap.evict} */
  evict(key: K): Promise<boolean> {
    return MapProxy.onKey(this, key, codec.encodeMapEvictRequest, codec.decodeMapEvictResponse);
  }

  /** get, containsKey, delete, evict and remove: a request of the key alone (static: see writeWithExpiry). */
  private static onKey<K, V, R>(map: MapProxy<K, V>, key: K, encode: (name: string, key: Data, threadId: LongLike) => ClientMessage, decode: (response: ClientMessage) => R): Promise<R> {
    try {
      const k = map.keyData(key);
      return map.invokeOnKeyAndDecode(encode(map.name, k, map.threadId()), k, decode);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  // --- many keys, whole map ---

  /** {@inheritDoc IMap.getAll} */
  async getAll(keys: readonly K[]): Promise<Array<[K, V]>> {
    const groups = byPartition(checkArray(keys, 'keys').map((key) => this.keyData(key)), (k) => this.partitionOf(k));
    const parts = await Promise.all([...groups].map(([p, ks]) => this.invokeOnPartitionAndDecode(codec.encodeMapGetAllRequest(this.name, ks), p, this.decodeGetAll)));
    return parts.length === 1 ? parts[0] : parts.flat();
  }

  /** {@inheritDoc IMap.containsValue} */
  async containsValue(value: V): Promise<boolean> {
    return codec.decodeMapContainsValueResponse(await this.invoke(codec.encodeMapContainsValueRequest(this.name, this.toData(value))));
  }

  /** {@inheritDoc IMap.size} */
  async size(): Promise<number> {
    return codec.decodeMapSizeResponse(await this.invoke(codec.encodeMapSizeRequest(this.name)));
  }

  /** {@inheritDoc IMap.isEmpty} */
  async isEmpty(): Promise<boolean> {
    return codec.decodeMapIsEmptyResponse(await this.invoke(codec.encodeMapIsEmptyRequest(this.name)));
  }

  /** {@inheritDoc IMap.clear} */
  async clear(): Promise<void> {
    await this.invoke(codec.encodeMapClearRequest(this.name));
  }

  /** {@inheritDoc IMap.evictAll} */
  async evictAll(): Promise<void> {
    await this.invoke(codec.encodeMapEvictAllRequest(this.name));
  }

  /** {@inheritDoc IMap.flush} */
  async flush(): Promise<void> {
    await this.invoke(codec.encodeMapFlushRequest(this.name));
  }

  /** {@inheritDoc IMap.loadAll} */
  async loadAll(keys?: readonly K[], replaceExistingValues = true): Promise<void> {
    if (typeof replaceExistingValues !== 'boolean') throw new IllegalArgumentError('replaceExistingValues must be a boolean');
    const request =
      keys === undefined
        ? codec.encodeMapLoadAllRequest(this.name, replaceExistingValues)
        : codec.encodeMapLoadGivenKeysRequest(this.name, checkArray(keys, 'keys').map((k) => this.keyData(k)), replaceExistingValues);
    await this.invoke(request);
  }

  /** {@inheritDoc IMap.keySet} */
  async keySet(): Promise<K[]> {
    return this.list<K>(codec.decodeMapKeySetResponse(await this.invoke(codec.encodeMapKeySetRequest(this.name))));
  }

  /** {@inheritDoc IMap.values} */
  async values(): Promise<ReadOnlyLazyList<V>> {
    return this.lazyList(codec.decodeMapValuesResponse(await this.invoke(codec.encodeMapValuesRequest(this.name))));
  }

  /** {@inheritDoc IMap.entrySet} */
  async entrySet(): Promise<Array<[K, V]>> {
    return this.entryList<V>(codec.decodeMapEntrySetResponse(await this.invoke(codec.encodeMapEntrySetRequest(this.name))));
  }

  /** {@inheritDoc IMap.entries} */
  async *entries(fetchSize = 100): AsyncIterableIterator<[K, V]> {
    if (!Number.isInteger(fetchSize) || fetchSize < 1) throw new IllegalArgumentError(`fetchSize must be a positive integer, got ${String(fetchSize)}`);
    const partitions = this.client.partitions.getPartitionCount();
    const fetch = (partitionId: number, pointers: ReadonlyArray<readonly [number, number]>): Promise<codec.MapFetchEntriesResponse> => {
      const batch = this.invokeOnPartition(codec.encodeMapFetchEntriesRequest(this.name, pointers, fetchSize), partitionId).then(codec.decodeMapFetchEntriesResponse);
      batch.catch(() => undefined); // awaited below, unless the loop stops early
      return batch;
    };
    // Partition by partition from the pointer "start" (Integer.MAX_VALUE); a partition is done when
    // the last pointer the member returns is negative. The next batch is asked for while this one is read.
    const start: ReadonlyArray<readonly [number, number]> = [[0x7fffffff, -1]];
    let partitionId = 0;
    let next = partitions > 0 ? fetch(0, start) : null;
    while (next !== null) {
      const r = await next;
      const pointers = r.iterationPointers;
      const done = pointers.length === 0 || pointers[pointers.length - 1][0] < 0;
      if (done) partitionId++;
      next = !done ? fetch(partitionId, pointers) : partitionId < partitions ? fetch(partitionId, start) : null;
      yield* this.entryList<V>(r.entries);
    }
  }

  /** The entries, fetched as the loop asks for them: `for await (const [key, value] of map)`. */
  [Symbol.asyncIterator](): AsyncIterableIterator<[K, V]> {
    return this.entries();
  }

  // --- queries ---

  /** {@inheritDoc IMap.keySetWithPredicate} */
  async keySetWithPredicate(predicate: Predicate): Promise<K[]> {
    const q = this.plan(predicate, IterationType.KEY);
    if (q.holder === null) return this.list<K>(codec.decodeMapKeySetWithPredicateResponse(await this.send(q, codec.encodeMapKeySetWithPredicateRequest(this.name, q.predicate!))));
    const r = codec.decodeMapKeySetWithPagingPredicateResponse(await this.send(q, codec.encodeMapKeySetWithPagingPredicateRequest(this.name, q.holder)));
    q.applyAnchors(r.anchorDataList);
    return this.list<K>(r.response);
  }

  /** {@inheritDoc IMap.valuesWithPredicate} */
  async valuesWithPredicate(predicate: Predicate): Promise<ReadOnlyLazyList<V>> {
    const q = this.plan(predicate, IterationType.VALUE);
    if (q.holder === null) return this.lazyList(codec.decodeMapValuesWithPredicateResponse(await this.send(q, codec.encodeMapValuesWithPredicateRequest(this.name, q.predicate!))));
    const r = codec.decodeMapValuesWithPagingPredicateResponse(await this.send(q, codec.encodeMapValuesWithPagingPredicateRequest(this.name, q.holder)));
    q.applyAnchors(r.anchorDataList);
    return this.lazyList(r.response);
  }

  /** {@inheritDoc IMap.entrySetWithPredicate} */
  async entrySetWithPredicate(predicate: Predicate): Promise<Array<[K, V]>> {
    const q = this.plan(predicate, IterationType.ENTRY);
    if (q.holder === null) return this.entryList<V>(codec.decodeMapEntriesWithPredicateResponse(await this.send(q, codec.encodeMapEntriesWithPredicateRequest(this.name, q.predicate!))));
    const r = codec.decodeMapEntriesWithPagingPredicateResponse(await this.send(q, codec.encodeMapEntriesWithPagingPredicateRequest(this.name, q.holder)));
    q.applyAnchors(r.anchorDataList);
    return this.entryList<V>(r.response);
  }

  /** {@inheritDoc IMap.removeAll} */
  async removeAll(predicate: Predicate): Promise<void> {
    await this.invoke(codec.encodeMapRemoveAllRequest(this.name, this.toData(checkNotPaging(predicate))));
  }

  /** {@inheritDoc IMap.aggregate} */
  async aggregate<R>(aggregator: Aggregator<R>, predicate?: Predicate): Promise<R> {
    const a = this.toData(checkIdentified(aggregator, 'aggregator'));
    if (predicate === undefined) return this.toObject<R>(codec.decodeMapAggregateResponse(await this.invoke(codec.encodeMapAggregateRequest(this.name, a)))) as R;
    const p = this.toData(checkNotPaging(predicate));
    return this.toObject<R>(codec.decodeMapAggregateWithPredicateResponse(await this.invoke(codec.encodeMapAggregateWithPredicateRequest(this.name, a, p)))) as R;
  }

  /** {@inheritDoc IMap.aggregateWithPredicate} */
  async aggregateWithPredicate<R>(aggregator: Aggregator<R>, predicate: Predicate): Promise<R> {
    return this.aggregate(aggregator, checkNotPaging(predicate));
  }

  /** {@inheritDoc IMap.project} */
  async project<R>(projection: Projection<R>, predicate?: Predicate): Promise<R[]> {
    const pr = this.toData(checkIdentified(projection, 'projection'));
    const results =
      predicate === undefined
        ? codec.decodeMapProjectResponse(await this.invoke(codec.encodeMapProjectRequest(this.name, pr)))
        : codec.decodeMapProjectWithPredicateResponse(await this.invoke(codec.encodeMapProjectWithPredicateRequest(this.name, pr, this.toData(checkNotPaging(predicate)))));
    return results.map((d) => this.toObject<R>(d) as R);
  }

  /** {@inheritDoc IMap.addIndex} */
  async addIndex(indexConfig: IndexConfig): Promise<void> {
    await this.invoke(codec.encodeMapAddIndexRequest(this.name, normalizeIndexConfig(this.name, indexConfig)));
  }

  // --- entry processors ---

  /** {@inheritDoc IMap.executeOnKey} */
  async executeOnKey<R = V>(key: K, entryProcessor: EntryProcessor): Promise<R | null> {
    const [k, ep] = [this.keyData(key), this.toData(entryProcessor, 'entryProcessor')];
    return this.toObject<R>(codec.decodeMapExecuteOnKeyResponse(await this.invokeOnKey(codec.encodeMapExecuteOnKeyRequest(this.name, ep, k, this.threadId()), k)));
  }

  /** {@inheritDoc IMap.executeOnKeys} */
  async executeOnKeys<R = V>(keys: readonly K[], entryProcessor: EntryProcessor): Promise<Array<[K, R]>> {
    const [ks, ep] = [checkArray(keys, 'keys').map((k) => this.keyData(k)), this.toData(entryProcessor, 'entryProcessor')];
    if (ks.length === 0) return [];
    return this.entryList<R>(codec.decodeMapExecuteOnKeysResponse(await this.invoke(codec.encodeMapExecuteOnKeysRequest(this.name, ep, ks))));
  }

  /** {@inheritDoc IMap.executeOnEntries} */
  async executeOnEntries<R = V>(entryProcessor: EntryProcessor, predicate?: Predicate): Promise<Array<[K, R]>> {
    const ep = this.toData(entryProcessor, 'entryProcessor');
    if (predicate === undefined) return this.entryList<R>(codec.decodeMapExecuteOnAllKeysResponse(await this.invoke(codec.encodeMapExecuteOnAllKeysRequest(this.name, ep))));
    const p = this.toData(checkNotPaging(predicate));
    return this.entryList<R>(codec.decodeMapExecuteWithPredicateResponse(await this.invoke(codec.encodeMapExecuteWithPredicateRequest(this.name, ep, p))));
  }

  // --- locks ---

  /** {@inheritDoc IMap.lock} */
  async lock(key: K, leaseTime?: Millis): Promise<void> {
    const [k, lease] = [this.keyData(key), millis(leaseTime, 'leaseTime', 1)];
    // A lock waits for as long as another owner holds it: no invocation timeout.
    await this.invokeOnKey(codec.encodeMapLockRequest(this.name, k, this.threadId(), lease, nextReferenceId()), k, Infinity);
  }

  /** {@inheritDoc IMap.tryLock} */
  async tryLock(key: K, timeout: Millis = 0, leaseTime?: Millis): Promise<boolean> {
    const [k, wait, lease] = [this.keyData(key), millis(timeout, 'timeout'), millis(leaseTime, 'leaseTime', 1)];
    const request = codec.encodeMapTryLockRequest(this.name, k, this.threadId(), lease, wait, nextReferenceId());
    return codec.decodeMapTryLockResponse(await this.invokeOnKey(request, k, this.blockingTimeout(Long.isLong(wait) ? wait.toNumber() : Number(wait))));
  }

  /** {@inheritDoc IMap.unlock} */
  async unlock(key: K): Promise<void> {
    const k = this.keyData(key);
    await this.invokeOnKey(codec.encodeMapUnlockRequest(this.name, k, this.threadId(), nextReferenceId()), k);
  }

  /** {@inheritDoc IMap.forceUnlock} */
  async forceUnlock(key: K): Promise<void> {
    const k = this.keyData(key);
    await this.invokeOnKey(codec.encodeMapForceUnlockRequest(this.name, k, nextReferenceId()), k);
  }

  /** {@inheritDoc IMap.isLocked} */
  async isLocked(key: K): Promise<boolean> {
    const k = this.keyData(key);
    return codec.decodeMapIsLockedResponse(await this.invokeOnKey(codec.encodeMapIsLockedRequest(this.name, k), k));
  }

  // --- listeners ---

  /** {@inheritDoc IMap.addEntryListener} */
  async addEntryListener(listener: MapListener<K, V>, key?: K, includeValue = false): Promise<string> {
    return this.addEntryListenerInternal(listener, key, undefined, includeValue);
  }

  /** {@inheritDoc IMap.addEntryListenerWithPredicate} */
  async addEntryListenerWithPredicate(listener: MapListener<K, V>, predicate: Predicate, key?: K, includeValue = false): Promise<string> {
    return this.addEntryListenerInternal(listener, key, checkNotPaging(predicate), includeValue);
  }

  /** {@inheritDoc IMap.removeEntryListener} */
  async removeEntryListener(listenerId: string): Promise<boolean> {
    if (typeof listenerId !== 'string') throw new IllegalArgumentError('listenerId must be a string');
    return this.deregisterListener(listenerId);
  }

  // --- internals ---

  private async putAllInternal(pairs: Iterable<readonly [K, V]>, triggerMapLoader: boolean): Promise<void> {
    if (pairs === null || typeof (pairs as Partial<Iterable<unknown>>)?.[Symbol.iterator] !== 'function') throw new IllegalArgumentError('pairs must be an iterable of [key, value]');
    const entries = [...pairs].map((pair): [Data, Data] => {
      if (!Array.isArray(pair)) throw new IllegalArgumentError('Each pair must be a [key, value] array');
      return [this.keyData(pair[0]), this.toData(pair[1])];
    });
    const groups = byPartition(entries, ([k]) => this.partitionOf(k));
    await Promise.all([...groups].map(([p, es]) => this.invokeOnPartition(codec.encodeMapPutAllRequest(this.name, es, triggerMapLoader), p)));
  }

  private async addEntryListenerInternal(listener: MapListener<K, V>, key: K | undefined, predicate: Predicate | undefined, includeValue: boolean): Promise<string> {
    const flags = listenerFlags(listener);
    if (typeof includeValue !== 'boolean') throw new IllegalArgumentError('includeValue must be a boolean');
    const k = key === undefined ? null : this.keyData(key);
    const p = predicate === undefined ? null : this.toData(predicate);
    const name = this.name;
    const encodeAdd = (localOnly: boolean): ClientMessage => {
      if (k !== null && p !== null) return codec.encodeMapAddEntryListenerToKeyWithPredicateRequest(name, k, p, includeValue, flags, localOnly);
      if (k !== null) return codec.encodeMapAddEntryListenerToKeyRequest(name, k, includeValue, flags, localOnly);
      if (p !== null) return codec.encodeMapAddEntryListenerWithPredicateRequest(name, p, includeValue, flags, localOnly);
      return codec.encodeMapAddEntryListenerRequest(name, includeValue, flags, localOnly);
    };
    const listenerCodec: ListenerCodec = {
      encodeAddRequest: encodeAdd,
      // The four add responses and events share one layout.
      decodeAddResponse: (m) => codec.decodeMapAddEntryListenerResponse(m),
      encodeRemoveRequest: (id: UUID) => codec.encodeMapRemoveEntryListenerRequest(name, id),
      handle: (m) => this.handleEntryEvent(listener, codec.decodeMapAddEntryListenerEntryEvent(m)),
    };
    return this.registerListener(listenerCodec);
  }

  /** Listener functions run as the default lock owner, whatever flow the connection came from. */
  private handleEntryEvent(listener: MapListener<K, V>, e: EntryEventMessage): void {
    LockOwner.default.run(() =>
      dispatchEntryEvent<K, V>(this.name, listener, {
        eventType: e.eventType,
        numberOfAffectedEntries: e.numberOfAffectedEntries,
        key: () => this.toObject<K>(e.key) as K,
        value: () => this.toObject<V>(e.value),
        oldValue: () => this.toObject<V>(e.oldValue),
        mergingValue: () => this.toObject<V>(e.mergingValue),
        member: this.client.cluster.getMember(e.uuid),
      }),
    );
  }

  private keyData(key: K): Data {
    return this.toData(key, 'key');
  }

  /** The thread id of the calling lock owner. */
  private threadId(): number {
    return LockOwner.current().threadId;
  }

  /** A time that must be given: at least 0 ms. */
  private required(value: Millis, what: string): number | Long {
    if (value === undefined) throw new IllegalArgumentError(`${what} is required`);
    return millis(value, what) as number | Long;
  }

  private plan(predicate: Predicate, iterationType: IterationType): QueryPlan {
    return queryPlan(predicate, iterationType, (v) => this.toNullableData(v), (d) => this.toObject(d));
  }

  /** Sends a query to the owner of its partition predicate's key, else to any member. */
  private send(q: QueryPlan, request: ClientMessage): Promise<ClientMessage> {
    return q.partitionKey === null ? this.invoke(request) : this.invokeOnKey(request, q.partitionKey);
  }

  private list<T>(items: readonly Data[]): T[] {
    return items.map((d) => this.toObject<T>(d) as T);
  }

  private lazyList(items: readonly Data[]): ReadOnlyLazyList<V> {
    // A Compact value may need its schema from the cluster. Decoding happens later, outside this
    // call, where no round trip can be made: check Compact values now, inside the call, where a
    // missing schema is fetched and the call run again.
    for (const d of items) if (d.getType() === TypeId.COMPACT) this.toObject(d);
    return new ReadOnlyLazyList<V>(items, (d) => this.toObject<V>(d) as V);
  }

  private entryList<T>(entries: ReadonlyArray<readonly [Data, Data]>): Array<[K, T]> {
    return entries.map(([k, v]) => [this.toObject<K>(k) as K, this.toObject<T>(v) as T]);
  }
}

/**
 * The map `name`: created on the cluster on first use; later calls get the same proxy.
 *
 * ```ts
 * const map = await getMap<string, number>(client, 'scores');
 * await map.put('alice', 42);
 * ```
 */
export function getMap<K, V>(client: HazelcastClient, name: string): Promise<IMap<K, V>> {
  if (typeof name !== 'string' || name.length === 0) return Promise.reject(new IllegalArgumentError('A map name must be a non-empty string'));
  return client.proxies.getOrCreateProxy(MAP_SERVICE_NAME, name, () => new MapProxy<K, V>(client, name));
}
