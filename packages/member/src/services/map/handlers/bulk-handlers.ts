import { HeapData, type Data } from '@hz/core';
import * as codec from '../../../codec';
import type { RequestContext } from '../../../dispatch/context';
import type { Dispatcher } from '../../../dispatch/dispatcher';
import { ErrorCode, MemberError } from '../../../dispatch/errors';
import type { MapRecord } from '../../../storage/record-store';
import { EntryEventType } from '../entry-event-type';
import { resourceId } from '../map-data';
import type { MapService } from '../map-service';

const data = (b: Buffer): Data => new HeapData(b);

/**
 * One batch of a partition iteration (fetchKeys, fetchEntries). The pointer counts down from
 * Integer.MAX_VALUE, as a member's does: entries below it are still to come; -1 means done.
 */
function fetchBatch(map: MapService, ctx: RequestContext, name: string, pointers: Array<[number, number]>, batch: number): { records: MapRecord[]; next: Array<[number, number]> } {
  if (ctx.partitionId < 0) throw new MemberError(ErrorCode.ILLEGAL_ARGUMENT, 'An iteration request must target a partition');
  const index = pointers.length === 0 ? 0x7fffffff : pointers[pointers.length - 1][0];
  if (index < 0) return { records: [], next: [[-1, -1]] };
  const records = map.data.partition(name, ctx.partitionId);
  const end = Math.min(index, records.length);
  const start = Math.max(0, end - Math.max(1, batch));
  return { records: records.slice(start, end).reverse(), next: [[start === 0 ? -1 : start, -1]] };
}

/** Operations over many keys or the whole map. */
export function registerBulkHandlers(d: Dispatcher, map: MapService): void {
  d.register(codec.MAP_PUT_ALL_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapPutAllRequest(m);
    for (const [k, v] of r.entries) map.data.put(r.name, map.partitionOf(ctx, k.toBuffer()), k.toBuffer(), v.toBuffer());
    return codec.encodeMapPutAllResponse();
  });
  d.register(codec.MAP_GET_ALL_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapGetAllRequest(m);
    const out: Array<[Data, Data]> = [];
    for (const k of r.keys) {
      const rec = map.data.read(r.name, map.partitionOf(ctx, k.toBuffer()), k.toBuffer());
      if (rec !== undefined) out.push([data(rec.key), data(rec.value)]);
    }
    return codec.encodeMapGetAllResponse(out);
  });
  d.register(codec.MAP_CONTAINS_VALUE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapContainsValueRequest(m);
    const v = r.value.toBuffer();
    return codec.encodeMapContainsValueResponse(map.data.all(r.name).some((e) => e.record.value.equals(v)));
  });
  d.register(codec.MAP_SIZE_REQUEST_TYPE, (m) => codec.encodeMapSizeResponse(map.data.all(codec.decodeMapSizeRequest(m).name).length));
  d.register(codec.MAP_IS_EMPTY_REQUEST_TYPE, (m) => codec.encodeMapIsEmptyResponse(map.data.all(codec.decodeMapIsEmptyRequest(m).name).length === 0));
  d.register(codec.MAP_KEY_SET_REQUEST_TYPE, (m) => codec.encodeMapKeySetResponse(map.data.all(codec.decodeMapKeySetRequest(m).name).map((e) => data(e.record.key))));
  d.register(codec.MAP_VALUES_REQUEST_TYPE, (m) => codec.encodeMapValuesResponse(map.data.all(codec.decodeMapValuesRequest(m).name).map((e) => data(e.record.value))));
  d.register(codec.MAP_ENTRY_SET_REQUEST_TYPE, (m) =>
    codec.encodeMapEntrySetResponse(map.data.all(codec.decodeMapEntrySetRequest(m).name).map((e) => [data(e.record.key), data(e.record.value)] as const)),
  );
  // clear and evictAll leave locked keys, as on a member, and publish one map-wide event.
  const removeAll = (ctx: RequestContext, name: string, eventType: typeof EntryEventType.CLEAR_ALL | typeof EntryEventType.EVICT_ALL): void => {
    const locked = map.locks.lockedIds(name);
    const affected = map.data.removeAll(name, (p, key) => locked.has(resourceId(p, key)));
    if (affected > 0) map.events.mapEvent(ctx.member, name, eventType, affected);
  };
  d.register(codec.MAP_CLEAR_REQUEST_TYPE, (m, ctx) => {
    removeAll(ctx, codec.decodeMapClearRequest(m).name, EntryEventType.CLEAR_ALL);
    return codec.encodeMapClearResponse();
  });
  d.register(codec.MAP_EVICT_ALL_REQUEST_TYPE, (m, ctx) => {
    removeAll(ctx, codec.decodeMapEvictAllRequest(m).name, EntryEventType.EVICT_ALL);
    return codec.encodeMapEvictAllResponse();
  });
  // Without a MapStore there is nothing to flush or load: these succeed and change nothing.
  d.register(codec.MAP_FLUSH_REQUEST_TYPE, () => codec.encodeMapFlushResponse());
  d.register(codec.MAP_LOAD_ALL_REQUEST_TYPE, () => codec.encodeMapLoadAllResponse());
  d.register(codec.MAP_LOAD_GIVEN_KEYS_REQUEST_TYPE, () => codec.encodeMapLoadGivenKeysResponse());
  d.register(codec.MAP_ADD_INDEX_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapAddIndexRequest(m);
    const list = map.indexes.get(r.name) ?? [];
    if (!list.some((i) => i.name === r.indexConfig.name)) list.push(r.indexConfig);
    map.indexes.set(r.name, list);
    return codec.encodeMapAddIndexResponse();
  });
  d.register(codec.MAP_FETCH_KEYS_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapFetchKeysRequest(m);
    const { records, next } = fetchBatch(map, ctx, r.name, r.iterationPointers, r.batch);
    return codec.encodeMapFetchKeysResponse(next, records.map((rec) => data(rec.key)));
  });
  d.register(codec.MAP_FETCH_ENTRIES_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapFetchEntriesRequest(m);
    const { records, next } = fetchBatch(map, ctx, r.name, r.iterationPointers, r.batch);
    return codec.encodeMapFetchEntriesResponse(next, records.map((rec) => [data(rec.key), data(rec.value)] as const));
  });
}
