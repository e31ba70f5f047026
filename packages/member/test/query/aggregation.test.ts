// Every aggregator over stored entries, results serialized as the member sends them and read
// back as a client reads them.
import { BigDecimal, Float, Integer, Short, type Aggregator } from '@hz/core';
import Long from 'long';
import { Aggregators, CanonicalizingHashSet, MapEntry, Predicates } from '@hz/query';
import { QueryEngine } from '../../src/query';
import { clientService, entriesOf, json, toData } from './support';

const engine = new QueryEngine();
const client = clientService();

const employees = entriesOf(engine, [
  ['ann', json({ name: 'Ann', dept: 'eng', age: 29, salary: 1000.5, skills: [{ level: 3 }, { level: 5 }] })],
  ['bob', json({ name: 'Bob', dept: 'eng', age: 41, salary: 2000, skills: [] })],
  ['cid', json({ name: 'Cid', dept: 'ops', age: 35, salary: 1500, skills: [{ level: 1 }] })],
  ['dan', json({ name: 'Dan', dept: 'ops', salary: 500 })],
]);
const withAge = employees.slice(0, 3);

function run(aggregator: Aggregator<unknown>, entries = employees, predicate?: unknown): unknown {
  const node = engine.decodeAggregator(toData(aggregator));
  const data = engine.aggregate(node, entries, predicate === undefined ? undefined : engine.decodePredicate(toData(predicate)));
  return client.toObject(data);
}

const long = (value: unknown): string => (Long.isLong(value) ? value.toString() : `not a Long: ${String(value)}`);

describe('aggregators', () => {
  it('count: every value, null ones included; with a predicate only the entries it accepts', () => {
    expect(long(run(Aggregators.count()))).toBe('4');
    expect(long(run(Aggregators.count('age')))).toBe('4');
    expect(long(run(Aggregators.count(), employees, Predicates.equal('dept', 'ops')))).toBe('2');
    expect(long(run(Aggregators.count('skills[any].level')))).toBe('3');
  });

  it('distinct: a set of values, 1, 1L and 1.0 as one', () => {
    const depts = run(Aggregators.distinct('dept')) as CanonicalizingHashSet<string>;
    expect(depts).toBeInstanceOf(CanonicalizingHashSet);
    expect([...depts].sort()).toEqual(['eng', 'ops']);
    const numbers = entriesOf(engine, [
      [1, new Integer(1)],
      [2, Long.fromNumber(1)],
      [3, 1.0],
      [4, 2.5],
      [5, new Float(2.5)],
    ]);
    expect((run(Aggregators.distinct(), numbers) as Set<unknown>).size).toBe(2);
    expect([...(run(Aggregators.distinct('age')) as Set<unknown>)].map(String).sort()).toEqual(['29', '35', '41', 'null']);
  });

  it('integer, long, double, number, fixed- and floating-point sums and averages', () => {
    expect(long(run(Aggregators.integerSum('age'), withAge))).toBe('105');
    expect(run(Aggregators.integerAvg('age'), withAge)).toBe(35);
    expect(long(run(Aggregators.longSum('age'), withAge))).toBe('105');
    expect(run(Aggregators.longAvg('age'), withAge)).toBe(35);
    expect(run(Aggregators.doubleSum('salary'))).toBe(5000.5);
    expect(run(Aggregators.doubleAvg('salary'))).toBe(1250.125);
    expect(run(Aggregators.numberAvg('salary'))).toBe(1250.125);
    expect(long(run(Aggregators.fixedPointSum('salary')))).toBe('5000');
    expect(run(Aggregators.floatingPointSum('salary'))).toBe(5000.5);
    expect(long(run(Aggregators.integerSum('skills[any].level')))).toBe('9');
  });

  it('accept numbers of other types only when they convert exactly', () => {
    const mixed = entriesOf(engine, [
      [1, new Short(2)],
      [2, 3.0],
      [3, Long.fromNumber(4)],
    ]);
    expect(long(run(Aggregators.integerSum(), mixed))).toBe('9');
    expect(run(Aggregators.doubleSum(), mixed)).toBe(9);
    expect(() => run(Aggregators.integerSum('salary'))).toThrow(/Can't represent 1000.5 as int exactly/);
    expect(() => run(Aggregators.longSum(), entriesOf(engine, [[1, 0.5]]))).toThrow(/as long exactly/);
    expect(() => run(Aggregators.doubleSum(), entriesOf(engine, [[1, Long.MAX_VALUE.subtract(1)]]))).toThrow(/as double exactly/);
  });

  it('fail on null values (NullPointerException) and on non-numbers (ClassCastException), as the member does', () => {
    expect(() => run(Aggregators.integerSum('age'))).toThrow(expect.objectContaining({ className: 'java.lang.NullPointerException' }));
    expect(() => run(Aggregators.doubleSum('name'))).toThrow(expect.objectContaining({ className: 'java.lang.ClassCastException' }));
    expect(() => run(Aggregators.longSum(), entriesOf(engine, [[1, [1, 2]]]))).toThrow(expect.objectContaining({ className: 'java.lang.ClassCastException' }));
    // A JSON array or object is skipped, as the member skips non-terminal JSON values.
    expect(long(run(Aggregators.longSum('skills'), withAge))).toBe('0');
  });

  it('averages of nothing are null; sums of nothing are zero; long sums wrap around', () => {
    expect(run(Aggregators.doubleAvg('age'), [])).toBeNull();
    expect(run(Aggregators.integerAvg('age'), [])).toBeNull();
    expect(run(Aggregators.doubleSum('age'), [])).toBe(0);
    expect(long(run(Aggregators.longSum(), entriesOf(engine, [[1, Long.MAX_VALUE], [2, Long.fromNumber(1)]])))).toBe(Long.MIN_VALUE.toString());
  });

  it('BigDecimal and BigInteger sums and averages, exact', () => {
    const decimals = entriesOf(engine, [
      [1, new BigDecimal(150n, 2)],
      [2, new BigDecimal(25n, 1)],
    ]);
    expect(run(Aggregators.bigDecimalSum(), decimals)).toEqual(new BigDecimal(400n, 2));
    expect(run(Aggregators.bigDecimalAvg(), decimals)).toEqual(new BigDecimal(200n, 2));
    expect(run(Aggregators.bigDecimalAvg(), entriesOf(engine, [[1, new BigDecimal(1n, 0)], [2, new BigDecimal(0n, 0)]]))).toEqual(new BigDecimal(5n, 1));
    expect(() => run(Aggregators.bigDecimalAvg(), entriesOf(engine, [[1, new BigDecimal(1n, 0)], [2, new BigDecimal(0n, 0)], [3, new BigDecimal(0n, 0)]]))).toThrow(
      expect.objectContaining({ className: 'java.lang.ArithmeticException' }),
    );
    const integers = entriesOf(engine, [
      [1, 10n ** 30n],
      [2, 3n],
    ]);
    expect(run(Aggregators.bigIntegerSum(), integers)).toBe(10n ** 30n + 3n);
    // (10^30 + 3) / 2, exactly.
    expect(run(Aggregators.bigIntegerAvg(), integers)).toEqual(new BigDecimal((10n ** 30n + 3n) * 5n, 1));
    expect(run(Aggregators.bigDecimalSum(), [])).toEqual(new BigDecimal(0n, 0));
    expect(() => run(Aggregators.bigDecimalSum(), entriesOf(engine, [[1, 5]]))).toThrow(expect.objectContaining({ className: 'java.lang.ClassCastException' }));
  });

  it('max and min of any comparable values, nulls ignored', () => {
    expect(long(run(Aggregators.max('age')))).toBe('41');
    expect(long(run(Aggregators.min('age')))).toBe('29');
    expect(run(Aggregators.max('name'))).toBe('Dan');
    expect(run(Aggregators.min('skills[any].level'))).toEqual(Long.fromNumber(1));
    expect(run(Aggregators.max('nothing'))).toBeNull();
    // Keeps the Java type of the value.
    expect(run(Aggregators.max(), entriesOf(engine, [[1, new Integer(7)], [2, 6.5]]))).toBe(7);
    expect(() => run(Aggregators.max('dept'), entriesOf(engine, [[1, json({ dept: 'x' })], [2, json({ dept: 5 })]]))).toThrow(
      expect.objectContaining({ className: 'java.lang.ClassCastException' }),
    );
  });

  it('maxBy and minBy: the entry with the greatest or smallest value', () => {
    const oldest = run(Aggregators.maxBy('age')) as MapEntry<string, unknown>;
    expect(oldest).toBeInstanceOf(MapEntry);
    expect(oldest.key).toBe('bob');
    expect(oldest.value).toMatchObject({ name: 'Bob' });
    const poorest = run(Aggregators.minBy('salary')) as MapEntry<string, unknown>;
    expect(poorest.key).toBe('dan');
    expect(run(Aggregators.maxBy('age'), [])).toBeNull();
  });
});
