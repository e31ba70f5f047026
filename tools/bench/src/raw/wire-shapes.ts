// The bytes each scenario puts on the wire, measured with the protocol codecs themselves, so
// that the raw baseline sends and receives exactly what the clients do.
import { DefaultSerializationService, partitionIdOf, type Data } from '@hz/core';
import { encodeMapGetAllRequest, encodeMapGetRequest, encodeMapPutRequest, encodeMapSetRequest } from '@hz/proxies/codec';
import { encodeMapGetAllResponse, encodeMapGetResponse, encodeMapPutResponse, encodeMapSetResponse } from '@hz/member/codec';
import { benchKeys, benchValue, mapName, type Scenario } from '../scenarios';

/** One request and its response, in bytes. */
export interface WireMessage {
  request: number;
  response: number;
}

/** The messages of one operation, sent together. */
export type WireShape = WireMessage[];

const THREAD_ID = 1;
const NO_TTL = -1;

/**
 * The messages of one operation of the scenario. A getAll is one request per partition of its
 * keys, as both clients (and the Java client) send it; get, put and set are one message, and a
 * put answers with the old value (the map is populated before the benchmark).
 */
export function wireShape(s: Scenario, partitionCount: number, keyCount: number): WireShape {
  const serialization = new DefaultSerializationService();
  const toData = (v: unknown): Data => serialization.toData(v)!;
  const keys = benchKeys(keyCount);
  const name = mapName(s.valueSize);
  const key = toData(keys[0]);
  const value = toData(benchValue(s.valueSize));
  const size = (m: { buffer: Buffer }): number => m.buffer.length;
  switch (s.op) {
    case 'get':
      return [{ request: size(encodeMapGetRequest(name, key, THREAD_ID)), response: size(encodeMapGetResponse(value)) }];
    case 'put':
      return [{ request: size(encodeMapPutRequest(name, key, value, THREAD_ID, NO_TTL)), response: size(encodeMapPutResponse(value)) }];
    case 'set':
      return [{ request: size(encodeMapSetRequest(name, key, value, THREAD_ID, NO_TTL)), response: size(encodeMapSetResponse()) }];
    case 'getAll': {
      const byPartition = new Map<number, Data[]>();
      for (const k of keys.slice(0, s.getAllKeys).map(toData)) {
        const p = partitionIdOf(k, partitionCount);
        byPartition.set(p, [...(byPartition.get(p) ?? []), k]);
      }
      return [...byPartition.values()].map((ks) => ({
        request: size(encodeMapGetAllRequest(name, ks)),
        response: size(encodeMapGetAllResponse(ks.map((k) => [k, value] as const))),
      }));
    }
  }
}

export function totalBytes(shape: WireShape): { request: number; response: number } {
  return shape.reduce((t, m) => ({ request: t.request + m.request, response: t.response + m.response }), { request: 0, response: 0 });
}
