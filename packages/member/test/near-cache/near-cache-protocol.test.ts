// Near cache invalidation on the wire: the listener, its events (key, source, partition UUID,
// sequence) and the invalidation metadata a client's anti-entropy task fetches.
import Long from 'long';
import { HeapData, UUID } from '@hz/core';
import * as mc from '@hz/proxies/codec';
import { partitionOf, startCluster, type Cluster } from '../../src';
import { ErrorResponse, RawClient, dataOf, textOf, type ClientMessage } from '../support/raw-client';

const PARTITIONS = 271;
const INVALIDATION = 256;
const EVENT = mc.MAP_ADD_NEAR_CACHE_INVALIDATION_LISTENER_I_MAP_INVALIDATION_EVENT_TYPE;
const d = (s: string): HeapData => new HeapData(dataOf(s));
const pid = (k: string): number => partitionOf(dataOf(k), PARTITIONS);

interface Invalidation {
  key: string | null;
  source: string;
  partitionUuid: string;
  sequence: number;
}
const decode = (m: ClientMessage): Invalidation => {
  const e = mc.decodeMapAddNearCacheInvalidationListenerIMapInvalidationEvent(m);
  return { key: textOf(e.key), source: e.sourceUuid.toString(), partitionUuid: e.partitionUuid.toString(), sequence: e.sequence.toNumber() };
};

async function client(cluster: Cluster, member = 0): Promise<{ c: RawClient; uuid: UUID }> {
  const c = await RawClient.connect(cluster.addresses()[member]);
  const uuid = UUID.random();
  await c.authenticate({ clusterName: cluster.name, uuid });
  return { c, uuid };
}

async function listen(c: RawClient, name: string, localOnly = false): Promise<{ id: UUID; correlationId: number }> {
  const correlationId = c.peekCorrelationId();
  const id = mc.decodeMapAddNearCacheInvalidationListenerResponse(await c.invoke(mc.encodeMapAddNearCacheInvalidationListenerRequest(name, INVALIDATION, localOnly)));
  return { id, correlationId };
}

/** Waits for the `n`th invalidation (1-based) of a registration. */
async function nth(c: RawClient, correlationId: number, n: number): Promise<Invalidation> {
  let seen = 0;
  return decode(await c.waitForEvent((m) => m.messageType === EVENT && m.correlationId === correlationId && ++seen === n));
}

async function metadata(c: RawClient, names: string[], member: UUID): Promise<{ seqs: Map<string, Map<number, number>>; uuids: Map<number, string> }> {
  const r = mc.decodeMapFetchNearCacheInvalidationMetadataResponse(await c.invoke(mc.encodeMapFetchNearCacheInvalidationMetadataRequest(names, member)));
  return {
    seqs: new Map(r.namePartitionSequenceList.map(([n, l]) => [n, new Map(l.map(([p, s]) => [p, (s as Long).toNumber()]))])),
    uuids: new Map(r.partitionUuidList.map(([p, u]) => [p, u.toString()])),
  };
}

describe('near cache invalidation, one member', () => {
  let cluster: Cluster;
  let a: { c: RawClient; uuid: UUID };
  let b: { c: RawClient; uuid: UUID };
  let seq = 0;
  let name: string;

  beforeAll(async () => {
    cluster = await startCluster({ members: 1, port: 0, logLevel: 'silent' });
    a = await client(cluster);
    b = await client(cluster);
  });
  beforeEach(() => {
    name = `nc-proto-${++seq}`;
  });
  afterAll(async () => {
    await a.c.close();
    await b.c.close();
    await cluster.shutdown();
  });

  it('sends every change of a key with its source, the partition UUID and a sequence per partition', async () => {
    const { correlationId } = await listen(a.c, name);
    await b.c.invoke(mc.encodeMapPutRequest(name, d('k'), d('v1'), 1, -1), pid('k'));
    await b.c.invoke(mc.encodeMapSetRequest(name, d('k'), d('v2'), 1, -1), pid('k'));
    await a.c.invoke(mc.encodeMapRemoveRequest(name, d('k'), 1), pid('k'));
    const [e1, e2, e3] = [await nth(a.c, correlationId, 1), await nth(a.c, correlationId, 2), await nth(a.c, correlationId, 3)];
    expect([e1.key, e2.key, e3.key]).toEqual(['k', 'k', 'k']);
    expect([e1.sequence, e2.sequence, e3.sequence]).toEqual([1, 2, 3]);
    expect([e1.source, e2.source]).toEqual([b.uuid.toString(), b.uuid.toString()]);
    // The source client hears its own change too (a 5.x member sends it; the client skips it).
    expect(e3.source).toBe(a.uuid.toString());
    expect(e2.partitionUuid).toBe(e1.partitionUuid);
    expect(e3.partitionUuid).toBe(e1.partitionUuid);

    const member = cluster.members[0].uuid;
    const md = await metadata(b.c, [name, 'nc-never-used'], member);
    expect(md.seqs.get(name)).toEqual(new Map([[pid('k'), 3]]));
    expect(md.seqs.get('nc-never-used')).toEqual(new Map());
    expect(md.uuids.size).toBe(PARTITIONS);
    expect(md.uuids.get(pid('k'))).toBe(e1.partitionUuid);
  });

  it('invalidates on putAll, replace, evict and expiry (the member as source of expiry)', async () => {
    const { correlationId } = await listen(a.c, name);
    await b.c.invoke(mc.encodeMapPutAllRequest(name, [[d('x'), d('1')]], true), pid('x'));
    await b.c.invoke(mc.encodeMapReplaceRequest(name, d('x'), d('2'), 1), pid('x'));
    await b.c.invoke(mc.encodeMapEvictRequest(name, d('x'), 1), pid('x'));
    await b.c.invoke(mc.encodeMapPutRequest(name, d('t'), d('v'), 1, 50), pid('t'));
    const events = [await nth(a.c, correlationId, 1), await nth(a.c, correlationId, 2), await nth(a.c, correlationId, 3), await nth(a.c, correlationId, 4)];
    expect(events.map((e) => e.key)).toEqual(['x', 'x', 'x', 't']);
    const expired = await nth(a.c, correlationId, 5);
    expect(expired.key).toBe('t');
    expect(expired.source).toBe(cluster.members[0].uuidString);
    expect(expired.sequence).toBe(events[3].sequence + 1);
  });

  it('sends one invalidation of everything on clear, then resets the partitions (new UUIDs, sequence 0)', async () => {
    const { correlationId } = await listen(a.c, name);
    await b.c.invoke(mc.encodeMapPutRequest(name, d('k'), d('v'), 1, -1), pid('k'));
    const put = await nth(a.c, correlationId, 1);
    const member = cluster.members[0].uuid;
    const before = await metadata(b.c, [name], member);
    await b.c.invoke(mc.encodeMapClearRequest(name));
    const clear = await nth(a.c, correlationId, 2);
    expect(clear.key).toBeNull();
    expect(clear.source).toBe(b.uuid.toString());
    const namePartition = pid(name);
    expect(clear.partitionUuid).toBe(before.uuids.get(namePartition));
    const after = await metadata(b.c, [name], member);
    expect(after.uuids.get(pid('k'))).not.toBe(put.partitionUuid);
    expect(after.seqs.get(name)).toEqual(new Map());
  });

  it('stops with Map.removeEntryListener, and not for another client or map', async () => {
    const { id, correlationId } = await listen(a.c, name);
    expect(mc.decodeMapRemoveEntryListenerResponse(await b.c.invoke(mc.encodeMapRemoveEntryListenerRequest(name, id)))).toBe(false);
    expect(mc.decodeMapRemoveEntryListenerResponse(await a.c.invoke(mc.encodeMapRemoveEntryListenerRequest('other', id)))).toBe(false);
    expect(mc.decodeMapRemoveEntryListenerResponse(await a.c.invoke(mc.encodeMapRemoveEntryListenerRequest(name, id)))).toBe(true);
    await b.c.invoke(mc.encodeMapPutRequest(name, d('k'), d('v'), 1, -1), pid('k'));
    await b.c.invoke(mc.encodeMapGetRequest(name, d('k'), 1), pid('k'));
    await new Promise((r) => setTimeout(r, 50));
    expect(a.c.eventsOfType(EVENT, correlationId)).toHaveLength(0);
  });

  it('answers metadata for a member that is not in the cluster with TargetNotMemberException', async () => {
    const e = await b.c.invoke(mc.encodeMapFetchNearCacheInvalidationMetadataRequest([name], UUID.random())).catch((x: ErrorResponse) => x);
    expect(e).toBeInstanceOf(ErrorResponse);
    expect((e as ErrorResponse).code).toBe(53);
  });
});

describe('near cache invalidation, three members', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster({ members: 3, port: 0, logLevel: 'silent' });
  });
  afterAll(async () => {
    await cluster.shutdown();
  });

  it('sends to a localOnly registration only what its member owns, answers each member its own partitions, and gives a new UUID to the partitions of a killed member', async () => {
    const name = 'nc-two';
    const clients = await Promise.all(cluster.members.map((_, i) => client(cluster, i)));
    const regs = await Promise.all(clients.map((x) => listen(x.c, name, true)));
    const key = 'k';
    const ownerIndex = cluster.members.findIndex((m) => m === cluster.ownerOf(pid(key)));
    await clients[0].c.invoke(mc.encodeMapPutRequest(name, d(key), d('v'), 1, -1), pid(key));
    const e = await nth(clients[ownerIndex].c, regs[ownerIndex].correlationId, 1);
    expect(e.key).toBe(key);
    await new Promise((r) => setTimeout(r, 50));
    clients.forEach((x, i) => {
      if (i !== ownerIndex) expect(x.c.eventsOfType(EVENT)).toHaveLength(0);
    });

    const survivor = (ownerIndex + 1) % clients.length;
    const mdOwner = await metadata(clients[survivor].c, [name], cluster.members[ownerIndex].uuid);
    const mdSurvivor = await metadata(clients[survivor].c, [name], cluster.members[survivor].uuid);
    expect(mdOwner.uuids.get(pid(key))).toBe(e.partitionUuid);
    expect(mdOwner.seqs.get(name)).toEqual(new Map([[pid(key), 1]]));
    expect(mdSurvivor.uuids.has(pid(key))).toBe(false);
    expect(mdOwner.uuids.size + mdSurvivor.uuids.size).toBeLessThan(PARTITIONS);

    await clients[ownerIndex].c.close();
    await cluster.killMember(ownerIndex);
    const all = new Map<number, string>();
    for (const m of cluster.members) for (const [p, u] of (await metadata(clients[survivor].c, [name], m.uuid)).uuids) all.set(p, u);
    expect(all.size).toBe(PARTITIONS);
    // The killed member's partition has a new UUID; partitions that did not move keep theirs.
    expect(all.get(pid(key))).not.toBe(e.partitionUuid);
    for (const [p, u] of mdSurvivor.uuids) expect(all.get(p)).toBe(u);
    for (const x of clients) if (!x.c.isClosed) await x.c.close();
  });
});
