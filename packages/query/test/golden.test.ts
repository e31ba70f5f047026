/*
 * Every predicate, aggregator and projection entry of shared/serialization (66: 33 objects, in
 * both byte orders) is built from its `javaExpression` with this package's functions,
 * serialized by the core's service in the entry's byte order and compared with the Java
 * member's bytes exactly. The official Node.js client's objects, where it has them, are
 * serialized the same way as an independent reference.
 */
import { DefaultSerializationService, Integer, type IdentifiedDataSerializable } from '@hz/core';
import * as official from 'hazelcast-client';
import { buildFromJavaExpression, entryBytes, loadGolden, memberSideEntries, type GoldenEntry } from './support/golden-vectors';

const entries = memberSideEntries();
const covered: string[] = [];
const officialChecked: string[] = [];

function serialize(entry: GoldenEntry, value: unknown): Buffer {
  const service = new DefaultSerializationService({ isBigEndian: entry.byteOrder === 'BIG_ENDIAN' });
  const data = service.toData(value);
  if (data === null) throw new Error(`${entry.name}: serialized to null`);
  return data.toBuffer();
}

function expectSameBytes(actual: Buffer, expected: Buffer, name: string): void {
  if (actual.equals(expected)) return;
  let at = 0;
  while (at < Math.min(actual.length, expected.length) && actual[at] === expected[at]) at++;
  throw new Error(
    `${name}: bytes differ at offset ${at} (lengths ${actual.length} / ${expected.length}): ` +
      `got ${actual.subarray(at, at + 16).toString('hex')}, expected ${expected.subarray(at, at + 16).toString('hex')}`,
  );
}

const SQL = 'this > 5 AND this < 100';
// The Java int; the official client would write a plain number as a Double.
const INT = (): unknown => new Integer(56789);

// The official client's equivalents (it lacks bigDecimalSum, maxBy, minBy and projections; its
// distinct() drops the attribute path).
const OFFICIAL: Record<string, () => unknown> = {
  'Predicates.alwaysTrue()': () => official.Predicates.alwaysTrue(),
  'Predicates.alwaysFalse()': () => official.Predicates.alwaysFalse(),
  'Predicates.sql(anSqlString)': () => official.Predicates.sql(SQL),
  'Predicates.equal(anSqlString, anInt)': () => official.Predicates.equal(SQL, INT()),
  'Predicates.notEqual(anSqlString, anInt)': () => official.Predicates.notEqual(SQL, INT()),
  'Predicates.greaterThan(anSqlString, anInt)': () => official.Predicates.greaterThan(SQL, INT()),
  'Predicates.between(anSqlString, anInt, anInt)': () => official.Predicates.between(SQL, INT(), INT()),
  'Predicates.like(anSqlString, anSqlString)': () => official.Predicates.like(SQL, SQL),
  'Predicates.ilike(anSqlString, anSqlString)': () => official.Predicates.ilike(SQL, SQL),
  'Predicates.in(anSqlString, anInt, anInt)': () => official.Predicates.inPredicate(SQL, INT(), INT()),
  'Predicates.regex(anSqlString, anSqlString)': () => official.Predicates.regex(SQL, SQL),
  'Aggregators.integerMax(anSqlString)': () => official.Aggregators.max(SQL),
  'Aggregators.comparableMin(anSqlString)': () => official.Aggregators.min(SQL),
  'Aggregators.count(anSqlString)': () => official.Aggregators.count(SQL),
  'Aggregators.numberAvg(anSqlString)': () => official.Aggregators.numberAvg(SQL),
  'Aggregators.integerAvg(anSqlString)': () => official.Aggregators.integerAvg(SQL),
  'Aggregators.longAvg(anSqlString)': () => official.Aggregators.longAvg(SQL),
  'Aggregators.doubleAvg(anSqlString)': () => official.Aggregators.doubleAvg(SQL),
  'Aggregators.integerSum(anSqlString)': () => official.Aggregators.integerSum(SQL),
  'Aggregators.longSum(anSqlString)': () => official.Aggregators.longSum(SQL),
  'Aggregators.doubleSum(anSqlString)': () => official.Aggregators.doubleSum(SQL),
  'Aggregators.fixedPointSum(anSqlString)': () => official.Aggregators.fixedPointSum(SQL),
  'Aggregators.floatingPointSum(anSqlString)': () => official.Aggregators.floatingPointSum(SQL),
};

describe('golden vectors: predicates, aggregators and projections', () => {
  it('are the 66 member-side entries of the index, with the factories it lists', () => {
    expect(entries).toHaveLength(66);
    const factories = loadGolden().index.registrations.memberSideFactories;
    const listed = new Set(factories.flatMap((f) => f.classes.map((c) => `${f.factoryId}/${c.classId}`)));
    expect(new Set(entries.map((e) => `${e.value.factoryId}/${e.value.classId}`))).toEqual(listed);
  });

  it.each(entries.map((e) => [e.name, e] as const))('%s: built from its javaExpression, written byte for byte', (_, entry) => {
    const built = buildFromJavaExpression(entry) as IdentifiedDataSerializable;
    expect(built.factoryId).toBe(entry.value.factoryId);
    expect(built.classId).toBe(entry.value.classId);
    expect(built.constructor.name).toBe(entry.value.class);
    expectSameBytes(serialize(entry, built), entryBytes(entry), entry.name);
    covered.push(entry.name);
  });

  it.each(entries.filter((e) => OFFICIAL[e.javaExpression ?? ''] !== undefined).map((e) => [e.name, e] as const))(
    '%s: the official client writes the same bytes',
    (_, entry) => {
      expectSameBytes(serialize(entry, OFFICIAL[entry.javaExpression ?? '']()), entryBytes(entry), `${entry.name} (official client)`);
      officialChecked.push(entry.name);
    },
  );
});

afterAll(() => {
  const missing = entries.filter((e) => !covered.includes(e.name)).map((e) => e.name);
  console.log(
    [
      `Golden predicate/aggregator/projection entries: covered ${covered.length}/${entries.length} (written byte for byte from javaExpression)`,
      `  official hazelcast-client objects agreeing on the same bytes: ${officialChecked.length}`,
      ...(missing.length > 0 ? [`  not covered: ${missing.join(', ')}`] : []),
    ].join('\n'),
  );
});
