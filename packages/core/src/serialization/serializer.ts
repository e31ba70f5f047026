import type { ClientMessage } from '../protocol/client-message';
import type { UUID } from '../util/uuid';
import type { Data } from './data';
import type { IdentifiedDataSerializableFactory } from './identified';
import type { ObjectDataInput } from './object-data-input';
import type { ObjectDataOutput } from './object-data-output';

/**
 * Reads and writes one kind of value. `id` is the serializer type id that goes into the Data
 * header (or before a nested object) and tells the reader which serializer to use: negative ids
 * are Hazelcast's own, custom serializers use positive ones.
 */
export interface Serializer<T = unknown> {
  readonly id: number;
  read(input: ObjectDataInput): T;
  write(output: ObjectDataOutput, value: T): void;
}

/**
 * The seam through which @hz/serialization (IdentifiedDataSerializable, Portable, Compact,
 * custom and global serializers) plugs into the core's serialization service without the core
 * importing it: a user who never configures those formats never bundles their code.
 *
 * When writing, the service asks every extension, in the order they were given, at three steps
 * of the serializer choice (DefaultSerializationService documents the whole order). Each hook is
 * optional and returns `undefined` to pass. When reading, it asks {@link serializerForTypeId}
 * for any type id that is not a built-in one.
 */
export interface SerializerExtension {
  /** Names the extension in error messages, e.g. '@hz/serialization'. */
  readonly name?: string;
  /**
   * Step 2, before the built-in types: the formats a value declares for itself (a registered
   * Compact class, IdentifiedDataSerializable, Portable). Only objects are offered: primitives
   * always use the built-in serializers, as on every Hazelcast client.
   */
  formatSerializerFor?(value: object): Serializer | undefined;
  /** Step 4, after the built-in types: a custom serializer registered for the value's type. */
  customSerializerFor?(value: object): Serializer | undefined;
  /** Step 5: the global serializer, for any object no other step took. Found by its id when reading. */
  readonly globalSerializer?: Serializer;
  /**
   * Factories of IdentifiedDataSerializable classes by factory id, which the core's IDS
   * serializer (type id -2) reads with: the user's (`serialization.dataSerializableFactories`)
   * and a feature package's own. A factory id may come from one extension only.
   */
  readonly dataSerializableFactories?: ReadonlyMap<number, IdentifiedDataSerializableFactory>;
  /** Reading: the serializer for a type id this extension writes (-1, -55, custom ids ...). */
  serializerForTypeId?(typeId: number): Serializer | undefined;
  /**
   * Gives the extension a way to talk to the cluster (Compact schemas are sent and fetched with
   * Client-service requests). Called once by the client, before any value is serialized for it;
   * a service that is never attached (a standalone service, a member) never gets one. Only an
   * extension with `attach` may throw SerializationNeedsRoundTripError.
   */
  attach?(context: SerializationContext): void;
  /**
   * Called by the client after it connected to a cluster other than the one it was connected
   * to (a new cluster id), before it resumes invocations: sends what that cluster must know
   * (every Compact schema this client has used: Client.sendAllSchemas).
   */
  sendStateToCluster?(): Promise<void>;
}

/**
 * What the client gives the serialization extensions ({@link SerializerExtension.attach}): a way
 * to invoke Client-service requests, and the member list to check that something reached every
 * member.
 */
export interface SerializationContext {
  /**
   * Sends a request to any member and resolves with its response (the invocation service's
   * `invokeOnRandom`, retried by its usual rules). It must work while the client is
   * (re)initializing on a cluster: {@link SerializerExtension.sendStateToCluster} uses it then.
   */
  invoke(request: ClientMessage): Promise<ClientMessage>;
  /** The UUIDs of the members in the client's member list; without it, one member's acknowledgement is enough. */
  memberUuids?(): readonly UUID[];
  /** How often to resend a schema that not every member has acknowledged (default 100, the Java client's `hazelcast.client.schema.max.put.retry.count`). */
  readonly maxSchemaPutRetries?: number;
  /** Pause between those resends in milliseconds (default 1000, `hazelcast.client.invocation.retry.pause.millis`). */
  readonly retryPauseMillis?: number;
}

/**
 * What proxies and feature packages need: turn values into Data and back, and nest objects
 * inside a stream.
 */
export interface SerializationService {
  /**
   * Serializes a value. `null` gives `null` (no Data, as on the member), a Data is returned as
   * it is. Throws HazelcastSerializationError when the value cannot be serialized.
   */
  toData(value: unknown): Data | null;
  /**
   * Deserializes. `null`, `undefined` and an empty Data give `null`. Throws
   * HazelcastSerializationError on an unknown type id or malformed bytes. `T` is not checked.
   */
  toObject<T = unknown>(data: Data | null | undefined): T | null;
  /**
   * {@link toData}, then, only if it throws a SerializationNeedsRoundTripError (a Compact schema
   * the cluster must receive first), that round trip and another try.
   */
  toDataAsync(value: unknown): Promise<Data | null>;
  /** {@link toObject}, fetching an unknown Compact schema from the cluster when needed. */
  toObjectAsync<T = unknown>(data: Data | null | undefined): Promise<T | null>;
  /** Writes a nested object: its type id in the stream's byte order, then its payload. */
  writeObject(output: ObjectDataOutput, value: unknown): void;
  /** Reads a nested object written by {@link writeObject}. `T` is not checked. */
  readObject<T = unknown>(input: ObjectDataInput): T;
}
