import Long from 'long';
import { HeapData, type Data } from '@hz/core';
import type { SimpleEntryView } from '@hz/proxies/codec';
import * as codec from '../../../codec';
import type { RequestContext } from '../../../dispatch/context';
import type { Dispatcher } from '../../../dispatch/dispatcher';
import type { MapRecord } from '../../../storage/record-store';
import { EntryEventType } from '../entry-event-type';
import type { Expiry } from '../map-data';
import type { MapService } from '../map-service';

const data = (b: Buffer): Data => new HeapData(b);
const nullable = (b: Buffer | null | undefined): Data | null => (b === null || b === undefined ? null : data(b));

/** TTL and max idle of a request, in ms (> 0 the time, 0 forever, < 0 the map's default: forever). */
export function expiryOf(ttl: Long, maxIdle?: Long): Expiry {
  return { ttl: ttl.toNumber(), maxIdle: maxIdle === undefined ? -1 : maxIdle.toNumber() };
}

/** A time a member reports as "never": Long.MAX_VALUE. */
const never = (ms: number): Long => (Number.isFinite(ms) ? Long.fromNumber(ms) : Long.MAX_VALUE);

function entryView(map: MapService, rec: MapRecord): SimpleEntryView {
  const maxIdle = map.data.maxIdleOf(rec);
  return {
    key: data(rec.key),
    value: data(rec.value),
    cost: Long.fromNumber(rec.key.length + rec.value.length),
    creationTime: Long.fromNumber(rec.creationTime),
    expirationTime: never(rec.expirationTime),
    hits: Long.fromNumber(rec.hits),
    lastAccessTime: Long.fromNumber(rec.lastAccessTime),
    lastStoredTime: Long.ZERO,
    lastUpdateTime: Long.fromNumber(rec.lastUpdateTime),
    version: Long.fromNumber(rec.version),
    ttl: rec.ttl > 0 ? Long.fromNumber(rec.ttl) : Long.MAX_VALUE,
    maxIdle: maxIdle > 0 ? Long.fromNumber(maxIdle) : Long.MAX_VALUE,
  };
}

/**
 * Operations on one key. Writes (and evict, setTtl) wait while another owner holds the key's
 * lock; reads do not.
 */
export function registerEntryHandlers(d: Dispatcher, map: MapService): void {
  const put = (ctx: RequestContext, name: string, key: Data, value: Data, expiry?: Expiry): Buffer | null =>
    map.data.put(name, map.partitionOf(ctx, key.toBuffer()), key.toBuffer(), value.toBuffer(), expiry);

  d.register(codec.MAP_PUT_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapPutRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => codec.encodeMapPutResponse(nullable(put(ctx, r.name, r.key, r.value, expiryOf(r.ttl)))));
  });
  d.register(codec.MAP_PUT_WITH_MAX_IDLE_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapPutWithMaxIdleRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () =>
      codec.encodeMapPutWithMaxIdleResponse(nullable(put(ctx, r.name, r.key, r.value, expiryOf(r.ttl, r.maxIdle)))),
    );
  });
  d.register(codec.MAP_SET_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapSetRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => (put(ctx, r.name, r.key, r.value, expiryOf(r.ttl)), codec.encodeMapSetResponse()));
  });
  d.register(codec.MAP_SET_WITH_MAX_IDLE_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapSetWithMaxIdleRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => {
      put(ctx, r.name, r.key, r.value, expiryOf(r.ttl, r.maxIdle));
      return codec.encodeMapSetWithMaxIdleResponse(null);
    });
  });
  d.register(codec.MAP_PUT_TRANSIENT_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapPutTransientRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => (put(ctx, r.name, r.key, r.value, expiryOf(r.ttl)), codec.encodeMapPutTransientResponse()));
  });
  d.register(codec.MAP_PUT_TRANSIENT_WITH_MAX_IDLE_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapPutTransientWithMaxIdleRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => {
      put(ctx, r.name, r.key, r.value, expiryOf(r.ttl, r.maxIdle));
      return codec.encodeMapPutTransientWithMaxIdleResponse(null);
    });
  });
  const putIfAbsent = (ctx: RequestContext, name: string, key: Data, value: Data, expiry: Expiry): Data | null => {
    const existing = map.data.peek(name, map.partitionOf(ctx, key.toBuffer()), key.toBuffer());
    if (existing !== undefined) return data(existing.value);
    put(ctx, name, key, value, expiry);
    return null;
  };
  d.register(codec.MAP_PUT_IF_ABSENT_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapPutIfAbsentRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => codec.encodeMapPutIfAbsentResponse(putIfAbsent(ctx, r.name, r.key, r.value, expiryOf(r.ttl))));
  });
  d.register(codec.MAP_PUT_IF_ABSENT_WITH_MAX_IDLE_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapPutIfAbsentWithMaxIdleRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () =>
      codec.encodeMapPutIfAbsentWithMaxIdleResponse(putIfAbsent(ctx, r.name, r.key, r.value, expiryOf(r.ttl, r.maxIdle))),
    );
  });
  d.register(codec.MAP_TRY_PUT_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapTryPutRequest(m);
    return map.whenUnlocked(
      ctx,
      r.name,
      r.key.toBuffer(),
      r.threadId,
      () => (put(ctx, r.name, r.key, r.value), codec.encodeMapTryPutResponse(true)),
      Math.max(0, r.timeout.toNumber()),
      () => codec.encodeMapTryPutResponse(false),
    );
  });
  d.register(codec.MAP_GET_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapGetRequest(m);
    const rec = map.data.read(r.name, map.partitionOf(ctx, r.key.toBuffer()), r.key.toBuffer());
    return codec.encodeMapGetResponse(nullable(rec?.value));
  });
  d.register(codec.MAP_CONTAINS_KEY_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapContainsKeyRequest(m);
    return codec.encodeMapContainsKeyResponse(map.data.read(r.name, map.partitionOf(ctx, r.key.toBuffer()), r.key.toBuffer()) !== undefined);
  });
  d.register(codec.MAP_GET_ENTRY_VIEW_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapGetEntryViewRequest(m);
    const rec = map.data.peek(r.name, map.partitionOf(ctx, r.key.toBuffer()), r.key.toBuffer());
    if (rec === undefined) return codec.encodeMapGetEntryViewResponse(null, Long.MAX_VALUE);
    const view = entryView(map, rec);
    return codec.encodeMapGetEntryViewResponse(view, view.maxIdle);
  });
  const remove = (ctx: RequestContext, name: string, key: Data, eventType: typeof EntryEventType.REMOVED | typeof EntryEventType.EVICTED = EntryEventType.REMOVED): Buffer | null =>
    map.data.remove(name, map.partitionOf(ctx, key.toBuffer()), key.toBuffer(), eventType);
  d.register(codec.MAP_REMOVE_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapRemoveRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => codec.encodeMapRemoveResponse(nullable(remove(ctx, r.name, r.key))));
  });
  d.register(codec.MAP_DELETE_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapDeleteRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => codec.encodeMapDeleteResponse(remove(ctx, r.name, r.key) !== null));
  });
  d.register(codec.MAP_TRY_REMOVE_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapTryRemoveRequest(m);
    return map.whenUnlocked(
      ctx,
      r.name,
      r.key.toBuffer(),
      r.threadId,
      () => codec.encodeMapTryRemoveResponse(remove(ctx, r.name, r.key) !== null),
      Math.max(0, r.timeout.toNumber()),
      () => codec.encodeMapTryRemoveResponse(false),
    );
  });
  d.register(codec.MAP_EVICT_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapEvictRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => codec.encodeMapEvictResponse(remove(ctx, r.name, r.key, EntryEventType.EVICTED) !== null));
  });
  d.register(codec.MAP_REMOVE_IF_SAME_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapRemoveIfSameRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => {
      const rec = map.data.peek(r.name, map.partitionOf(ctx, r.key.toBuffer()), r.key.toBuffer());
      if (rec === undefined || !rec.value.equals(r.value.toBuffer())) return codec.encodeMapRemoveIfSameResponse(false);
      remove(ctx, r.name, r.key);
      return codec.encodeMapRemoveIfSameResponse(true);
    });
  });
  d.register(codec.MAP_REPLACE_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapReplaceRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => {
      if (map.data.peek(r.name, map.partitionOf(ctx, r.key.toBuffer()), r.key.toBuffer()) === undefined) return codec.encodeMapReplaceResponse(null);
      return codec.encodeMapReplaceResponse(nullable(put(ctx, r.name, r.key, r.value)));
    });
  });
  d.register(codec.MAP_REPLACE_IF_SAME_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapReplaceIfSameRequest(m);
    return map.whenUnlocked(ctx, r.name, r.key.toBuffer(), r.threadId, () => {
      const rec = map.data.peek(r.name, map.partitionOf(ctx, r.key.toBuffer()), r.key.toBuffer());
      if (rec === undefined || !rec.value.equals(r.testValue.toBuffer())) return codec.encodeMapReplaceIfSameResponse(false);
      put(ctx, r.name, r.key, r.value);
      return codec.encodeMapReplaceIfSameResponse(true);
    });
  });
  d.register(codec.MAP_SET_TTL_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapSetTtlRequest(m);
    // The request carries no thread id to tell the lock owner from the others: it does not wait.
    return codec.encodeMapSetTtlResponse(map.data.setTtl(r.name, map.partitionOf(ctx, r.key.toBuffer()), r.key.toBuffer(), r.ttl.toNumber()));
  });
}
