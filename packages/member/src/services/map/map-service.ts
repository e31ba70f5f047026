import { HeapData, type Data } from '@hz/core';
import type Long from 'long';
import type { Cluster } from '../../cluster/cluster';
import type { RequestContext } from '../../dispatch/context';
import type { Dispatcher } from '../../dispatch/dispatcher';
import type { ClientConnection } from '../../network/connection';
import * as codec from '../../codec';
import { partitionOf } from '../../storage/partitioning';
import { keyOf, type MapRecord, type RecordStore } from '../../storage/record-store';
import type { Service } from '../service';
import { EntryEventType } from './entry-event-type';
import { MapEventPublisher } from './map-events';

/** Service name of maps in createProxy, destroyProxy and distributed object events. */
export const MAP_SERVICE_NAME = 'hz:impl:mapService';

const data = (b: Buffer): Data => new HeapData(b);

/**
 * TTL of a put, in ms: a positive value is the TTL; 0 means forever; a negative one (the
 * client's "not given", -1) means the map's default, which is forever here.
 */
function ttlOf(ttl: Long): number {
  const n = ttl.toNumber();
  return n > 0 ? n : 0;
}

/**
 * IMap on the member side: each operation works on the record store of the partition given in
 * the request header (operations without a partition go over every partition), fires entry
 * events, and expires entries with a TTL through the cluster's expiry scheduler.
 */
export class MapService implements Service {
  readonly events: MapEventPublisher;

  constructor(private readonly cluster: Cluster) {
    this.events = new MapEventPublisher(cluster);
    cluster.proxyService.onDestroy(MAP_SERVICE_NAME, (name) => this.destroyMap(name));
  }

  register(d: Dispatcher): void {
    d.register(codec.MAP_PUT_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapPutRequest(m);
      return codec.encodeMapPutResponse(this.put(ctx, r.name, r.key, r.value, ttlOf(r.ttl)));
    });
    d.register(codec.MAP_SET_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapSetRequest(m);
      this.put(ctx, r.name, r.key, r.value, ttlOf(r.ttl));
      return codec.encodeMapSetResponse();
    });
    d.register(codec.MAP_PUT_TRANSIENT_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapPutTransientRequest(m);
      this.put(ctx, r.name, r.key, r.value, ttlOf(r.ttl));
      return codec.encodeMapPutTransientResponse();
    });
    d.register(codec.MAP_TRY_PUT_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapTryPutRequest(m);
      this.put(ctx, r.name, r.key, r.value, 0);
      return codec.encodeMapTryPutResponse(true);
    });
    d.register(codec.MAP_PUT_IF_ABSENT_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapPutIfAbsentRequest(m);
      const existing = this.live(ctx, r.name, r.key.toBuffer());
      if (existing !== undefined) return codec.encodeMapPutIfAbsentResponse(data(existing.value));
      this.put(ctx, r.name, r.key, r.value, ttlOf(r.ttl));
      return codec.encodeMapPutIfAbsentResponse(null);
    });
    d.register(codec.MAP_GET_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapGetRequest(m);
      const rec = this.live(ctx, r.name, r.key.toBuffer());
      if (rec !== undefined) this.touch(rec);
      return codec.encodeMapGetResponse(rec === undefined ? null : data(rec.value));
    });
    d.register(codec.MAP_CONTAINS_KEY_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapContainsKeyRequest(m);
      return codec.encodeMapContainsKeyResponse(this.live(ctx, r.name, r.key.toBuffer()) !== undefined);
    });
    d.register(codec.MAP_REMOVE_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapRemoveRequest(m);
      const old = this.remove(ctx, r.name, r.key.toBuffer(), EntryEventType.REMOVED);
      return codec.encodeMapRemoveResponse(old === null ? null : data(old));
    });
    d.register(codec.MAP_DELETE_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapDeleteRequest(m);
      return codec.encodeMapDeleteResponse(this.remove(ctx, r.name, r.key.toBuffer(), EntryEventType.REMOVED) !== null);
    });
    d.register(codec.MAP_TRY_REMOVE_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapTryRemoveRequest(m);
      return codec.encodeMapTryRemoveResponse(this.remove(ctx, r.name, r.key.toBuffer(), EntryEventType.REMOVED) !== null);
    });
    d.register(codec.MAP_EVICT_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapEvictRequest(m);
      return codec.encodeMapEvictResponse(this.remove(ctx, r.name, r.key.toBuffer(), EntryEventType.EVICTED) !== null);
    });
    d.register(codec.MAP_REMOVE_IF_SAME_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapRemoveIfSameRequest(m);
      const rec = this.live(ctx, r.name, r.key.toBuffer());
      if (rec === undefined || !rec.value.equals(r.value.toBuffer())) return codec.encodeMapRemoveIfSameResponse(false);
      this.remove(ctx, r.name, r.key.toBuffer(), EntryEventType.REMOVED);
      return codec.encodeMapRemoveIfSameResponse(true);
    });
    d.register(codec.MAP_REPLACE_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapReplaceRequest(m);
      if (this.live(ctx, r.name, r.key.toBuffer()) === undefined) return codec.encodeMapReplaceResponse(null);
      const old = this.put(ctx, r.name, r.key, r.value, 0);
      return codec.encodeMapReplaceResponse(old);
    });
    d.register(codec.MAP_REPLACE_IF_SAME_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapReplaceIfSameRequest(m);
      const rec = this.live(ctx, r.name, r.key.toBuffer());
      if (rec === undefined || !rec.value.equals(r.testValue.toBuffer())) return codec.encodeMapReplaceIfSameResponse(false);
      this.put(ctx, r.name, r.key, r.value, 0);
      return codec.encodeMapReplaceIfSameResponse(true);
    });
    d.register(codec.MAP_SET_TTL_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapSetTtlRequest(m);
      return codec.encodeMapSetTtlResponse(this.setTtl(ctx, r.name, r.key.toBuffer(), ttlOf(r.ttl)));
    });
    d.register(codec.MAP_PUT_ALL_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapPutAllRequest(m);
      for (const [k, v] of r.entries) this.put(ctx, r.name, k, v, 0);
      return codec.encodeMapPutAllResponse();
    });
    d.register(codec.MAP_GET_ALL_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapGetAllRequest(m);
      const out: Array<[Data, Data]> = [];
      for (const k of r.keys) {
        const rec = this.live(ctx, r.name, k.toBuffer());
        if (rec !== undefined) out.push([data(rec.key), data(rec.value)]);
      }
      return codec.encodeMapGetAllResponse(out);
    });
    d.register(codec.MAP_CONTAINS_VALUE_REQUEST_TYPE, (m) => {
      const r = codec.decodeMapContainsValueRequest(m);
      const v = r.value.toBuffer();
      return codec.encodeMapContainsValueResponse(this.all(r.name).some((rec) => rec.value.equals(v)));
    });
    d.register(codec.MAP_SIZE_REQUEST_TYPE, (m) => codec.encodeMapSizeResponse(this.all(codec.decodeMapSizeRequest(m).name).length));
    d.register(codec.MAP_IS_EMPTY_REQUEST_TYPE, (m) => codec.encodeMapIsEmptyResponse(this.all(codec.decodeMapIsEmptyRequest(m).name).length === 0));
    d.register(codec.MAP_KEY_SET_REQUEST_TYPE, (m) => codec.encodeMapKeySetResponse(this.all(codec.decodeMapKeySetRequest(m).name).map((r) => data(r.key))));
    d.register(codec.MAP_VALUES_REQUEST_TYPE, (m) => codec.encodeMapValuesResponse(this.all(codec.decodeMapValuesRequest(m).name).map((r) => data(r.value))));
    d.register(codec.MAP_ENTRY_SET_REQUEST_TYPE, (m) =>
      codec.encodeMapEntrySetResponse(this.all(codec.decodeMapEntrySetRequest(m).name).map((r) => [data(r.key), data(r.value)] as const)),
    );
    d.register(codec.MAP_CLEAR_REQUEST_TYPE, (m, ctx) => {
      this.removeAll(ctx, codec.decodeMapClearRequest(m).name, EntryEventType.CLEAR_ALL);
      return codec.encodeMapClearResponse();
    });
    d.register(codec.MAP_EVICT_ALL_REQUEST_TYPE, (m, ctx) => {
      this.removeAll(ctx, codec.decodeMapEvictAllRequest(m).name, EntryEventType.EVICT_ALL);
      return codec.encodeMapEvictAllResponse();
    });
    // Nothing to flush without a MapStore.
    d.register(codec.MAP_FLUSH_REQUEST_TYPE, () => codec.encodeMapFlushResponse());
    d.register(codec.MAP_ADD_ENTRY_LISTENER_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapAddEntryListenerRequest(m);
      const reg = this.events.add(ctx.connection, ctx.correlationId, ctx.member, r.localOnly, {
        mapName: r.name,
        includeValue: r.includeValue,
        flags: r.listenerFlags,
        key: null,
      });
      return codec.encodeMapAddEntryListenerResponse(reg.id);
    });
    d.register(codec.MAP_ADD_ENTRY_LISTENER_TO_KEY_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapAddEntryListenerToKeyRequest(m);
      const reg = this.events.add(ctx.connection, ctx.correlationId, ctx.member, r.localOnly, {
        mapName: r.name,
        includeValue: r.includeValue,
        flags: r.listenerFlags,
        key: keyOf(r.key.toBuffer()),
      });
      return codec.encodeMapAddEntryListenerToKeyResponse(reg.id);
    });
    d.register(codec.MAP_REMOVE_ENTRY_LISTENER_REQUEST_TYPE, (m, ctx) => {
      const r = codec.decodeMapRemoveEntryListenerRequest(m);
      return codec.encodeMapRemoveEntryListenerResponse(
        this.events.registrations.remove(r.registrationId, (reg) => reg.details.mapName === r.name && reg.connection.clientUuid === ctx.connection.clientUuid),
      );
    });
  }

  // --- storage access ---

  /** The request's partition: from its header, or from the key when the header has none. */
  private partitionOf(ctx: RequestContext, key: Buffer): number {
    const p = ctx.partitionId;
    return p >= 0 && p < this.cluster.options.partitionCount ? p : partitionOf(key, this.cluster.options.partitionCount);
  }

  /** The live record of `key`, expiring it first if its time has come. */
  private live(ctx: RequestContext, name: string, key: Buffer): MapRecord | undefined {
    const partitionId = this.partitionOf(ctx, key);
    const store = this.cluster.storage.existing(partitionId, name);
    const rec = store?.get(key);
    if (rec === undefined || store === undefined) return undefined;
    if (rec.expirationTime <= Date.now()) {
      this.expire(partitionId, name, store, rec);
      return undefined;
    }
    return rec;
  }

  private touch(rec: MapRecord): void {
    rec.lastAccessTime = Date.now();
    rec.hits++;
  }

  /** Every live record of a map, over all partitions. */
  private all(name: string): MapRecord[] {
    const now = Date.now();
    const out: MapRecord[] = [];
    for (const [partitionId, store] of this.cluster.storage.stores(name)) {
      for (const rec of [...store.values()]) {
        if (rec.expirationTime <= now) this.expire(partitionId, name, store, rec);
        else out.push(rec);
      }
    }
    return out;
  }

  /** Puts and fires ADDED or UPDATED; returns the previous value. */
  private put(ctx: RequestContext, name: string, key: Data, value: Data, ttl: number): Data | null {
    const k = key.toBuffer();
    const partitionId = this.partitionOf(ctx, k);
    // An expired entry counts as absent: expire it first so the put is an ADDED.
    this.live(ctx, name, k);
    const store = this.cluster.storage.store(partitionId, name);
    const { record, oldValue } = store.put(k, value.toBuffer(), ttl, Date.now());
    this.scheduleExpiry(partitionId, name, store, record);
    if (oldValue === null) this.events.entryEvent(partitionId, name, EntryEventType.ADDED, record.key, record.value, null);
    else this.events.entryEvent(partitionId, name, EntryEventType.UPDATED, record.key, record.value, oldValue);
    return oldValue === null ? null : data(oldValue);
  }

  /** Removes `key` and fires `eventType` (REMOVED or EVICTED); returns the removed value. */
  private remove(ctx: RequestContext, name: string, key: Buffer, eventType: typeof EntryEventType.REMOVED | typeof EntryEventType.EVICTED): Buffer | null {
    const rec = this.live(ctx, name, key);
    if (rec === undefined) return null;
    const partitionId = this.partitionOf(ctx, key);
    this.cluster.storage.existing(partitionId, name)?.deleteRecord(rec);
    this.events.entryEvent(partitionId, name, eventType, rec.key, null, rec.value);
    return rec.value;
  }

  /** clear / evictAll: empties every partition, then one map-wide event from this member if anything went. */
  private removeAll(ctx: RequestContext, name: string, eventType: typeof EntryEventType.CLEAR_ALL | typeof EntryEventType.EVICT_ALL): void {
    let affected = 0;
    for (const [, store] of this.cluster.storage.stores(name)) affected += store.clear().length;
    if (affected > 0) this.events.mapEvent(ctx.member, name, eventType, affected);
  }

  private setTtl(ctx: RequestContext, name: string, key: Buffer, ttl: number): boolean {
    const rec = this.live(ctx, name, key);
    if (rec === undefined) return false;
    const partitionId = this.partitionOf(ctx, key);
    const store = this.cluster.storage.store(partitionId, name);
    // The new TTL counts from now, not from the entry's creation.
    rec.ttl = ttl;
    rec.expirationTime = ttl > 0 ? Date.now() + ttl : Infinity;
    this.scheduleExpiry(partitionId, name, store, rec);
    return true;
  }

  private scheduleExpiry(partitionId: number, name: string, store: RecordStore, rec: MapRecord): void {
    const at = rec.expirationTime;
    if (!Number.isFinite(at)) return;
    this.cluster.expiry.schedule(at, () => {
      // Stale when the entry was updated, removed or given another TTL since.
      if (rec.expirationTime === at) this.expire(partitionId, name, store, rec);
    });
  }

  private expire(partitionId: number, name: string, store: RecordStore, rec: MapRecord): void {
    if (!store.deleteRecord(rec)) return;
    this.events.entryEvent(partitionId, name, EntryEventType.EXPIRED, rec.key, null, rec.value);
  }

  // --- lifecycle ---

  /** Destroying a map drops its data and its listeners. */
  destroyMap(name: string): void {
    this.cluster.storage.destroy(name);
    this.events.removeMap(name);
  }

  /** Live entries of a map, for inspection from tests: serialized key and value bytes. */
  entries(name: string): Array<{ key: Buffer; value: Buffer; partitionId: number }> {
    const now = Date.now();
    const out: Array<{ key: Buffer; value: Buffer; partitionId: number }> = [];
    for (const [partitionId, store] of this.cluster.storage.stores(name)) {
      for (const rec of store.values()) if (rec.expirationTime > now) out.push({ key: rec.key, value: rec.value, partitionId });
    }
    return out;
  }

  onConnectionClosed(connection: ClientConnection): void {
    this.events.registrations.onConnectionClosed(connection);
  }
}
