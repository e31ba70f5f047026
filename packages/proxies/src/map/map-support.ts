// What the map proxy's methods share: argument checks, and the shapes of requests over many
// partitions and of paged queries.
import Long from 'long';
import {
  IllegalArgumentError,
  isIdentifiedDataSerializable,
  isPagingPredicate,
  type Data,
  type IterationType,
  type LongLike,
  type PagingPredicate,
  type Predicate,
} from '@hz/core';
import type { AnchorDataListHolder, PagingPredicateHolder } from '../codec/generated/custom';

/** What members take as "not given": the map's configured default. */
export const UNSET = -1;

/**
 * A time argument in ms: a finite number or a Long, at least `min` (0 unless said otherwise);
 * `undefined` is {@link UNSET}. Fractions of a ms are dropped.
 */
export function millis(value: number | Long | undefined, what: string, min = 0): LongLike {
  if (value === undefined) return UNSET;
  if (Long.isLong(value)) {
    if (value.lessThan(min)) throw new IllegalArgumentError(`${what} must be at least ${min} ms, got ${value.toString()}`);
    return value;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new IllegalArgumentError(`${what} must be a number of ms of at least ${min}, got ${String(value)}`);
  }
  return Math.trunc(value);
}

/** A predicate argument: an IdentifiedDataSerializable predicate (from @hz/query or your own). */
export function checkPredicate(predicate: unknown, what = 'predicate'): Predicate {
  if (!isIdentifiedDataSerializable(predicate)) {
    const got = predicate === null ? 'null' : predicate === undefined ? 'undefined' : typeof predicate;
    throw new IllegalArgumentError(`${what} must be a predicate (an IdentifiedDataSerializable such as the ones of @hz/query), got ${got}`);
  }
  return predicate;
}

/** A predicate where paging makes no sense (aggregations, listeners ...). */
export function checkNotPaging(predicate: unknown, what = 'predicate'): Predicate {
  const p = checkPredicate(predicate, what);
  if (isPagingPredicate(p)) throw new IllegalArgumentError(`A paging predicate is not supported here (${what})`);
  return p;
}

/** An IdentifiedDataSerializable argument (aggregator, projection). */
export function checkIdentified<T>(value: T, what: string): T {
  if (!isIdentifiedDataSerializable(value)) {
    throw new IllegalArgumentError(`${what} must be an IdentifiedDataSerializable (such as the ones of @hz/query), got ${value === null ? 'null' : typeof value}`);
  }
  return value;
}

/** An array argument. */
export function checkArray<T>(value: readonly T[], what: string): readonly T[] {
  if (!Array.isArray(value)) throw new IllegalArgumentError(`${what} must be an array, got ${value === null ? 'null' : typeof value}`);
  return value;
}

/** Groups items by partition, keeping their order within each. */
export function byPartition<T>(items: Iterable<T>, partitionOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const p = partitionOf(item);
    const group = groups.get(p);
    if (group === undefined) groups.set(p, [item]);
    else group.push(item);
  }
  return groups;
}

/** What @hz/query's paging predicate adds to the core interface: anchors kept as the member sent them. */
interface HolderAwarePaging {
  toHolderParts(toData: (value: unknown) => Data | null, partitionKeys?: readonly unknown[] | null): PagingPredicateHolder;
  applyAnchorDataList(holder: AnchorDataListHolder, toObject: (data: Data) => unknown): void;
}

/** A partition predicate (Java's PartitionPredicate): the query runs on the partitions of its keys only. */
interface PartitionRestricted {
  getPartitionKey(): unknown;
  getPartitionKeys?(): unknown[];
  getTarget(): Predicate;
}

function isHolderAware(p: PagingPredicate): p is PagingPredicate & HolderAwarePaging {
  const v = p as Partial<HolderAwarePaging>;
  return typeof v.toHolderParts === 'function' && typeof v.applyAnchorDataList === 'function';
}

function isPartitionRestricted(p: Predicate): p is Predicate & PartitionRestricted {
  const v = p as Partial<PartitionRestricted>;
  return typeof v.getPartitionKey === 'function' && typeof v.getTarget === 'function';
}

/** How a query is sent: its predicate, or the page it asks for; and the key whose partition owner gets it. */
export interface QueryPlan {
  /** The serialized predicate (null for a paged query). */
  readonly predicate: Data | null;
  /** The page request of a paged query, else null. */
  readonly holder: PagingPredicateHolder | null;
  /** A partition predicate's key: the request goes to its partition's owner. Null: any member. */
  readonly partitionKey: Data | null;
  /** Gives a paged query's predicate the anchors of the response. */
  applyAnchors(anchors: AnchorDataListHolder): void;
}

/**
 * Plans a query over `predicate`. A paging predicate, given directly or as the target of a
 * partition predicate, becomes a page request for `iterationType` (the predicate is told so);
 * a partition predicate's request goes to the owner of its key's partition.
 */
export function queryPlan(
  predicate: unknown,
  iterationType: IterationType,
  toData: (value: unknown) => Data | null,
  toObject: (data: Data) => unknown,
): QueryPlan {
  const p = checkPredicate(predicate);
  const restricted = isPartitionRestricted(p) ? p : null;
  const partitionKeys = restricted === null ? null : (restricted.getPartitionKeys?.() ?? [restricted.getPartitionKey()]);
  const partitionKey = restricted === null ? null : toData(restricted.getPartitionKey());
  const target = restricted?.getTarget() ?? p;
  if (!isPagingPredicate(target)) return { predicate: toData(p), holder: null, partitionKey, applyAnchors: () => undefined };
  target.setIterationType(iterationType);
  if (isHolderAware(target)) {
    return {
      predicate: null,
      holder: target.toHolderParts(toData, partitionKeys),
      partitionKey,
      applyAnchors: (anchors) => target.applyAnchorDataList(anchors, toObject),
    };
  }
  const anchors = target.getAnchorList();
  const inner = target.getPredicate();
  const holder: PagingPredicateHolder = {
    anchorDataListHolder: {
      anchorPageList: anchors.map(([page]) => page),
      anchorDataList: anchors.map(([, [key, value]]) => [toData(key)!, toData(value)!]),
    },
    predicateData: inner === null ? null : toData(checkNotPaging(inner, 'the inner predicate of a paging predicate')),
    comparatorData: toData(target.getComparator()),
    pageSize: target.getPageSize(),
    page: target.getPage(),
    iterationTypeId: iterationType,
    partitionKeyData: partitionKey,
    partitionKeysData: partitionKeys === null ? null : partitionKeys.map((k) => toData(k)!),
  };
  return {
    predicate: null,
    holder,
    partitionKey,
    applyAnchors: (a) => target.setAnchorList(a.anchorDataList.map(([k, v], i) => [a.anchorPageList[i], [toObject(k), toObject(v)]])),
  };
}
