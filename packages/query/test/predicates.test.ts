// Byte layouts not in the golden vectors (not, partition predicates, the aggregators and
// projections the Java generator did not run), validation, and the result classes.
import { BigDecimal, DefaultSerializationService, Integer, type IdentifiedDataSerializable, type ObjectDataInput } from '@hz/core';
import {
  AggregatorClassId,
  Aggregators,
  CanonicalizingHashSet,
  MapEntry,
  PredicateClassId,
  Predicates,
  Projections,
  queryDataSerializableFactories,
} from '@hz/query';

const ss = new DefaultSerializationService();

/** The payload of an IDS object after its header, checked against factory and class ids. */
function body(value: IdentifiedDataSerializable): ObjectDataInput {
  const data = ss.toData(value)!;
  const input = ss.createObjectDataInput(data.toBuffer(), 8);
  expect([data.getType(), input.readBoolean(), input.readInt(), input.readInt()]).toEqual([-2, true, value.factoryId, value.classId]);
  return input;
}

describe('predicates not in the golden vectors', () => {
  it('not: the negated predicate as a nested object', () => {
    const input = body(Predicates.not(Predicates.equal('a', 1)));
    const inner = input.readInt();
    expect(inner).toBe(-2);
    expect([input.readBoolean(), input.readInt(), input.readInt(), input.readString(), input.readObject()]).toEqual([true, -20, 3, 'a', 1]);
    expect(input.available()).toBe(0);
  });

  it('lessThan and lessEqual: the equal and less flags', () => {
    for (const [p, equal, less] of [
      [Predicates.lessThan('a', 1), false, true],
      [Predicates.lessEqual('a', 1), true, true],
      [Predicates.greaterEqual('a', 1), true, false],
      [Predicates.greaterThan('a', 1), false, false],
    ] as const) {
      const input = body(p);
      expect([input.readString(), input.readObject(), input.readBoolean(), input.readBoolean()]).toEqual(['a', 1, equal, less]);
    }
  });

  it('partition: the key then the target (class 16)', () => {
    const input = body(Predicates.partition('key', Predicates.alwaysTrue()));
    expect(input.readObject()).toBe('key');
    expect([input.readInt(), input.readBoolean(), input.readInt(), input.readInt()]).toEqual([-2, true, -20, PredicateClassId.TRUE]);
    expect(input.available()).toBe(0);
  });

  it('multiPartition: the keys as a java.util.HashSet (type id -37), then the target (class 21)', () => {
    const p = Predicates.multiPartition([new Integer(1), new Integer(2)], Predicates.alwaysFalse());
    const input = body(p);
    expect([input.readInt(), input.readInt(), input.readObject(), input.readObject()]).toEqual([-37, 2, 1, 2]);
    expect([input.readInt(), input.readBoolean(), input.readInt(), input.readInt()]).toEqual([-2, true, -20, PredicateClassId.FALSE]);
    expect(p.getPartitionKey()).toEqual(new Integer(1));
    expect(() => Predicates.multiPartition([], Predicates.alwaysTrue())).toThrow(TypeError);
    expect(() => Predicates.partition(null, Predicates.alwaysTrue())).toThrow(TypeError);
  });

  it('have the Java names as aliases', () => {
    expect(Predicates.in('a', 1)).toEqual(Predicates.inPredicate('a', 1));
    expect(Predicates.partitionPredicate('k', Predicates.alwaysTrue())).toEqual(Predicates.partition('k', Predicates.alwaysTrue()));
    expect(Predicates.alwaysTrue()).toBe(Predicates.alwaysTrue());
  });

  it('reject what the member would reject', () => {
    expect(() => Predicates.greaterThan('a', null)).toThrow(TypeError);
    expect(() => Predicates.between('a', 1, undefined)).toThrow(TypeError);
    expect(() => Predicates.equal(5 as unknown as string, 1)).toThrow(TypeError);
    expect(() => Predicates.and(Predicates.alwaysTrue(), 'x' as never)).toThrow(TypeError);
    expect(() => Predicates.instanceOf('')).toThrow(TypeError);
    expect(() => Predicates.sql(undefined as unknown as string)).toThrow(TypeError);
  });

  it('write a null value of equal as the null type', () => {
    const input = body(Predicates.equal('a', null));
    expect([input.readString(), input.readInt()]).toEqual(['a', 0]);
  });
});

describe('aggregators and projections not in the golden vectors', () => {
  it('bigDecimalAvg, bigIntegerAvg, bigIntegerSum: the zero sum as an object, then the count', () => {
    let input = body(Aggregators.bigDecimalAvg('x'));
    expect([input.readString(), input.readObject(), input.readLong().toNumber()]).toEqual(['x', new BigDecimal(0n, 0), 0]);
    input = body(Aggregators.bigIntegerAvg('x'));
    expect([input.readString(), input.readObject(), input.readLong().toNumber()]).toEqual(['x', 0n, 0]);
    input = body(Aggregators.bigIntegerSum());
    expect([input.readString(), input.readObject()]).toEqual([null, 0n]);
    expect(input.available()).toBe(0);
  });

  it('minBy: the path, then two nulls; without a path an aggregator writes a null string', () => {
    const input = body(Aggregators.minBy('age'));
    expect([input.readString(), input.readInt(), input.readInt()]).toEqual(['age', 0, 0]);
    expect(body(Aggregators.count()).readString()).toBeNull();
  });

  it('have the ids of the Java hook', () => {
    expect(Aggregators.maxBy('a').classId).toBe(AggregatorClassId.MAX_BY);
    expect(Aggregators.longMax('a').classId).toBe(AggregatorClassId.MAX);
    expect(Aggregators.bigIntegerMin('a').classId).toBe(AggregatorClassId.MIN);
    expect(Aggregators.distinct('a').classId).toBe(5);
  });

  it('projections check their paths as Java does', () => {
    expect(() => Projections.singleAttribute('')).toThrow(TypeError);
    expect(() => Projections.singleAttribute('a[any].b')).toThrow(/\[any\]/);
    expect(() => Projections.multiAttribute()).toThrow(TypeError);
    expect(() => Projections.multiAttribute('a', 'b[any]')).toThrow(TypeError);
    const input = body(Projections.multiAttribute('a', 'b'));
    expect(input.readStringArray()).toEqual(['a', 'b']);
  });
});

describe('result classes', () => {
  it('read the distinct set and the map entry a member sends', () => {
    const set = new CanonicalizingHashSet<unknown>([1, 'two', null]);
    const factories = queryDataSerializableFactories();
    const copy = factories[-29](19) as CanonicalizingHashSet;
    copy.readData(body(set));
    expect([...copy]).toEqual([1, 'two', null]);
    expect(copy).toBeInstanceOf(Set);
    expect(factories[-29](5)).toBeNull();

    const entry = factories[-4](120) as MapEntry;
    entry.readData(body(new MapEntry('k', 42)));
    const [key, value] = entry;
    expect([key, value]).toEqual(['k', 42]);
    expect(entry.toArray()).toEqual(['k', 42]);
    expect(factories[-4](1)).toBeNull();
  });
});
