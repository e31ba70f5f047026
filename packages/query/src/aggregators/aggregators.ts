// The `Aggregators` functions: the official Node.js client's names and result types, plus the
// Java API's aggregators it lacks (BigDecimal, BigInteger, maxBy, minBy) and the Java 3.x
// names of max and min. Without an attribute path an aggregator takes the entry value itself.
// Averages return null on no input.
import type { Aggregator, BigDecimal } from '@hz/core';
import type { MapEntry } from '../results/query-results';
import type { Long } from '../types';
import {
  BigDecimalAverageAggregator,
  BigDecimalSumAggregator,
  BigIntegerAverageAggregator,
  BigIntegerSumAggregator,
  CountAggregator,
  DistinctValuesAggregator,
  DoubleAverageAggregator,
  DoubleSumAggregator,
  FixedSumAggregator,
  FloatingPointSumAggregator,
  IntegerAverageAggregator,
  IntegerSumAggregator,
  LongAverageAggregator,
  LongSumAggregator,
  MaxAggregator,
  MaxByAggregator,
  MinAggregator,
  MinByAggregator,
  NumberAverageAggregator,
} from './aggregator-classes';

/** Counts the values (null ones included). */
export function count(attributePath?: string): Aggregator<Long> {
  return new CountAggregator<Long>(attributePath);
}

/** The distinct values (1, 1L and 1.0 are one value). */
export function distinct<R>(attributePath?: string): Aggregator<Set<R>> {
  return new DistinctValuesAggregator<Set<R>>(attributePath);
}

/** Average of Java doubles (or numbers exactly representable as one). */
export function doubleAvg(attributePath?: string): Aggregator<number> {
  return new DoubleAverageAggregator<number>(attributePath);
}

/** Sum of Java doubles (or numbers exactly representable as one). */
export function doubleSum(attributePath?: string): Aggregator<number> {
  return new DoubleSumAggregator<number>(attributePath);
}

/** Average of numbers of any type, as a double. */
export function numberAvg(attributePath?: string): Aggregator<number> {
  return new NumberAverageAggregator<number>(attributePath);
}

/** Sum of numbers of any type, each truncated to a long. */
export function fixedPointSum(attributePath?: string): Aggregator<Long> {
  return new FixedSumAggregator<Long>(attributePath);
}

/** Sum of numbers of any type, as a double. */
export function floatingPointSum(attributePath?: string): Aggregator<number> {
  return new FloatingPointSumAggregator<number>(attributePath);
}

/** Average of Java ints (or numbers exactly representable as one), as a double. */
export function integerAvg(attributePath?: string): Aggregator<number> {
  return new IntegerAverageAggregator<number>(attributePath);
}

/** Sum of Java ints (or numbers exactly representable as one), as a long. */
export function integerSum(attributePath?: string): Aggregator<Long> {
  return new IntegerSumAggregator<Long>(attributePath);
}

/** Average of Java longs (or numbers exactly representable as one), as a double. */
export function longAvg(attributePath?: string): Aggregator<number> {
  return new LongAverageAggregator<number>(attributePath);
}

/** Sum of Java longs (or numbers exactly representable as one). */
export function longSum(attributePath?: string): Aggregator<Long> {
  return new LongSumAggregator<Long>(attributePath);
}

/** Average of Java BigDecimals. */
export function bigDecimalAvg(attributePath?: string): Aggregator<BigDecimal> {
  return new BigDecimalAverageAggregator<BigDecimal>(attributePath);
}

/** Sum of Java BigDecimals. */
export function bigDecimalSum(attributePath?: string): Aggregator<BigDecimal> {
  return new BigDecimalSumAggregator<BigDecimal>(attributePath);
}

/** Average of Java BigIntegers (bigint), as a BigDecimal. */
export function bigIntegerAvg(attributePath?: string): Aggregator<BigDecimal> {
  return new BigIntegerAverageAggregator<BigDecimal>(attributePath);
}

/** Sum of Java BigIntegers (bigint). */
export function bigIntegerSum(attributePath?: string): Aggregator<bigint> {
  return new BigIntegerSumAggregator<bigint>(attributePath);
}

/** The greatest value (nulls ignored). */
export function max<R>(attributePath?: string): Aggregator<R> {
  return new MaxAggregator<R>(attributePath);
}

/** The smallest value (nulls ignored). */
export function min<R>(attributePath?: string): Aggregator<R> {
  return new MinAggregator<R>(attributePath);
}

/** The entry whose attribute is the greatest. */
export function maxBy<K = unknown, V = unknown>(attributePath: string): Aggregator<MapEntry<K, V>> {
  return new MaxByAggregator<MapEntry<K, V>>(attributePath);
}

/** The entry whose attribute is the smallest. */
export function minBy<K = unknown, V = unknown>(attributePath: string): Aggregator<MapEntry<K, V>> {
  return new MinByAggregator<MapEntry<K, V>>(attributePath);
}

// Java 3.x names: one max/min aggregator class serves every type.
export {
  max as integerMax,
  max as longMax,
  max as doubleMax,
  max as bigDecimalMax,
  max as bigIntegerMax,
  max as comparableMax,
  min as integerMin,
  min as longMin,
  min as doubleMin,
  min as bigDecimalMin,
  min as bigIntegerMin,
  min as comparableMin,
};
