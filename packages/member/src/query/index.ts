// The development member's query engine: predicates, aggregations, projections and paging over
// stored entries, with the Java member's semantics. See query-engine.ts for how a map service
// uses it.
export { QueryEngine, defaultAccessors, type QueryEngineOptions, type PagedQueryResult } from './query-engine';
export { QueryEntry, type QueryContext } from './query-entry';
export {
  AccessorRegistry,
  NON_TERMINAL,
  Structured,
  extract,
  terminalOf,
  type ValueAccessor,
  type QueryTarget,
  type TargetResolver,
  type Terminal,
  type Extraction,
} from './accessor';
export { JSON_ACCESSOR, jsonTarget, parseJson, type JsonNode } from './json-accessor';
export { OBJECT_ACCESSOR, objectTarget, javaClassNamesOf } from './object-accessor';
export { parseAttributePath, type AttributePath, type PathStep } from './attribute-path';
export { JavaEnum, TypedValue, jv, toJValue, toWritable, type JValue, type JKind } from './java-values';
export { compareValues, equalValues, hashKey } from './java-compare';
export { convertToAttributeType } from './java-convert';
export { javaDoubleToString, javaFloatToString, javaToString } from './java-text';
export { readTypedObject, readTypedPayload, toTypedObject } from './typed-read';
export {
  QueryReader,
  decodePredicate,
  decodeAggregator,
  decodeProjection,
  decodePagingPredicate,
  type QueryReaderOptions,
  type CustomPredicateReader,
  type PagingPredicateHolderLike,
} from './readers';
export { parseSql } from './sql-parser';
export { likePattern, regexPattern } from './patterns';
export { evaluate } from './evaluate';
export { runAggregation } from './aggregation';
export { runProjection, projectEntry } from './projection';
export { pageEntries, compareEntries, ComparatorRegistry, type EntryComparator, type ComparatorFactory, type PageResult } from './paging';
export { resultToData, EntryResult, DistinctResult, ObjectArrayResult } from './results';
export type { PredicateNode, PagingPredicateNode, PagingAnchor, AggregatorNode, AggregatorKind, ProjectionNode } from './query-tree';
