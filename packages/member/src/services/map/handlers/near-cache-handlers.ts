import * as codec from '../../../codec';
import type { Dispatcher } from '../../../dispatch/dispatcher';
import type { MapService } from '../map-service';

/**
 * Near caches: the invalidation listener (removed with Map.removeEntryListener, as the official
 * clients do) and the invalidation metadata (partition UUIDs and sequences) a client's
 * anti-entropy task fetches from each member.
 */
export function registerNearCacheHandlers(d: Dispatcher, map: MapService): void {
  d.register(codec.MAP_ADD_NEAR_CACHE_INVALIDATION_LISTENER_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapAddNearCacheInvalidationListenerRequest(m);
    const reg = map.nearCache.add(ctx.connection, ctx.correlationId, ctx.member, r.localOnly, r.name, r.listenerFlags);
    return codec.encodeMapAddNearCacheInvalidationListenerResponse(reg.id);
  });
  d.register(codec.MAP_FETCH_NEAR_CACHE_INVALIDATION_METADATA_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapFetchNearCacheInvalidationMetadataRequest(m);
    const md = map.nearCache.metadata(r.names, r.uuid);
    return codec.encodeMapFetchNearCacheInvalidationMetadataResponse(md.namePartitionSequenceList, md.partitionUuidList);
  });
}
