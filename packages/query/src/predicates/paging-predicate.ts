// The paging predicate: page state kept on the client between calls. Clients do not send it as
// an IdentifiedDataSerializable: a map proxy sends its parts in the PagingPredicateHolder custom
// type of the protocol (see toHolderParts) and gives the anchors of the response back
// (applyAnchorDataList). Its writeData exists for completeness and follows the Java layout.
import { IterationType, isPagingPredicate, type Data, type ObjectDataInput, type ObjectDataOutput, type PagingPredicate, type Predicate } from '@hz/core';
import { PREDICATE_FACTORY_ID, PredicateClassId } from '../ids';
import { checkPredicate } from './predicate-classes';

/** The Java names of the iteration types, as PagingPredicateImpl writes them. */
const ITERATION_TYPE_NAMES = ['KEY', 'VALUE', 'ENTRY'] as const;

/** The last entry of a page: what the member restarts from when asked for a later page. */
interface Anchor {
  readonly page: number;
  readonly key: unknown;
  readonly value: unknown;
  /** The serialized forms as the member sent them, re-sent as they are (no lossy round trip). */
  readonly keyData?: Data | null;
  readonly valueData?: Data | null;
}

/** The protocol's `AnchorDataListHolder`: the page of each anchor and its [key, value] Data. */
export interface AnchorDataListHolder {
  anchorPageList: number[];
  anchorDataList: Array<[Data, Data]>;
}

/**
 * The protocol's `PagingPredicateHolder` custom type, field for field (the generated codec's
 * interface accepts it as it is): what a map proxy sends for a paging query.
 */
export interface PagingPredicateHolderParts {
  anchorDataListHolder: AnchorDataListHolder;
  predicateData: Data | null;
  comparatorData: Data | null;
  pageSize: number;
  page: number;
  /** KEY 0, VALUE 1, ENTRY 2. */
  iterationTypeId: number;
  /** The partition key when the paging predicate is wrapped in a partition predicate of one key (read by members before 5.2). */
  partitionKeyData: Data | null;
  /** The partition keys when wrapped in a partition predicate (protocol 2.5 field), else null. */
  partitionKeysData: Data[] | null;
}

/** Serializes a value for the holder; the map proxy passes its serialization service's `toData`. */
export type ToData = (value: unknown) => Data | null;
/** Deserializes an anchor; the map proxy passes its serialization service's `toObject`. */
export type ToObject = (data: Data) => unknown;

function checkPage(page: number): number {
  if (!Number.isInteger(page) || page < 0 || page > 0x7fffffff) throw new RangeError(`The page must be a non-negative 32-bit integer, got ${String(page)}`);
  return page;
}

function nonNullData(toData: ToData, value: unknown, what: string): Data {
  const data = toData(value);
  if (data === null) throw new TypeError(`The ${what} of a paging anchor serialized to null`);
  return data;
}

/**
 * `Predicates.paging(predicate, pageSize, comparator?)`: returns the entries that `predicate`
 * accepts, sorted by `comparator` (a serializable object the member runs as a Java
 * `Comparator<Map.Entry>`) or by natural order, one page of `pageSize` at a time.
 */
export class PagingPredicateImpl<K = unknown, V = unknown> implements PagingPredicate {
  readonly factoryId = PREDICATE_FACTORY_ID;
  readonly classId = PredicateClassId.PAGING;
  private page = 0;
  private iterationType: IterationType = IterationType.ENTRY;
  private anchors: Anchor[] = [];

  constructor(
    private predicate: Predicate | null,
    private pageSize: number,
    private comparator: object | null = null,
  ) {
    if (!Number.isInteger(pageSize) || pageSize <= 0 || pageSize > 0x7fffffff) {
      throw new RangeError(`The page size must be a positive 32-bit integer, got ${String(pageSize)}`);
    }
    if (predicate != null) {
      checkPredicate(predicate, 'The inner predicate');
      if (isPagingPredicate(predicate)) throw new TypeError('Nested paging predicates are not supported');
    }
    this.predicate = predicate ?? null;
    this.comparator = comparator ?? null;
  }

  /** Moves to the next page. */
  nextPage(): this {
    this.page++;
    return this;
  }

  /** Moves to the previous page; stays on the first one (as Java's). */
  previousPage(): this {
    if (this.page > 0) this.page--;
    return this;
  }

  getPage(): number {
    return this.page;
  }

  /** Goes to a page directly: the member computes the pages in between from the nearest anchor. */
  setPage(page: number): this {
    this.page = checkPage(page);
    return this;
  }

  getPageSize(): number {
    return this.pageSize;
  }

  getPredicate(): Predicate | null {
    return this.predicate;
  }

  getComparator(): object | null {
    return this.comparator;
  }

  getIterationType(): IterationType {
    return this.iterationType;
  }

  /** The map proxy sets it before each query: KEY for keySet, VALUE for values, ENTRY for entrySet. */
  setIterationType(type: IterationType): void {
    if (type !== IterationType.KEY && type !== IterationType.VALUE && type !== IterationType.ENTRY) {
      throw new RangeError(`Unknown iteration type ${String(type)}`);
    }
    this.iterationType = type;
  }

  /**
   * The anchor nearest before the current page, `[page, [key, value]]`, or `[-1, null]` on the
   * first page or before any query (the official client's `getAnchor`).
   */
  getAnchor(): [number, [K, V] | null] {
    const anchor = this.nearestAnchor();
    return anchor === undefined ? [-1, null] : [anchor.page, [anchor.key as K, anchor.value as V]];
  }

  /** Every anchor: `[page, [key, value]]`, the last entry of each page seen so far. */
  getAnchorList(): Array<[number, [unknown, unknown]]> {
    return this.anchors.map((a) => [a.page, [a.key, a.value]]);
  }

  /** Replaces the anchors with deserialized ones (they are serialized again for the next query). */
  setAnchorList(anchors: Array<[number, [unknown, unknown]]>): void {
    this.anchors = anchors.map(([page, [key, value]]) => ({ page, key, value }));
  }

  /**
   * Replaces the anchors with the ones of a response (its `AnchorDataListHolder`): the Data are
   * kept and sent back unchanged; the deserialized forms serve getAnchor/getAnchorList.
   */
  applyAnchorDataList(holder: Readonly<AnchorDataListHolder>, toObject: ToObject): void {
    const { anchorPageList, anchorDataList } = holder;
    if (anchorPageList.length !== anchorDataList.length) {
      throw new RangeError(`Anchor lists differ in length: ${anchorPageList.length} pages, ${anchorDataList.length} entries`);
    }
    this.anchors = anchorDataList.map(([keyData, valueData], i) => ({
      page: anchorPageList[i],
      key: toObject(keyData),
      value: toObject(valueData),
      keyData,
      valueData,
    }));
  }

  /** Back to the first page, with no anchors and the default iteration type. */
  reset(): void {
    this.page = 0;
    this.anchors = [];
    this.iterationType = IterationType.ENTRY;
  }

  /**
   * The holder fields for a request. `partitionKeys` are set when the predicate is wrapped in a
   * partition predicate ({@link pagingHolderParts} does that unwrapping).
   */
  toHolderParts(toData: ToData, partitionKeys: readonly unknown[] | null = null): PagingPredicateHolderParts {
    const anchorPageList = this.anchors.map((a) => a.page);
    const anchorDataList = this.anchors.map((a): [Data, Data] => [
      a.keyData ?? nonNullData(toData, a.key, 'key'),
      a.valueData ?? nonNullData(toData, a.value, 'value'),
    ]);
    const partitionKeysData = partitionKeys === null ? null : partitionKeys.map((key) => nonNullData(toData, key, 'partition key'));
    return {
      anchorDataListHolder: { anchorPageList, anchorDataList },
      predicateData: this.predicate === null ? null : toData(this.predicate),
      comparatorData: this.comparator === null ? null : toData(this.comparator),
      pageSize: this.pageSize,
      page: this.page,
      iterationTypeId: this.iterationType,
      // A member before 5.2 reads only the single key: set it too when there is one.
      partitionKeyData: partitionKeysData !== null && partitionKeysData.length === 1 ? partitionKeysData[0] : null,
      partitionKeysData,
    };
  }

  writeData(output: ObjectDataOutput): void {
    output.writeObject(this.predicate);
    output.writeObject(this.comparator);
    output.writeInt(this.page);
    output.writeInt(this.pageSize);
    output.writeString(ITERATION_TYPE_NAMES[this.iterationType]);
    output.writeInt(this.anchors.length);
    for (const anchor of this.anchors) {
      output.writeInt(anchor.page);
      output.writeObject(anchor.key);
      output.writeObject(anchor.value);
    }
  }

  readData(input: ObjectDataInput): void {
    this.predicate = input.readObject<Predicate | null>();
    this.comparator = input.readObject<object | null>();
    this.page = input.readInt();
    this.pageSize = input.readInt();
    const name = input.readString();
    const type = ITERATION_TYPE_NAMES.indexOf(name as (typeof ITERATION_TYPE_NAMES)[number]);
    this.iterationType = (type < 0 ? IterationType.ENTRY : type) as IterationType;
    const count = input.readInt();
    this.anchors = [];
    for (let i = 0; i < count; i++) {
      const page = input.readInt();
      const key = input.readObject();
      this.anchors.push({ page, key, value: input.readObject() });
    }
  }

  // Java's getNearestAnchorEntry: the anchor of the page before the current one, or the last
  // anchor when the current page is beyond them.
  private nearestAnchor(): Anchor | undefined {
    const count = this.anchors.length;
    if (this.page === 0 || count === 0) return undefined;
    return this.page < count ? this.anchors[this.page - 1] : this.anchors[count - 1];
  }
}
