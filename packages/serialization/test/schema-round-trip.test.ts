/*
 * Compact schemas and the cluster, through the SerializationContext seam with a fake cluster:
 * a schema is sent before any data that uses it, an unknown schema id is fetched, a schema the
 * cluster does not have fails with a typed error, and all schemas go again to a new cluster.
 */
import {
  DefaultSerializationService,
  HazelcastSerializationError,
  HeapData,
  SchemaNotFoundError,
  SchemaNotReplicatedError,
  SerializationNeedsRoundTripError,
  type Data,
} from '@hz/core';
import { Fields, GenericRecords, createSerializationExtension, type CompactReader, type CompactWriter } from '../src';
import { FakeCluster } from './support/fake-cluster';
import { ourService } from './support/service';

class Inner {
  constructor(readonly n: number) {}
}
class Outer {
  constructor(
    readonly name: string,
    readonly inner: Inner | null,
  ) {}
}
const innerSerializer = {
  typeName: 'Inner',
  class: Inner,
  read: (r: CompactReader) => new Inner(r.readInt32('n')),
  write: (w: CompactWriter, v: Inner) => w.writeInt32('n', v.n),
};
const outerSerializer = {
  typeName: 'Outer',
  class: Outer,
  read: (r: CompactReader) => new Outer(r.readString('name')!, r.readCompact<Inner>('inner')),
  write: (w: CompactWriter, v: Outer) => {
    w.writeString('name', v.name);
    w.writeCompact('inner', v.inner);
  },
};
const config = { compact: { serializers: [innerSerializer, outerSerializer] } };

describe('sending schemas', () => {
  it('toData throws a recoverable error, synchronously, before any data exists; recover() sends every missing schema', async () => {
    const { service, cluster } = ourService(config);
    let error: unknown;
    try {
      service.toData(new Outer('a', new Inner(1)));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaNotReplicatedError);
    expect(error).toBeInstanceOf(SerializationNeedsRoundTripError);
    expect(error).toBeInstanceOf(HazelcastSerializationError);
    const notReplicated = error as SchemaNotReplicatedError;
    expect(notReplicated.typeNames).toEqual(['Outer', 'Inner']);
    expect(notReplicated.message).toMatch(/Outer, Inner must be sent to the cluster/);
    expect(cluster.requests).toEqual([]);
    await notReplicated.recover();
    expect(cluster.requests.map((r) => `${r.type} ${r.typeName}`).sort()).toEqual(['sendSchema Inner', 'sendSchema Outer']);
    expect(service.toData(new Outer('a', new Inner(1)))!.getType()).toBe(-55);
    expect(cluster.requests).toHaveLength(2);
  });

  it('toDataAsync sends the schema first and resolves with the data after; the next call is synchronous', async () => {
    const { service, cluster } = ourService(config);
    const log: string[] = [];
    const invoke = cluster.invoke.bind(cluster);
    service.attach(
      cluster.context({
        invoke: async (request) => {
          const response = await invoke(request);
          log.push(`sent ${cluster.requests.at(-1)!.type} ${cluster.requests.at(-1)!.typeName}`);
          return response;
        },
      }),
    );
    const data = await service.toDataAsync(new Inner(5));
    log.push('data produced');
    expect(log).toEqual(['sent sendSchema Inner', 'data produced']);
    expect(service.toObject(data)).toEqual(new Inner(5));
    expect(service.toData(new Inner(6))).not.toBeNull();
  });

  it('sends a schema once however many values wait for it', async () => {
    const { service, cluster } = ourService(config);
    const all = await Promise.all(Array.from({ length: 10 }, (_, i) => service.toDataAsync(new Inner(i))));
    expect(all.every((d) => d !== null && d.getType() === -55)).toBe(true);
    expect(cluster.requests).toEqual([expect.objectContaining({ type: 'sendSchema', typeName: 'Inner' })]);
  });

  it('sends GenericRecord schemas too', async () => {
    const { service, cluster } = ourService({});
    const record = GenericRecords.compact('Inner', { n: Fields.INT32 }, { n: 3 });
    expect(() => service.toData(record)).toThrow(SchemaNotReplicatedError);
    const data = (await service.toDataAsync(record))!;
    expect(cluster.requests.map((r) => r.typeName)).toEqual(['Inner']);
    expect(service.toObject(data)).toBeDefined();
  });

  it('resends until every member has the schema, and fails with a typed error when they never do', async () => {
    const { service, cluster } = ourService(config);
    let sends = 0;
    cluster.acknowledging = () => (++sends < 2 ? cluster.members.slice(0, 1) : cluster.members);
    await service.toDataAsync(new Inner(1));
    expect(cluster.requests.filter((r) => r.type === 'sendSchema')).toHaveLength(2);

    const split = ourService(config);
    split.cluster.acknowledging = () => split.cluster.members.slice(1);
    await expect(split.service.toDataAsync(new Inner(1))).rejects.toThrow(/did not reach every member after 3 attempts/);
    expect(split.cluster.requests).toHaveLength(3);
    // Nothing was produced, and the service works for other values.
    expect(split.service.toData('x')).not.toBeNull();
  });

  it('cannot send without a cluster: recover() rejects with a typed error', async () => {
    const service = new DefaultSerializationService(config, [createSerializationExtension(config)]);
    const rejection = service.toDataAsync(new Inner(1));
    await expect(rejection).rejects.toThrow(HazelcastSerializationError);
    await expect(service.toDataAsync(new Inner(1))).rejects.toThrow(/not attached to a client connected to a cluster/);
  });
});

describe('fetching schemas', () => {
  async function writtenElsewhere(): Promise<{ data: Data; cluster: FakeCluster }> {
    const writer = ourService(config);
    const data = (await writer.service.toDataAsync(new Outer('o', new Inner(2))))!;
    return { data, cluster: writer.cluster };
  }

  it('toObject of an unknown schema id throws a recoverable error; recover() fetches it', async () => {
    const { data, cluster } = await writtenElsewhere();
    const reader = new DefaultSerializationService(config, [createSerializationExtension(config)]);
    reader.attach(cluster.context());
    cluster.requests.length = 0;
    let error: unknown;
    try {
      reader.toObject(data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaNotFoundError);
    expect((error as SchemaNotFoundError).schemaId).toMatch(/^-?\d+$/);
    await (error as SchemaNotFoundError).recover();
    expect(cluster.requests).toEqual([{ type: 'fetchSchema', schemaId: (error as SchemaNotFoundError).schemaId }]);
    // The nested schema is unknown too: toObjectAsync fetches it and reads.
    expect(await reader.toObjectAsync(data)).toEqual(new Outer('o', new Inner(2)));
    expect(cluster.requests.map((r) => r.type)).toEqual(['fetchSchema', 'fetchSchema']);
    // Known now: synchronous, no more requests.
    expect(reader.toObject(data)).toEqual(new Outer('o', new Inner(2)));
    expect(cluster.requests).toHaveLength(2);
  });

  it('a schema the cluster does not have fails with a typed error, and the service keeps working', async () => {
    const { data } = await writtenElsewhere();
    const empty = new FakeCluster();
    const reader = new DefaultSerializationService(config, [createSerializationExtension(config)]);
    reader.attach(empty.context());
    await expect(reader.toObjectAsync(data)).rejects.toThrow(HazelcastSerializationError);
    await expect(reader.toObjectAsync(data)).rejects.toThrow(/The cluster does not know the Compact schema with id -?\d+/);
    expect(empty.requests.every((r) => r.type === 'fetchSchema')).toBe(true);
    expect(reader.toObject(reader.toData(42))).toBe(42);
    // Corrupt bytes name the problem too.
    const bytes = Buffer.from(data.toBuffer());
    bytes.writeInt32BE(0x01020304, 8);
    await expect(reader.toObjectAsync(new HeapData(bytes))).rejects.toThrow(/does not know the Compact schema/);
  });
});

describe('a new cluster', () => {
  it('gets every schema again in one sendAllSchemas request', async () => {
    const { service, cluster } = ourService(config);
    await service.toDataAsync(new Outer('o', new Inner(1)));
    const next = new FakeCluster();
    service.attach(next.context());
    await service.sendStateToCluster();
    expect(next.requests).toEqual([{ type: 'sendAllSchemas', count: 2 }]);
    expect([...next.schemas.keys()].sort()).toEqual([...cluster.schemas.keys()].sort());
    // Nothing to send: no request.
    const fresh = ourService(config);
    await fresh.service.sendStateToCluster();
    expect(fresh.cluster.requests).toEqual([]);
  });
});
