// Paging as the member does it (PagingPredicateImpl and SortingUtil): the entries the inner
// predicate accepts that come after the nearest anchor are sorted by the comparator, or by the
// natural order of keys (KEY, ENTRY) or values (VALUE), ties broken by the keys' hash codes; the
// requested page is cut from them and the anchors of the pages passed on the way are updated.
import type { Data, DefaultSerializationService, ObjectDataInput } from '@hz/core';
import { Structured, type Terminal } from './accessor';
import { illegalArgument, serializationError } from './errors';
import { evaluate } from './evaluate';
import { compareValues } from './java-compare';
import type { QueryEntry } from './query-entry';
import type { PagingAnchor, PagingPredicateNode } from './query-tree';

/** Orders two entries, as a Java `Comparator<Map.Entry>`. */
export type EntryComparator = (a: QueryEntry, b: QueryEntry) => number;

/** Builds the comparator of a client's comparator object; `input` is after its header (its fields follow). */
export type ComparatorFactory = (input: ObjectDataInput) => EntryComparator;

/**
 * The comparators the development member can run, by the ids of the comparator objects clients
 * send (IdentifiedDataSerializable or Portable factory and class ids); a Java member would load
 * the class with those ids.
 */
export class ComparatorRegistry {
  private readonly factories = new Map<string, ComparatorFactory>();

  register(factoryId: number, classId: number, factory: ComparatorFactory): this {
    this.factories.set(`${factoryId}/${classId}`, factory);
    return this;
  }

  /** The comparator a Data holds; throws when none is registered for it. */
  resolve(data: Data, serializationService: DefaultSerializationService): EntryComparator {
    const input = serializationService.createObjectDataInput(data.toBuffer(), 8);
    const typeId = data.getType();
    let factoryId: number;
    let classId: number;
    if (typeId === -2) {
      const header = input.readByte();
      factoryId = input.readInt();
      classId = input.readInt();
      if ((header & 2) !== 0) input.skipBytes(2);
    } else if (typeId === -1) {
      factoryId = input.readInt();
      classId = input.readInt();
      input.readInt(); // class version
    } else {
      throw serializationError(`A paging comparator must be IdentifiedDataSerializable or Portable, got type id ${typeId}`);
    }
    const factory = this.factories.get(`${factoryId}/${classId}`);
    if (factory === undefined) {
      throw serializationError(`No comparator registered for factoryId ${factoryId}, classId ${classId} (register it with ComparatorRegistry.register)`);
    }
    return factory(input);
  }
}

/** One page of results and the anchors to send back. */
export interface PageResult {
  readonly entries: QueryEntry[];
  /** The request's anchors updated with the pages reached: the response's AnchorDataListHolder. */
  readonly anchorDataList: { anchorPageList: number[]; anchorDataList: Array<[Data, Data]> };
}

function naturalValue(entry: QueryEntry, iterationType: number): Terminal {
  return iterationType === 1 ? entry.valueValue() : entry.keyValue();
}

function notComparable(value: Terminal): Error {
  return illegalArgument(`Not comparable ${value instanceof Structured ? String(value.raw) : value === null ? 'null' : String(value.value)}`);
}

/** SortingUtil.compare. */
export function compareEntries(a: QueryEntry, b: QueryEntry, comparator: EntryComparator | null, iterationType: number): number {
  let result: number;
  if (comparator !== null) {
    result = comparator(a, b);
  } else {
    const x = naturalValue(a, iterationType);
    const y = naturalValue(b, iterationType);
    if (x === null || x instanceof Structured || x.kind === 'object') throw notComparable(x);
    if (y === null || y instanceof Structured || y.kind === 'object') throw notComparable(y);
    result = compareValues(x, y);
  }
  if (result !== 0) return result;
  const ha = a.keyHashCode();
  const hb = b.keyHashCode();
  return ha > hb ? 1 : ha < hb ? -1 : 0;
}

/** PagingPredicateImpl.getNearestAnchorEntry: the anchor before the page, or none (-1). */
function nearestAnchor(anchors: readonly PagingAnchor[], page: number): PagingAnchor | undefined {
  if (page === 0 || anchors.length === 0) return undefined;
  return page < anchors.length ? anchors[page - 1] : anchors[anchors.length - 1];
}

/**
 * One page of a paging query over `entries` (every entry of the map, or of the partitions the
 * query is restricted to). `entryOf` turns an anchor's key and value Data into an entry.
 */
export function pageEntries(
  paging: PagingPredicateNode,
  entries: Iterable<QueryEntry>,
  comparator: EntryComparator | null,
  entryOf: (keyData: Data, valueData: Data) => QueryEntry,
): PageResult {
  const { pageSize, page, iterationType } = paging;
  if (!Number.isInteger(pageSize) || pageSize <= 0) throw illegalArgument(`pageSize must be greater than 0, got ${pageSize}`);
  const anchors = [...paging.anchors];
  const anchor = nearestAnchor(anchors, page);
  const anchorEntry = anchor === undefined ? undefined : entryOf(anchor.keyData, anchor.valueData);
  const nearestPage = anchor === undefined ? -1 : anchor.page;

  const list: QueryEntry[] = [];
  for (const entry of entries) {
    if (!evaluate(paging, entry)) continue;
    if (anchorEntry !== undefined && compareEntries(anchorEntry, entry, comparator, iterationType) >= 0) continue;
    list.push(entry);
  }
  list.sort((a, b) => compareEntries(a, b, comparator, iterationType));

  let result: QueryEntry[] = [];
  const begin = pageSize * (page - nearestPage - 1);
  if (list.length > 0 && begin <= list.length) {
    // SortingUtil.setAnchor: the last entry of each full page up to the requested one.
    let reached = nearestPage;
    for (let i = pageSize; i <= list.length && reached < page; i += pageSize) {
      reached++;
      const last = list[i - 1];
      const updated: PagingAnchor = { page: reached, keyData: last.keyData, valueData: last.valueData };
      if (reached < anchors.length) anchors[reached] = updated;
      else if (reached === anchors.length) anchors.push(updated);
      else throw illegalArgument(`Anchor index is not correct, expected: ${reached} found: ${anchors.length}`);
    }
    result = list.slice(begin, Math.min(begin + pageSize, list.length));
  }
  return {
    entries: result,
    anchorDataList: {
      anchorPageList: anchors.map((a) => a.page),
      anchorDataList: anchors.map((a): [Data, Data] => [a.keyData, a.valueData]),
    },
  };
}
