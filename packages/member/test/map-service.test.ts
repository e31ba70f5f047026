import { HeapData } from '@hz/core';
import * as mc from '@hz/proxies/codec';
import { EntryEventType, partitionOf, startCluster, type Cluster } from '../src';
import { RawClient, dataOf, textOf, type ClientMessage } from './support/raw-client';

const d = (s: string): HeapData => new HeapData(dataOf(s));
const pid = (k: string): number => partitionOf(dataOf(k), 271);
const ALL = 0x7f;

describe('Map service', () => {
  let cluster: Cluster;
  let c: RawClient;
  let seq = 0;
  let name: string;

  const put = async (k: string, v: string, ttl = -1): Promise<string | null> =>
    textOf(mc.decodeMapPutResponse(await c.invoke(mc.encodeMapPutRequest(name, d(k), d(v), 1, ttl), pid(k))));
  const get = async (k: string): Promise<string | null> => textOf(mc.decodeMapGetResponse(await c.invoke(mc.encodeMapGetRequest(name, d(k), 1), pid(k))));
  const size = async (): Promise<number> => mc.decodeMapSizeResponse(await c.invoke(mc.encodeMapSizeRequest(name)));
  const listen = async (includeValue: boolean, flags = ALL, client = c): Promise<number> => {
    const corr = client.peekCorrelationId();
    await client.invoke(mc.encodeMapAddEntryListenerRequest(name, includeValue, flags, false));
    return corr;
  };
  const entryEvents = (corr: number, client = c) =>
    client.events.filter((e) => e.correlationId === corr).map((e: ClientMessage) => {
      const ev = mc.decodeMapAddEntryListenerEntryEvent(e);
      return { type: ev.eventType, key: textOf(ev.key), value: textOf(ev.value), oldValue: textOf(ev.oldValue), affected: ev.numberOfAffectedEntries };
    });
  const waitEvents = async (corr: number, n: number, client = c) => {
    await client.waitForEvent(() => client.events.filter((e) => e.correlationId === corr).length >= n);
    return entryEvents(corr, client);
  };

  beforeAll(async () => {
    cluster = await startCluster({ members: 2, port: 0, logLevel: 'silent' });
    c = await RawClient.connect(cluster.addresses()[0]);
    await c.authenticate();
  });
  beforeEach(() => {
    name = `map-${++seq}`;
  });
  afterAll(async () => {
    await c.close();
    await cluster.shutdown();
  });

  it('puts, gets, replaces and removes, storing the bytes in the partition of the request header', async () => {
    expect(await put('k1', 'v1')).toBeNull();
    expect(await put('k1', 'v2')).toBe('v1');
    expect(await get('k1')).toBe('v2');
    expect(await get('missing')).toBeNull();
    const stored = cluster.mapService.entries(name);
    expect(stored).toHaveLength(1);
    expect(stored[0].partitionId).toBe(pid('k1'));
    expect(stored[0].key.equals(dataOf('k1'))).toBe(true);
    expect(stored[0].value.equals(dataOf('v2'))).toBe(true);

    // The header decides: the same key sent with another partition id is another entry.
    await c.invoke(mc.encodeMapPutRequest(name, d('k1'), d('elsewhere'), 1, -1), (pid('k1') + 1) % 271);
    expect(cluster.mapService.entries(name).map((e) => e.partitionId).sort()).toEqual([pid('k1'), (pid('k1') + 1) % 271].sort());
    expect(await get('k1')).toBe('v2');
    await c.invoke(mc.encodeMapClearRequest(name));

    await c.invoke(mc.encodeMapSetRequest(name, d('k2'), d('s'), 1, -1), pid('k2'));
    expect(await get('k2')).toBe('s');
    expect(mc.decodeMapContainsKeyResponse(await c.invoke(mc.encodeMapContainsKeyRequest(name, d('k2'), 1), pid('k2')))).toBe(true);
    expect(mc.decodeMapContainsKeyResponse(await c.invoke(mc.encodeMapContainsKeyRequest(name, d('nope'), 1), pid('nope')))).toBe(false);
    expect(mc.decodeMapContainsValueResponse(await c.invoke(mc.encodeMapContainsValueRequest(name, d('s'))))).toBe(true);
    expect(mc.decodeMapContainsValueResponse(await c.invoke(mc.encodeMapContainsValueRequest(name, d('t'))))).toBe(false);

    expect(textOf(mc.decodeMapPutIfAbsentResponse(await c.invoke(mc.encodeMapPutIfAbsentRequest(name, d('k2'), d('x'), 1, -1), pid('k2'))))).toBe('s');
    expect(textOf(mc.decodeMapPutIfAbsentResponse(await c.invoke(mc.encodeMapPutIfAbsentRequest(name, d('k3'), d('x'), 1, -1), pid('k3'))))).toBeNull();
    expect(textOf(mc.decodeMapReplaceResponse(await c.invoke(mc.encodeMapReplaceRequest(name, d('k3'), d('y'), 1), pid('k3'))))).toBe('x');
    expect(textOf(mc.decodeMapReplaceResponse(await c.invoke(mc.encodeMapReplaceRequest(name, d('k4'), d('y'), 1), pid('k4'))))).toBeNull();
    expect(await get('k4')).toBeNull();
    expect(mc.decodeMapReplaceIfSameResponse(await c.invoke(mc.encodeMapReplaceIfSameRequest(name, d('k3'), d('wrong'), d('z'), 1), pid('k3')))).toBe(false);
    expect(mc.decodeMapReplaceIfSameResponse(await c.invoke(mc.encodeMapReplaceIfSameRequest(name, d('k3'), d('y'), d('z'), 1), pid('k3')))).toBe(true);
    expect(await get('k3')).toBe('z');

    expect(mc.decodeMapRemoveIfSameResponse(await c.invoke(mc.encodeMapRemoveIfSameRequest(name, d('k3'), d('y'), 1), pid('k3')))).toBe(false);
    expect(mc.decodeMapRemoveIfSameResponse(await c.invoke(mc.encodeMapRemoveIfSameRequest(name, d('k3'), d('z'), 1), pid('k3')))).toBe(true);
    expect(textOf(mc.decodeMapRemoveResponse(await c.invoke(mc.encodeMapRemoveRequest(name, d('k2'), 1), pid('k2'))))).toBe('s');
    expect(textOf(mc.decodeMapRemoveResponse(await c.invoke(mc.encodeMapRemoveRequest(name, d('k2'), 1), pid('k2'))))).toBeNull();
    await c.invoke(mc.encodeMapPutTransientRequest(name, d('t'), d('tv'), 1, -1), pid('t'));
    expect(mc.decodeMapDeleteResponse(await c.invoke(mc.encodeMapDeleteRequest(name, d('t'), 1), pid('t')))).toBe(true);
    expect(await size()).toBe(0);
    expect(mc.decodeMapIsEmptyResponse(await c.invoke(mc.encodeMapIsEmptyRequest(name)))).toBe(true);
    await c.invoke(mc.encodeMapFlushRequest(name));
  });

  it('answers bulk operations over every partition', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `key-${i}`);
    // putAll is sent per partition, with that partition's entries.
    const byPartition = new Map<number, string[]>();
    for (const k of keys) byPartition.set(pid(k), [...(byPartition.get(pid(k)) ?? []), k]);
    for (const [p, ks] of byPartition) {
      await c.invoke(mc.encodeMapPutAllRequest(name, ks.map((k) => [d(k), d(`v-${k}`)] as const), true), p);
    }
    expect(await size()).toBe(40);
    const keySet = mc.decodeMapKeySetResponse(await c.invoke(mc.encodeMapKeySetRequest(name))).map(textOf);
    expect(keySet.sort()).toEqual([...keys].sort());
    const values = mc.decodeMapValuesResponse(await c.invoke(mc.encodeMapValuesRequest(name))).map(textOf);
    expect(values.sort()).toEqual(keys.map((k) => `v-${k}`).sort());
    const entries = mc.decodeMapEntrySetResponse(await c.invoke(mc.encodeMapEntrySetRequest(name))).map(([k, v]) => [textOf(k), textOf(v)]);
    expect(new Map(entries as Array<[string, string]>)).toEqual(new Map(keys.map((k) => [k, `v-${k}`])));
    const [p, ks] = [...byPartition][0];
    const got = mc.decodeMapGetAllResponse(await c.invoke(mc.encodeMapGetAllRequest(name, [...ks, 'absent'].map(d)), p));
    expect(got.map(([k, v]) => [textOf(k), textOf(v)])).toEqual(ks.map((k) => [k, `v-${k}`]));
    await c.invoke(mc.encodeMapClearRequest(name));
    expect(await size()).toBe(0);
  });

  it('sends entry events with and without values, and map-wide events once with the count', async () => {
    const withValues = await listen(true);
    const withoutValues = await listen(false);
    await put('a', '1');
    await put('a', '2');
    await c.invoke(mc.encodeMapRemoveRequest(name, d('a'), 1), pid('a'));
    await put('b', '1');
    await c.invoke(mc.encodeMapEvictRequest(name, d('b'), 1), pid('b'));
    await put('c', '1');
    await put('e', '1');
    await c.invoke(mc.encodeMapEvictAllRequest(name));
    await put('f', '1');
    await c.invoke(mc.encodeMapClearRequest(name));
    await c.invoke(mc.encodeMapClearRequest(name)); // nothing to clear: no event

    const expected = [
      { type: EntryEventType.ADDED, key: 'a', value: '1', oldValue: null, affected: 1 },
      { type: EntryEventType.UPDATED, key: 'a', value: '2', oldValue: '1', affected: 1 },
      { type: EntryEventType.REMOVED, key: 'a', value: null, oldValue: '2', affected: 1 },
      { type: EntryEventType.ADDED, key: 'b', value: '1', oldValue: null, affected: 1 },
      { type: EntryEventType.EVICTED, key: 'b', value: null, oldValue: '1', affected: 1 },
      { type: EntryEventType.ADDED, key: 'c', value: '1', oldValue: null, affected: 1 },
      { type: EntryEventType.ADDED, key: 'e', value: '1', oldValue: null, affected: 1 },
      { type: EntryEventType.EVICT_ALL, key: null, value: null, oldValue: null, affected: 2 },
      { type: EntryEventType.ADDED, key: 'f', value: '1', oldValue: null, affected: 1 },
      { type: EntryEventType.CLEAR_ALL, key: null, value: null, oldValue: null, affected: 1 },
    ];
    expect(await waitEvents(withValues, expected.length)).toEqual(expected);
    expect(await waitEvents(withoutValues, expected.length)).toEqual(expected.map((e) => ({ ...e, value: null, oldValue: null })));
    expect([EntryEventType.ADDED, EntryEventType.REMOVED, EntryEventType.UPDATED, EntryEventType.EVICTED]).toEqual([1, 2, 4, 8]);
    expect([EntryEventType.EXPIRED, EntryEventType.EVICT_ALL, EntryEventType.CLEAR_ALL]).toEqual([16, 32, 64]);
  });

  it('filters by listener flags and by key, and stops after removeEntryListener', async () => {
    const onlyAdded = await listen(true, EntryEventType.ADDED);
    const keyCorr = c.peekCorrelationId();
    await c.invoke(mc.encodeMapAddEntryListenerToKeyRequest(name, d('watched'), true, ALL, false), pid('watched'));
    const removable = c.peekCorrelationId();
    const regId = mc.decodeMapAddEntryListenerResponse(await c.invoke(mc.encodeMapAddEntryListenerRequest(name, true, ALL, false)));
    expect(mc.decodeMapRemoveEntryListenerResponse(await c.invoke(mc.encodeMapRemoveEntryListenerRequest(name, regId)))).toBe(true);
    expect(mc.decodeMapRemoveEntryListenerResponse(await c.invoke(mc.encodeMapRemoveEntryListenerRequest(name, regId)))).toBe(false);

    await put('other', '1');
    await put('other', '2');
    await put('watched', '1');
    await put('watched', '2');
    const added = await waitEvents(onlyAdded, 2);
    await c.waitForEvent(() => c.events.filter((e) => e.correlationId === keyCorr).length >= 2);
    const keyEvents = c.events.filter((e) => e.correlationId === keyCorr);
    // Fence: one more event for the flag listener proves the earlier ones were all delivered.
    await put('fence', '1');
    await waitEvents(onlyAdded, 3);
    expect(added.map((e) => [e.type, e.key])).toEqual([
      [1, 'other'],
      [1, 'watched'],
    ]);
    expect(keyEvents.map((e) => mc.decodeMapAddEntryListenerToKeyEntryEvent(e)).map((e) => [e.eventType, textOf(e.key), textOf(e.value)])).toEqual([
      [1, 'watched', '1'],
      [4, 'watched', '2'],
    ]);
    expect(c.events.filter((e) => e.correlationId === removable)).toHaveLength(0);
  });

  it('sends entry events of a localOnly registration only from the owner of the key', async () => {
    const other = await RawClient.connect(cluster.addresses()[1]);
    try {
      await other.authenticate();
      const corr0 = c.peekCorrelationId();
      await c.invoke(mc.encodeMapAddEntryListenerRequest(name, false, ALL, true));
      const corr1 = other.peekCorrelationId();
      await other.invoke(mc.encodeMapAddEntryListenerRequest(name, false, ALL, true));
      const keys = Array.from({ length: 20 }, (_, i) => `local-${i}`);
      for (const k of keys) await put(k, 'v');
      await c.waitForEvent(() => c.events.filter((e) => e.correlationId === corr0).length + other.events.filter((e) => e.correlationId === corr1).length >= keys.length);
      const owner0 = keys.filter((k) => cluster.ownerOf(pid(k)) === cluster.members[0]);
      expect(entryEvents(corr0).map((e) => e.key).sort()).toEqual(owner0.sort());
      expect(entryEvents(corr1, other).map((e) => e.key).sort()).toEqual(keys.filter((k) => !owner0.includes(k)).sort());
    } finally {
      await other.close();
    }
  });

  it('expires entries with a TTL, with an EXPIRED event, without blocking', async () => {
    const corr = await listen(true, EntryEventType.EXPIRED);
    await put('short', 'v', 50);
    await put('forever', 'v');
    await put('later', 'v', 60_000);
    const [ev] = await waitEvents(corr, 1);
    expect(ev).toEqual({ type: EntryEventType.EXPIRED, key: 'short', value: null, oldValue: 'v', affected: 1 });
    expect(await get('short')).toBeNull();
    expect(await get('forever')).toBe('v');
    expect(await size()).toBe(2);
    // setTtl on an entry: it counts from now. On a missing key it answers false.
    expect(mc.decodeMapSetTtlResponse(await c.invoke(mc.encodeMapSetTtlRequest(name, d('forever'), 50), pid('forever')))).toBe(true);
    expect(mc.decodeMapSetTtlResponse(await c.invoke(mc.encodeMapSetTtlRequest(name, d('gone'), 50), pid('gone')))).toBe(false);
    const events = await waitEvents(corr, 2);
    expect(events[1]).toMatchObject({ type: EntryEventType.EXPIRED, key: 'forever' });
    // A put without TTL over an entry with one makes it live forever.
    await c.invoke(mc.encodeMapPutTransientRequest(name, d('later'), d('w'), 1, -1), pid('later'));
    expect(cluster.mapService.entries(name).map((e) => e.key.equals(dataOf('later')))).toEqual([true]);
  });

  it('drops the data and the listeners of a destroyed map', async () => {
    await c.invoke(mc.encodeMapAddEntryListenerRequest(name, true, ALL, false));
    await put('x', '1');
    const { encodeClientDestroyProxyRequest } = await import('@hz/core/codec');
    await c.invoke(encodeClientDestroyProxyRequest(name, 'hz:impl:mapService'));
    expect(await size()).toBe(0);
    expect([...cluster.mapService.events.registrations.all()].filter((r) => r.details.mapName === name)).toHaveLength(0);
  });
});
