// Helpers of the query engine tests: a map of entries as the member stores them (serialized),
// and a client-side predicate/aggregator/projection serialized as a client sends it.
import { DefaultSerializationService, HazelcastJsonValue, type Data, type Serializer } from '@hz/core';
import { queryResultsExtension } from '@hz/query';
import { QueryEngine, type QueryEntry } from '../../src/query';

export const ss = new DefaultSerializationService();

/** Serializes like a client. */
export function toData(value: unknown): Data {
  const data = ss.toData(value);
  if (data === null) throw new Error('null');
  return data;
}

/** A JSON value as a client stores it. */
export function json(value: unknown): HazelcastJsonValue {
  return new HazelcastJsonValue(JSON.stringify(value));
}

/** Stored entries from [key, value] pairs (values as a client would put them). */
export function entriesOf(engine: QueryEngine, pairs: ReadonlyArray<readonly [unknown, unknown]>): QueryEntry[] {
  return pairs.map(([k, v]) => engine.entry(toData(k), toData(v)));
}

/** The keys (deserialized) of the entries a client-side predicate selects. */
export function keysMatching(engine: QueryEngine, predicate: unknown, entries: QueryEntry[]): unknown[] {
  const node = engine.decodePredicate(toData(predicate));
  return engine.filter(node, entries).map((e) => ss.toObject(e.keyData));
}

/** Deserializes a result with the client's service (IDS results need the query factories). */
export function fromData<T = unknown>(data: Data | null): T | null {
  return ss.toObject<T>(data);
}

/**
 * A client's serialization service that reads query results: IDS through @hz/query's result
 * factories (the core's IDS serializer), and Object[] (-28), as a client with them would.
 */
export function clientService(): DefaultSerializationService {
  const objectArray: Serializer = {
    id: -28,
    read(input) {
      const count = input.readInt();
      const items: unknown[] = [];
      for (let i = 0; i < count; i++) items.push(input.readObject());
      return items;
    },
    write() {
      throw new Error('read only');
    },
  };
  return new DefaultSerializationService({}, [queryResultsExtension(), { serializerForTypeId: (typeId) => (typeId === -28 ? objectArray : undefined) }]);
}
