// The member-side classes a client reads in query results: the set of the distinct aggregator
// and the map entry of maxBy/minBy and of the identity projection. They are
// IdentifiedDataSerializable; `queryResultsExtension()` plugs their factories into the core's
// serialization service (the meta-package does it), `queryDataSerializableFactories()` gives
// them in the config's `dataSerializableFactories` shape.
import type { IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput, SerializerExtension } from '@hz/core';
import { AGGREGATOR_FACTORY_ID, AggregatorClassId, LAZY_MAP_ENTRY_CLASS_ID, MAP_FACTORY_ID } from '../ids';

/**
 * The result of `Aggregators.distinct`: a Set of the distinct values (Java's
 * CanonicalizingHashSet, which the member fills treating 1, 1L and 1.0 as one value).
 */
export class CanonicalizingHashSet<T = unknown> extends Set<T> implements IdentifiedDataSerializable {
  readonly factoryId = AGGREGATOR_FACTORY_ID;
  readonly classId = AggregatorClassId.CANONICALIZING_SET;

  readData(input: ObjectDataInput): void {
    const count = input.readInt();
    for (let i = 0; i < count; i++) this.add(input.readObject<T>());
  }

  writeData(output: ObjectDataOutput): void {
    output.writeInt(this.size);
    for (const value of this) output.writeObject(value);
  }
}

/**
 * A map entry in a result (`maxBy`, `minBy`, the identity projection). Destructure it as
 * `const [key, value] = entry`.
 */
export class MapEntry<K = unknown, V = unknown> implements IdentifiedDataSerializable {
  readonly factoryId = MAP_FACTORY_ID;
  readonly classId = LAZY_MAP_ENTRY_CLASS_ID;

  constructor(
    public key: K = null as K,
    public value: V = null as V,
  ) {}

  readData(input: ObjectDataInput): void {
    this.key = input.readObject<K>();
    this.value = input.readObject<V>();
  }

  writeData(output: ObjectDataOutput): void {
    output.writeObject(this.key);
    output.writeObject(this.value);
  }

  *[Symbol.iterator](): IterableIterator<K | V> {
    yield this.key;
    yield this.value;
  }

  toArray(): [K, V] {
    return [this.key, this.value];
  }
}

/** A factory in the official client's shape: an IDS object for a class id, or null for an unknown one. */
export type QueryResultFactory = (classId: number) => IdentifiedDataSerializable | null;

/**
 * Factories for the result classes, by factory id, to merge into the serialization config's
 * `dataSerializableFactories` so that query results can be read. Aggregator ids (-29) other
 * than the result set give null (clients never read aggregators).
 */
export function queryDataSerializableFactories(): Record<number, QueryResultFactory> {
  return {
    [AGGREGATOR_FACTORY_ID]: (classId) => (classId === AggregatorClassId.CANONICALIZING_SET ? new CanonicalizingHashSet() : null),
    [MAP_FACTORY_ID]: (classId) => (classId === LAZY_MAP_ENTRY_CLASS_ID ? new MapEntry() : null),
  };
}

/**
 * The factories as a serialization extension: `new DefaultSerializationService(config,
 * [queryResultsExtension(), ...])` reads query results without anything else configured.
 */
export function queryResultsExtension(): SerializerExtension {
  return { name: '@hz/query', dataSerializableFactories: new Map(Object.entries(queryDataSerializableFactories()).map(([id, f]) => [Number(id), f])) };
}
