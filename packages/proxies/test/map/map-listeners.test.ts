import { HeapData } from '@hz/core';
import { Predicates } from '@hz/query';
import { EntryEvent, EntryEventType, MapEvent, type IMap, type MapListener } from '@hz/proxies/map';
import { eventually, itDev, MapTestContext } from './support';

jest.setTimeout(30_000);

type Seen = Array<{ type: string; key?: unknown; value?: unknown; oldValue?: unknown; mergingValue?: unknown; affected?: number }>;

/**
 * Events of one key arrive in order; events of different keys come from their partitions'
 * owners and may interleave: compare per key (a stable sort by key).
 */
const byKey = (seen: Seen): Seen => [...seen].sort((a, b) => String(a.key).localeCompare(String(b.key)));

/** A listener of every event type that records what it hears. */
function recorder(): { seen: Seen; listener: MapListener<string, string> } {
  const seen: Seen = [];
  const entry = (type: string) => (e: EntryEvent<string, string>) => {
    expect(e).toBeInstanceOf(EntryEvent);
    seen.push({ type, key: e.key, value: e.value, oldValue: e.oldValue, mergingValue: e.mergingValue });
  };
  const map = (type: string) => (e: MapEvent) => {
    expect(e).toBeInstanceOf(MapEvent);
    seen.push({ type, affected: e.numberOfAffectedEntries });
  };
  return {
    seen,
    listener: {
      added: entry('added'),
      updated: entry('updated'),
      removed: entry('removed'),
      evicted: entry('evicted'),
      expired: entry('expired'),
      merged: entry('merged'),
      loaded: entry('loaded'),
      mapCleared: map('mapCleared'),
      mapEvicted: map('mapEvicted'),
    },
  };
}

describe('IMap entry listeners', () => {
  const ctx = new MapTestContext(3);
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('hears every event type, with values when asked for them', async () => {
    const map = await ctx.map<string, string>();
    const { seen, listener } = recorder();
    await map.addEntryListener(listener, undefined, true);
    await map.put('a', '1');
    await map.put('a', '2');
    await map.remove('a');
    await map.put('b', '1');
    await map.evict('b');
    await map.put('c', '1', 1000);
    await eventually(() => expect(seen).toHaveLength(6));
    expect(byKey(seen)).toEqual([
      { type: 'added', key: 'a', value: '1', oldValue: null, mergingValue: null },
      { type: 'updated', key: 'a', value: '2', oldValue: '1', mergingValue: null },
      { type: 'removed', key: 'a', value: null, oldValue: '2', mergingValue: null },
      { type: 'added', key: 'b', value: '1', oldValue: null, mergingValue: null },
      { type: 'evicted', key: 'b', value: null, oldValue: '1', mergingValue: null },
      { type: 'added', key: 'c', value: '1', oldValue: null, mergingValue: null },
    ]);
    await eventually(() => expect(seen[6]).toEqual({ type: 'expired', key: 'c', value: null, oldValue: '1', mergingValue: null }), 20_000, 100);
  });

  it('hears map-wide events once, with the number of entries affected', async () => {
    const map = await ctx.map<string, string>();
    const { seen, listener } = recorder();
    await map.addEntryListener(listener);
    await map.putAll(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'v'] as [string, string]));
    await eventually(() => expect(seen).toHaveLength(10));
    await map.clear();
    await eventually(() => expect(seen.filter((e) => e.type === 'mapCleared')).toEqual([{ type: 'mapCleared', affected: 10 }]));
    await map.putAll(Array.from({ length: 4 }, (_, i) => [`k${i}`, 'v'] as [string, string]));
    await map.evictAll();
    await eventually(() => expect(seen.filter((e) => e.type === 'mapEvicted')).toEqual([{ type: 'mapEvicted', affected: 4 }]));
  });

  it('leaves values out unless includeValue is true', async () => {
    const map = await ctx.map<string, string>();
    const { seen, listener } = recorder();
    await map.addEntryListener(listener);
    await map.put('k', '1');
    await map.put('k', '2');
    await map.delete('k');
    await eventually(() => expect(seen).toHaveLength(3));
    expect(seen.map((e) => [e.type, e.key, e.value, e.oldValue])).toEqual([
      ['added', 'k', null, null],
      ['updated', 'k', null, null],
      ['removed', 'k', null, null],
    ]);
  });

  it('filters by key', async () => {
    const map = await ctx.map<string, string>();
    const { seen, listener } = recorder();
    await map.addEntryListener(listener, 'mine', true);
    const all = recorder();
    await map.addEntryListener(all.listener);
    for (const k of ['other', 'mine', 'another']) await map.put(k, 'v');
    await map.put('mine', 'w');
    await eventually(() => expect(all.seen).toHaveLength(4));
    await eventually(() => expect(seen).toHaveLength(2));
    expect(seen.map((e) => [e.type, e.key, e.value])).toEqual([
      ['added', 'mine', 'v'],
      ['updated', 'mine', 'w'],
    ]);
  });

  it('filters by predicate, and by key and predicate', async () => {
    const map = await ctx.map<string, string>();
    const yes = recorder();
    const no = recorder();
    const keyed = recorder();
    const all = recorder();
    await map.addEntryListenerWithPredicate(yes.listener, Predicates.alwaysTrue(), undefined, true);
    await map.addEntryListenerWithPredicate(no.listener, Predicates.alwaysFalse());
    await map.addEntryListenerWithPredicate(keyed.listener, Predicates.alwaysTrue(), 'k1', true);
    await map.addEntryListener(all.listener);
    await map.put('k1', 'a');
    await map.put('k2', 'b');
    await map.remove('k1');
    await eventually(() => expect(all.seen).toHaveLength(3));
    await eventually(() => expect(yes.seen).toHaveLength(3));
    await eventually(() => expect(keyed.seen).toHaveLength(2));
    expect(byKey(yes.seen).map((e) => [e.type, e.key, e.value, e.oldValue])).toEqual([
      ['added', 'k1', 'a', null],
      ['removed', 'k1', null, 'a'],
      ['added', 'k2', 'b', null],
    ]);
    expect(keyed.seen.map((e) => [e.type, e.key])).toEqual([
      ['added', 'k1'],
      ['removed', 'k1'],
    ]);
    expect(no.seen).toEqual([]);
  });

  it('tests a predicate on the new value, and removals on the old one', async () => {
    const map = await ctx.map<string, string>();
    const matched = recorder();
    const all = recorder();
    await map.addEntryListenerWithPredicate(matched.listener, Predicates.equal('this', 'yes'), undefined, true);
    await map.addEntryListener(all.listener);
    await map.put('a', 'no');
    await map.put('a', 'yes');
    await map.put('b', 'yes');
    await map.remove('b');
    await map.put('a', 'no');
    await eventually(() => expect(all.seen).toHaveLength(5));
    await eventually(() => expect(matched.seen).toHaveLength(3));
    expect(byKey(matched.seen).map((e) => [e.type, e.key, e.value, e.oldValue])).toEqual([
      ['updated', 'a', 'yes', 'no'],
      ['added', 'b', 'yes', null],
      ['removed', 'b', null, 'yes'],
    ]);
  });

  it('hears only the event types it has functions for, and stops after removeEntryListener', async () => {
    const map = await ctx.map<string, string>();
    const added: string[] = [];
    const id = await map.addEntryListener({ added: (e) => added.push(e.key) });
    const all = recorder();
    await map.addEntryListener(all.listener);
    await map.put('a', '1');
    await map.put('a', '2');
    await map.remove('a');
    await eventually(() => expect(all.seen).toHaveLength(3));
    expect(added).toEqual(['a']);
    expect(await map.removeEntryListener(id)).toBe(true);
    expect(await map.removeEntryListener(id)).toBe(false);
    await map.put('b', '1');
    await eventually(() => expect(all.seen).toHaveLength(4));
    expect(added).toEqual(['a']);
  });

  it('says which member sent an event', async () => {
    const map = await ctx.map<string, string>();
    const members: string[] = [];
    await map.addEntryListener({ added: (e) => members.push(e.member!.uuid.toString()) });
    await map.put('k', 'v');
    await eventually(() => expect(members).toHaveLength(1));
    const owner = ctx.client.getPartitionService().getPartitionOwner(ctx.client.getPartitionService().getPartitionId('k'));
    expect(members[0]).toBe(owner!.toString());
  });

  itDev('asks the member for the event types of the functions given', async () => {
    const map = await ctx.map<string, string>();
    await map.addEntryListener({ added: () => undefined, mapCleared: () => undefined, expired: undefined });
    const regs = [...ctx.cluster.dev!.mapService.events.registrations.all()].filter((r) => r.details.mapName === map.getName());
    expect(regs.length).toBeGreaterThan(0);
    for (const r of regs) expect(r.details.flags).toBe(EntryEventType.ADDED | EntryEventType.CLEAR_ALL);
  });

  itDev('dispatches merged and loaded events (which only WAN, split-brain merges and MapLoaders cause)', async () => {
    const dev = ctx.cluster.dev!;
    const map: IMap<string, string> = await ctx.map<string, string>();
    const { seen, listener } = recorder();
    await map.addEntryListener(listener, undefined, true);
    const d = (v: string): Buffer => ctx.client.serialization.toData(v)!.toBuffer();
    const partitionId = ctx.client.getPartitionService().getPartitionId('k');
    dev.mapService.events.entryEvent(partitionId, map.getName(), EntryEventType.MERGED, d('k'), d('merged'), d('old'), d('merging'));
    dev.mapService.events.entryEvent(partitionId, map.getName(), EntryEventType.LOADED, d('k'), d('loaded'), null);
    await eventually(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual([
      { type: 'merged', key: 'k', value: 'merged', oldValue: 'old', mergingValue: 'merging' },
      { type: 'loaded', key: 'k', value: 'loaded', oldValue: null, mergingValue: null },
    ]);
    expect(new HeapData(d('k')).getType()).toBe(-11);
  });
});
