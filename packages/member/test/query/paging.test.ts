// Paging over stored entries, driven as a client drives it: @hz/query's paging predicate gives
// the PagingPredicateHolder parts, the engine answers one page and the anchors, the predicate
// keeps the anchors for the next call.
import { Integer, IterationType, type Data, type IdentifiedDataSerializable, type ObjectDataOutput } from '@hz/core';
import { Predicates, pagingHolderParts, type PagingPredicateImpl } from '@hz/query';
import * as clientCodec from '@hz/proxies/codec';
import * as memberCodec from '../../src/codec';
import { ComparatorRegistry, QueryEngine, type QueryEntry } from '../../src/query';
import { entriesOf, json, ss, toData } from './support';

const engine = new QueryEngine();
const toObject = (d: Data): unknown => ss.toObject(d);

// Students s00..s22, aged 10..32, stored in a shuffled order.
const students = entriesOf(
  engine,
  Array.from({ length: 23 }, (_, i) => [`s${String(i).padStart(2, '0')}`, new Integer(10 + i)] as const).sort(() => 0).reverse(),
);

/** One round trip: the client's holder to the member, the page back, anchors kept. */
function query(predicate: PagingPredicateImpl, type: IterationType, entries: QueryEntry[] = students, queryEngine = engine): unknown[] {
  predicate.setIterationType(type);
  const node = queryEngine.decodePagingPredicate(pagingHolderParts(predicate, (v) => ss.toData(v)));
  const result = queryEngine.page(node, entries);
  predicate.applyAnchorDataList(result.anchorDataList, toObject);
  if (type === IterationType.KEY) return result.keys.map(toObject);
  if (type === IterationType.VALUE) return result.values.map(toObject);
  return result.pairs.map(([k, v]) => [toObject(k), toObject(v)]);
}

describe('paging', () => {
  it('pages the values of the seeds example (age >= 18, 5 per page) in natural order', () => {
    const p = Predicates.paging(Predicates.greaterEqual('this', 18), 5);
    expect(query(p, IterationType.VALUE)).toEqual([18, 19, 20, 21, 22]);
    expect(p.getAnchorList()).toEqual([[0, ['s12', 22]]]);
    p.nextPage();
    expect(query(p, IterationType.VALUE)).toEqual([23, 24, 25, 26, 27]);
    p.nextPage();
    expect(query(p, IterationType.VALUE)).toEqual([28, 29, 30, 31, 32]);
    p.nextPage();
    expect(query(p, IterationType.VALUE)).toEqual([]);
    expect(p.getAnchorList().map(([page]) => page)).toEqual([0, 1, 2]);
    p.previousPage();
    expect(query(p, IterationType.VALUE)).toEqual([28, 29, 30, 31, 32]);
    p.setPage(0);
    expect(query(p, IterationType.VALUE)).toEqual([18, 19, 20, 21, 22]);
  });

  it('jumps to a page directly, filling the anchors of the pages before it', () => {
    const p = Predicates.paging(null, 4).setPage(3);
    expect(query(p, IterationType.KEY)).toEqual(['s12', 's13', 's14', 's15']);
    expect(p.getAnchorList()).toEqual([
      [0, ['s03', 13]],
      [1, ['s07', 17]],
      [2, ['s11', 21]],
      [3, ['s15', 25]],
    ]);
    // From the anchors: page 5 starts after the anchor of page 3.
    p.setPage(5);
    expect(query(p, IterationType.KEY)).toEqual(['s20', 's21', 's22']);
    expect(p.getAnchorList().map(([page]) => page)).toEqual([0, 1, 2, 3, 4]);
    p.setPage(9);
    expect(query(p, IterationType.KEY)).toEqual([]);
  });

  it('returns entries, sorted by key for ENTRY', () => {
    const p = Predicates.paging(Predicates.lessThan('this', 13), 2);
    expect(query(p, IterationType.ENTRY)).toEqual([
      ['s00', 10],
      ['s01', 11],
    ]);
    p.nextPage();
    expect(query(p, IterationType.ENTRY)).toEqual([['s02', 12]]);
  });

  it('sorts with a comparator registered for the ids the client sends', () => {
    class ByValueDescending implements IdentifiedDataSerializable {
      readonly factoryId = 66;
      readonly classId = 1;
      constructor(readonly descending = true) {}
      writeData(output: ObjectDataOutput): void {
        output.writeBoolean(this.descending);
      }
      readData(): void {}
    }
    const comparators = new ComparatorRegistry().register(66, 1, (input) => {
      const sign = input.readBoolean() ? -1 : 1;
      return (a, b) => sign * ((ss.toObject<number>(a.valueData) ?? 0) - (ss.toObject<number>(b.valueData) ?? 0));
    });
    const custom = new QueryEngine({ comparators });
    const entries = entriesOf(custom, [
      ['a', new Integer(1)],
      ['b', new Integer(3)],
      ['c', new Integer(2)],
    ]);
    const p = Predicates.paging(null, 2, new ByValueDescending());
    expect(query(p, IterationType.KEY, entries, custom)).toEqual(['b', 'c']);
    p.nextPage();
    expect(query(p, IterationType.KEY, entries, custom)).toEqual(['a']);
    const ascending = Predicates.paging(null, 2, new ByValueDescending(false));
    expect(query(ascending, IterationType.KEY, entries, custom)).toEqual(['a', 'c']);
    // No comparator registered for the ids: the member cannot sort.
    expect(() => query(Predicates.paging(null, 2, new ByValueDescending()), IterationType.KEY, entries)).toThrow(/No comparator registered/);
  });

  it('breaks ties by the hash of the keys and fails on values without a natural order', () => {
    const ties = entriesOf(engine, [
      ['b', new Integer(1)],
      ['a', new Integer(1)],
    ]);
    // Java's String.hashCode: "a" 97 < "b" 98.
    expect(query(Predicates.paging(null, 5), IterationType.VALUE, ties).length).toBe(2);
    const p = Predicates.paging(null, 1);
    expect(query(p, IterationType.KEY, ties)).toEqual(['a']);
    const documents = entriesOf(engine, [
      ['x', json({ a: 1 })],
      ['y', json({ a: 2 })],
    ]);
    expect(() => query(Predicates.paging(null, 1), IterationType.VALUE, documents)).toThrow(expect.objectContaining({ className: 'java.lang.IllegalArgumentException' }));
    expect(query(Predicates.paging(null, 1), IterationType.KEY, documents)).toEqual(['x']);
  });

  it('carries partition keys of a partition predicate around the paging one', () => {
    const holder = pagingHolderParts(Predicates.partition('s01', Predicates.paging(null, 3)), (v) => ss.toData(v));
    const node = engine.decodePagingPredicate(holder);
    expect(node.partitionKeysData?.map(toObject)).toEqual(['s01']);
    expect(engine.decodePagingPredicate({ ...holder, partitionKeysData: undefined }).partitionKeysData?.map(toObject)).toEqual(['s01']);
  });

  it('uses the predicate of the holder to filter', () => {
    const node = engine.decodePagingPredicate({
      anchorDataListHolder: { anchorPageList: [], anchorDataList: [] },
      predicateData: toData(Predicates.sql('this BETWEEN 20 AND 21')),
      comparatorData: null,
      pageSize: 10,
      page: 0,
      iterationTypeId: IterationType.VALUE,
      partitionKeyData: null,
    });
    expect(engine.page(node, students).values.map(toObject)).toEqual([20, 21]);
    expect(() => engine.decodePagingPredicate({ ...node, anchorDataListHolder: { anchorPageList: [0], anchorDataList: [] }, predicateData: null, comparatorData: null, iterationTypeId: 2, partitionKeyData: null })).toThrow(
      /different lengths/,
    );
  });

  it('goes over the wire: the holder parts encode with the generated codec as they are', () => {
    const p = Predicates.paging(Predicates.greaterEqual('this', 18), 4);
    const exchange = (): unknown[] => {
      p.setIterationType(IterationType.VALUE);
      const request = clientCodec.encodeMapValuesWithPagingPredicateRequest('students', pagingHolderParts(p, (v) => ss.toData(v)));
      const { predicate } = memberCodec.decodeMapValuesWithPagingPredicateRequest(request);
      const page = engine.page(engine.decodePagingPredicate(predicate), students);
      const response = clientCodec.decodeMapValuesWithPagingPredicateResponse(memberCodec.encodeMapValuesWithPagingPredicateResponse(page.values, page.anchorDataList));
      p.applyAnchorDataList(response.anchorDataList, toObject);
      return response.response.map(toObject);
    };
    expect(exchange()).toEqual([18, 19, 20, 21]);
    p.nextPage();
    expect(exchange()).toEqual([22, 23, 24, 25]);
    expect(p.getAnchor()).toEqual([0, ['s11', 21]]);
  });
});
