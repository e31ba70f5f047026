// Reading what clients send: predicates (factory -20), aggregators (-29) and projections (-30)
// as IdentifiedDataSerializable bytes, by factory and class id, in the order of the Java
// classes' readData, into the evaluable trees of query-tree. Nested values keep their Java types.
import { HeapData, TypeId, typeIdName, type Data, type DefaultSerializationService, type ObjectDataInput } from '@hz/core';
import { MemberError } from '../dispatch/errors';
import { serializationError } from './errors';
import { toJValue, type JValue } from './java-values';
import type { AggregatorKind, AggregatorNode, PagingAnchor, PagingPredicateNode, PredicateNode, ProjectionNode } from './query-tree';
import { parseSql } from './sql-parser';
import { readNestedWithData, readTypedObject } from './typed-read';

export const PREDICATE_FACTORY_ID = -20;
export const AGGREGATOR_FACTORY_ID = -29;
export const PROJECTION_FACTORY_ID = -30;

const HASH_SET = -37;
const SET_OR_LIST_TYPE_IDS = new Set([TypeId.ARRAY_LIST, TypeId.LINKED_LIST, HASH_SET, -38, -39, -40, -41]);

/** Reads a predicate of another factory (a user's predicate) into something evaluable. */
export type CustomPredicateReader = (input: ObjectDataInput, factoryId: number, classId: number) => PredicateNode;

export interface QueryReaderOptions {
  /** Readers of predicates of other factories, by `${factoryId}/${classId}`. */
  readonly customPredicates?: ReadonlyMap<string, CustomPredicateReader>;
}

const AGGREGATOR_KINDS: readonly AggregatorKind[] = [
  'bigDecimalAvg',
  'bigDecimalSum',
  'bigIntegerAvg',
  'bigIntegerSum',
  'count',
  'distinct',
  'doubleAvg',
  'doubleSum',
  'fixedSum',
  'floatingPointSum',
  'integerAvg',
  'integerSum',
  'longAvg',
  'longSum',
  'max',
  'min',
  'numberAvg',
  'maxBy',
  'minBy',
];

const ITERATION_TYPES = ['KEY', 'VALUE', 'ENTRY'];

function asData(bytes: Data | Buffer): Data {
  return Buffer.isBuffer(bytes) ? new HeapData(bytes) : bytes;
}

/** Reads IDS objects of the query factories. */
export class QueryReader {
  constructor(
    private readonly serializationService: DefaultSerializationService,
    private readonly options: QueryReaderOptions = {},
  ) {}

  /** A predicate sent as a Data (Map.valuesWithPredicate and the like). */
  readPredicate(bytes: Data | Buffer): PredicateNode {
    return this.readWhole(asData(bytes), (input, typeId) => this.predicatePayload(input, typeId));
  }

  readAggregator(bytes: Data | Buffer): AggregatorNode {
    return this.readWhole(asData(bytes), (input, typeId) => {
      const { factoryId, classId } = this.identifiedHeader(input, typeId, 'an aggregator');
      const kind = factoryId === AGGREGATOR_FACTORY_ID ? AGGREGATOR_KINDS[classId] : undefined;
      if (kind === undefined) throw unknownClass('aggregator', factoryId, classId);
      const attributePath = input.readString();
      this.skipAggregatorState(kind, input);
      return { kind, attributePath };
    });
  }

  readProjection(bytes: Data | Buffer): ProjectionNode {
    return this.readWhole(asData(bytes), (input, typeId) => {
      const { factoryId, classId } = this.identifiedHeader(input, typeId, 'a projection');
      if (factoryId !== PROJECTION_FACTORY_ID) throw unknownClass('projection', factoryId, classId);
      switch (classId) {
        case 0:
          return { kind: 'singleAttribute', attributePath: input.readString() ?? '' };
        case 1:
          return { kind: 'multiAttribute', attributePaths: (input.readStringArray() ?? []).map((p) => p ?? '') };
        case 2:
          return { kind: 'identity' };
        default:
          throw unknownClass('projection', factoryId, classId);
      }
    });
  }

  /** A paging predicate sent in the PagingPredicateHolder of Map.*WithPagingPredicate. */
  readPagingHolder(holder: PagingPredicateHolderLike): PagingPredicateNode {
    const { anchorPageList, anchorDataList } = holder.anchorDataListHolder;
    if (anchorPageList.length !== anchorDataList.length) throw serializationError('Malformed AnchorDataListHolder: lists of different lengths');
    const partitionKeysData = holder.partitionKeysData ?? (holder.partitionKeyData === null ? null : [holder.partitionKeyData]);
    return {
      kind: 'paging',
      predicate: holder.predicateData === null ? null : this.readPredicate(holder.predicateData),
      comparatorData: holder.comparatorData,
      pageSize: holder.pageSize,
      page: holder.page,
      iterationType: checkIterationType(holder.iterationTypeId),
      anchors: anchorDataList.map(([keyData, valueData], i) => ({ page: anchorPageList[i], keyData, valueData })),
      partitionKeysData: partitionKeysData === null ? null : [...partitionKeysData],
    };
  }

  private readWhole<T>(data: Data, read: (input: ObjectDataInput, typeId: number) => T): T {
    const bytes = data.toBuffer();
    if (bytes.length < 8) throw serializationError('A query object cannot be null');
    const input = this.serializationService.createObjectDataInput(bytes, 8);
    let result: T;
    try {
      result = read(input, data.getType());
    } catch (error) {
      if (error instanceof MemberError) throw error;
      // Malformed bytes, or a value of a type the member's serialization service cannot read.
      throw serializationError(`Cannot read a query object: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (input.available() !== 0) throw serializationError(`${input.available()} bytes left after reading a query object`);
    return result;
  }

  private identifiedHeader(input: ObjectDataInput, typeId: number, what: string): { factoryId: number; classId: number } {
    if (typeId !== TypeId.IDENTIFIED_DATA_SERIALIZABLE) throw serializationError(`Expected ${what} (IdentifiedDataSerializable), got ${typeIdName(typeId)}`);
    const header = input.readByte();
    if ((header & 1) === 0) throw serializationError(`Expected ${what}: a DataSerializable that is not identified has no reader here`);
    const factoryId = input.readInt();
    const classId = input.readInt();
    // A versioned (Enterprise) header carries the version's major and minor.
    if ((header & 2) !== 0) input.skipBytes(2);
    return { factoryId, classId };
  }

  private value(input: ObjectDataInput): JValue | null {
    return toJValue(readTypedObject(input, this.serializationService));
  }

  private nestedPredicate(input: ObjectDataInput): PredicateNode {
    const typeId = input.readInt();
    if (typeId === TypeId.NULL) throw serializationError('A nested predicate is null');
    return this.predicatePayload(input, typeId);
  }

  private predicatePayload(input: ObjectDataInput, typeId: number): PredicateNode {
    const { factoryId, classId } = this.identifiedHeader(input, typeId, 'a predicate');
    if (factoryId !== PREDICATE_FACTORY_ID) {
      const custom = this.options.customPredicates?.get(`${factoryId}/${classId}`);
      if (custom === undefined) throw unknownClass('predicate', factoryId, classId);
      return custom(input, factoryId, classId);
    }
    switch (classId) {
      case 0: {
        const sql = input.readString() ?? '';
        return { kind: 'sql', sql, predicate: parseSql(sql) };
      }
      case 1:
      case 11: {
        const count = input.readInt();
        const predicates: PredicateNode[] = [];
        for (let i = 0; i < count; i++) predicates.push(this.nestedPredicate(input));
        return { kind: classId === 1 ? 'and' : 'or', predicates };
      }
      case 2: {
        const attribute = input.readString() ?? '';
        const to = this.value(input);
        return { kind: 'between', attribute, from: this.value(input), to };
      }
      case 3:
      case 9: {
        const attribute = input.readString() ?? '';
        return { kind: classId === 3 ? 'equal' : 'notEqual', attribute, value: this.value(input) };
      }
      case 4: {
        const attribute = input.readString() ?? '';
        const value = this.value(input);
        const equal = input.readBoolean();
        return { kind: 'greaterLess', attribute, value, equal, less: input.readBoolean() };
      }
      case 5:
      case 6: {
        const attribute = input.readString() ?? '';
        return { kind: classId === 5 ? 'like' : 'ilike', attribute, expression: input.readString() };
      }
      case 7: {
        const attribute = input.readString() ?? '';
        const count = input.readInt();
        const values: Array<JValue | null> = [];
        for (let i = 0; i < count; i++) values.push(this.value(input));
        return { kind: 'in', attribute, values };
      }
      case 8:
        return { kind: 'instanceOf', className: input.readString() ?? '' };
      case 10:
        return { kind: 'not', predicate: this.nestedPredicate(input) };
      case 12: {
        const attribute = input.readString() ?? '';
        return { kind: 'regex', attribute, regex: input.readString() };
      }
      case 13:
        return { kind: 'false' };
      case 14:
        return { kind: 'true' };
      case 15:
        return this.pagingPayload(input);
      case 16: {
        const key = readNestedWithData(input, this.serializationService);
        return { kind: 'partition', partitionKeys: [toJValue(key.value)], partitionKeysData: [key.data], target: this.nestedPredicate(input) };
      }
      case 21: {
        const setType = input.readInt();
        if (!SET_OR_LIST_TYPE_IDS.has(setType)) throw serializationError(`Expected a set of partition keys, got ${typeIdName(setType)}`);
        const count = input.readInt();
        const keys = [];
        for (let i = 0; i < count; i++) keys.push(readNestedWithData(input, this.serializationService));
        return { kind: 'partition', partitionKeys: keys.map((k) => toJValue(k.value)), partitionKeysData: keys.map((k) => k.data), target: this.nestedPredicate(input) };
      }
      default:
        throw unknownClass('predicate', factoryId, classId);
    }
  }

  // Java's PagingPredicateImpl.readData (clients send the holder instead; kept for completeness).
  private pagingPayload(input: ObjectDataInput): PagingPredicateNode {
    const innerType = input.readInt();
    const predicate = innerType === TypeId.NULL ? null : this.predicatePayload(input, innerType);
    const comparator = readNestedWithData(input, this.serializationService);
    const page = input.readInt();
    const pageSize = input.readInt();
    const iterationType = ITERATION_TYPES.indexOf(input.readString() ?? '');
    const count = input.readInt();
    const anchors: PagingAnchor[] = [];
    for (let i = 0; i < count; i++) {
      const anchorPage = input.readInt();
      const key = readNestedWithData(input, this.serializationService).data;
      const value = readNestedWithData(input, this.serializationService).data;
      if (key === null || value === null) throw serializationError('A paging anchor has a null key or value');
      anchors.push({ page: anchorPage, keyData: key, valueData: value });
    }
    return { kind: 'paging', predicate, comparatorData: comparator.data, pageSize, page, iterationType: checkIterationType(iterationType), anchors, partitionKeysData: null };
  }

  private skipAggregatorState(kind: AggregatorKind, input: ObjectDataInput): void {
    const object = (): void => void readTypedObject(input, this.serializationService);
    switch (kind) {
      case 'count':
      case 'fixedSum':
      case 'integerSum':
      case 'longSum':
        input.readLong();
        break;
      case 'doubleSum':
      case 'floatingPointSum':
        input.readDouble();
        break;
      case 'doubleAvg':
      case 'numberAvg':
        input.readDouble();
        input.readLong();
        break;
      case 'integerAvg':
      case 'longAvg':
        input.readLong();
        input.readLong();
        break;
      case 'bigDecimalSum':
      case 'bigIntegerSum':
      case 'max':
      case 'min':
        object();
        break;
      case 'bigDecimalAvg':
      case 'bigIntegerAvg':
        object();
        input.readLong();
        break;
      case 'maxBy':
      case 'minBy':
        object();
        object();
        break;
      case 'distinct': {
        const count = input.readInt();
        for (let i = 0; i < count; i++) object();
        break;
      }
    }
  }
}

/** The PagingPredicateHolder as the generated member codec decodes it. */
export interface PagingPredicateHolderLike {
  readonly anchorDataListHolder: { readonly anchorPageList: readonly number[]; readonly anchorDataList: ReadonlyArray<readonly [Data, Data]> };
  readonly predicateData: Data | null;
  readonly comparatorData: Data | null;
  readonly pageSize: number;
  readonly page: number;
  readonly iterationTypeId: number;
  readonly partitionKeyData: Data | null;
  readonly partitionKeysData?: readonly Data[] | null;
}

function checkIterationType(type: number): number {
  if (type !== 0 && type !== 1 && type !== 2) throw serializationError(`Unknown iteration type ${type}`);
  return type;
}

function unknownClass(what: string, factoryId: number, classId: number): Error {
  return serializationError(`No ${what} reader for factoryId ${factoryId}, classId ${classId}`);
}

/** Decodes a predicate. */
export function decodePredicate(bytes: Data | Buffer, serializationService: DefaultSerializationService, options?: QueryReaderOptions): PredicateNode {
  return new QueryReader(serializationService, options).readPredicate(bytes);
}

/** Decodes an aggregator. */
export function decodeAggregator(bytes: Data | Buffer, serializationService: DefaultSerializationService): AggregatorNode {
  return new QueryReader(serializationService).readAggregator(bytes);
}

/** Decodes a projection. */
export function decodeProjection(bytes: Data | Buffer, serializationService: DefaultSerializationService): ProjectionNode {
  return new QueryReader(serializationService).readProjection(bytes);
}

/** Decodes the PagingPredicateHolder of a paging query. */
export function decodePagingPredicate(holder: PagingPredicateHolderLike, serializationService: DefaultSerializationService, options?: QueryReaderOptions): PagingPredicateNode {
  return new QueryReader(serializationService, options).readPagingHolder(holder);
}

