// Paging predicate state (pages, anchors, iteration type) and the PagingPredicateHolder parts a
// map proxy sends.
import { DefaultSerializationService, HeapData, IterationType, isPagingPredicate, type Data } from '@hz/core';
import { PagingPredicateImpl, Predicates, pagingHolderParts, pagingPredicateOf, partitionKeysOf } from '@hz/query';

const ss = new DefaultSerializationService();
const toData = (v: unknown): Data | null => ss.toData(v);
const toObject = (d: Data): unknown => ss.toObject(d);

class ByAgeComparator {
  readonly factoryId = 1;
  readonly classId = 7;
  writeData(): void {}
  readData(): void {}
  sort(): number {
    return 0;
  }
}

describe('paging predicate state', () => {
  it('starts on page 0, iterating entries, with no anchor', () => {
    const p = Predicates.paging(Predicates.greaterEqual('age', 18), 5);
    expect(p.getPage()).toBe(0);
    expect(p.getPageSize()).toBe(5);
    expect(p.getIterationType()).toBe(IterationType.ENTRY);
    expect(p.getAnchorList()).toEqual([]);
    expect(p.getAnchor()).toEqual([-1, null]);
    expect(p.getComparator()).toBeNull();
    expect(isPagingPredicate(p)).toBe(true);
    expect(p.factoryId).toBe(-20);
    expect(p.classId).toBe(15);
  });

  it('moves between pages; previousPage stops at the first page; setPage jumps', () => {
    const p = Predicates.paging(null, 2);
    expect(p.nextPage().nextPage().getPage()).toBe(2);
    expect(p.previousPage().getPage()).toBe(1);
    expect(p.previousPage().previousPage().getPage()).toBe(0);
    expect(p.setPage(100).getPage()).toBe(100);
    expect(() => p.setPage(-1)).toThrow(RangeError);
    expect(() => p.setPage(1.5)).toThrow(RangeError);
  });

  it('rejects a bad page size and nested paging predicates', () => {
    expect(() => Predicates.paging(null, 0)).toThrow(RangeError);
    expect(() => Predicates.paging(null, -3)).toThrow(RangeError);
    expect(() => Predicates.paging(Predicates.paging(null, 2), 2)).toThrow(/Nested paging/);
    expect(() => Predicates.paging({} as never, 2)).toThrow(TypeError);
  });

  it('keeps the anchors of a response as Data and sends them back unchanged', () => {
    const p = Predicates.paging<string, number>(Predicates.alwaysTrue(), 2);
    const k1 = ss.toData('b')!;
    const v1 = ss.toData(2)!;
    const k2 = ss.toData('d')!;
    const v2 = ss.toData(4)!;
    p.applyAnchorDataList({ anchorPageList: [0, 1], anchorDataList: [[k1, v1], [k2, v2]] }, toObject);
    expect(p.getAnchorList()).toEqual([
      [0, ['b', 2]],
      [1, ['d', 4]],
    ]);
    const parts = p.setPage(2).toHolderParts(toData);
    expect(parts.anchorDataListHolder.anchorPageList).toEqual([0, 1]);
    expect(parts.anchorDataListHolder.anchorDataList[0][0]).toBe(k1);
    expect(parts.anchorDataListHolder.anchorDataList[1][1]).toBe(v2);
    expect(() => p.applyAnchorDataList({ anchorPageList: [0], anchorDataList: [] }, toObject)).toThrow(RangeError);
  });

  it('gives the nearest anchor before the current page (the official getAnchor)', () => {
    const p = Predicates.paging<string, number>(null, 2);
    p.setAnchorList([
      [0, ['a', 1]],
      [1, ['b', 2]],
      [2, ['c', 3]],
    ]);
    expect(p.getAnchor()).toEqual([-1, null]);
    expect(p.setPage(1).getAnchor()).toEqual([0, ['a', 1]]);
    expect(p.setPage(3).getAnchor()).toEqual([2, ['c', 3]]);
    expect(p.setPage(10).getAnchor()).toEqual([2, ['c', 3]]);
  });

  it('serializes deserialized anchors for the holder', () => {
    const p = Predicates.paging(null, 3);
    p.setAnchorList([[0, ['k', 'v']]]);
    const parts = p.toHolderParts(toData);
    const [[key, value]] = parts.anchorDataListHolder.anchorDataList;
    expect(parts.anchorDataListHolder.anchorDataList).toHaveLength(1);
    expect(key.equals(ss.toData('k'))).toBe(true);
    expect(value.equals(ss.toData('v'))).toBe(true);
  });

  it('resets to the first page with no anchors', () => {
    const p = Predicates.paging(null, 3).setPage(4);
    p.setIterationType(IterationType.KEY);
    p.setAnchorList([[0, [1, 1]]]);
    p.reset();
    expect([p.getPage(), p.getAnchorList(), p.getIterationType()]).toEqual([0, [], IterationType.ENTRY]);
    expect(() => p.setIterationType(7 as IterationType)).toThrow(RangeError);
  });
});

describe('PagingPredicateHolder parts', () => {
  it('hold the predicate and comparator Data, page, page size and iteration type id', () => {
    const inner = Predicates.sql('age > 20');
    const comparator = new ByAgeComparator();
    const p = Predicates.paging(inner, 10, comparator).setPage(3);
    p.setIterationType(IterationType.VALUE);
    const parts = p.toHolderParts(toData);
    expect(parts.predicateData?.equals(ss.toData(inner))).toBe(true);
    expect(parts.comparatorData?.equals(ss.toData(comparator))).toBe(true);
    expect(parts.comparatorData?.getType()).toBe(-2);
    expect([parts.pageSize, parts.page, parts.iterationTypeId]).toEqual([10, 3, 1]);
    expect([parts.partitionKeyData, parts.partitionKeysData]).toEqual([null, null]);
    expect(p.getComparator()).toBe(comparator);
  });

  it('have null predicate and comparator Data when there are none', () => {
    const parts = Predicates.paging(null, 1).toHolderParts(toData);
    expect([parts.predicateData, parts.comparatorData]).toEqual([null, null]);
    expect(parts.iterationTypeId).toBe(2);
  });

  it('carry the partition keys of a partition predicate around a paging one', () => {
    const paging = Predicates.paging(Predicates.alwaysTrue(), 4);
    const single = Predicates.partition('key-1', paging);
    expect(pagingPredicateOf(single)).toBe(paging);
    expect(partitionKeysOf(single)).toEqual(['key-1']);
    const parts = pagingHolderParts(single, toData);
    expect(parts.partitionKeysData?.map((d) => ss.toObject(d))).toEqual(['key-1']);
    expect(parts.partitionKeyData?.equals(ss.toData('key-1'))).toBe(true);

    const multi = Predicates.multiPartition(['a', 'b', 'a'], paging);
    const multiParts = pagingHolderParts(multi, toData);
    expect(multiParts.partitionKeysData?.map((d) => ss.toObject(d))).toEqual(['a', 'b']);
    expect(multiParts.partitionKeyData).toBeNull();

    expect(pagingHolderParts(paging, toData).partitionKeysData).toBeNull();
    expect(pagingPredicateOf(Predicates.partition('k', Predicates.alwaysTrue()))).toBeNull();
    expect(partitionKeysOf(paging)).toBeNull();
    expect(() => pagingHolderParts(Predicates.alwaysTrue(), toData)).toThrow(TypeError);
  });
});

describe('paging predicate as IdentifiedDataSerializable', () => {
  it('writes the Java layout: predicate, comparator, page, page size, iteration type name, anchors', () => {
    const p = Predicates.paging(Predicates.alwaysFalse(), 7).setPage(1);
    p.setIterationType(IterationType.KEY);
    p.setAnchorList([[0, ['x', 'y']]]);
    const bytes = ss.toData(p)!.toBuffer();
    const input = ss.createObjectDataInput(bytes, 8);
    expect([input.readBoolean(), input.readInt(), input.readInt()]).toEqual([true, -20, 15]);
    // The inner predicate: IDS type id, flag, factory, class (FalsePredicate has no fields).
    expect([input.readInt(), input.readBoolean(), input.readInt(), input.readInt()]).toEqual([-2, true, -20, 13]);
    expect(input.readInt()).toBe(0); // null comparator
    expect([input.readInt(), input.readInt(), input.readString(), input.readInt()]).toEqual([1, 7, 'KEY', 1]);
    expect([input.readInt(), input.readObject(), input.readObject()]).toEqual([0, 'x', 'y']);
    expect(input.available()).toBe(0);
  });

  it('reads what it writes', () => {
    const p = Predicates.paging(null, 7).setPage(2);
    p.setAnchorList([[1, [3, 4]]]);
    const copy = new PagingPredicateImpl(null, 1);
    const data = ss.toData(p)!;
    const input = ss.createObjectDataInput(data.toBuffer(), 8 + 9);
    copy.readData(input);
    expect([copy.getPage(), copy.getPageSize(), copy.getAnchorList()]).toEqual([2, 7, [[1, [3, 4]]]]);
    expect(new HeapData(data.toBuffer()).getType()).toBe(-2);
  });
});
