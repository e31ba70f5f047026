// Running projections over entries: one result per entry (null for a missing attribute), as the
// member's projections do.
import type { DefaultSerializationService } from '@hz/core';
import type { QueryEntry } from './query-entry';
import type { ProjectionNode } from './query-tree';
import { EntryResult, ObjectArrayResult, writableOf } from './results';

function attributeOf(entry: QueryEntry, path: string): unknown {
  const extraction = entry.extract(path);
  return extraction.multi ? extraction.values.map(writableOf) : writableOf(extraction.values[0]);
}

/** The projection of one entry, ready for resultToData. */
export function projectEntry(projection: ProjectionNode, entry: QueryEntry, serializationService: DefaultSerializationService): unknown {
  switch (projection.kind) {
    case 'singleAttribute':
      return attributeOf(entry, projection.attributePath);
    case 'multiAttribute':
      return new ObjectArrayResult(projection.attributePaths.map((path) => attributeOf(entry, path)));
    case 'identity':
      return new EntryResult(entry, serializationService);
  }
}

/** The projections of entries (already filtered by the query's predicate), in order. */
export function runProjection(projection: ProjectionNode, entries: Iterable<QueryEntry>, serializationService: DefaultSerializationService): unknown[] {
  const results: unknown[] = [];
  for (const entry of entries) results.push(projectEntry(projection, entry, serializationService));
  return results;
}
