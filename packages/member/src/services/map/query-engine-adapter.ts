import type { Data } from '@hz/core';
import type { PagingPredicateHolder } from '@hz/proxies/codec';
import { ErrorCode, MemberError } from '../../dispatch/errors';
import { QueryEngine } from '../../query';
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
  constructor(readonly engine: QueryEngine = new QueryEngine()) {}

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

/** The query engine a new map service starts with: the member's. */
export function defaultQueryEngine(): MapQueryEngine {
  return new MemberQueryEngine();
}
