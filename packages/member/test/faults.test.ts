import { HeapData, MalformedMessageError } from '@hz/core';
import { encodeClientPingRequest, CLIENT_PING_REQUEST_TYPE } from '@hz/core/codec';
import * as mc from '@hz/proxies/codec';
import { ErrorCode, partitionOf, startCluster, type Cluster } from '../src';
import { ErrorResponse, RawClient, dataOf, textOf } from './support/raw-client';

const d = (s: string): HeapData => new HeapData(dataOf(s));
const pid = (k: string): number => partitionOf(dataOf(k), 271);

describe('Fault injection', () => {
  let cluster: Cluster;
  const clients: RawClient[] = [];
  const connect = async (i = 0): Promise<RawClient> => {
    const c = await RawClient.connect(cluster.addresses()[i]);
    clients.push(c);
    await c.authenticate();
    return c;
  };
  beforeAll(async () => {
    cluster = await startCluster({ members: 2, port: 0, logLevel: 'silent' });
  });
  afterEach(async () => {
    cluster.faults.clear();
    for (const m of cluster.members) m.faults.clear();
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(() => cluster.shutdown());

  it('delays the responses of one message type without holding up the others', async () => {
    const c = await connect();
    const handle = cluster.members[0].faults.delayResponses({ messageType: mc.MAP_PUT_REQUEST_TYPE, delayMs: 200 });
    const order: string[] = [];
    const put = c.invoke(mc.encodeMapPutRequest('delayed', d('k'), d('v'), 1, -1), pid('k')).then(() => order.push('put'));
    const ping = c.invoke(encodeClientPingRequest()).then(() => order.push('ping'));
    await Promise.all([put, ping]);
    expect(order).toEqual(['ping', 'put']);
    expect(handle.hits).toBe(1);
    handle.remove();
  });

  it('drops responses (the request is still carried out), a given number of times', async () => {
    const c = await connect();
    cluster.faults.dropResponses({ messageType: mc.MAP_SET_REQUEST_TYPE, times: 1 });
    let answered = false;
    void c.invoke(mc.encodeMapSetRequest('dropped', d('k'), d('v'), 1, -1), pid('k')).then(
      () => (answered = true),
      () => undefined,
    );
    // The get after it is answered, and sees the value the unanswered set stored.
    const v = mc.decodeMapGetResponse(await c.invoke(mc.encodeMapGetRequest('dropped', d('k'), 1), pid('k')));
    expect(textOf(v)).toBe('v');
    await c.invoke(encodeClientPingRequest());
    expect(answered).toBe(false);
    // The rule is spent: the next set is answered.
    await c.invoke(mc.encodeMapSetRequest('dropped', d('k'), d('w'), 1, -1), pid('k'));
  });

  it('answers with a given error code instead of carrying out the request', async () => {
    const c = await connect();
    cluster.faults.failRequests({ messageType: mc.MAP_PUT_REQUEST_TYPE, errorCode: ErrorCode.HAZELCAST_OVERLOAD, message: 'busy', times: 1 });
    const err = (await c.invoke(mc.encodeMapPutRequest('failing', d('k'), d('v'), 1, -1), pid('k')).catch((e: unknown) => e)) as ErrorResponse;
    expect(err).toBeInstanceOf(ErrorResponse);
    expect(err.code).toBe(ErrorCode.HAZELCAST_OVERLOAD);
    expect(err.className).toBe('com.hazelcast.core.HazelcastOverloadException');
    expect(err.holders[0].message).toBe('busy');
    expect(cluster.mapService.entries('failing')).toHaveLength(0);
    await c.invoke(mc.encodeMapPutRequest('failing', d('k'), d('v'), 1, -1), pid('k'));
    expect(cluster.mapService.entries('failing')).toHaveLength(1);
  });

  it('applies a rule without a message type to every request', async () => {
    const c = await connect();
    cluster.members[0].faults.failRequests({ errorCode: ErrorCode.TARGET_DISCONNECTED });
    await expect(c.invoke(encodeClientPingRequest())).rejects.toMatchObject({ code: 52 });
    const other = await connect(1);
    await other.invoke(encodeClientPingRequest());
  });

  it('drops client connections: all of a member, or one client', async () => {
    const a = await connect(0);
    const b = await connect(0);
    const elsewhere = await connect(1);
    const uuidA = cluster.clients().find((i) => i.connections.length > 0 && i.connections[0].remotePort !== 0 && i.uuid)!.uuid;
    expect(cluster.faults.dropConnections(uuidA)).toBe(1);
    const dropped = await Promise.race([a.closed.then(() => 'a'), b.closed.then(() => 'b')]);
    expect(['a', 'b']).toContain(dropped);
    expect(cluster.members[0].faults.dropConnections()).toBe(1);
    await Promise.all([a.closed, b.closed]);
    await elsewhere.invoke(encodeClientPingRequest());
  });

  it('writes malformed frames that a client rejects', async () => {
    const c = await connect();
    expect(cluster.members[0].faults.sendMalformedFrame({ kind: 'negative-length' })).toBe(1);
    await c.closed;
    expect(c.readError).toBeInstanceOf(MalformedMessageError);
  });

  it('lists its rules as spent once their count is used', async () => {
    const c = await connect();
    const h = cluster.faults.delayResponses({ messageType: CLIENT_PING_REQUEST_TYPE, delayMs: 1, times: 2 });
    for (let i = 0; i < 3; i++) await c.invoke(encodeClientPingRequest());
    expect(h.hits).toBe(2);
  });
});
