import { HeapData } from '@hz/core';
import { encodeClientPingRequest, messageBuffers } from '@hz/core/codec';
import * as mc from '@hz/proxies/codec';
import { partitionOf, startCluster, type Cluster } from '../src';
import { RawClient, dataOf, textOf } from './support/raw-client';
import { recordingLogger } from './support/quiet';

const d = (s: string): HeapData => new HeapData(dataOf(s));
const pid = (k: string): number => partitionOf(dataOf(k), 271);

describe('Network', () => {
  let cluster: Cluster;
  const logger = recordingLogger();
  const clients: RawClient[] = [];
  const connect = async (auth = true): Promise<RawClient> => {
    const c = await RawClient.connect(cluster.addresses()[0]);
    clients.push(c);
    if (auth) await c.authenticate();
    return c;
  };
  beforeAll(async () => {
    cluster = await startCluster({ port: 0, logger, maxMessageSize: 1024 * 1024 });
  });
  afterEach(() => Promise.all(clients.splice(0).map((c) => c.close())));
  afterAll(() => cluster.shutdown());

  it('coalesces the responses written in one tick into fewer socket writes', async () => {
    const c = await connect();
    const before = c.chunks;
    const n = 200;
    const responses = await Promise.all(c.invokeAll(Array.from({ length: n }, () => ({ request: encodeClientPingRequest() }))));
    expect(responses).toHaveLength(n);
    expect(c.chunks - before).toBeLessThan(n / 4);
  });

  it('reuses the buffers of large responses once written, and every response keeps its bytes', async () => {
    const c = await connect();
    const value = (i: number): Buffer => Buffer.alloc(10_000, i);
    const keys = Array.from({ length: 64 }, (_, i) => `big-${i}`);
    await Promise.all(keys.map((k, i) => c.invoke(mc.encodeMapSetRequest('big', d(k), new HeapData(value(i)), 1, -1), pid(k))));
    const before = messageBuffers.idleBytes();
    for (let round = 0; round < 5; round++) {
      const responses = await Promise.all(c.invokeAll(keys.map((k) => ({ request: mc.encodeMapGetRequest('big', d(k), 1), partitionId: pid(k) }))));
      responses.forEach((r, i) => expect(mc.decodeMapGetResponse(r)!.toBuffer().equals(value(i))).toBe(true));
    }
    // The 10 KiB responses went back to the pool after their writes, for the next ones.
    expect(messageBuffers.idleBytes()).toBeGreaterThan(before);
  });

  it('serves many clients at once', async () => {
    const many = await Promise.all(Array.from({ length: 40 }, () => connect()));
    await Promise.all(
      many.map(async (c, i) => {
        for (let j = 0; j < 5; j++) await c.invoke(mc.encodeMapSetRequest('many', d(`k${i}-${j}`), d(`v${i}`), 1, -1), pid(`k${i}-${j}`));
      }),
    );
    expect(mc.decodeMapSizeResponse(await many[0].invoke(mc.encodeMapSizeRequest('many')))).toBe(200);
    expect(cluster.clients()).toHaveLength(40);
    const v = mc.decodeMapGetResponse(await many[3].invoke(mc.encodeMapGetRequest('many', d('k7-2'), 1), pid('k7-2')));
    expect(textOf(v)).toBe('v7');
  });

  it('reads a message that arrives one byte at a time', async () => {
    const c = await connect();
    const bytes = mc.encodeMapSetRequest('split', d('key'), d('value'), 1, -1);
    bytes.correlationId = 999_001;
    bytes.partitionId = pid('key');
    const done = c.invoke(mc.encodeMapGetRequest('split', d('key'), 1), pid('key'));
    void done.catch(() => undefined);
    for (const b of bytes.buffer) c.writeRaw(Buffer.from([b]));
    // Responses come in order of arrival on one connection: the get went first and saw nothing.
    expect(textOf(mc.decodeMapGetResponse(await done))).toBeNull();
    const again = mc.decodeMapGetResponse(await c.invoke(mc.encodeMapGetRequest('split', d('key'), 1), pid('key')));
    expect(textOf(again)).toBe('value');
  });

  it('closes only the connection that sent a malformed request, and logs it', async () => {
    const bad = await connect();
    const good = await connect();
    const broken = Buffer.alloc(6);
    broken.writeInt32LE(2, 0); // shorter than a frame header
    bad.writeRaw(broken);
    await bad.closed;
    await good.invoke(encodeClientPingRequest());
    expect(logger.records.some((r) => r.level === 'warn' && /Malformed message/.test(r.msg ?? ''))).toBe(true);
  });

  it('closes a connection whose message is over the size limit', async () => {
    const c = await connect();
    // A frame header announcing 2 MiB, over the 1 MiB this cluster accepts.
    const header = Buffer.alloc(6);
    header.writeInt32LE(2 * 1024 * 1024, 0);
    header.writeUInt16LE(0xe000, 4);
    c.writeRaw(header);
    await c.closed;
  });

  it('closes a connection that does not start with CP2', async () => {
    const c = await RawClient.connect(cluster.addresses()[0], { preamble: false });
    clients.push(c);
    c.writeRaw(Buffer.from('CP1'));
    await c.closed;
  });
});
