import Long from 'long';
import {
  ARRAY_LIST_SERIALIZER,
  BOOLEAN_SERIALIZER,
  BUILTIN_CLASSES,
  BUILTIN_SERIALIZERS,
  BIG_INTEGER_SERIALIZER,
  BYTE_ARRAY_SERIALIZER,
  BYTE_SERIALIZER,
  DOUBLE_SERIALIZER,
  FLOAT_SERIALIZER,
  INTEGER_SERIALIZER,
  LONG_SERIALIZER,
  NULL_SERIALIZER,
  SHORT_SERIALIZER,
  STRING_SERIALIZER,
} from './builtin-serializers';
import { DATA_HEADER_SIZE, HeapData, isData, type Data } from './data';
import { describeType } from './describe-type';
import { HazelcastSerializationError } from './errors';
import { IDENTIFIED_WRITER, identifiedSerializer, isIdentifiedDataSerializable, type IdentifiedDataSerializableFactory } from './identified';
import { HazelcastJsonValue, JSON_EAGER_SERIALIZER, JSON_VALUE_SERIALIZER, JsonStringDeserializationPolicy } from './json';
import { ByteArrayObjectDataInput, type ObjectDataInput } from './object-data-input';
import { ByteArrayObjectDataOutput, isLong, type ObjectDataOutput } from './object-data-output';
import { resolveSerializationConfig, type DefaultNumberType, type ResolvedSerializationConfig, type SerializationConfig } from './serialization-config';
import { SerializationNeedsRoundTripError } from './round-trip';
import type { SerializationContext, SerializationService, Serializer, SerializerExtension } from './serializer';
import { TypeId, typeIdName } from './type-ids';

/**
 * A key that chooses its partition by another value (the official client's `PartitionAware`):
 * the Data of the object carries the partition hash of `partitionKey`, so related keys land
 * in the same partition.
 */
export interface PartitionAware<T = unknown> {
  partitionKey: T;
}

// The scratch output is kept between calls unless a value made it grow beyond this.
const MAX_KEPT_SCRATCH = 64 * 1024;

// Round trips one toDataAsync/toObjectAsync may make: one per Compact schema a value needs, so
// this only stops a recovery that does not recover (a bug), not a deep structure.
const MAX_ROUND_TRIPS = 64;

const NUMBER_SERIALIZERS: Record<DefaultNumberType, Serializer> = {
  double: DOUBLE_SERIALIZER as Serializer,
  float: FLOAT_SERIALIZER as Serializer,
  integer: INTEGER_SERIALIZER as Serializer,
  short: SHORT_SERIALIZER as Serializer,
  byte: BYTE_SERIALIZER as Serializer,
  long: LONG_SERIALIZER as Serializer,
};

type Class = abstract new (...args: never[]) => unknown;

/**
 * Built-in objects that JSON would silently turn into `{}` or lose data of: they have no
 * serializer unless an extension provides one.
 */
const NOT_JSON: readonly Class[] = [Map, Set, WeakMap, WeakSet, Promise, RegExp, Error, ArrayBuffer, DataView];

/**
 * The serialization service: the built-in types of the Java member, plus whatever
 * {@link SerializerExtension}s (from @hz/serialization) add.
 *
 * Choosing a serializer for a value follows the order of the client documentation's
 * "Serialization Priority" (seeds/python-client-readme-3x.md, chapter 4: None,
 * IdentifiedDataSerializable, Portable, default types, custom, global, then the language
 * fallback), with Compact placed among the user-declared formats as the official Node.js
 * client does and JSON as the JavaScript fallback:
 *
 * 1. a Data is passed through as it is; null is the null type (0) (and `toData(null)` is null);
 * 2. the formats a value declares for itself: extensions' `formatSerializerFor` (Compact,
 *    IdentifiedDataSerializable, Portable) - objects only;
 * 3. the built-in types (primitives always end here: they cannot be overridden);
 * 4. custom serializers: extensions' `customSerializerFor`;
 * 5. the global serializer: the first extension's `globalSerializer`;
 * 6. JSON (type id -130) for plain objects and class instances; anything else is an error.
 */
export class DefaultSerializationService implements SerializationService {
  private readonly config: ResolvedSerializationConfig;
  private readonly numberSerializer: Serializer;
  private readonly jsonSerializer: Serializer;
  private readonly byTypeId: Array<Serializer | undefined>;
  private readonly byClass: Map<unknown, Serializer>;
  private readonly extensions: readonly SerializerExtension[];
  /**
   * Whether serializing may need a round trip to the cluster first (SerializationNeedsRoundTripError):
   * only an extension that talks to the cluster (has `attach`) can ask for one. Proxies skip
   * their recovery wrapper when it is false.
   */
  readonly mayNeedRoundTrips: boolean;
  private readonly globalSerializer: Serializer | undefined;
  private readonly identified: Serializer;
  private scratch: ByteArrayObjectDataOutput | undefined;
  private scratchInUse = false;
  // Objects being written, outermost first, to report a structure that contains itself
  // instead of recursing until the stack overflows.
  private readonly writing: object[] = [];

  constructor(config?: SerializationConfig, extensions: readonly SerializerExtension[] = []) {
    this.config = resolveSerializationConfig(config);
    this.numberSerializer = NUMBER_SERIALIZERS[this.config.defaultNumberType];
    this.jsonSerializer =
      this.config.jsonStringDeserializationPolicy === JsonStringDeserializationPolicy.EAGER ? JSON_EAGER_SERIALIZER : JSON_VALUE_SERIALIZER;
    this.byTypeId = [];
    for (const serializer of [...BUILTIN_SERIALIZERS, this.jsonSerializer]) this.byTypeId[-serializer.id] = serializer;
    this.byClass = new Map<unknown, Serializer>(BUILTIN_CLASSES);
    this.byClass.set(Buffer, BYTE_ARRAY_SERIALIZER as Serializer);
    this.byClass.set(Long, LONG_SERIALIZER as Serializer);
    this.byClass.set(Array, ARRAY_LIST_SERIALIZER as Serializer);
    this.byClass.set(HazelcastJsonValue, this.jsonSerializer);
    this.extensions = extensions;
    this.mayNeedRoundTrips = extensions.some((e) => typeof e.attach === 'function');
    this.globalSerializer = extensions.find((extension) => extension.globalSerializer !== undefined)?.globalSerializer;
    this.identified = identifiedSerializerOf(extensions);
  }

  /** True when payloads are big-endian. */
  isBigEndian(): boolean {
    return this.config.isBigEndian;
  }

  toData(value: unknown): Data | null {
    if (value === null) return null;
    if (isData(value)) return value;
    // The partition key is serialized first, on its own: it may use the scratch output itself.
    return this.serialize(value, this.partitionHashOf(value));
  }

  /**
   * {@link toData} for bytes that are copied into a request right away: the Data is a view of
   * this service's scratch output, so a large value costs no allocation and no copy of its own.
   * It stays valid only until the next serialization on this service; the encoder call must
   * come before any other value is serialized (serialize the key first).
   */
  toTransientData(value: unknown): Data | null {
    if (value === null) return null;
    if (isData(value)) return value;
    return this.serialize(value, this.partitionHashOf(value), true);
  }

  private serialize(value: unknown, partitionHash: number, transient = false): Data {
    const reuse = !this.scratchInUse;
    const output = reuse ? (this.scratch ??= this.createObjectDataOutput()) : this.createObjectDataOutput();
    this.scratchInUse = true;
    let serializer: Serializer | undefined;
    try {
      serializer = this.serializerFor(value);
      output.writeIntBE(partitionHash);
      output.writeIntBE(serializer.id);
      this.writeWith(output, serializer, value);
      // A transient Data of the shared scratch is a view; otherwise one allocation per value:
      // the exact-size copy that becomes the Data.
      return new HeapData(transient && reuse ? output.view() : output.toBuffer());
    } catch (error) {
      throw writeError(error, value, serializer);
    } finally {
      if (reuse) {
        this.scratchInUse = false;
        if (output.capacity() > MAX_KEPT_SCRATCH) this.scratch = undefined;
        else output.clear();
      }
    }
  }

  toObject<T = unknown>(data: Data | null | undefined): T | null {
    if (data == null) return null;
    const bytes = data.toBuffer();
    if (bytes.length === 0) return null;
    if (bytes.length < DATA_HEADER_SIZE) {
      throw new HazelcastSerializationError(`Malformed Data: ${bytes.length} bytes, shorter than the ${DATA_HEADER_SIZE}-byte header`);
    }
    const typeId = data.getType();
    const serializer = this.serializerForTypeId(typeId);
    try {
      return serializer.read(this.createObjectDataInput(bytes, DATA_HEADER_SIZE)) as T;
    } catch (error) {
      throw readError(error, typeId);
    }
  }

  /**
   * {@link toData} for a value that may need the cluster first (a Compact value whose schema
   * was not sent yet): the synchronous path, and only when it throws a
   * SerializationNeedsRoundTripError, the round trip and another try.
   */
  toDataAsync(value: unknown): Promise<Data | null> {
    try {
      return Promise.resolve(this.toData(value));
    } catch (error) {
      if (!(error instanceof SerializationNeedsRoundTripError)) return Promise.reject(error);
      return this.retryAfter(error, () => this.toData(value));
    }
  }

  /** {@link toObject} for data that may need the cluster first (a Compact schema this client does not know). */
  toObjectAsync<T = unknown>(data: Data | null | undefined): Promise<T | null> {
    try {
      return Promise.resolve(this.toObject<T>(data));
    } catch (error) {
      if (!(error instanceof SerializationNeedsRoundTripError)) return Promise.reject(error);
      return this.retryAfter(error, () => this.toObject<T>(data));
    }
  }

  private async retryAfter<R>(first: SerializationNeedsRoundTripError, call: () => R): Promise<R> {
    let pending = first;
    for (let trips = 1; ; trips++) {
      await pending.recover();
      try {
        return call();
      } catch (error) {
        if (!(error instanceof SerializationNeedsRoundTripError) || trips >= MAX_ROUND_TRIPS) throw error;
        pending = error;
      }
    }
  }

  /**
   * Connects the extensions to the cluster (see {@link SerializerExtension.attach}). The client
   * calls it once, when it creates the service.
   */
  attach(context: SerializationContext): void {
    for (const extension of this.extensions) extension.attach?.(context);
  }

  /**
   * Sends the cluster what it must know before this client's data (every Compact schema used so
   * far). The client calls it after connecting to a new cluster (a different cluster id), before
   * it resumes invocations.
   */
  async sendStateToCluster(): Promise<void> {
    await Promise.all(this.extensions.map((extension) => extension.sendStateToCluster?.()));
  }

  writeObject(output: ObjectDataOutput, value: unknown): void {
    if (isData(value)) {
      // As on the member: a Data inside a stream must be written with writeData, which frames it.
      throw new HazelcastSerializationError('Cannot write a Data with writeObject; use writeData');
    }
    const serializer = this.serializerFor(value);
    output.writeInt(serializer.id);
    this.writeWith(output, serializer, value);
  }

  readObject<T = unknown>(input: ObjectDataInput): T {
    return this.serializerForTypeId(input.readInt()).read(input) as T;
  }

  /** An empty output in this service's byte order that writes nested objects through it. */
  createObjectDataOutput(initialSize?: number): ByteArrayObjectDataOutput {
    return new ByteArrayObjectDataOutput(this.config.isBigEndian, this, initialSize);
  }

  /** An input over serialized bytes (read in place) in this service's byte order. */
  createObjectDataInput(bytes: Buffer, offset = 0): ByteArrayObjectDataInput {
    return new ByteArrayObjectDataInput(bytes, offset, this.config.isBigEndian, this);
  }

  /** The serializer for a type id: a built-in one, else the first extension's; throws when none. */
  serializerForTypeId(typeId: number): Serializer {
    const builtin = typeId <= 0 ? this.byTypeId[-typeId] : undefined;
    if (builtin !== undefined) return builtin;
    for (const extension of this.extensions) {
      const found = extension.serializerForTypeId?.(typeId);
      if (found !== undefined) return found;
    }
    if (this.globalSerializer?.id === typeId) return this.globalSerializer;
    if (typeId === TypeId.IDENTIFIED_DATA_SERIALIZABLE) return this.identified;
    throw new HazelcastSerializationError(`There is no serializer for ${typeIdName(typeId)}${missingExtensionHint(typeId)}`, { typeId });
  }

  /** The serializer for a value, in the order documented on this class; throws when none. */
  serializerFor(value: unknown): Serializer {
    switch (typeof value) {
      case 'string':
        return STRING_SERIALIZER as Serializer;
      case 'number':
        return this.numberSerializer;
      case 'boolean':
        return BOOLEAN_SERIALIZER as Serializer;
      case 'bigint':
        return BIG_INTEGER_SERIALIZER as Serializer;
      case 'undefined':
        throw new HazelcastSerializationError('Cannot serialize undefined: Hazelcast has null but no undefined');
      case 'object':
        if (value === null) return NULL_SERIALIZER as Serializer;
        return this.objectSerializerFor(value);
      default:
        // Functions and symbols: only a custom or global serializer could take them, never JSON.
        return this.objectSerializerFor(Object(value) as object, false);
    }
  }

  private objectSerializerFor(value: object, jsonAllowed = true): Serializer {
    // An instance of a built-in class itself (not a subclass) declares no format: Compact
    // serializers may not take a built-in class, IDS and Portable values are user classes. So
    // Buffers, Dates, arrays ... skip the extensions' checks.
    const builtin = this.byClass.get(value.constructor);
    if (builtin !== undefined) return builtin;
    for (const extension of this.extensions) {
      const found = extension.formatSerializerFor?.(value);
      if (found !== undefined) return found;
    }
    if (isIdentifiedDataSerializable(value)) return this.identified;
    const inherited = this.builtinSerializerFor(value);
    if (inherited !== undefined) return inherited;
    for (const extension of this.extensions) {
      const found = extension.customSerializerFor?.(value);
      if (found !== undefined) return found;
    }
    if (this.globalSerializer !== undefined) return this.globalSerializer;
    if (jsonAllowed && !NOT_JSON.some((type) => value instanceof type) && !ArrayBuffer.isView(value)) {
      return this.jsonSerializer;
    }
    throw new HazelcastSerializationError(
      `There is no serializer for a value of type ${describeType(value)}: it is not a built-in type, no extension serializes it and it has no JSON form`,
    );
  }

  private builtinSerializerFor(value: object): Serializer | undefined {
    const exact = this.byClass.get(value.constructor);
    if (exact !== undefined) return exact;
    if (Array.isArray(value)) return ARRAY_LIST_SERIALIZER as Serializer;
    // A Long from another copy of the 'long' package (the official client bundles its own).
    if (isLong(value)) return LONG_SERIALIZER as Serializer;
    for (const [type, serializer] of BUILTIN_CLASSES) if (value instanceof type) return serializer;
    if (value instanceof HazelcastJsonValue) return this.jsonSerializer;
    return undefined;
  }

  private writeWith(output: ObjectDataOutput, serializer: Serializer, value: unknown): void {
    if (typeof value !== 'object' || value === null) {
      serializer.write(output, value);
      return;
    }
    if (this.writing.includes(value)) {
      throw new HazelcastSerializationError(
        `Cannot serialize a circular structure: ${describeType(value)} written as ${typeIdName(serializer.id)} contains itself`,
        { typeId: serializer.id },
      );
    }
    this.writing.push(value);
    try {
      serializer.write(output, value);
    } finally {
      this.writing.pop();
    }
  }

  // As the member's default partitioning strategy: the key's own hash, the key serialized
  // plainly (a partition key is not asked for its partition key in turn), none for itself.
  private partitionHashOf(value: unknown): number {
    if (typeof value !== 'object' || value === null || !('partitionKey' in value)) return 0;
    const key = (value as PartitionAware).partitionKey;
    if (key == null || key === value) return 0;
    return isData(key) ? key.getPartitionHash() : this.serialize(key, 0).getPartitionHash();
  }
}

/** The IDS serializer reading with the factories of every extension. */
function identifiedSerializerOf(extensions: readonly SerializerExtension[]): Serializer {
  const factories = new Map<number, IdentifiedDataSerializableFactory>();
  const owners = new Map<number, string>();
  for (const extension of extensions) {
    for (const [factoryId, factory] of extension.dataSerializableFactories ?? []) {
      const owner = owners.get(factoryId);
      if (owner !== undefined) {
        throw new HazelcastSerializationError(
          `The IdentifiedDataSerializable factory id ${factoryId} is registered twice (by ${owner} and by ${extension.name ?? 'another extension'})`,
        );
      }
      factories.set(factoryId, factory);
      owners.set(factoryId, extension.name ?? 'an extension');
    }
  }
  return (factories.size === 0 ? IDENTIFIED_WRITER : identifiedSerializer(factories)) as Serializer;
}

function missingExtensionHint(typeId: number): string {
  if (typeId === TypeId.PORTABLE || typeId === TypeId.IDENTIFIED_DATA_SERIALIZABLE || typeId === TypeId.COMPACT || typeId === TypeId.COMPACT_WITH_SCHEMA) {
    return ': that format is implemented by @hz/serialization, configure it with the matching factories or serializers';
  }
  if (typeId > 0) return ': register a custom serializer with that id (@hz/serialization)';
  return '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function writeError(error: unknown, value: unknown, serializer: Serializer | undefined): HazelcastSerializationError {
  if (error instanceof HazelcastSerializationError) return error;
  const as = serializer === undefined ? '' : ` as ${typeIdName(serializer.id)}`;
  return new HazelcastSerializationError(`Cannot serialize a value of type ${describeType(value)}${as}: ${messageOf(error)}`, {
    cause: error,
    typeId: serializer?.id,
  });
}

function readError(error: unknown, typeId: number): HazelcastSerializationError {
  if (error instanceof HazelcastSerializationError) return error;
  return new HazelcastSerializationError(`Cannot deserialize ${typeIdName(typeId)}: ${messageOf(error)}`, { cause: error, typeId });
}
