import type { Data } from '@hz/core';
import type { PagingPredicateHolder } from '@hz/proxies/codec';
import { ErrorCode, MemberError } from '../../dispatch/errors';
import { QueryEngine } from '../../query';
import { MemberValueFormats } from '../../query/accessors';
import type { CompiledPredicate, MapQueryEngine, Page, QueryEntry } from './map-query';

/**
 * The member's query engine (packages/member/src/query) behind the map service's seam: it
 * decodes what clients send (built-in predicates, aggregators, projections, paging holders, and
 * what is registered on `engine`) and evaluates it over Portable, Compact, JSON and built-in
 * values with the Java member's semantics.
 */
/** What the client sent could not be read: a member answers with HazelcastSerializationException. */
function decoding<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof MemberError) throw e;
    throw new MemberError(ErrorCode.HAZELCAST_SERIALIZATION, e instanceof Error ? e.message : String(e));
  }
}

export class MemberQueryEngine implements MapQueryEngine {
  private current: QueryEngine;
  private formatsValue: MemberValueFormats | null = null;

  /** An engine over `engine`; `withFormats` for one that also reads Portable, Compact and IDS values. */
  constructor(engine: QueryEngine = new QueryEngine()) {
    this.current = engine;
  }

  /** A map query engine that reads Portable, Compact and IdentifiedDataSerializable values with `formats`. */
  static withFormats(formats: MemberValueFormats): MemberQueryEngine {
    const engine = new MemberQueryEngine(formats.createQueryEngine());
    engine.formatsValue = formats;
    return engine;
  }

  /** The member's query engine behind this adapter. */
  get engine(): QueryEngine {
    return this.current;
  }

  /** The formats this engine reads (null: JSON and the built-in types only). */
  get formats(): MemberValueFormats | null {
    return this.formatsValue;
  }

  /**
   * Reads Portable, Compact and IdentifiedDataSerializable values with `formats` from now on
   * (the cluster's, once it has them): the engine is rebuilt on the formats' serialization
   * service, keeping the accessors and comparators registered so far.
   */
  useFormats(formats: MemberValueFormats): void {
    if (this.formatsValue === formats) return;
    const { accessors, comparators } = this.current;
    this.current = formats.createQueryEngine({ accessors, comparators });
    this.formatsValue = formats;
  }

  compile(predicate: Data): CompiledPredicate {
    const node = decoding(() => this.engine.decodePredicate(predicate));
    return {
      test: (key, value) => this.engine.evaluate(node, this.engine.entry(key, value)),
      partitionKeys: node.kind === 'partition' ? node.partitionKeysData.filter((k): k is Data => k !== null) : null,
    };
  }

  aggregate(aggregator: Data, entries: readonly QueryEntry[]): Data | null {
    return this.engine.aggregate(decoding(() => this.engine.decodeAggregator(aggregator)), this.entries(entries));
  }

  project(projection: Data, entries: readonly QueryEntry[]): Array<Data | null> {
    return this.engine.project(decoding(() => this.engine.decodeProjection(projection)), this.entries(entries));
  }

  page(holder: PagingPredicateHolder, entries: readonly QueryEntry[]): Page {
    const result = this.engine.page(decoding(() => this.engine.decodePagingPredicate(holder)), this.entries(entries));
    return {
      entries: result.entries.map((e) => ({ key: e.keyData.toBuffer(), value: e.valueData.toBuffer() })),
      anchors: result.anchorDataList,
    };
  }

  private entries(entries: readonly QueryEntry[]) {
    return entries.map((e) => this.engine.entry(e.key, e.value));
  }
}

/**
 * The query engine a new map service starts with: the member's, reading Portable, Compact and
 * IDS values with the cluster's formats when given (else with formats of its own until
 * `useClusterFormats` gives it the cluster's).
 */
export function defaultQueryEngine(formats: MemberValueFormats = new MemberValueFormats()): MapQueryEngine {
  return MemberQueryEngine.withFormats(formats);
}

/**
 * Makes a map service's query engine read with the cluster's formats (its Compact schemas and
 * IDS factories). A no-op for an engine that is not the member's (a test's BasicQueryEngine).
 */
export function useClusterFormats(engine: MapQueryEngine, formats: MemberValueFormats): void {
  if (engine instanceof MemberQueryEngine) engine.useFormats(formats);
}
