/*
 * A cluster for the schema round trips, behind the SerializationContext seam: answers
 * Client.sendSchema, Client.fetchSchema and Client.sendAllSchemas like a member (schemas by
 * id), and records every request in order.
 */
import { ClientMessage, UUID, type SerializationContext } from '@hz/core';
import {
  CLIENT_FETCH_SCHEMA_REQUEST_TYPE,
  CLIENT_FETCH_SCHEMA_RESPONSE_TYPE,
  CLIENT_SEND_ALL_SCHEMAS_REQUEST_TYPE,
  CLIENT_SEND_ALL_SCHEMAS_RESPONSE_TYPE,
  CLIENT_SEND_SCHEMA_REQUEST_TYPE,
  CLIENT_SEND_SCHEMA_RESPONSE_TYPE,
  FIXED_UUID,
  MessageWriter,
  readList,
  readSchema,
  sizeFixedList,
  sizeSchema,
  writeFixedList,
  writeSchema,
  type Schema as CodecSchema,
} from '@hz/core/codec';
import { schemaFromCodec } from '../../src/compact/schema-service';

export interface Request {
  type: 'sendSchema' | 'fetchSchema' | 'sendAllSchemas' | 'other';
  schemaId?: string;
  typeName?: string;
  count?: number;
}

export class FakeCluster {
  readonly schemas = new Map<string, CodecSchema>();
  readonly requests: Request[] = [];
  readonly members: UUID[] = [UUID.random(), UUID.random()];
  /** Members that acknowledge a sendSchema (all by default). */
  acknowledging: () => readonly UUID[] = () => this.members;

  context(overrides: Partial<SerializationContext> = {}): SerializationContext {
    return {
      invoke: (request) => this.invoke(request),
      memberUuids: () => this.members,
      retryPauseMillis: 1,
      maxSchemaPutRetries: 3,
      ...overrides,
    };
  }

  /** Adds a schema as if another client had sent it. */
  put(schema: CodecSchema): string {
    const id = schemaFromCodec(schema).idString();
    this.schemas.set(id, schema);
    return id;
  }

  async invoke(request: ClientMessage): Promise<ClientMessage> {
    await Promise.resolve();
    const cursor = request.cursor();
    switch (request.messageType) {
      case CLIENT_SEND_SCHEMA_REQUEST_TYPE: {
        cursor.next();
        const schema = readSchema(cursor);
        const id = this.put(schema);
        this.requests.push({ type: 'sendSchema', schemaId: id, typeName: schema.typeName });
        const members = this.acknowledging();
        const w = MessageWriter.response(CLIENT_SEND_SCHEMA_RESPONSE_TYPE, 0, sizeFixedList(members, FIXED_UUID));
        writeFixedList(w, members, FIXED_UUID);
        return w.finish();
      }
      case CLIENT_FETCH_SCHEMA_REQUEST_TYPE: {
        cursor.next();
        const id = cursor.long(16).toString();
        this.requests.push({ type: 'fetchSchema', schemaId: id });
        const schema = this.schemas.get(id);
        if (schema === undefined) {
          const w = MessageWriter.response(CLIENT_FETCH_SCHEMA_RESPONSE_TYPE, 0, 6);
          w.nullFrame();
          return w.finish();
        }
        const w = MessageWriter.response(CLIENT_FETCH_SCHEMA_RESPONSE_TYPE, 0, sizeSchema(schema));
        writeSchema(w, schema);
        return w.finish();
      }
      case CLIENT_SEND_ALL_SCHEMAS_REQUEST_TYPE: {
        cursor.next();
        const schemas = readList(cursor, readSchema);
        for (const schema of schemas) this.put(schema);
        this.requests.push({ type: 'sendAllSchemas', count: schemas.length });
        return MessageWriter.response(CLIENT_SEND_ALL_SCHEMAS_RESPONSE_TYPE, 0, 0).finish();
      }
      default:
        this.requests.push({ type: 'other' });
        throw new Error(`Unexpected request type ${request.messageType}`);
    }
  }
}
