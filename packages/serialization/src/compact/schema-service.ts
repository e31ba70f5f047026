import { HazelcastSerializationError, Long, type SerializationContext } from '@hz/core';
import {
  decodeClientFetchSchemaResponse,
  decodeClientSendSchemaResponse,
  encodeClientFetchSchemaRequest,
  encodeClientSendAllSchemasRequest,
  encodeClientSendSchemaRequest,
  type Schema as CodecSchema,
} from '@hz/core/codec';
import { FieldDescriptor, Schema } from './schema';

const DEFAULT_MAX_PUT_RETRIES = 100;
const DEFAULT_RETRY_PAUSE_MILLIS = 1000;

function toCodec(schema: Schema): CodecSchema {
  return { typeName: schema.typeName, fields: schema.fields.map((f) => ({ fieldName: f.fieldName, kind: f.kind })) };
}

/** A schema from the protocol's form (its id is computed, not sent). */
export function schemaFromCodec(schema: CodecSchema): Schema {
  return new Schema(
    schema.typeName,
    schema.fields.map((f) => new FieldDescriptor(f.fieldName, f.kind as FieldDescriptor['kind'])),
  );
}

function idOf(high: number, low: number): string {
  return Long.fromBits(low, high).toString();
}

/**
 * The Compact schemas this client knows, by id, and their round trips to the cluster (the
 * official client's `SchemaService`). A schema is known locally once computed from a class or
 * a GenericRecord, or fetched; it is *replicated* once the cluster has it (sent, or fetched
 * from it). Data that refers to a schema is only produced once the schema is replicated.
 */
export class SchemaService {
  // By the low 32 bits of the id (the high ones are compared): no string or bigint per lookup.
  private readonly byLow = new Map<number, Schema | Schema[]>();
  private readonly sending = new Map<Schema, Promise<void>>();
  private readonly fetching = new Map<string, Promise<void>>();
  private context: SerializationContext | undefined;

  /** Connects to the cluster; without it, nothing can be sent or fetched. */
  attach(context: SerializationContext): void {
    this.context = context;
  }

  /** A schema known locally, or undefined. */
  get(high: number, low: number): Schema | undefined {
    const found = this.byLow.get(low);
    if (found === undefined) return undefined;
    if (!Array.isArray(found)) return found.idHigh === high ? found : undefined;
    return found.find((s) => s.idHigh === high);
  }

  /**
   * The instance this service keeps for a schema: the one already known with the same id (which
   * must describe the same type), or this one, now known.
   */
  intern(schema: Schema): Schema {
    const known = this.get(schema.idHigh, schema.idLow);
    if (known !== undefined) {
      if (!known.equals(schema)) {
        throw new HazelcastSerializationError(`Two different Compact schemas have the id ${schema.idString()}: ${known.toString()} and ${schema.toString()}`, {
          typeId: -55,
        });
      }
      return known;
    }
    const slot = this.byLow.get(schema.idLow);
    if (slot === undefined) this.byLow.set(schema.idLow, schema);
    else this.byLow.set(schema.idLow, Array.isArray(slot) ? [...slot, schema] : [slot, schema]);
    return schema;
  }

  /** Marks a schema as on the cluster without a round trip (a member, or a schema received from one). */
  putReplicated(schema: Schema): Schema {
    const kept = this.intern(schema);
    kept.replicated = true;
    return kept;
  }

  /** Every schema known locally. */
  all(): Schema[] {
    const schemas: Schema[] = [];
    for (const slot of this.byLow.values()) {
      if (Array.isArray(slot)) schemas.push(...slot);
      else schemas.push(slot);
    }
    return schemas;
  }

  /** Sends schemas the cluster does not have yet (Client.sendSchema), each once however many callers wait. */
  async replicate(schemas: readonly Schema[]): Promise<void> {
    await Promise.all(schemas.filter((s) => !s.replicated).map((s) => this.replicateOne(s)));
  }

  /** Fetches a schema this client does not know (Client.fetchSchema); rejects when the cluster does not know it either. */
  fetch(high: number, low: number): Promise<void> {
    if (this.get(high, low)?.replicated === true) return Promise.resolve();
    const key = idOf(high, low);
    let pending = this.fetching.get(key);
    if (pending === undefined) {
      pending = this.fetchOne(high, low).finally(() => this.fetching.delete(key));
      this.fetching.set(key, pending);
    }
    return pending;
  }

  /** Sends every replicated schema again (Client.sendAllSchemas): after the client connected to a new cluster. */
  async sendAll(): Promise<void> {
    const schemas = this.all().filter((s) => s.replicated);
    if (schemas.length === 0 || this.context === undefined) return;
    await this.context.invoke(encodeClientSendAllSchemasRequest(schemas.map(toCodec)));
  }

  private replicateOne(schema: Schema): Promise<void> {
    let pending = this.sending.get(schema);
    if (pending === undefined) {
      pending = this.send(schema).finally(() => this.sending.delete(schema));
      this.sending.set(schema, pending);
    }
    return pending;
  }

  private async send(schema: Schema): Promise<void> {
    const context = this.requireContext(`send the Compact schema of ${schema.typeName} (id ${schema.idString()}) to the cluster`);
    const attempts = Math.max(1, context.maxSchemaPutRetries ?? DEFAULT_MAX_PUT_RETRIES);
    const pause = context.retryPauseMillis ?? DEFAULT_RETRY_PAUSE_MILLIS;
    for (let attempt = 1; ; attempt++) {
      const response = await context.invoke(encodeClientSendSchemaRequest(toCodec(schema)));
      const replicatedOn = new Set(decodeClientSendSchemaResponse(response).map((uuid) => uuid.toString()));
      const members = context.memberUuids?.() ?? [];
      const missing = members.filter((uuid) => !replicatedOn.has(uuid.toString()));
      if (missing.length === 0) {
        schema.replicated = true;
        return;
      }
      if (attempt >= attempts) {
        throw new HazelcastSerializationError(
          `The Compact schema of ${schema.typeName} (id ${schema.idString()}) did not reach every member after ${attempts} attempts ` +
            `(missing: ${missing.map((u) => u.toString()).join(', ')}); the cluster may be split. Data of that type is not sent until it does.`,
          { typeId: -55 },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  private async fetchOne(high: number, low: number): Promise<void> {
    const id = idOf(high, low);
    const context = this.requireContext(`fetch the Compact schema with id ${id} from the cluster`);
    const found = decodeClientFetchSchemaResponse(await context.invoke(encodeClientFetchSchemaRequest(Long.fromBits(low, high))));
    if (found === null) {
      throw new HazelcastSerializationError(`The cluster does not know the Compact schema with id ${id}: data of that schema cannot be read`, {
        typeId: -55,
      });
    }
    const schema = schemaFromCodec(found);
    if (schema.idHigh !== high || schema.idLow !== low) {
      throw new HazelcastSerializationError(`The cluster answered the Compact schema id ${id} with a schema whose id is ${schema.idString()}`, {
        typeId: -55,
      });
    }
    this.putReplicated(schema);
  }

  private requireContext(what: string): SerializationContext {
    if (this.context === undefined) {
      throw new HazelcastSerializationError(`Cannot ${what}: this serialization service is not attached to a client connected to a cluster`, {
        typeId: -55,
      });
    }
    return this.context;
  }
}
