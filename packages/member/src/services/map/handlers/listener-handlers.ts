import type { Data } from '@hz/core';
import * as codec from '../../../codec';
import type { RequestContext } from '../../../dispatch/context';
import type { Dispatcher } from '../../../dispatch/dispatcher';
import { keyOf } from '../../../storage/record-store';
import type { EntryFilter } from '../map-events';
import type { MapService } from '../map-service';

/** Entry listeners: on the map, on one key, with a predicate, or both; and their removal. */
export function registerListenerHandlers(d: Dispatcher, map: MapService): void {
  const add = (ctx: RequestContext, r: { name: string; includeValue: boolean; listenerFlags: number; localOnly: boolean }, key: Data | null, predicate: Data | null) => {
    // The predicate is compiled when the listener is added, so that one the member cannot
    // evaluate fails the registration rather than each event.
    const compiled = predicate === null ? null : map.query.compile(predicate);
    const filter: EntryFilter | null = compiled === null ? null : (key, value) => value !== null && compiled.test(key, value);
    return map.events.add(ctx.connection, ctx.correlationId, ctx.member, r.localOnly, {
      mapName: r.name,
      includeValue: r.includeValue,
      flags: r.listenerFlags,
      key: key === null ? null : keyOf(key.toBuffer()),
      predicate: filter,
    }).id;
  };

  d.register(codec.MAP_ADD_ENTRY_LISTENER_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapAddEntryListenerRequest(m);
    return codec.encodeMapAddEntryListenerResponse(add(ctx, r, null, null));
  });
  d.register(codec.MAP_ADD_ENTRY_LISTENER_TO_KEY_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapAddEntryListenerToKeyRequest(m);
    return codec.encodeMapAddEntryListenerToKeyResponse(add(ctx, r, r.key, null));
  });
  d.register(codec.MAP_ADD_ENTRY_LISTENER_WITH_PREDICATE_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapAddEntryListenerWithPredicateRequest(m);
    return codec.encodeMapAddEntryListenerWithPredicateResponse(add(ctx, r, null, r.predicate));
  });
  d.register(codec.MAP_ADD_ENTRY_LISTENER_TO_KEY_WITH_PREDICATE_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapAddEntryListenerToKeyWithPredicateRequest(m);
    return codec.encodeMapAddEntryListenerToKeyWithPredicateResponse(add(ctx, r, r.key, r.predicate));
  });
  d.register(codec.MAP_REMOVE_ENTRY_LISTENER_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapRemoveEntryListenerRequest(m);
    // Removes entry listeners and near cache invalidation listeners alike, as on a member.
    const mine = (reg: { details: { mapName: string }; connection: { clientUuid: string | null } }): boolean =>
      reg.details.mapName === r.name && reg.connection.clientUuid === ctx.connection.clientUuid;
    return codec.encodeMapRemoveEntryListenerResponse(
      map.events.registrations.remove(r.registrationId, mine) || map.nearCache.registrations.remove(r.registrationId, mine),
    );
  });
}
