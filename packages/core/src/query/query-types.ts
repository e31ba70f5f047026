// The small query interfaces the map proxy works with; @hz/query implements them (the
// proxies package must not import it). They are IdentifiedDataSerializable values: the core
// serializes them without anything registered.
import type { IdentifiedDataSerializable } from '../serialization/identified';

/** A query predicate over map entries. */
export type Predicate = IdentifiedDataSerializable;

/** Aggregates the entries of a map into one value of type R. */
export interface Aggregator<R> extends IdentifiedDataSerializable {
  /** Type-level only: the result type. */
  readonly __result?: R;
}

/** Turns each entry of a map into a value of type R. */
export interface Projection<R> extends IdentifiedDataSerializable {
  /** Type-level only: the result type. */
  readonly __result?: R;
}

/** What a paged query returns. */
export const IterationType = { KEY: 0, VALUE: 1, ENTRY: 2 } as const;
/** One of {@link IterationType}. */
export type IterationType = (typeof IterationType)[keyof typeof IterationType];

/**
 * A predicate that returns one page of results at a time. The proxy reads its state to build
 * the request and gives it the anchors (the last entry of each page) from the response.
 */
export interface PagingPredicate extends Predicate {
  getPage(): number;
  getPageSize(): number;
  /** The inner predicate, or null for all entries. */
  getPredicate(): Predicate | null;
  /** The comparator object (serialized and run on the member), or null for natural order. */
  getComparator(): object | null;
  /** Anchors so far: page number and the last [key, value] of that page. */
  getAnchorList(): Array<[number, [unknown, unknown]]>;
  setAnchorList(anchors: Array<[number, [unknown, unknown]]>): void;
  getIterationType(): IterationType;
  setIterationType(type: IterationType): void;
}

/** Whether a predicate is a paging predicate (it carries page state). */
export function isPagingPredicate(p: Predicate): p is PagingPredicate {
  const v = p as Partial<PagingPredicate>;
  return typeof v.getPageSize === 'function' && typeof v.setAnchorList === 'function';
}
