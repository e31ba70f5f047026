import type Long from 'long';
import { HeapData, type ClientMessage, type Data } from '@hz/core';
import * as codec from '../../../codec';
import type { RequestContext } from '../../../dispatch/context';
import type { Dispatcher } from '../../../dispatch/dispatcher';
import type { EntryProcessorFn } from '../entry-processors';
import type { MapService } from '../map-service';

/**
 * Entry processors: each runs on the member, on the current entry (or on none, for a missing
 * key), may set or remove the value (firing the usual entry events) and returns a result.
 * Multi-entry calls answer the non-null results by key.
 */
export function registerProcessorHandlers(d: Dispatcher, map: MapService): void {
  /** Runs `fn` on one key of a partition; returns the serialized result. */
  const process = (name: string, partitionId: number, key: Buffer, fn: EntryProcessorFn): Data | null => {
    const rec = map.data.read(name, partitionId, key);
    const { newValue, result } = map.processors.run(fn, key, rec === undefined ? null : rec.value);
    if (newValue === null) {
      if (rec !== undefined) map.data.remove(name, partitionId, key);
    } else if (newValue !== undefined) {
      map.data.put(name, partitionId, key, newValue);
    }
    return result;
  };
  const processMany = (name: string, keys: Iterable<{ partitionId: number; key: Buffer }>, fn: EntryProcessorFn): Array<[Data, Data]> => {
    const out: Array<[Data, Data]> = [];
    for (const { partitionId, key } of keys) {
      const result = process(name, partitionId, key, fn);
      if (result !== null) out.push([new HeapData(key), result]);
    }
    return out;
  };

  /** executeOnKey and submitToKey: waits while another owner holds the key's lock. */
  const onKey = (ctx: RequestContext, r: { name: string; entryProcessor: Data; key: Data; threadId: Long }, encode: (result: Data | null) => ClientMessage) => {
    const fn = map.processors.processorOf(r.entryProcessor);
    const k = r.key.toBuffer();
    return map.whenUnlocked(ctx, r.name, k, r.threadId, () => encode(process(r.name, map.partitionOf(ctx, k), k, fn)));
  };
  d.register(codec.MAP_EXECUTE_ON_KEY_REQUEST_TYPE, (m, ctx) => onKey(ctx, codec.decodeMapExecuteOnKeyRequest(m), codec.encodeMapExecuteOnKeyResponse));
  d.register(codec.MAP_SUBMIT_TO_KEY_REQUEST_TYPE, (m, ctx) => onKey(ctx, codec.decodeMapSubmitToKeyRequest(m), codec.encodeMapSubmitToKeyResponse));
  d.register(codec.MAP_EXECUTE_ON_KEYS_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapExecuteOnKeysRequest(m);
    const fn = map.processors.processorOf(r.entryProcessor);
    const keys = r.keys.map((k) => ({ partitionId: map.partitionOf(ctx, k.toBuffer()), key: k.toBuffer() }));
    return codec.encodeMapExecuteOnKeysResponse(processMany(r.name, keys, fn));
  });
  d.register(codec.MAP_EXECUTE_ON_ALL_KEYS_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapExecuteOnAllKeysRequest(m);
    const fn = map.processors.processorOf(r.entryProcessor);
    const keys = map.data.all(r.name).map((e) => ({ partitionId: e.partitionId, key: e.record.key }));
    return codec.encodeMapExecuteOnAllKeysResponse(processMany(r.name, keys, fn));
  });
  d.register(codec.MAP_EXECUTE_WITH_PREDICATE_REQUEST_TYPE, (m) => {
    const r = codec.decodeMapExecuteWithPredicateRequest(m);
    const fn = map.processors.processorOf(r.entryProcessor);
    const p = map.query.compile(r.predicate);
    const keys = map.data
      .inPartitionsOf(r.name, p.partitionKeys)
      .filter((e) => p.test(e.record.key, e.record.value))
      .map((e) => ({ partitionId: e.partitionId, key: e.record.key }));
    return codec.encodeMapExecuteWithPredicateResponse(processMany(r.name, keys, fn));
  });
}
