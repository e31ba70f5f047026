// The evaluable forms of predicates, aggregators and projections: what the readers decode from a
// client's bytes (or the SQL parser builds) and the engine runs. Compared values carry their Java
// types.
import type { Data } from '@hz/core';
import type { JValue } from './java-values';
import type { QueryEntry } from './query-entry';

export type PredicateNode =
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'and'; readonly predicates: readonly PredicateNode[] }
  | { readonly kind: 'or'; readonly predicates: readonly PredicateNode[] }
  | { readonly kind: 'not'; readonly predicate: PredicateNode }
  | { readonly kind: 'equal'; readonly attribute: string; readonly value: JValue | null }
  | { readonly kind: 'notEqual'; readonly attribute: string; readonly value: JValue | null }
  | { readonly kind: 'greaterLess'; readonly attribute: string; readonly value: JValue | null; readonly equal: boolean; readonly less: boolean }
  | { readonly kind: 'between'; readonly attribute: string; readonly from: JValue | null; readonly to: JValue | null }
  | { readonly kind: 'in'; readonly attribute: string; readonly values: ReadonlyArray<JValue | null> }
  | { readonly kind: 'like'; readonly attribute: string; readonly expression: string | null }
  | { readonly kind: 'ilike'; readonly attribute: string; readonly expression: string | null }
  | { readonly kind: 'regex'; readonly attribute: string; readonly regex: string | null }
  | { readonly kind: 'instanceOf'; readonly className: string }
  /** Parsed when read, as on the member; `predicate` is what it means. */
  | { readonly kind: 'sql'; readonly sql: string; readonly predicate: PredicateNode }
  | PagingPredicateNode
  | {
      readonly kind: 'partition';
      /** The partition keys, typed, and serialized (to find their partitions). */
      readonly partitionKeys: ReadonlyArray<JValue | null>;
      readonly partitionKeysData: ReadonlyArray<Data | null>;
      readonly target: PredicateNode;
    }
  /** A predicate of another factory, decoded by a registered reader into something evaluable. */
  | { readonly kind: 'custom'; readonly factoryId: number; readonly classId: number; readonly test: (entry: QueryEntry) => boolean };

/** A paging predicate, from a PagingPredicateHolder or an IDS (class 15). */
export interface PagingPredicateNode {
  readonly kind: 'paging';
  readonly predicate: PredicateNode | null;
  /** The comparator as the client sent it (null: natural order). */
  readonly comparatorData: Data | null;
  readonly pageSize: number;
  readonly page: number;
  /** KEY 0, VALUE 1, ENTRY 2. */
  readonly iterationType: number;
  readonly anchors: readonly PagingAnchor[];
  /** Partition keys when the holder restricts the query to their partitions. */
  readonly partitionKeysData: readonly Data[] | null;
}

/** The last entry of a page. */
export interface PagingAnchor {
  readonly page: number;
  readonly keyData: Data;
  readonly valueData: Data;
}

export type AggregatorKind =
  | 'bigDecimalAvg'
  | 'bigDecimalSum'
  | 'bigIntegerAvg'
  | 'bigIntegerSum'
  | 'count'
  | 'distinct'
  | 'doubleAvg'
  | 'doubleSum'
  | 'fixedSum'
  | 'floatingPointSum'
  | 'integerAvg'
  | 'integerSum'
  | 'longAvg'
  | 'longSum'
  | 'max'
  | 'min'
  | 'numberAvg'
  | 'maxBy'
  | 'minBy';

/** An aggregator: its kind and attribute path (null: the entry value). Clients send empty accumulators. */
export interface AggregatorNode {
  readonly kind: AggregatorKind;
  readonly attributePath: string | null;
}

export type ProjectionNode =
  | { readonly kind: 'singleAttribute'; readonly attributePath: string }
  | { readonly kind: 'multiAttribute'; readonly attributePaths: readonly string[] }
  | { readonly kind: 'identity' };
