import Long from 'long';
import { HazelcastSerializationError, type ObjectDataInput, type ObjectDataOutput } from '@hz/core';
import { Aggregators, Predicates, Projections } from '@hz/query';
import type { IMap } from '@hz/proxies/map';
import { eventually, itDev, MapTestContext } from './support';

/** An entry processor the tests register on the development member: sets the value, returns it. */
class SetValue {
  readonly factoryId = 66;
  readonly classId = 1;
  constructor(public value = '') {}
  writeData(out: ObjectDataOutput): void {
    out.writeString(this.value);
  }
  readData(input: ObjectDataInput): void {
    this.value = input.readString() ?? '';
  }
}

/** Adds to a number value and returns the previous one; removes the entry when the sum is 0. */
class Add {
  readonly factoryId = 66;
  readonly classId = 2;
  constructor(public delta = 0) {}
  writeData(out: ObjectDataOutput): void {
    out.writeInt(this.delta);
  }
  readData(input: ObjectDataInput): void {
    this.delta = input.readInt();
  }
}

describe('IMap queries: predicates, paging, aggregations, projections, entry processors', () => {
  const ctx = new MapTestContext(2);
  let map: IMap<number, string>;

  beforeAll(async () => {
    await ctx.start();
    map = await ctx.map<number, string>('query');
    await map.putAll(Array.from({ length: 10 }, (_, i) => [i, `v${i}`] as [number, string]));
  });
  afterAll(() => ctx.stop());

  it('selects keys, values and entries with a predicate', async () => {
    expect((await map.keySetWithPredicate(Predicates.alwaysTrue())).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await map.keySetWithPredicate(Predicates.alwaysFalse())).toEqual([]);
    expect((await map.valuesWithPredicate(Predicates.alwaysTrue())).size()).toBe(10);
    expect(await map.entrySetWithPredicate(Predicates.alwaysFalse())).toEqual([]);
    expect((await map.entrySetWithPredicate(Predicates.alwaysTrue())).sort((a, b) => a[0] - b[0])[3]).toEqual([3, 'v3']);
  });

  it('pages keys, values and entries page by page, forwards, backwards and by jumping', async () => {
    const paging = Predicates.paging<number, string>(Predicates.alwaysTrue(), 3);
    expect(await map.keySetWithPredicate(paging)).toEqual([0, 1, 2]);
    paging.nextPage();
    expect(await map.keySetWithPredicate(paging)).toEqual([3, 4, 5]);
    paging.nextPage();
    expect(await map.keySetWithPredicate(paging)).toEqual([6, 7, 8]);
    paging.nextPage();
    expect(await map.keySetWithPredicate(paging)).toEqual([9]);
    paging.nextPage();
    expect(await map.keySetWithPredicate(paging)).toEqual([]);
    expect(paging.getAnchorList().map(([page, [key]]) => [page, key])).toEqual([
      [0, 2],
      [1, 5],
      [2, 8],
    ]);
    paging.previousPage();
    paging.previousPage();
    expect(await map.keySetWithPredicate(paging)).toEqual([6, 7, 8]);

    const values = Predicates.paging<number, string>(null, 4);
    values.setPage(2);
    expect((await map.valuesWithPredicate(values)).toArray()).toEqual(['v8', 'v9']);
    values.setPage(0);
    expect((await map.valuesWithPredicate(values)).toArray()).toEqual(['v0', 'v1', 'v2', 'v3']);

    const entries = Predicates.paging<number, string>(Predicates.alwaysTrue(), 5);
    expect(await map.entrySetWithPredicate(entries)).toEqual([0, 1, 2, 3, 4].map((i) => [i, `v${i}`]));
    entries.nextPage();
    expect(await map.entrySetWithPredicate(entries)).toEqual([5, 6, 7, 8, 9].map((i) => [i, `v${i}`]));
  });

  it('selects with attribute predicates', async () => {
    expect((await map.keySetWithPredicate(Predicates.greaterEqual('__key', 7))).sort()).toEqual([7, 8, 9]);
    expect(await map.valuesWithPredicate(Predicates.equal('this', 'v4')).then((l) => l.toArray())).toEqual(['v4']);
    const paging = Predicates.paging<number, string>(Predicates.lessThan('__key', 5), 2);
    paging.setPage(2);
    expect(await map.keySetWithPredicate(paging)).toEqual([4]);
  });

  it('restricts a query to the partition of a partition predicate, paged or not', async () => {
    const m = await ctx.map<string, number>();
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
    await m.putAll(keys.map((k, i) => [k, i]));
    const partitions = ctx.client.getPartitionService();
    const partitionOf = (k: string): number => partitions.getPartitionId(k);
    const same = keys.filter((k) => partitionOf(k) === partitionOf('k7'));
    expect((await m.keySetWithPredicate(Predicates.partition('k7', Predicates.alwaysTrue()))).sort()).toEqual(same.sort());
    expect(await m.keySetWithPredicate(Predicates.partition('k7', Predicates.equal('this', 7)))).toEqual(['k7']);
    const paging = Predicates.paging<string, number>(Predicates.alwaysTrue(), 1);
    const paged = await m.entrySetWithPredicate(Predicates.partition('k7', paging));
    expect(paged).toHaveLength(1);
    expect(same).toContain(paged[0][0]);
  });

  it('aggregates, with and without a predicate', async () => {
    expect(Long.fromValue(await map.aggregate(Aggregators.count())).toNumber()).toBe(10);
    expect(Long.fromValue(await map.aggregate(Aggregators.count(), Predicates.lessThan('__key', 3))).toNumber()).toBe(3);
    expect(Long.fromValue(await map.aggregateWithPredicate(Aggregators.count(), Predicates.alwaysFalse())).toNumber()).toBe(0);
  });

  it('projects, with and without a predicate', async () => {
    expect((await map.project(Projections.singleAttribute<string>('this'))).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `v${i}`));
    expect(await map.project(Projections.singleAttribute<number>('__key'), Predicates.equal('this', 'v2'))).toEqual([2]);
  });

  it('removes the entries that match a predicate', async () => {
    const m = await ctx.map<string, string>();
    await m.putAll([['a', '1'], ['b', '2']]);
    await m.removeAll(Predicates.alwaysFalse());
    expect(await m.size()).toBe(2);
    await m.removeAll(Predicates.alwaysTrue());
    expect(await m.size()).toBe(0);
  });

  describe('entry processors (registered on the development member)', () => {
    beforeAll(() => {
      const dev = ctx.cluster.dev;
      if (dev === null) return;
      dev.mapService.registerEntryProcessor(66, 1, (fields) => {
        const value = fields.readString();
        return (entry) => {
          entry.setValue(value);
          return value;
        };
      });
      dev.mapService.registerEntryProcessor(66, 2, (fields) => {
        const delta = fields.readInt();
        return (entry) => {
          const before = (entry.value as number | null) ?? 0;
          entry.setValue(before + delta === 0 ? null : before + delta);
          return before;
        };
      });
    });

    itDev('runs on one key, existing or not, and fires the entry events of its changes', async () => {
      const m = await ctx.map<string, string | number>();
      const events: string[] = [];
      await m.addEntryListener({ added: (e) => events.push(`added ${e.key}`), updated: (e) => events.push(`updated ${e.key}`), removed: (e) => events.push(`removed ${e.key}`) });
      await m.put('k', 'old');
      expect(await m.executeOnKey<string>('k', new SetValue('new'))).toBe('new');
      expect(await m.get('k')).toBe('new');
      expect(await m.executeOnKey<number>('n', new Add(5))).toBe(0);
      expect(await m.executeOnKey<number>('n', new Add(-5))).toBe(5);
      expect(await m.containsKey('n')).toBe(false);
      await eventually(() => expect(events).toEqual(['added k', 'updated k', 'added n', 'removed n']));
    });

    itDev('runs on many keys, on all entries and on the entries that match, answering the results by key', async () => {
      const m = await ctx.map<string, number>();
      await m.putAll([['a', 1], ['b', 2], ['c', 3]]);
      expect(new Map(await m.executeOnKeys<number>(['a', 'b', 'x'], new Add(10)))).toEqual(new Map([['a', 1], ['b', 2], ['x', 0]]));
      expect(new Map(await m.entrySet())).toEqual(new Map([['a', 11], ['b', 12], ['c', 3], ['x', 10]]));
      expect(await m.executeOnKeys([], new Add(1))).toEqual([]);
      expect(new Map(await m.executeOnEntries<number>(new Add(1)))).toEqual(new Map([['a', 11], ['b', 12], ['c', 3], ['x', 10]]));
      expect(await m.executeOnEntries(new Add(1), Predicates.alwaysFalse())).toEqual([]);
      expect((await m.executeOnEntries(new Add(1), Predicates.alwaysTrue())).length).toBe(4);
      expect(await m.get('a')).toBe(13);
    });

    itDev('fails as a member does for a processor it does not know', async () => {
      const m = await ctx.map<string, string>();
      const unknown = { factoryId: 66, classId: 99, writeData: () => undefined, readData: () => undefined };
      await expect(m.executeOnKey('k', unknown)).rejects.toThrow(HazelcastSerializationError);
    });
  });
});
