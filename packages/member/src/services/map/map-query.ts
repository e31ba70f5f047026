import Long from 'long';
import { DefaultSerializationService, HeapData, TypeId, type Data } from '@hz/core';
import type { AnchorDataListHolder, PagingPredicateHolder } from '@hz/proxies/codec';
import { ErrorCode, MemberError } from '../../dispatch/errors';

/** A map entry as queries see it: serialized key and value. */
export interface QueryEntry {
  readonly key: Buffer;
  readonly value: Buffer;
}

/** Orders entries for paging (a comparator, or the natural order of keys or values). */
export type EntryComparator = (a: QueryEntry, b: QueryEntry) => number;

/** A predicate ready to test entries. */
export interface CompiledPredicate {
  /** Whether an entry (serialized key, and value) passes. */
  test(key: Buffer, value: Buffer): boolean;
  /** A partition predicate's keys: the query runs over their partitions only. Null: every partition. */
  readonly partitionKeys: readonly Data[] | null;
}

/** One page of a paged query, and the anchors the client keeps for the next one. */
export interface Page {
  readonly entries: QueryEntry[];
  readonly anchors: AnchorDataListHolder;
}

/**
 * What the map service needs from a query engine: predicates, aggregations, projections and
 * pages over entries. Values come in serialized; the engine deserializes what it needs, and
 * throws a MemberError where a member would fail.
 */
export interface MapQueryEngine {
  compile(predicate: Data): CompiledPredicate;
  /** Aggregates the given entries (already filtered by the query's predicate). */
  aggregate(aggregator: Data, entries: readonly QueryEntry[]): Data | null;
  /** Projects each of the given entries. */
  project(projection: Data, entries: readonly QueryEntry[]): Array<Data | null>;
  /** One page of a paging query over the given entries (of the partitions the query is restricted to). */
  page(holder: PagingPredicateHolder, entries: readonly QueryEntry[]): Page;
}

/** Factory id of the member's built-in predicates (PredicateDataSerializerHook). */
export const PREDICATE_FACTORY_ID = -20;
export const PredicateClassId = { FALSE: 13, TRUE: 14, PAGING: 15 } as const;

/** Factory and class id of an IdentifiedDataSerializable in serialized form, or null for other types. */
export function identifiedIdsOf(data: Buffer): { factoryId: number; classId: number } | null {
  if (data.length < 17 || new HeapData(data).getType() !== TypeId.IDENTIFIED_DATA_SERIALIZABLE || data[8] === 0) return null;
  return { factoryId: data.readInt32BE(9), classId: data.readInt32BE(13) };
}

const notYet = (what: string): MemberError =>
  new MemberError(ErrorCode.UNSUPPORTED_OPERATION, `This query engine cannot evaluate ${what}: that needs the member's query engine (packages/member/src/query)`);

/**
 * A minimal engine without the member's query engine (packages/member/src/query): the true and
 * false predicates, and paging in the natural order of built-in types (strings, numbers, longs,
 * booleans ...). Everything else is answered with UnsupportedOperationException. The map
 * service runs MemberQueryEngine; this one is for tests of the map service on its own.
 */
export class BasicQueryEngine implements MapQueryEngine {
  private readonly serialization = new DefaultSerializationService();

  compile(predicate: Data): CompiledPredicate {
    const ids = identifiedIdsOf(predicate.toBuffer());
    if (ids?.factoryId === PREDICATE_FACTORY_ID && ids.classId === PredicateClassId.TRUE) return { test: () => true, partitionKeys: null };
    if (ids?.factoryId === PREDICATE_FACTORY_ID && ids.classId === PredicateClassId.FALSE) return { test: () => false, partitionKeys: null };
    throw notYet(ids === null ? `a predicate of type ${predicate.getType()}` : `the predicate factoryId=${ids.factoryId} classId=${ids.classId}`);
  }

  page(holder: PagingPredicateHolder, entries: readonly QueryEntry[]): Page {
    const predicate = holder.predicateData === null ? null : this.compile(holder.predicateData);
    const matching = predicate === null ? entries : entries.filter((e) => predicate.test(e.key, e.value));
    return page(matching, holder, this.comparator(holder.comparatorData, holder.iterationTypeId));
  }

  aggregate(aggregator: Data): Data | null {
    const ids = identifiedIdsOf(aggregator.toBuffer());
    throw notYet(`the aggregator ${ids === null ? '' : `factoryId=${ids.factoryId} classId=${ids.classId}`}`.trim());
  }

  project(projection: Data): Array<Data | null> {
    const ids = identifiedIdsOf(projection.toBuffer());
    throw notYet(`the projection ${ids === null ? '' : `factoryId=${ids.factoryId} classId=${ids.classId}`}`.trim());
  }

  /** The order of a page: natural order of the keys, or of the values for a VALUE iteration. */
  comparator(comparator: Data | null, iterationType: number): EntryComparator {
    if (comparator !== null) throw notYet('a paging comparator');
    const byValue = iterationType === 1;
    const cache = new Map<Buffer, unknown>();
    const read = (b: Buffer): unknown => {
      if (!cache.has(b)) cache.set(b, this.serialization.toObject(new HeapData(b)));
      return cache.get(b);
    };
    return (a, b) => {
      const result = compareNatural(read(byValue ? a.value : a.key), read(byValue ? b.value : b.key));
      // As a member: equal values are ordered by key hash, so the order is total and stable.
      return result !== 0 ? result : new HeapData(a.key).hashCode() - new HeapData(b.key).hashCode();
    };
  }
}

/** Java's compareTo over the built-in types that have one. */
function compareNatural(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0; // UTF-16 code units, as String.compareTo
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (Long.isLong(a) && Long.isLong(b)) return (a as Long).compare(b as Long);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  throw new MemberError(ErrorCode.ILLEGAL_ARGUMENT, `Not comparable: ${describe(a)} and ${describe(b)}; give the paging predicate a comparator`);
}

function describe(v: unknown): string {
  return v === null ? 'null' : typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v;
}

/**
 * Pages as a member does: the matching entries are sorted; those up to the nearest anchor
 * before the requested page (the last entry of an earlier page the client already saw) are
 * skipped; the page is cut from the rest; and every full page on the way gets its anchor.
 */
export function page(matching: readonly QueryEntry[], holder: PagingPredicateHolder, compare: EntryComparator): Page {
  const pages = [...holder.anchorDataListHolder.anchorPageList];
  const anchors = holder.anchorDataListHolder.anchorDataList.map(([k, v]) => ({ key: k.toBuffer(), value: v.toBuffer() }));
  const { page: current, pageSize } = holder;
  if (pageSize <= 0) throw new MemberError(ErrorCode.ILLEGAL_ARGUMENT, `Page size must be positive, got ${pageSize}`);
  // The nearest anchor: the one of the previous page when known, else the last one known.
  let nearestPage = -1;
  let nearest: QueryEntry | null = null;
  if (current > 0 && anchors.length > 0) {
    const i = current < anchors.length ? current - 1 : anchors.length - 1;
    nearestPage = pages[i];
    nearest = anchors[i];
  }
  const after = nearest === null ? [...matching] : matching.filter((e) => compare(nearest, e) < 0);
  after.sort(compare);
  for (let end = pageSize, p = nearestPage; end <= after.length && p < current; end += pageSize) {
    p++;
    const anchor = after[end - 1];
    const at = pages.indexOf(p);
    if (at >= 0) anchors[at] = anchor;
    else {
      pages.push(p);
      anchors.push(anchor);
    }
  }
  const begin = pageSize * (current - nearestPage - 1);
  return {
    entries: begin >= after.length ? [] : after.slice(begin, begin + pageSize),
    anchors: { anchorPageList: pages, anchorDataList: anchors.map((a) => [new HeapData(a.key), new HeapData(a.value)]) },
  };
}
