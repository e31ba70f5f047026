// The member's Compact schema service at the protocol level: Client.sendSchema,
// Client.sendAllSchemas and Client.fetchSchema as a Hazelcast member answers them.
import { Long } from '@hz/core';
import {
  CLIENT_SEND_ALL_SCHEMAS_RESPONSE_TYPE,
  decodeClientFetchSchemaResponse,
  decodeClientSendSchemaResponse,
  encodeClientFetchSchemaRequest,
  encodeClientSendAllSchemasRequest,
  encodeClientSendSchemaRequest,
  type Schema as CodecSchema,
} from '@hz/core/codec';
import { FieldKind, Fields, GenericRecords, Schema, schemaFingerprint, FieldDescriptor, CompactGenericRecord } from '@hz/serialization';
import { ErrorCode, startCluster, type Cluster } from '../../src';
import { ErrorResponse, RawClient } from '../support/raw-client';

const employee: CodecSchema = {
  typeName: 'Employee',
  fields: [
    { fieldName: 'name', kind: FieldKind.STRING },
    { fieldName: 'age', kind: FieldKind.INT32 },
    { fieldName: 'active', kind: FieldKind.BOOLEAN },
  ],
};
const address: CodecSchema = { typeName: 'Address', fields: [{ fieldName: 'city', kind: FieldKind.STRING }] };

/** The schema id a client computes (the Rabin fingerprint, fields sorted by name). */
function idOf(schema: CodecSchema): Long {
  const sorted = [...schema.fields].sort((a, b) => (a.fieldName < b.fieldName ? -1 : a.fieldName > b.fieldName ? 1 : 0));
  return Long.fromString(schemaFingerprint(schema.typeName, sorted).toString());
}

/** The same schema, fields in any order, as the protocol compares them. */
function normalized(schema: CodecSchema | null): CodecSchema | null {
  if (schema === null) return null;
  return { typeName: schema.typeName, fields: [...schema.fields].sort((a, b) => (a.fieldName < b.fieldName ? -1 : 1)) };
}

describe('the member schema service (Compact schemas)', () => {
  let cluster: Cluster;
  const clients: RawClient[] = [];

  const connect = async (member = 0): Promise<RawClient> => {
    const c = await RawClient.connect(cluster.members[member].addressString);
    clients.push(c);
    await c.authenticate();
    return c;
  };
  const fetch = async (c: RawClient, id: Long): Promise<CodecSchema | null> =>
    decodeClientFetchSchemaResponse(await c.invoke(encodeClientFetchSchemaRequest(id)));

  beforeEach(async () => {
    cluster = await startCluster({ members: 3, port: 0, logLevel: 'silent' });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await cluster.shutdown();
  });

  it('stores a sent schema by its id and answers with every member as replicated', async () => {
    const c = await connect();
    const replicated = decodeClientSendSchemaResponse(await c.invoke(encodeClientSendSchemaRequest(employee)));
    expect(replicated.map((u) => u.toString()).sort()).toEqual(cluster.members.map((m) => m.uuidString).sort());

    expect(normalized(await fetch(c, idOf(employee)))).toEqual(normalized(employee));
    const stored = cluster.clientService.schemas.get(idOf(employee));
    expect(stored?.typeName).toBe('Employee');
    expect(stored?.schemaId.toString()).toBe(idOf(employee).toString());
    expect(cluster.clientService.schemas.size).toBe(1);
  });

  it('computes the id the clients compute (the id of a GenericRecord schema of @hz/serialization)', async () => {
    const record = GenericRecords.compact('Employee', { name: Fields.STRING, age: Fields.INT32, active: Fields.BOOLEAN }, { name: 'a', age: 1, active: true });
    const clientId = (record as CompactGenericRecord).schema.schemaId.toString();
    const c = await connect();
    await c.invoke(encodeClientSendSchemaRequest(employee));
    expect(cluster.clientService.schemas.get(clientId)).toBeDefined();
    expect(cluster.clientService.schemas.get(BigInt(clientId))).toBeDefined();
  });

  it('answers a fetch of an unknown schema id with null', async () => {
    const c = await connect();
    expect(await fetch(c, Long.fromString('1234567890123'))).toBeNull();
    expect(await fetch(c, idOf(employee))).toBeNull();
  });

  it('makes a schema sent to one member fetchable from every member, also by other clients', async () => {
    const a = await connect(0);
    await a.invoke(encodeClientSendSchemaRequest(employee));
    for (const member of [1, 2]) {
      const b = await connect(member);
      expect(normalized(await fetch(b, idOf(employee)))).toEqual(normalized(employee));
    }
  });

  it('keeps schemas when members are killed: they live at cluster level', async () => {
    const a = await connect(0);
    await a.invoke(encodeClientSendSchemaRequest(employee));
    await cluster.killMember(0);
    const b = await connect(0);
    expect(normalized(await fetch(b, idOf(employee)))).toEqual(normalized(employee));
    // A member that joins later has them too, and is among the replicated members from then on.
    const joined = await cluster.startMember();
    const c = await connect(cluster.members.indexOf(joined));
    expect(normalized(await fetch(c, idOf(employee)))).toEqual(normalized(employee));
    const replicated = decodeClientSendSchemaResponse(await c.invoke(encodeClientSendSchemaRequest(address)));
    expect(replicated.map((u) => u.toString())).toContain(joined.uuidString);
    expect(replicated).toHaveLength(cluster.members.length);
  });

  it('accepts the same schema again (a resend) and keeps one copy', async () => {
    const c = await connect();
    await c.invoke(encodeClientSendSchemaRequest(employee));
    const reordered: CodecSchema = { typeName: 'Employee', fields: [...employee.fields].reverse() };
    const replicated = decodeClientSendSchemaResponse(await c.invoke(encodeClientSendSchemaRequest(reordered)));
    expect(replicated).toHaveLength(3);
    expect(cluster.clientService.schemas.size).toBe(1);
  });

  it('stores every schema of Client.sendAllSchemas (a client on a new cluster)', async () => {
    const c = await connect();
    const response = await c.invoke(encodeClientSendAllSchemasRequest([employee, address]));
    expect(response.messageType).toBe(CLIENT_SEND_ALL_SCHEMAS_RESPONSE_TYPE);
    expect(cluster.clientService.schemas.size).toBe(2);
    const other = await connect(2);
    expect(normalized(await fetch(other, idOf(address)))).toEqual(normalized(address));
    expect(normalized(await fetch(other, idOf(employee)))).toEqual(normalized(employee));
    // Already known schemas among them are fine.
    await c.invoke(encodeClientSendAllSchemasRequest([employee]));
    await c.invoke(encodeClientSendAllSchemasRequest([]));
    expect(cluster.clientService.schemas.size).toBe(2);
  });

  it('refuses a schema with a field kind Compact does not have, as a serialization error', async () => {
    const c = await connect();
    const bad: CodecSchema = { typeName: 'Bad', fields: [{ fieldName: 'c', kind: FieldKind.CHAR }] };
    const error = (await c.invoke(encodeClientSendSchemaRequest(bad)).catch((e: unknown) => e)) as ErrorResponse;
    expect(error).toBeInstanceOf(ErrorResponse);
    expect(error.code).toBe(ErrorCode.HAZELCAST_SERIALIZATION);
    expect(error.className).toBe('com.hazelcast.nio.serialization.HazelcastSerializationException');
    // sendAllSchemas stores none of a batch with a bad schema.
    await expect(c.invoke(encodeClientSendAllSchemasRequest([address, bad]))).rejects.toBeInstanceOf(ErrorResponse);
    expect(cluster.clientService.schemas.size).toBe(0);
  });

  it('needs an authenticated connection, as every Client-service operation but authentication', async () => {
    const c = await RawClient.connect(cluster.members[0].addressString);
    clients.push(c);
    const error = (await c.invoke(encodeClientSendSchemaRequest(employee)).catch((e: unknown) => e)) as ErrorResponse;
    expect(error.code).toBe(ErrorCode.RETRYABLE_HAZELCAST);
    expect(cluster.clientService.schemas.size).toBe(0);
  });

  it('lets the member code put and list schemas (Schema objects or their protocol form)', () => {
    const service = cluster.clientService.schemas;
    const kept = service.put(new Schema('Point', [new FieldDescriptor('x', FieldKind.INT32), new FieldDescriptor('y', FieldKind.INT32)]));
    expect(service.put({ typeName: 'Point', fields: [{ fieldName: 'y', kind: FieldKind.INT32 }, { fieldName: 'x', kind: FieldKind.INT32 }] })).toBe(kept);
    expect(service.all().map((s) => s.typeName)).toEqual(['Point']);
    expect(service.has(kept.schemaId)).toBe(true);
    expect(service.getByParts(kept.idHigh, kept.idLow)).toBe(kept);
  });
});
