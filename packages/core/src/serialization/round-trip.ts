import { nameErrorClass } from '../errors/hazelcast-error';
import { HazelcastSerializationError } from './errors';

/**
 * Thrown synchronously by `toData` / `toObject` when the value can be serialized or read only
 * after a request to the cluster: a Compact schema this client has not sent yet (the member
 * must know it before any data that refers to it), or a schema id this client does not know
 * (it must be fetched). Nothing was produced: once {@link recover} resolves, the same call
 * succeeds (or needs another round trip, for another schema).
 *
 * `DefaultSerializationService.toDataAsync` / `toObjectAsync` do exactly that; code on a hot
 * path calls the synchronous methods and only awaits on this error.
 */
export class SerializationNeedsRoundTripError extends HazelcastSerializationError {
  static {
    nameErrorClass(this, 'SerializationNeedsRoundTripError');
  }

  readonly #recover: () => Promise<void>;
  #recovery: Promise<void> | undefined;

  /**
   * @param recover makes the call succeed next time: sends or fetches what is missing. Rejects
   *   with a HazelcastSerializationError when that cannot be done (no cluster, the cluster does
   *   not know the schema).
   */
  constructor(message: string, recover: () => Promise<void>, options?: { typeId?: number; cause?: unknown }) {
    super(message, options === undefined ? undefined : { typeId: options.typeId, cause: options.cause });
    this.#recover = recover;
  }

  /** Does the round trip; calling it again returns the same promise. */
  recover(): Promise<void> {
    return (this.#recovery ??= this.#recover());
  }
}

/**
 * A Compact value's schema has not been sent to the cluster yet ({@link recover} sends it). The
 * official client's name.
 */
export class SchemaNotReplicatedError extends SerializationNeedsRoundTripError {
  static {
    nameErrorClass(this, 'SchemaNotReplicatedError');
  }

  /**
   * @param schemaIds the 64-bit ids of the schemas to send, as decimal strings
   * @param typeNames their Compact type names, in the same order
   */
  constructor(
    message: string,
    readonly schemaIds: readonly string[],
    readonly typeNames: readonly string[],
    recover: () => Promise<void>,
  ) {
    super(message, recover, { typeId: -55 });
  }
}

/** Compact data refers to a schema id this client does not know ({@link recover} fetches it). The official client's name. */
export class SchemaNotFoundError extends SerializationNeedsRoundTripError {
  static {
    nameErrorClass(this, 'SchemaNotFoundError');
  }

  /** @param schemaId the 64-bit schema id, as a decimal string */
  constructor(
    message: string,
    readonly schemaId: string,
    recover: () => Promise<void>,
  ) {
    super(message, recover, { typeId: -55 });
  }
}
