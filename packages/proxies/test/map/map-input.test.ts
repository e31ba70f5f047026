import { IllegalArgumentError, type Aggregator, type Predicate, type Projection } from '@hz/core';
import { Aggregators, Predicates } from '@hz/query';
import type { IMap, MapListener } from '@hz/proxies/map';
import { MapTestContext } from './support';

/** Any value, for calls that the types would reject: bad input from JavaScript callers. */
const any = <T>(v: unknown): T => v as T;

describe('IMap: bad input is refused before anything is sent, and the map keeps its data', () => {
  const ctx = new MapTestContext(2);
  let map: IMap<string, string>;
  // Requests leave through invoke() or, for single-key calls, invokeOnPartitionAndDecode().
  let invoke: jest.SpiedFunction<typeof ctx.client.invocations.invoke>;
  let invokeAndDecode: jest.SpiedFunction<typeof ctx.client.invocations.invokeOnPartitionAndDecode>;

  beforeAll(async () => {
    await ctx.start();
    map = await ctx.map<string, string>('input');
    await map.putAll([['a', '1'], ['b', '2']]);
    invoke = jest.spyOn(ctx.client.invocations, 'invoke');
    invokeAndDecode = jest.spyOn(ctx.client.invocations, 'invokeOnPartitionAndDecode');
  });
  afterAll(() => ctx.stop());
  beforeEach(() => {
    invoke.mockClear();
    invokeAndDecode.mockClear();
  });

  /** Expects the call to reject with `type`, to have sent nothing, and the map to be as it was. */
  async function refused(call: () => Promise<unknown>, type: new (...args: never[]) => Error = IllegalArgumentError): Promise<void> {
    await expect(call()).rejects.toThrow(type);
    expect(invoke).not.toHaveBeenCalled();
    expect(invokeAndDecode).not.toHaveBeenCalled();
    invoke.mockRestore();
    invokeAndDecode.mockRestore();
    expect(new Map(await map.entrySet())).toEqual(new Map([['a', '1'], ['b', '2']]));
    invoke = jest.spyOn(ctx.client.invocations, 'invoke');
    invokeAndDecode = jest.spyOn(ctx.client.invocations, 'invokeOnPartitionAndDecode');
  }

  it('refuses null and undefined keys', async () => {
    for (const key of [null, undefined]) {
      await refused(() => map.put(any(key), 'v'));
      await refused(() => map.set(any(key), 'v'));
      await refused(() => map.get(any(key)));
      await refused(() => map.remove(any(key)));
      await refused(() => map.delete(any(key)));
      await refused(() => map.containsKey(any(key)));
      await refused(() => map.putIfAbsent(any(key), 'v'));
      await refused(() => map.replace(any(key), 'v'));
      await refused(() => map.evict(any(key)));
      await refused(() => map.lock(any(key)));
      await refused(() => map.unlock(any(key)));
      await refused(() => map.isLocked(any(key)));
      await refused(() => map.getEntryView(any(key)));
      await refused(() => map.setTtl(any(key), 1000));
      await refused(() => map.executeOnKey(any(key), Predicates.alwaysTrue()));
    }
  });

  it('refuses null and undefined values', async () => {
    for (const value of [null, undefined]) {
      await refused(() => map.put('a', any(value)));
      await refused(() => map.set('a', any(value)));
      await refused(() => map.putIfAbsent('c', any(value)));
      await refused(() => map.replace('a', any(value)));
      await refused(() => map.replaceIfSame('a', any(value), 'x'));
      await refused(() => map.replaceIfSame('a', '1', any(value)));
      await refused(() => map.containsValue(any(value)));
      await refused(() => map.tryPut('a', any(value), 10));
    }
    await refused(() => map.remove('a', any(null)));
  });

  it('refuses a bad pair or key anywhere in putAll and getAll: nothing is put', async () => {
    await refused(() => map.putAll([['c', '3'], ['d', any(null)]]));
    await refused(() => map.putAll([['c', '3'], [any(undefined), '4']]));
    await refused(() => map.putAll(any(null)));
    await refused(() => map.putAll(any([['c', '3'], 'not a pair'])));
    await refused(() => map.getAll(any(null)));
    await refused(() => map.getAll(['a', any(null)]));
    await refused(() => map.executeOnKeys(any('a'), Predicates.alwaysTrue()));
  });

  it('refuses negative and non-numeric times', async () => {
    await refused(() => map.put('a', 'x', -1));
    await refused(() => map.put('a', 'x', 1000, -5));
    await refused(() => map.set('a', 'x', Number.NaN));
    await refused(() => map.putTransient('a', 'x', any('1000')));
    await refused(() => map.putIfAbsent('c', 'x', Infinity));
    await refused(() => map.setTtl('a', -1));
    await refused(() => map.tryPut('a', 'x', -1));
    await refused(() => map.tryRemove('a', any(undefined)));
    await refused(() => map.lock('a', 0));
    await refused(() => map.lock('a', -1));
    await refused(() => map.tryLock('a', -1));
    await refused(() => map.tryLock('a', 10, 0));
  });

  it('refuses listeners that are not objects of functions', async () => {
    await refused(() => map.addEntryListener(any(null)));
    await refused(() => map.addEntryListener(any(() => undefined)));
    await refused(() => map.addEntryListener(any({ added: 'not a function' })));
    await refused(() => map.addEntryListener(any({ added: () => undefined, mapCleared: 42 })));
    await refused(() => map.addEntryListener({ added: () => undefined }, any(null)));
    await refused(() => map.addEntryListener({ added: () => undefined }, undefined, any('yes')));
    await refused(() => map.addEntryListenerWithPredicate({ added: () => undefined }, any({ not: 'a predicate' })));
    await refused(() => map.removeEntryListener(any(42)));
  });

  it('refuses predicates that are not predicates, and paging where it has no meaning', async () => {
    const listener: MapListener<string, string> = { added: () => undefined };
    for (const p of [null, undefined, 'age > 3', { factoryId: -20 }]) {
      await refused(() => map.keySetWithPredicate(any<Predicate>(p)));
      await refused(() => map.valuesWithPredicate(any<Predicate>(p)));
      await refused(() => map.entrySetWithPredicate(any<Predicate>(p)));
      await refused(() => map.removeAll(any<Predicate>(p)));
      await refused(() => map.aggregateWithPredicate(Aggregators.count(), any<Predicate>(p)));
      await refused(() => map.addEntryListenerWithPredicate(listener, any<Predicate>(p)));
    }
    const paging = Predicates.paging(Predicates.alwaysTrue(), 2);
    await refused(() => map.aggregate(Aggregators.count(), paging));
    await refused(() => map.project(any<Projection<unknown>>({}), Predicates.alwaysTrue()));
    await refused(() => map.executeOnEntries(Predicates.alwaysTrue(), paging));
    await refused(() => map.addEntryListenerWithPredicate(listener, paging));
    await refused(() => map.removeAll(paging));
    await refused(() => map.aggregate(any<Aggregator<number>>(null)));
    await refused(() => map.executeOnKey('a', any(null)));
  });

  it('refuses bad iteration batches and loadAll arguments', async () => {
    await refused(() => map.entries(0).next());
    await refused(() => map.entries(1.5).next());
    await refused(() => map.loadAll(any('a')));
    await refused(() => map.loadAll(['a'], any('no')));
  });
});
