import { DefaultSerializationService, HazelcastSerializationError, HeapData, isData, type Data, type ObjectDataInput } from '@hz/core';
import { ErrorCode, MemberError } from '../../dispatch/errors';
import { identifiedIdsOf } from './map-query';

/**
 * The entry an entry processor works on. Key and value are deserialized with the built-in
 * types and JSON (a value of another format can still be read through `valueData`).
 */
export interface ProcessorEntry {
  readonly key: unknown;
  readonly keyData: Data;
  /** The current value, or null when the key has no entry. */
  readonly value: unknown;
  readonly valueData: Data | null;
  /** Sets the entry's value (a JavaScript value or a Data); null removes the entry. */
  setValue(value: unknown): void;
}

/** Processes one entry; what it returns (serialized) is the processor's result for that key. */
export type EntryProcessorFn = (entry: ProcessorEntry) => unknown;

/**
 * Makes the processor of one request from the fields the client wrote (the input is
 * positioned after the IdentifiedDataSerializable header, at the fields `writeData` wrote).
 */
export type EntryProcessorFactory = (fields: ObjectDataInput) => EntryProcessorFn;

/** The outcome of a processor on one entry: the value to store (undefined: unchanged) and the result. */
export interface ProcessorOutcome {
  /** Buffer: the new value; null: remove the entry; undefined: leave it. */
  readonly newValue: Buffer | null | undefined;
  readonly result: Data | null;
}

/**
 * Entry processors the member runs, registered in TypeScript by the factory and class id of
 * the IdentifiedDataSerializable the client sends (a Java member would find a Java class).
 */
export class EntryProcessorRegistry {
  private readonly factories = new Map<string, EntryProcessorFactory>();
  private readonly serialization = new DefaultSerializationService();

  register(factoryId: number, classId: number, factory: EntryProcessorFactory): void {
    if (typeof factory !== 'function') throw new TypeError('An entry processor factory must be a function');
    this.factories.set(`${factoryId}:${classId}`, factory);
  }

  unregister(factoryId: number, classId: number): boolean {
    return this.factories.delete(`${factoryId}:${classId}`);
  }

  /** The processor a request sent; fails as a member does when it has no such class. */
  processorOf(processor: Data): EntryProcessorFn {
    const bytes = processor.toBuffer();
    const ids = identifiedIdsOf(bytes);
    const factory = ids === null ? undefined : this.factories.get(`${ids.factoryId}:${ids.classId}`);
    if (ids === null || factory === undefined) {
      const what = ids === null ? `a value of serializer type ${processor.getType()}` : `factoryId=${ids.factoryId} classId=${ids.classId}`;
      throw new MemberError(
        ErrorCode.HAZELCAST_SERIALIZATION,
        `No entry processor is registered for ${what}: register one with cluster.mapService.registerEntryProcessor(factoryId, classId, factory)`,
      );
    }
    // Fields start after the header, the "identified" flag and the two ids.
    const input = this.serialization.createObjectDataInput(bytes, 17);
    return this.guard(() => factory(input));
  }

  /** Runs a processor on one entry (value null: no entry). */
  run(fn: EntryProcessorFn, key: Buffer, value: Buffer | null): ProcessorOutcome {
    let newValue: Buffer | null | undefined;
    const keyData = new HeapData(key);
    const valueData = value === null ? null : new HeapData(value);
    let deserializedKey: unknown;
    let deserializedValue: unknown;
    const entry: ProcessorEntry = {
      get key() {
        return (deserializedKey ??= readObject(keyData));
      },
      keyData,
      get value() {
        if (newValue !== undefined) return newValue === null ? null : readObject(new HeapData(newValue));
        return valueData === null ? null : (deserializedValue ??= readObject(valueData));
      },
      valueData,
      setValue: (v: unknown) => {
        newValue = v === null || v === undefined ? null : this.toData(v).toBuffer();
      },
    };
    const readObject = (d: Data): unknown => this.guard(() => this.serialization.toObject(d));
    const result = this.guard(() => fn(entry));
    return { newValue, result: result === null || result === undefined ? null : this.toData(result) };
  }

  private toData(v: unknown): Data {
    return isData(v) ? v : (this.guard(() => this.serialization.toData(v)) as Data);
  }

  /** What a processor throws goes to the client as a member's exception. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof MemberError) throw e;
      const code = e instanceof HazelcastSerializationError ? ErrorCode.HAZELCAST_SERIALIZATION : ErrorCode.HAZELCAST;
      throw new MemberError(code, e instanceof Error ? e.message : String(e));
    }
  }

  clear(): void {
    this.factories.clear();
  }
}
