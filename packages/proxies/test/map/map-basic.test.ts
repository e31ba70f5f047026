import Long from 'long';
import { HeapData, IllegalArgumentError } from '@hz/core';
import { MAP_GET_ALL_REQUEST_TYPE, MAP_PUT_ALL_REQUEST_TYPE } from '@hz/proxies/codec';
import { getMap, ReadOnlyLazyList, SimpleEntryView, type IMap } from '@hz/proxies/map';
import { itDev, MapTestContext } from './support';

describe('IMap: entries, bulk operations and iteration', () => {
  const ctx = new MapTestContext(3);
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('puts, gets, sets and removes, with the previous values', async () => {
    const map = await ctx.map<string, number>();
    expect(await map.put('a', 1)).toBeNull();
    expect(await map.put('a', 2)).toBe(1);
    expect(await map.get('a')).toBe(2);
    expect(await map.get('missing')).toBeNull();
    await map.set('b', 3);
    await map.putTransient('c', 4);
    expect(await map.size()).toBe(3);
    expect(await map.remove('a')).toBe(2);
    expect(await map.remove('a')).toBeNull();
    expect(await map.remove('b', 99)).toBe(false);
    expect(await map.remove('b', 3)).toBe(true);
    await map.delete('c');
    await map.delete('never-there');
    expect(await map.isEmpty()).toBe(true);
  });

  it('keeps every large value intact with hundreds of writes and reads in flight (buffers are reused)', async () => {
    const map = await ctx.map<string, Buffer>();
    const value = (i: number, round: number): Buffer => Buffer.alloc(10_000 + (i % 7) * 1000, (i * 31 + round) & 0xff);
    const keys = Array.from({ length: 300 }, (_, i) => `large-${i}`);
    for (let round = 0; round < 3; round++) {
      const previous = await Promise.all(keys.map((k, i) => map.put(k, value(i, round))));
      previous.forEach((old, i) => expect(round === 0 ? old : old?.equals(value(i, round - 1))).toBe(round === 0 ? null : true));
      const read = await Promise.all(keys.map((k) => map.get(k)));
      read.forEach((v, i) => expect(v?.equals(value(i, round))).toBe(true));
    }
    const all = await map.getAll(keys);
    expect(all).toHaveLength(keys.length);
    for (const [k, v] of all) expect(v.equals(value(Number(k.slice(6)), 2))).toBe(true);
  });

  it('puts if absent, replaces, and replaces if the value is the expected one', async () => {
    const map = await ctx.map<string, string>();
    expect(await map.putIfAbsent('k', 'first')).toBeNull();
    expect(await map.putIfAbsent('k', 'second')).toBe('first');
    expect(await map.replace('k', 'third')).toBe('first');
    expect(await map.replace('absent', 'x')).toBeNull();
    expect(await map.containsKey('absent')).toBe(false);
    expect(await map.replaceIfSame('k', 'wrong', 'fourth')).toBe(false);
    expect(await map.replaceIfSame('k', 'third', 'fourth')).toBe(true);
    expect(await map.get('k')).toBe('fourth');
  });

  it('answers containsKey, containsValue, size and isEmpty', async () => {
    const map = await ctx.map<number, string>();
    expect(await map.isEmpty()).toBe(true);
    await map.put(1, 'one');
    await map.put(2, 'two');
    expect(await map.containsKey(1)).toBe(true);
    expect(await map.containsKey(3)).toBe(false);
    expect(await map.containsValue('two')).toBe(true);
    expect(await map.containsValue('three')).toBe(false);
    expect(await map.size()).toBe(2);
    expect(await map.isEmpty()).toBe(false);
  });

  it('tries to put and remove within a timeout when the key is free', async () => {
    const map = await ctx.map<string, string>();
    expect(await map.tryPut('k', 'v', 100)).toBe(true);
    expect(await map.get('k')).toBe('v');
    expect(await map.tryRemove('k', 100)).toBe(true);
    expect(await map.tryRemove('k', 100)).toBe(false);
  });

  it('evicts one key and all keys, clears, flushes and loads (no MapStore: loading changes nothing)', async () => {
    const map = await ctx.map<string, number>();
    await map.putAll([['a', 1], ['b', 2], ['c', 3]]);
    expect(await map.evict('a')).toBe(true);
    expect(await map.evict('a')).toBe(false);
    await map.flush();
    await map.loadAll();
    await map.loadAll(['b'], false);
    expect(await map.size()).toBe(2);
    await map.evictAll();
    expect(await map.size()).toBe(0);
    await map.putAll([['x', 1]]);
    await map.clear();
    expect(await map.isEmpty()).toBe(true);
  });

  it('returns keys, values (read lazily) and entries', async () => {
    const map = await ctx.map<string, number>();
    const pairs: Array<[string, number]> = Array.from({ length: 20 }, (_, i) => [`k${i}`, i]);
    await map.putAll(pairs);
    expect((await map.keySet()).sort()).toEqual(pairs.map(([k]) => k).sort());
    const values = await map.values();
    expect(values).toBeInstanceOf(ReadOnlyLazyList);
    expect(values.size()).toBe(20);
    expect([...values].sort((a, b) => a - b)).toEqual(pairs.map(([, v]) => v));
    expect(values.toArray()).toHaveLength(20);
    expect(values.slice(0, 5).size()).toBe(5);
    expect(values.get(100)).toBeUndefined();
    expect((await map.entrySet()).sort((a, b) => a[1] - b[1])).toEqual(pairs);
  });

  it('puts and gets many keys across partitions, sending in parallel', async () => {
    const map = await ctx.map<string, string>();
    const pairs = new Map(Array.from({ length: 300 }, (_, i) => [`key-${i}`, `value-${i}`] as [string, string]));
    await map.putAll(pairs);
    expect(await map.size()).toBe(300);
    const keys = [...pairs.keys()].filter((_, i) => i % 3 === 0);
    const got = await map.getAll([...keys, 'missing-1', 'missing-2']);
    expect(new Map(got)).toEqual(new Map(keys.map((k) => [k, pairs.get(k)!])));
    expect(await map.getAll([])).toEqual([]);
    await map.setAll([['key-0', 'changed']]);
    expect(await map.get('key-0')).toBe('changed');
  });

  itDev('sends putAll and getAll as one request per partition of the keys', async () => {
    const dev = ctx.cluster.dev!;
    const map = await ctx.map<string, number>();
    const keys = Array.from({ length: 60 }, (_, i) => `p-${i}`);
    const partitions = new Set(keys.map((k) => ctx.client.getPartitionService().getPartitionId(k)));
    const putAll = dev.faults.delayResponses({ messageType: MAP_PUT_ALL_REQUEST_TYPE, delayMs: 0 });
    const getAll = dev.faults.delayResponses({ messageType: MAP_GET_ALL_REQUEST_TYPE, delayMs: 0 });
    try {
      await map.putAll(keys.map((k, i) => [k, i]));
      await map.getAll(keys);
      expect(putAll.hits).toBe(partitions.size);
      expect(getAll.hits).toBe(partitions.size);
    } finally {
      putAll.remove();
      getAll.remove();
    }
    // Each key landed in its own partition.
    for (const e of dev.mapService.entries(map.getName())) {
      const key = ctx.client.serialization.toObject<string>(new HeapData(e.key))!;
      expect(e.partitionId).toBe(ctx.client.getPartitionService().getPartitionId(key));
    }
  });

  it('iterates over every entry with for await, fetching partition by partition in batches', async () => {
    const map = await ctx.map<number, string>();
    const pairs: Array<[number, string]> = Array.from({ length: 250 }, (_, i) => [i, `v${i}`]);
    await map.putAll(pairs);
    const seen: Array<[number, string]> = [];
    for await (const entry of map) seen.push(entry);
    expect(seen.sort((a, b) => a[0] - b[0])).toEqual(pairs);
    const batched: number[] = [];
    for await (const [k] of map.entries(7)) batched.push(k);
    expect(batched.sort((a, b) => a - b)).toEqual(pairs.map(([k]) => k));
    const empty = await ctx.map<number, string>();
    for await (const e of empty) throw new Error(`unexpected ${String(e)}`);
  });

  it('gives an entry view with its statistics', async () => {
    const map = await ctx.map<string, string>();
    expect(await map.getEntryView('none')).toBeNull();
    const before = Date.now();
    await map.put('k', 'v1');
    await map.put('k', 'v2');
    await map.get('k');
    const view = (await map.getEntryView('k'))!;
    expect(view).toBeInstanceOf(SimpleEntryView);
    expect(view.key).toBe('k');
    expect(view.value).toBe('v2');
    expect(view.hits.toNumber()).toBeGreaterThanOrEqual(1);
    expect(view.version.toNumber()).toBeGreaterThanOrEqual(1);
    expect(view.creationTime.toNumber()).toBeGreaterThanOrEqual(before - 60_000);
    expect(view.cost.toNumber()).toBeGreaterThan(0);
  });

  it('adds indexes (accepted by the member) and checks them first', async () => {
    const map = await ctx.map<string, { age: number; name: string }>();
    await map.addIndex({ attributes: ['age'] });
    await map.addIndex({ type: 'HASH', attributes: ['this.name'] });
    await map.addIndex({ type: 'BITMAP', attributes: ['age'], bitmapIndexOptions: { uniqueKey: '__key', uniqueKeyTransformation: 'OBJECT' } });
    await expect(map.addIndex({ attributes: [] })).rejects.toThrow(IllegalArgumentError);
    await expect(map.addIndex({ type: 'BITMAP', attributes: ['a', 'b'] })).rejects.toThrow(IllegalArgumentError);
    await expect(map.addIndex({ type: 'NOPE' as never, attributes: ['a'] })).rejects.toThrow(IllegalArgumentError);
    await expect(map.addIndex({ attributes: ['a', 'this.a'] })).rejects.toThrow(IllegalArgumentError);
    await expect(map.addIndex({ attributes: ['a.'] })).rejects.toThrow(IllegalArgumentError);
  });

  itDev('names an index as a member does and the member keeps it', async () => {
    const map = await ctx.map<string, { age: number }>('indexed');
    await map.addIndex({ type: 'SORTED', attributes: ['this.age', 'name'] });
    const indexes = ctx.cluster.dev!.mapService.indexes.get(map.getName())!;
    expect(indexes.map((i) => [i.name, i.type, i.attributes])).toEqual([[`${map.getName()}_sorted_age_name`, 0, ['age', 'name']]]);
  });

  it('returns the same proxy for the same name, and destroys the map with its data', async () => {
    const name = `destroyed-${Date.now()}`;
    const map = await getMap<string, string>(ctx.client, name);
    expect(await getMap<string, string>(ctx.client, name)).toBe(map);
    expect(map.getName()).toBe(name);
    expect(map.getServiceName()).toBe('hz:impl:mapService');
    await map.put('k', 'v');
    await map.destroy();
    const again = await getMap<string, string>(ctx.client, name);
    expect(again).not.toBe(map);
    expect(await again.size()).toBe(0);
    await expect(getMap(ctx.client, '')).rejects.toThrow(IllegalArgumentError);
  });

  it('takes TTLs as Long too', async () => {
    const map = await ctx.map<string, string>();
    await map.put('k', 'v', Long.fromNumber(60_000));
    expect(await map.get('k')).toBe('v');
  });
});

// Compile-time checks (tsc -p tsconfig.json): wrong use of the generics does not compile.
export function typeChecks(map: IMap<string, number>): void {
  // @ts-expect-error a number key for a string-keyed map
  void map.put(1, 1);
  // @ts-expect-error a string value for a number-valued map
  void map.put('a', 'b');
  // @ts-expect-error null is not a key
  void map.get(null);
  // @ts-expect-error the listener receives string keys
  void map.addEntryListener({ added: (e: { key: number }) => e });
  // @ts-expect-error remove with a value resolves with a boolean
  const removed: Promise<number | null> = map.remove('a', 1);
  void removed;
  const previous: Promise<number | null> = map.put('a', 1);
  void previous;
}
