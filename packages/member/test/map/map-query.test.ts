import { DefaultSerializationService, HeapData, type Data } from '@hz/core';
import type { PagingPredicateHolder } from '@hz/proxies/codec';
import { BasicQueryEngine, page, identifiedIdsOf, type QueryEntry } from '../../src/services/map/map-query';
import { MemberError } from '../../src';

const ss = new DefaultSerializationService({ defaultNumberType: 'integer' });
const d = (v: unknown): Data => ss.toData(v)!;
const entry = (k: number, v: string): QueryEntry => ({ key: d(k).toBuffer(), value: d(v).toBuffer() });
const keys = (es: readonly QueryEntry[]): unknown[] => es.map((e) => ss.toObject(new HeapData(e.key)));

function holder(pageNo: number, pageSize: number, anchors: Array<[number, QueryEntry]> = [], iterationTypeId = 0): PagingPredicateHolder {
  return {
    anchorDataListHolder: { anchorPageList: anchors.map(([p]) => p), anchorDataList: anchors.map(([, e]) => [new HeapData(e.key), new HeapData(e.value)]) },
    predicateData: null,
    comparatorData: null,
    pageSize,
    page: pageNo,
    iterationTypeId,
    partitionKeyData: null,
  };
}

describe('map queries on the member (the basic engine and paging)', () => {
  const engine = new BasicQueryEngine();
  const all = [7, 3, 9, 1, 5, 0, 8, 2, 6, 4].map((i) => entry(i, `v${i}`));
  const byKey = engine.comparator(null, 0);

  it('pages in natural order, setting the anchor of every full page it passes', () => {
    const first = page(all, holder(0, 3), byKey);
    expect(keys(first.entries)).toEqual([0, 1, 2]);
    expect(first.anchors.anchorPageList).toEqual([0]);
    const third = page(all, holder(2, 3), byKey);
    expect(keys(third.entries)).toEqual([6, 7, 8]);
    expect(third.anchors.anchorPageList).toEqual([0, 1, 2]);
    expect(third.anchors.anchorDataList.map(([k]) => ss.toObject(k))).toEqual([2, 5, 8]);
    expect(keys(page(all, holder(3, 3), byKey).entries)).toEqual([9]);
    expect(page(all, holder(5, 3), byKey).entries).toEqual([]);
  });

  it('restarts from the nearest anchor: what comes after it, even when entries changed since', () => {
    const anchors: Array<[number, QueryEntry]> = [
      [0, entry(2, 'v2')],
      [1, entry(5, 'v5')],
    ];
    // Entries 0..5 are gone: page 2 starts after the anchor of page 1.
    const later = all.filter((e) => (ss.toObject(new HeapData(e.key)) as number) > 5);
    expect(keys(page(later, holder(2, 3, anchors), byKey).entries)).toEqual([6, 7, 8]);
    // Asking for page 1 again uses the anchor of page 0.
    expect(keys(page(all, holder(1, 3, anchors), byKey).entries)).toEqual([3, 4, 5]);
  });

  it('orders values for a VALUE iteration, keys otherwise', () => {
    const es = [entry(1, 'b'), entry(2, 'a'), entry(3, 'c')];
    expect(keys(page(es, holder(0, 3, [], 1), engine.comparator(null, 1)).entries)).toEqual([2, 1, 3]);
    expect(keys(page(es, holder(0, 3, [], 2), engine.comparator(null, 2)).entries)).toEqual([1, 2, 3]);
  });

  it('evaluates the true and false predicates without the query engine, and refuses the rest', () => {
    const predicate = (classId: number): Data => {
      const b = Buffer.alloc(17);
      b.writeInt32BE(-2, 4);
      b[8] = 1;
      b.writeInt32BE(-20, 9);
      b.writeInt32BE(classId, 13);
      return new HeapData(b);
    };
    expect(identifiedIdsOf(predicate(14).toBuffer())).toEqual({ factoryId: -20, classId: 14 });
    expect(identifiedIdsOf(d('text').toBuffer())).toBeNull();
    expect(engine.compile(predicate(14)).test(Buffer.alloc(0), Buffer.alloc(0))).toBe(true);
    expect(engine.compile(predicate(13)).test(Buffer.alloc(0), Buffer.alloc(0))).toBe(false);
    expect(() => engine.compile(predicate(3))).toThrow(MemberError);
    expect(() => engine.aggregate(predicate(4))).toThrow(MemberError);
    expect(() => engine.comparator(predicate(1), 0)).toThrow(MemberError);
  });

  it('refuses to order values that have no natural order', () => {
    const es = [entry(1, 'a'), { key: d(2).toBuffer(), value: d({ json: true }).toBuffer() }];
    expect(() => page(es, holder(0, 2, [], 1), engine.comparator(null, 1))).toThrow(/Not comparable/);
  });
});
