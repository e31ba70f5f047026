/*
 * The member reads what clients send: every predicate, aggregator and projection entry of
 * shared/serialization (66, both byte orders) is decoded by factory and class id into the
 * engine's tree, which is checked against the entry's value node field by field. Objects the
 * Java generator did not run (not, partition predicates, paging, the other aggregators) are
 * written by @hz/query and read back.
 */
import { BigDecimal, DefaultSerializationService, Integer, type Data } from '@hz/core';
import { Aggregators, Predicates, Projections } from '@hz/query';
import { decodeAggregator, decodePredicate, decodeProjection, jv, parseSql, type JValue } from '../../src/query';
import { entryBytes, memberSideEntries, type FieldNode, type GoldenEntry, type ObjectNode } from '../../../query/test/support/golden-vectors';

const entries = memberSideEntries();
const decoded: string[] = [];

const PREDICATE_KINDS: Record<string, string> = {
  SqlPredicate: 'sql',
  AndPredicate: 'and',
  OrPredicate: 'or',
  BetweenPredicate: 'between',
  EqualPredicate: 'equal',
  NotEqualPredicate: 'notEqual',
  GreaterLessPredicate: 'greaterLess',
  LikePredicate: 'like',
  ILikePredicate: 'ilike',
  InPredicate: 'in',
  InstanceOfPredicate: 'instanceOf',
  RegexPredicate: 'regex',
  TruePredicate: 'true',
  FalsePredicate: 'false',
};

const AGGREGATOR_KINDS: Record<string, string> = {
  BigDecimalSumAggregator: 'bigDecimalSum',
  CountAggregator: 'count',
  DistinctValuesAggregator: 'distinct',
  DoubleAverageAggregator: 'doubleAvg',
  DoubleSumAggregator: 'doubleSum',
  FixedSumAggregator: 'fixedSum',
  FloatingPointSumAggregator: 'floatingPointSum',
  IntegerAverageAggregator: 'integerAvg',
  IntegerSumAggregator: 'integerSum',
  LongAverageAggregator: 'longAvg',
  LongSumAggregator: 'longSum',
  MaxAggregator: 'max',
  MinAggregator: 'min',
  NumberAverageAggregator: 'numberAvg',
  MaxByAggregator: 'maxBy',
  MinByAggregator: 'minBy',
};

/** The typed value of an object node (the kinds the member-side entries use). */
function valueOf(node: ObjectNode): JValue | null {
  switch (node.type) {
    case 'null':
      return null;
    case 'Integer':
      return jv('int', node.value as number);
    case 'String':
      return jv('string', node.value as string);
    default:
      throw new Error(`No typed form for ${node.type} in this test`);
  }
}

function field(node: ObjectNode, name: string): FieldNode {
  const found = node.fields?.find((f) => f.name === name);
  if (found === undefined) throw new Error(`${node.class} has no field ${name}`);
  return found;
}

const objectField = (node: ObjectNode, name: string): ObjectNode => field(node, name).value as ObjectNode;
const stringField = (node: ObjectNode, name: string): string => field(node, name).value as string;

/** The tree the member should decode from an entry's value node. */
function expectedPredicate(node: ObjectNode): unknown {
  const kind = PREDICATE_KINDS[node.class ?? ''];
  switch (kind) {
    case 'true':
    case 'false':
      return { kind };
    case 'sql': {
      const sql = stringField(node, 'sql');
      return { kind, sql, predicate: parseSql(sql) };
    }
    case 'and':
    case 'or':
      return { kind, predicates: (node.fields ?? []).filter((f) => f.name.startsWith('predicates[')).map((f) => expectedPredicate(f.value as ObjectNode)) };
    case 'between':
      return { kind, attribute: stringField(node, 'attributeName'), from: valueOf(objectField(node, 'from')), to: valueOf(objectField(node, 'to')) };
    case 'equal':
    case 'notEqual':
      return { kind, attribute: stringField(node, 'attributeName'), value: valueOf(objectField(node, 'value')) };
    case 'greaterLess':
      return {
        kind,
        attribute: stringField(node, 'attributeName'),
        value: valueOf(objectField(node, 'value')),
        equal: field(node, 'equal').value,
        less: field(node, 'less').value,
      };
    case 'like':
    case 'ilike':
      return { kind, attribute: stringField(node, 'attributeName'), expression: stringField(node, 'expression') };
    case 'regex':
      return { kind, attribute: stringField(node, 'attributeName'), regex: stringField(node, 'regex') };
    case 'in':
      return {
        kind,
        attribute: stringField(node, 'attributeName'),
        values: (node.fields ?? []).filter((f) => f.name.startsWith('values[')).map((f) => valueOf(f.value as ObjectNode)),
      };
    case 'instanceOf':
      return { kind, className: stringField(node, 'klass') };
    default:
      throw new Error(`Unexpected predicate ${node.class}`);
  }
}

function expectedOf(entry: GoldenEntry): unknown {
  const node = entry.value;
  if (node.factoryId === -20) return expectedPredicate(node);
  if (node.factoryId === -29) return { kind: AGGREGATOR_KINDS[node.class ?? ''], attributePath: stringField(node, 'attributePath') };
  switch (node.class) {
    case 'SingleAttributeProjection':
      return { kind: 'singleAttribute', attributePath: stringField(node, 'attributePath') };
    case 'MultiAttributeProjection':
      return { kind: 'multiAttribute', attributePaths: field(node, 'attributePaths').value };
    default:
      return { kind: 'identity' };
  }
}

function decode(entry: GoldenEntry): unknown {
  const service = new DefaultSerializationService({ isBigEndian: entry.byteOrder === 'BIG_ENDIAN' });
  const bytes = entryBytes(entry);
  switch (entry.value.factoryId) {
    case -20:
      return decodePredicate(bytes, service);
    case -29:
      return decodeAggregator(bytes, service);
    default:
      return decodeProjection(bytes, service);
  }
}

describe('reading the golden predicate, aggregator and projection entries', () => {
  it.each(entries.map((e) => [e.name, e] as const))('%s', (_, entry) => {
    expect(decode(entry)).toEqual(expectedOf(entry));
    decoded.push(entry.name);
  });

  it('decodes the SQL of the SqlPredicate entry into its meaning', () => {
    const sql = decode(entries.find((e) => e.object === 'SqlPredicate')!) as { predicate: unknown };
    expect(sql.predicate).toEqual({
      kind: 'and',
      predicates: [
        { kind: 'greaterLess', attribute: 'this', value: jv('string', '5'), equal: false, less: false },
        { kind: 'greaterLess', attribute: 'this', value: jv('string', '100'), equal: false, less: true },
      ],
    });
  });
});

describe('reading what @hz/query writes beyond the golden entries', () => {
  const service = new DefaultSerializationService();
  const data = (value: unknown): Data => service.toData(value)!;

  it('not, lessEqual, partition and multi-partition predicates', () => {
    expect(decodePredicate(data(Predicates.not(Predicates.lessEqual('age', new Integer(30)))), service)).toEqual({
      kind: 'not',
      predicate: { kind: 'greaterLess', attribute: 'age', value: jv('int', 30), equal: true, less: true },
    });
    const single = decodePredicate(data(Predicates.partition('k1', Predicates.alwaysTrue())), service);
    expect(single).toMatchObject({ kind: 'partition', partitionKeys: [jv('string', 'k1')], target: { kind: 'true' } });
    expect(single.kind === 'partition' && single.partitionKeysData[0]?.equals(service.toData('k1'))).toBe(true);
    const multi = decodePredicate(data(Predicates.multiPartition(['a', 'b'], Predicates.equal('x', null))), service);
    expect(multi).toMatchObject({ kind: 'partition', partitionKeys: [jv('string', 'a'), jv('string', 'b')], target: { kind: 'equal', attribute: 'x', value: null } });
    expect(multi.kind === 'partition' && multi.partitionKeysData.map((d) => d?.hashCode())).toEqual([service.toData('a')!.hashCode(), service.toData('b')!.hashCode()]);
  });

  it('a paging predicate written as IDS', () => {
    const paging = Predicates.paging(Predicates.greaterThan('age', 3), 5).setPage(1);
    paging.setAnchorList([[0, ['k', 4]]]);
    expect(decodePredicate(data(paging), service)).toMatchObject({
      kind: 'paging',
      predicate: { kind: 'greaterLess', attribute: 'age', value: jv('double', 3) },
      comparatorData: null,
      pageSize: 5,
      page: 1,
      iterationType: 2,
      anchors: [{ page: 0 }],
    });
  });

  it('values of every built-in type keep their Java type', () => {
    const equal = (value: unknown): unknown => (decodePredicate(data(Predicates.equal('a', value)), service) as { value: unknown }).value;
    expect(equal(5)).toEqual(jv('double', 5));
    expect(equal(new Integer(5))).toEqual(jv('int', 5));
    expect(equal(5n)).toEqual(jv('bigInteger', 5n));
    expect(equal(new BigDecimal(15n, 1))).toEqual(jv('bigDecimal', new BigDecimal(15n, 1)));
    expect(equal(true)).toEqual(jv('boolean', true));
    expect(equal('x')).toEqual(jv('string', 'x'));
  });

  it('every aggregator and projection', () => {
    const kinds = [
      [Aggregators.bigDecimalAvg('a'), 'bigDecimalAvg'],
      [Aggregators.bigIntegerAvg('a'), 'bigIntegerAvg'],
      [Aggregators.bigIntegerSum('a'), 'bigIntegerSum'],
      [Aggregators.minBy('a'), 'minBy'],
      [Aggregators.count(), 'count'],
    ] as const;
    for (const [aggregator, kind] of kinds) {
      expect(decodeAggregator(data(aggregator), service)).toEqual({ kind, attributePath: kind === 'count' ? null : 'a' });
    }
    expect(decodeProjection(data(Projections.multiAttribute('a', 'b')), service)).toEqual({ kind: 'multiAttribute', attributePaths: ['a', 'b'] });
  });

  it('rejects what is not a query object, or trailing bytes', () => {
    expect(() => decodePredicate(data('a string'), service)).toThrow(/IdentifiedDataSerializable/);
    expect(() => decodeAggregator(data(Predicates.alwaysTrue()), service)).toThrow(/No aggregator reader/);
    const bytes = Buffer.concat([data(Predicates.alwaysTrue()).toBuffer(), Buffer.from([0])]);
    expect(() => decodePredicate(bytes, service)).toThrow(/bytes left/);
  });
});

afterAll(() => {
  console.log(`Golden predicate/aggregator/projection entries decoded by the member: ${decoded.length}/${entries.length}`);
});
