// The `Predicates` functions, with the official Node.js client's names and signatures, plus
// the partition predicates of the Java API. Import them as a namespace:
// `import { Predicates } from '@hz/query'; Predicates.equal('age', 30)`.
import type { Predicate } from '@hz/core';
import type { Comparator } from '../types';
import { PagingPredicateImpl } from './paging-predicate';
import { MultiPartitionPredicateImpl, PartitionPredicateImpl } from './partition-predicate';
import {
  AndPredicate,
  BetweenPredicate,
  EqualPredicate,
  FalsePredicate,
  GreaterLessPredicate,
  ILikePredicate,
  InPredicate,
  InstanceOfPredicate,
  LikePredicate,
  NotEqualPredicate,
  NotPredicate,
  OrPredicate,
  RegexPredicate,
  SqlPredicate,
  TruePredicate,
} from './predicate-classes';

/**
 * A predicate from an SQL-like where clause: `active AND age < 30`, `name LIKE 'Jo%'`,
 * `age BETWEEN 20 AND 30`, `age IN (20, 30)`, `__key like M%`, `this >= 27`.
 */
export function sql(str: string): Predicate {
  return new SqlPredicate(str);
}

/** All of the predicates hold. */
export function and(...predicates: Predicate[]): Predicate {
  return new AndPredicate(predicates);
}

/** At least one of the predicates holds. */
export function or(...predicates: Predicate[]): Predicate {
  return new OrPredicate(predicates);
}

/** The predicate does not hold. */
export function not(predicate: Predicate): Predicate {
  return new NotPredicate(predicate);
}

/** `from <= field <= to` (inclusive). */
export function between(field: string, from: unknown, to: unknown): Predicate {
  return new BetweenPredicate(field, from, to);
}

/** `field = value`; a null value matches a null or missing attribute. */
export function equal(field: string, value: unknown): Predicate {
  return new EqualPredicate(field, value);
}

/** `field != value`. */
export function notEqual(field: string, value: unknown): Predicate {
  return new NotEqualPredicate(field, value);
}

/** `field > value`. */
export function greaterThan(field: string, value: unknown): Predicate {
  return new GreaterLessPredicate(field, value, false, false);
}

/** `field >= value`. */
export function greaterEqual(field: string, value: unknown): Predicate {
  return new GreaterLessPredicate(field, value, true, false);
}

/** `field < value`. */
export function lessThan(field: string, value: unknown): Predicate {
  return new GreaterLessPredicate(field, value, false, true);
}

/** `field <= value`. */
export function lessEqual(field: string, value: unknown): Predicate {
  return new GreaterLessPredicate(field, value, true, true);
}

/** SQL LIKE: `%` matches any characters, `_` one character, `\%` and `\_` themselves. */
export function like(field: string, expr: string): Predicate {
  return new LikePredicate(field, expr);
}

/** LIKE ignoring case. */
export function ilike(field: string, expr: string): Predicate {
  return new ILikePredicate(field, expr);
}

/** `field IN (values...)`. */
export function inPredicate(field: string, ...values: unknown[]): Predicate {
  return new InPredicate(field, values);
}

/** The whole attribute matches the Java regular expression. */
export function regex(field: string, reg: string): Predicate {
  return new RegexPredicate(field, reg);
}

/** The value is an instance of the Java class, e.g. `com.example.Employee`. */
export function instanceOf(className: string): Predicate {
  return new InstanceOfPredicate(className);
}

let alwaysTrueInstance: TruePredicate | undefined;
let alwaysFalseInstance: FalsePredicate | undefined;

/** Accepts every entry. */
export function alwaysTrue(): Predicate {
  return (alwaysTrueInstance ??= new TruePredicate());
}

/** Accepts no entry. */
export function alwaysFalse(): Predicate {
  return (alwaysFalseInstance ??= new FalsePredicate());
}

/**
 * Pages the entries `predicate` accepts, `pageSize` at a time, sorted by `comparator` (run on
 * the member) or by the natural order of keys, values or (for entries) keys.
 */
export function paging<K = unknown, V = unknown>(predicate: Predicate | null, pageSize: number, comparator?: Comparator | object | null): PagingPredicateImpl<K, V> {
  return new PagingPredicateImpl<K, V>(predicate, pageSize, comparator ?? null);
}

/** Runs `target` only on the partition that owns `partitionKey`. */
export function partition(partitionKey: unknown, target: Predicate): PartitionPredicateImpl {
  return new PartitionPredicateImpl(partitionKey, target);
}

/** Runs `target` only on the partitions that own the keys (members 5.2 and later). */
export function multiPartition(partitionKeys: Iterable<unknown>, target: Predicate): MultiPartitionPredicateImpl {
  return new MultiPartitionPredicateImpl(partitionKeys, target);
}

// The Java API's names, for those who port Java code.
export { inPredicate as in, partition as partitionPredicate, multiPartition as multiPartitionPredicate };
