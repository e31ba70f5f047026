// The member's Compact schema registry (Java's MemberSchemaService) and the Client-service
// requests that reach it: Client.sendSchema, Client.sendAllSchemas and Client.fetchSchema.
// Schemas are kept at cluster level, by their 64-bit id (the Rabin fingerprint the member
// computes from the schema itself, as a Java member does), so they outlive any member: as on a
// real cluster, where every member holds every schema.
import { HazelcastSerializationError, Long, type UUID } from '@hz/core';
import type { Schema as CodecSchema } from '@hz/core/codec';
import { FieldDescriptor, Schema, SchemaService, type FieldKind } from '@hz/serialization';
import type { Cluster } from '../../cluster/cluster';
import {
  CLIENT_FETCH_SCHEMA_REQUEST_TYPE,
  CLIENT_SEND_ALL_SCHEMAS_REQUEST_TYPE,
  CLIENT_SEND_SCHEMA_REQUEST_TYPE,
  decodeClientFetchSchemaRequest,
  decodeClientSendAllSchemasRequest,
  decodeClientSendSchemaRequest,
  encodeClientFetchSchemaResponse,
  encodeClientSendAllSchemasResponse,
  encodeClientSendSchemaResponse,
} from '../../codec';
import type { Dispatcher } from '../../dispatch/dispatcher';
import { ErrorCode, MemberError } from '../../dispatch/errors';

/** A schema id as tests and callers give it: a Long, a bigint, or its decimal text. */
export type SchemaId = Long | bigint | string;

function idParts(id: SchemaId): { high: number; low: number } {
  const long = Long.isLong(id) ? (id as Long) : Long.fromString(typeof id === 'bigint' ? BigInt.asIntN(64, id).toString() : id);
  return { high: long.high, low: long.low };
}

/** The protocol form of a schema (fields in the schema's order: by name). */
export function toCodecSchema(schema: Schema): CodecSchema {
  return { typeName: schema.typeName, fields: schema.fields.map((f) => ({ fieldName: f.fieldName, kind: f.kind })) };
}

/**
 * The Compact schemas of a cluster. `registry` is the @hz/serialization SchemaService the
 * member's Compact reader looks schemas up in (query accessors read Compact values through it);
 * every schema in it is marked replicated, so the member can also write Compact GenericRecords
 * (projection results) without a round trip.
 */
export class MemberSchemaService {
  readonly registry = new SchemaService();

  constructor(private readonly cluster: Cluster) {}

  register(d: Dispatcher): void {
    d.register(CLIENT_SEND_SCHEMA_REQUEST_TYPE, (m) => {
      const { schema } = decodeClientSendSchemaRequest(m);
      this.put(schema);
      // Every live member has it once the put returns (they share this registry): a member
      // answers with the members the schema was replicated to.
      return encodeClientSendSchemaResponse(this.replicatedMembers());
    });
    d.register(CLIENT_SEND_ALL_SCHEMAS_REQUEST_TYPE, (m) => {
      const { schemas } = decodeClientSendAllSchemasRequest(m);
      // Checked first, so that a bad schema leaves none of the others half-stored.
      const parsed = schemas.map((s) => this.parse(s));
      for (const schema of parsed) this.putParsed(schema);
      return encodeClientSendAllSchemasResponse();
    });
    d.register(CLIENT_FETCH_SCHEMA_REQUEST_TYPE, (m) => {
      const { schemaId } = decodeClientFetchSchemaRequest(m);
      const schema = this.registry.get(schemaId.high, schemaId.low);
      return encodeClientFetchSchemaResponse(schema === undefined ? null : toCodecSchema(schema));
    });
  }

  /**
   * Stores a schema (protocol form or a Schema); returns the one kept. A schema already known
   * is kept as it is; a different schema with the same id is an IllegalStateException, as on a
   * member.
   */
  put(schema: CodecSchema | Schema): Schema {
    return this.putParsed(schema instanceof Schema ? schema : this.parse(schema));
  }

  /** A stored schema by id, or undefined. */
  get(id: SchemaId): Schema | undefined {
    const { high, low } = idParts(id);
    return this.registry.get(high, low);
  }

  /** A stored schema by the two halves of its id (as Compact data carries it), or undefined. */
  getByParts(high: number, low: number): Schema | undefined {
    return this.registry.get(high, low);
  }

  has(id: SchemaId): boolean {
    return this.get(id) !== undefined;
  }

  /** Every stored schema. */
  all(): Schema[] {
    return this.registry.all();
  }

  /** Number of stored schemas. */
  get size(): number {
    return this.registry.all().length;
  }

  /** UUIDs of the live members: the members a schema put now is replicated on. */
  private replicatedMembers(): UUID[] {
    return this.cluster.members.map((m) => m.uuid);
  }

  private parse(schema: CodecSchema): Schema {
    try {
      return new Schema(
        schema.typeName,
        schema.fields.map((f) => new FieldDescriptor(f.fieldName, f.kind as FieldKind)),
      );
    } catch (e) {
      throw new MemberError(ErrorCode.HAZELCAST_SERIALIZATION, e instanceof Error ? e.message : String(e));
    }
  }

  private putParsed(schema: Schema): Schema {
    const existing = this.registry.get(schema.idHigh, schema.idLow);
    if (existing !== undefined) {
      if (!existing.equals(schema)) {
        throw new MemberError(
          ErrorCode.ILLEGAL_STATE,
          `Schema with schemaId ${schema.idString()} already exists. Existing schema ${existing.toString()}new schema ${schema.toString()}`,
        );
      }
      return existing;
    }
    let kept: Schema;
    try {
      kept = this.registry.putReplicated(schema);
    } catch (e) {
      if (e instanceof HazelcastSerializationError) throw new MemberError(ErrorCode.HAZELCAST_SERIALIZATION, e.message);
      throw e;
    }
    this.cluster.logger.debug({ schemaId: kept.idString(), typeName: kept.typeName, fields: kept.getFieldCount() }, 'Compact schema stored');
    return kept;
  }
}
