// Query results written as a Java member writes them, so that every client reads them: the set
// of the distinct aggregator (CanonicalizingHashSet, IDS -29/19), the map entry of maxBy, minBy
// and the identity projection (LazyMapEntry, IDS -4/120, key and value nested), the Object[] of
// the multi-attribute projection (type id -28), and values with their Java types.
import { HeapData, TypeId, type Data, type DefaultSerializationService, type IdentifiedDataSerializable, type ObjectDataOutput } from '@hz/core';
import { Structured, type Terminal } from './accessor';
import { toWritable } from './java-values';
import type { QueryEntry } from './query-entry';

const OBJECT_ARRAY_TYPE_ID = -28;

/**
 * Writes a stored Data as a nested object: its type id and payload copied as they are, except
 * Portable, whose positions are absolute in its Data and is written again from its object.
 */
function writeStored(output: ObjectDataOutput, data: Data, serializationService: DefaultSerializationService): void {
  if (data.getType() === TypeId.PORTABLE) {
    output.writeObject(serializationService.toObject(data));
    return;
  }
  output.writeInt(data.getType());
  output.write(data.toBuffer().subarray(8));
}

/** A map entry result (Java's LazyMapEntry): the entry's key and value as stored. */
export class EntryResult implements IdentifiedDataSerializable {
  readonly factoryId = -4;
  readonly classId = 120;
  constructor(
    readonly entry: QueryEntry,
    private readonly serializationService: DefaultSerializationService,
  ) {}
  writeData(output: ObjectDataOutput): void {
    writeStored(output, this.entry.keyData, this.serializationService);
    writeStored(output, this.entry.valueData, this.serializationService);
  }
  readData(): void {
    throw new Error('EntryResult is write-only');
  }
}

/** The distinct aggregator's result (Java's CanonicalizingHashSet). */
export class DistinctResult implements IdentifiedDataSerializable {
  readonly factoryId = -29;
  readonly classId = 19;
  constructor(readonly values: readonly unknown[]) {}
  writeData(output: ObjectDataOutput): void {
    output.writeInt(this.values.length);
    for (const value of this.values) output.writeObject(value);
  }
  readData(): void {
    throw new Error('DistinctResult is write-only');
  }
}

/** A Java Object[] (the multi-attribute projection's result). */
export class ObjectArrayResult {
  constructor(readonly values: readonly unknown[]) {}
}

/** What a projection returns for an extracted value: the typed value, or the raw structure. */
export function writableOf(value: Terminal): unknown {
  return value instanceof Structured ? value.raw : toWritable(value);
}

/** Serializes a result of the engine (null stays null). */
export function resultToData(result: unknown, serializationService: DefaultSerializationService): Data | null {
  if (result instanceof ObjectArrayResult) {
    const output = serializationService.createObjectDataOutput();
    output.writeIntBE(0);
    output.writeIntBE(OBJECT_ARRAY_TYPE_ID);
    output.writeInt(result.values.length);
    for (const value of result.values) output.writeObject(value);
    return new HeapData(output.toBuffer());
  }
  return serializationService.toData(result);
}
