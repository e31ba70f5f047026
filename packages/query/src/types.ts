// The query types a map proxy works with. @hz/core defines them (the proxies package may not
// import this one); they are re-exported here so that users import everything query-related
// from one place.
import type { ObjectDataInput } from '@hz/core';

export { IterationType, isPagingPredicate, type Predicate, type Aggregator, type Projection, type PagingPredicate } from '@hz/core';

/** A 64-bit integer as the serialization service reads it (a `Long` of the 'long' package). */
export type Long = ReturnType<ObjectDataInput['readLong']>;

/**
 * A comparator for paging predicates (the official client's interface). The member runs the
 * Java class registered with the same IdentifiedDataSerializable or Portable ids, so the object
 * must be serializable; `sort` is only for local use.
 */
export interface Comparator {
  sort(a: [unknown, unknown], b: [unknown, unknown]): number;
}
