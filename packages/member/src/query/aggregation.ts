// Running aggregators over entries with the member's semantics: values extracted by the
// attribute path (each value of an `[any]` path, the entry value without a path), JSON objects
// and arrays skipped; numeric aggregators accept the Java types they convert exactly and fail as
// the member does on null or other values; sums wrap around as Java longs; averages of nothing
// are null.
import { BigDecimal, Double, type DefaultSerializationService } from '@hz/core';
import Long from 'long';
import { Structured, type Terminal } from './accessor';
import { arithmetic, classCast, nullPointer } from './errors';
import { compareValues, hashKey } from './java-compare';
import { asDoubleExactly, asIntExactly, asLongExactly, doubleValue, longValue, requireNumber, type NumericValue } from './java-numbers';
import { toWritable, type JValue } from './java-values';
import type { QueryEntry } from './query-entry';
import type { AggregatorKind, AggregatorNode } from './query-tree';
import { DistinctResult, EntryResult } from './results';

interface Accumulator {
  accumulate(entry: QueryEntry, value: Terminal): void;
  result(): unknown;
}

const JAVA_NAMES: Record<AggregatorKind, string> = {
  bigDecimalAvg: 'BigDecimalAverageAggregator',
  bigDecimalSum: 'BigDecimalSumAggregator',
  bigIntegerAvg: 'BigIntegerAverageAggregator',
  bigIntegerSum: 'BigIntegerSumAggregator',
  count: 'CountAggregator',
  distinct: 'DistinctValuesAggregator',
  doubleAvg: 'DoubleAverageAggregator',
  doubleSum: 'DoubleSumAggregator',
  fixedSum: 'FixedSumAggregator',
  floatingPointSum: 'FloatingPointSumAggregator',
  integerAvg: 'IntegerAverageAggregator',
  integerSum: 'IntegerSumAggregator',
  longAvg: 'LongAverageAggregator',
  longSum: 'LongSumAggregator',
  max: 'MaxAggregator',
  min: 'MinAggregator',
  numberAvg: 'NumberAverageAggregator',
  maxBy: 'MaxByAggregator',
  minBy: 'MinByAggregator',
};

const wrap64 = (value: bigint): bigint => BigInt.asIntN(64, value);
const javaLong = (value: bigint): Long => Long.fromString(value.toString());

function numberOf(value: Terminal, aggregator: string): NumericValue {
  if (value instanceof Structured) throw classCast(`A ${value.kind === 'collection' ? 'collection' : 'JSON structure'} cannot be cast to java.lang.Number (${aggregator})`);
  return requireNumber(value, aggregator);
}

function typedOf(value: Terminal, kind: 'bigDecimal' | 'bigInteger', aggregator: string): JValue {
  if (value === null) throw nullPointer(`${aggregator}: cannot aggregate a null value`);
  if (value instanceof Structured || value.kind !== kind) {
    throw classCast(`${value instanceof Structured ? 'a structure' : value.kind} cannot be cast to java.math.${kind === 'bigDecimal' ? 'BigDecimal' : 'BigInteger'} (${aggregator})`);
  }
  return value;
}

function addDecimals(a: BigDecimal, b: BigDecimal): BigDecimal {
  const scale = Math.max(a.scale, b.scale);
  return new BigDecimal(a.unscaledValue * 10n ** BigInt(scale - a.scale) + b.unscaledValue * 10n ** BigInt(scale - b.scale), scale);
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Java's `BigDecimal.divide(BigDecimal.valueOf(count))`: exact, or ArithmeticException. */
function divideExactly(sum: BigDecimal, count: bigint): BigDecimal {
  let rest = count / gcd(sum.unscaledValue, count);
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  if (rest !== 1n) throw arithmetic('Non-terminating decimal expansion; no exact representable decimal result.');
  const extra = Math.max(twos, fives);
  return new BigDecimal((sum.unscaledValue * 10n ** BigInt(extra)) / count, sum.scale + extra);
}

function comparable(value: Terminal, aggregator: string): JValue | null {
  if (value instanceof Structured) throw classCast(`A ${value.kind} is not Comparable (${aggregator})`);
  if (value !== null && value.kind === 'object') throw classCast(`${String(value.value)} is not Comparable (${aggregator})`);
  return value;
}

function createAccumulator(kind: AggregatorKind, serializationService: DefaultSerializationService): Accumulator {
  const name = JAVA_NAMES[kind];
  let count = 0n;
  let longSum = 0n;
  let doubleSum = 0;
  let decimalSum = new BigDecimal(0n, 0);
  let bigSum = 0n;
  switch (kind) {
    case 'count':
      return {
        accumulate: () => void count++,
        result: () => javaLong(count),
      };
    case 'distinct': {
      const values = new Map<string, unknown>();
      return {
        accumulate: (_, value) => {
          const key = value instanceof Structured ? `raw:${String(value.raw)}` : hashKey(value);
          // As Java's map: one entry per canonical value, holding the last value put.
          values.set(key, value instanceof Structured ? value.raw : toWritable(value));
        },
        result: () => new DistinctResult([...values.values()]),
      };
    }
    case 'doubleSum':
    case 'doubleAvg':
      return {
        accumulate: (_, value) => {
          doubleSum += asDoubleExactly(numberOf(value, name));
          count++;
        },
        result: () => (kind === 'doubleSum' ? new Double(doubleSum) : count === 0n ? null : new Double(doubleSum / Number(count))),
      };
    case 'floatingPointSum':
    case 'numberAvg':
      return {
        accumulate: (_, value) => {
          doubleSum += doubleValue(numberOf(value, name));
          count++;
        },
        result: () => (kind === 'floatingPointSum' ? new Double(doubleSum) : count === 0n ? null : new Double(doubleSum / Number(count))),
      };
    case 'fixedSum':
      return {
        accumulate: (_, value) => void (longSum = wrap64(longSum + longValue(numberOf(value, name)))),
        result: () => javaLong(longSum),
      };
    case 'integerSum':
    case 'integerAvg':
    case 'longSum':
    case 'longAvg': {
      const exact = kind === 'integerSum' || kind === 'integerAvg' ? (v: NumericValue) => BigInt(asIntExactly(v)) : asLongExactly;
      return {
        accumulate: (_, value) => {
          longSum = wrap64(longSum + exact(numberOf(value, name)));
          count++;
        },
        result: () => {
          if (kind === 'integerSum' || kind === 'longSum') return javaLong(longSum);
          return count === 0n ? null : new Double(Number(longSum) / Number(count));
        },
      };
    }
    case 'bigDecimalSum':
    case 'bigDecimalAvg':
      return {
        accumulate: (_, value) => {
          decimalSum = addDecimals(decimalSum, typedOf(value, 'bigDecimal', name).value as BigDecimal);
          count++;
        },
        result: () => (kind === 'bigDecimalSum' ? decimalSum : count === 0n ? null : divideExactly(decimalSum, count)),
      };
    case 'bigIntegerSum':
    case 'bigIntegerAvg':
      return {
        accumulate: (_, value) => {
          bigSum += typedOf(value, 'bigInteger', name).value as bigint;
          count++;
        },
        result: () => (kind === 'bigIntegerSum' ? bigSum : count === 0n ? null : divideExactly(new BigDecimal(bigSum, 0), count)),
      };
    case 'max':
    case 'min':
    case 'maxBy':
    case 'minBy': {
      const sign = kind === 'max' || kind === 'maxBy' ? 1 : -1;
      let best: JValue | null = null;
      let bestEntry: QueryEntry | null = null;
      return {
        accumulate: (entry, value) => {
          const candidate = comparable(value, name);
          if (candidate === null) return;
          if (best === null || sign * compareValues(best, candidate) < 0) {
            best = candidate;
            bestEntry = entry;
          }
        },
        result: () => {
          if (kind === 'max' || kind === 'min') return toWritable(best);
          return bestEntry === null ? null : new EntryResult(bestEntry, serializationService);
        },
      };
    }
  }
}

/** The values an aggregator takes from one entry. */
function valuesOf(aggregator: AggregatorNode, entry: QueryEntry): readonly Terminal[] {
  if (aggregator.attributePath === null) return [entry.valueValue()];
  const extraction = entry.extract(aggregator.attributePath);
  const isSkipped = (value: Terminal): boolean => value instanceof Structured && value.kind === 'nonTerminal';
  if (!extraction.multi) return isSkipped(extraction.values[0]) ? [] : extraction.values;
  let nullSkipped = !extraction.nullEmptyTarget;
  return extraction.values.filter((value) => {
    if (value === null && !nullSkipped) {
      // The null that stands for an empty or null [any] target is not a value.
      nullSkipped = true;
      return false;
    }
    return !isSkipped(value);
  });
}

/**
 * Runs an aggregator over entries (already filtered by the query's predicate). The result is
 * what the member returns, ready for {@link resultToData}: a Long, a Double, a BigDecimal, a
 * bigint (BigInteger), a typed value (max/min), a DistinctResult or an EntryResult, or null.
 */
export function runAggregation(aggregator: AggregatorNode, entries: Iterable<QueryEntry>, serializationService: DefaultSerializationService): unknown {
  const accumulator = createAccumulator(aggregator.kind, serializationService);
  for (const entry of entries) {
    for (const value of valuesOf(aggregator, entry)) accumulator.accumulate(entry, value);
  }
  return accumulator.result();
}
