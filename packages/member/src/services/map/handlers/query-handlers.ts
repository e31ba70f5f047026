import { HeapData, type Data } from '@hz/core';
import type { PagingPredicateHolder } from '@hz/proxies/codec';
import * as codec from '../../../codec';
import type { Dispatcher } from '../../../dispatch/dispatcher';
import type { LiveEntry } from '../map-data';
import type { Page, QueryEntry } from '../map-query';
import type { MapService } from '../map-service';

const data = (b: Buffer): Data => new HeapData(b);
/** A serialized null (type 0; the official client sends one for a missing comparator) is no value. */
const orNull = (d: Data | null | undefined): Data | null => (d === null || d === undefined || d.getType() === 0 ? null : d);

/** Queries: predicates (paged or not), aggregations, projections, removeAll. */
export function registerQueryHandlers(d: Dispatcher, map: MapService): void {
  const all = (name: string): QueryEntry[] => map.data.all(name).map((e) => e.record);
  /** The entries a predicate accepts, over the partitions it is restricted to. */
  const matching = (name: string, predicate: Data): Array<LiveEntry['record']> => {
    const p = map.query.compile(predicate);
    return map.data
      .inPartitionsOf(name, p.partitionKeys)
      .map((e) => e.record)
      .filter((r) => p.test(r.key, r.value));
  };
  const paged = (name: string, holder: PagingPredicateHolder): Page => {
    const partitionKeys = holder.partitionKeysData ?? (holder.partitionKeyData === null ? null : [holder.partitionKeyData]);
    const entries = map.data.inPartitionsOf(name, partitionKeys).map((e) => e.record);
    return map.query.page({ ...holder, predicateData: orNull(holder.predicateData), comparatorData: orNull(holder.comparatorData) }, entries);
  };

  d.register(codec.MAP_KEY_SET_WITH_PREDICATE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapKeySetWithPredicateRequest(m);
    return codec.encodeMapKeySetWithPredicateResponse(matching(r.name, r.predicate).map((e) => data(e.key)));
  });
  d.register(codec.MAP_VALUES_WITH_PREDICATE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapValuesWithPredicateRequest(m);
    return codec.encodeMapValuesWithPredicateResponse(matching(r.name, r.predicate).map((e) => data(e.value)));
  });
  d.register(codec.MAP_ENTRIES_WITH_PREDICATE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapEntriesWithPredicateRequest(m);
    return codec.encodeMapEntriesWithPredicateResponse(matching(r.name, r.predicate).map((e) => [data(e.key), data(e.value)] as const));
  });
  d.register(codec.MAP_KEY_SET_WITH_PAGING_PREDICATE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapKeySetWithPagingPredicateRequest(m);
    const p = paged(r.name, r.predicate);
    return codec.encodeMapKeySetWithPagingPredicateResponse(p.entries.map((e) => data(e.key)), p.anchors);
  });
  d.register(codec.MAP_VALUES_WITH_PAGING_PREDICATE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapValuesWithPagingPredicateRequest(m);
    const p = paged(r.name, r.predicate);
    return codec.encodeMapValuesWithPagingPredicateResponse(p.entries.map((e) => data(e.value)), p.anchors);
  });
  d.register(codec.MAP_ENTRIES_WITH_PAGING_PREDICATE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapEntriesWithPagingPredicateRequest(m);
    const p = paged(r.name, r.predicate);
    return codec.encodeMapEntriesWithPagingPredicateResponse(p.entries.map((e) => [data(e.key), data(e.value)] as const), p.anchors);
  });
  d.register(codec.MAP_AGGREGATE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapAggregateRequest(m);
    return codec.encodeMapAggregateResponse(map.query.aggregate(r.aggregator, all(r.name)));
  });
  d.register(codec.MAP_AGGREGATE_WITH_PREDICATE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapAggregateWithPredicateRequest(m);
    return codec.encodeMapAggregateWithPredicateResponse(map.query.aggregate(r.aggregator, matching(r.name, r.predicate)));
  });
  d.register(codec.MAP_PROJECT_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapProjectRequest(m);
    return codec.encodeMapProjectResponse(map.query.project(r.projection, all(r.name)));
  });
  d.register(codec.MAP_PROJECT_WITH_PREDICATE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapProjectWithPredicateRequest(m);
    return codec.encodeMapProjectWithPredicateResponse(map.query.project(r.projection, matching(r.name, r.predicate)));
  });
  d.register(codec.MAP_REMOVE_ALL_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapRemoveAllRequest(m);
    const p = map.query.compile(r.predicate);
    for (const { partitionId, record } of map.data.inPartitionsOf(r.name, p.partitionKeys)) {
      if (p.test(record.key, record.value)) map.data.remove(r.name, partitionId, record.key);
    }
    return codec.encodeMapRemoveAllResponse();
  });
}
