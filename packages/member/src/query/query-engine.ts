// The query engine a map service calls: decode what the client sent, evaluate it over the
// stored entries, serialize the results as a Java member would.
import { DefaultSerializationService, type Data } from '@hz/core';
import { AccessorRegistry } from './accessor';
import { runAggregation } from './aggregation';
import { evaluate } from './evaluate';
import { jsonTarget } from './json-accessor';
import { objectTarget } from './object-accessor';
import { runProjection } from './projection';
import { QueryEntry, type QueryContext } from './query-entry';
import type { AggregatorNode, PagingPredicateNode, PredicateNode, ProjectionNode } from './query-tree';
import { ComparatorRegistry, pageEntries, type PageResult } from './paging';
import { QueryReader, type CustomPredicateReader, type PagingPredicateHolderLike } from './readers';
import { resultToData } from './results';

/** JSON (-130) through the JSON accessor, everything else through the serialization service. */
export function defaultAccessors(): AccessorRegistry {
  return new AccessorRegistry(objectTarget).register(-130, jsonTarget);
}

export interface QueryEngineOptions {
  /** The member's serialization service (its byte order and extensions); a default one otherwise. */
  readonly serializationService?: DefaultSerializationService;
  /** Accessors by type id; `defaultAccessors()` otherwise. */
  readonly accessors?: AccessorRegistry;
  /** Comparators of paging predicates; none otherwise. */
  readonly comparators?: ComparatorRegistry;
  /** Readers of user predicates, by `${factoryId}/${classId}`. */
  readonly customPredicates?: ReadonlyMap<string, CustomPredicateReader>;
}

/** One page of a paging query, with what the response needs. */
export interface PagedQueryResult extends PageResult {
  /** Key Data (KEY), value Data (VALUE) or [key, value] (ENTRY) of the page, by the iteration type. */
  readonly keys: Data[];
  readonly values: Data[];
  readonly pairs: Array<[Data, Data]>;
}

/**
 * Queries over map entries. A map service makes one and, per request:
 *
 * ```ts
 * const predicate = engine.decodePredicate(request.predicate);
 * const matches = engine.filter(predicate, records.map((r) => engine.entry(r.key, r.value)));
 * encodeMapValuesWithPredicateResponse(matches.map((e) => e.valueData));
 * ```
 */
export class QueryEngine implements QueryContext {
  readonly serializationService: DefaultSerializationService;
  readonly accessors: AccessorRegistry;
  readonly comparators: ComparatorRegistry;
  private readonly reader: QueryReader;

  constructor(options: QueryEngineOptions = {}) {
    this.serializationService = options.serializationService ?? new DefaultSerializationService();
    this.accessors = options.accessors ?? defaultAccessors();
    this.comparators = options.comparators ?? new ComparatorRegistry();
    this.reader = new QueryReader(this.serializationService, { customPredicates: options.customPredicates });
  }

  /** An entry to query, from the stored key and value (Data or their bytes). */
  entry(key: Data | Buffer, value: Data | Buffer): QueryEntry {
    return new QueryEntry(key, value, this);
  }

  decodePredicate(data: Data | Buffer): PredicateNode {
    return this.reader.readPredicate(data);
  }

  decodeAggregator(data: Data | Buffer): AggregatorNode {
    return this.reader.readAggregator(data);
  }

  decodeProjection(data: Data | Buffer): ProjectionNode {
    return this.reader.readProjection(data);
  }

  /** The paging predicate of a `*WithPagingPredicate` request (its PagingPredicateHolder). */
  decodePagingPredicate(holder: PagingPredicateHolderLike): PagingPredicateNode {
    return this.reader.readPagingHolder(holder);
  }

  evaluate(predicate: PredicateNode, entry: QueryEntry): boolean {
    return evaluate(predicate, entry);
  }

  /** The entries that satisfy the predicate, in order. */
  filter(predicate: PredicateNode, entries: Iterable<QueryEntry>): QueryEntry[] {
    const matches: QueryEntry[] = [];
    for (const entry of entries) if (evaluate(predicate, entry)) matches.push(entry);
    return matches;
  }

  /** Aggregates the entries the predicate accepts (all without one); the result serialized (Map.aggregate*). */
  aggregate(aggregator: AggregatorNode, entries: Iterable<QueryEntry>, predicate?: PredicateNode): Data | null {
    const selected = predicate === undefined ? entries : this.filter(predicate, entries);
    return resultToData(runAggregation(aggregator, selected, this.serializationService), this.serializationService);
  }

  /** Projects the entries the predicate accepts; one serialized result each (Map.project*). */
  project(projection: ProjectionNode, entries: Iterable<QueryEntry>, predicate?: PredicateNode): Array<Data | null> {
    const selected = predicate === undefined ? entries : this.filter(predicate, entries);
    return runProjection(projection, selected, this.serializationService).map((r) => resultToData(r, this.serializationService));
  }

  /** One page of a paging query over the entries (Map.*WithPagingPredicate). */
  page(paging: PagingPredicateNode, entries: Iterable<QueryEntry>): PagedQueryResult {
    const comparator = paging.comparatorData === null ? null : this.comparators.resolve(paging.comparatorData, this.serializationService);
    const result = pageEntries(paging, entries, comparator, (key, value) => this.entry(key, value));
    return {
      ...result,
      keys: result.entries.map((e) => e.keyData),
      values: result.entries.map((e) => e.valueData),
      pairs: result.entries.map((e): [Data, Data] => [e.keyData, e.valueData]),
    };
  }
}
