import Long from 'long';
import { HeapData } from '@hz/core';
import * as mc from '@hz/proxies/codec';
import { partitionOf, startCluster, type Cluster } from '../../src';
import { ErrorResponse, RawClient, dataOf, textOf, waitFor } from '../support/raw-client';

const d = (s: string): HeapData => new HeapData(dataOf(s));
const pid = (k: string): number => partitionOf(dataOf(k), 271);

/** What the map service answers on the wire: locks, parking, entry views, iteration, errors. */
describe('Map service protocol', () => {
  let cluster: Cluster;
  let c: RawClient;
  let other: RawClient;
  let seq = 0;
  let name: string;

  const lock = (client: RawClient, k: string, threadId: number, ref: number, lease = -1) =>
    client.invoke(mc.encodeMapLockRequest(name, d(k), threadId, lease, ref), pid(k));
  const unlock = (client: RawClient, k: string, threadId: number, ref: number) => client.invoke(mc.encodeMapUnlockRequest(name, d(k), threadId, ref), pid(k));
  const isLocked = async (k: string) => mc.decodeMapIsLockedResponse(await c.invoke(mc.encodeMapIsLockedRequest(name, d(k)), pid(k)));
  const put = (client: RawClient, k: string, v: string, threadId: number) => client.invoke(mc.encodeMapPutRequest(name, d(k), d(v), threadId, -1), pid(k));
  const get = async (k: string) => textOf(mc.decodeMapGetResponse(await c.invoke(mc.encodeMapGetRequest(name, d(k), 1), pid(k))));

  beforeAll(async () => {
    cluster = await startCluster({ members: 1, port: 0, logLevel: 'silent' });
    c = await RawClient.connect(cluster.addresses()[0]);
    await c.authenticate();
    other = await RawClient.connect(cluster.addresses()[0]);
    await other.authenticate();
  });
  beforeEach(() => {
    name = `protocol-${++seq}`;
  });
  afterAll(async () => {
    await c.close();
    await other.close();
    await cluster.shutdown();
  });

  it('answers an unlock by a non-owner with IllegalMonitorStateException', async () => {
    await lock(c, 'k', 1, 1);
    for (const [client, threadId] of [[c, 2], [other, 1]] as const) {
      const error = await unlock(client, 'k', threadId, 2).catch((e: ErrorResponse) => e);
      expect(error).toBeInstanceOf(ErrorResponse);
      expect((error as ErrorResponse).code).toBe(26);
      expect((error as ErrorResponse).className).toBe('java.lang.IllegalMonitorStateException');
      expect((error as ErrorResponse).message).toContain('Current thread is not owner of the lock!');
    }
    await unlock(c, 'k', 1, 3);
    expect(await isLocked('k')).toBe(false);
  });

  it('applies a retried lock request (same reference id) once', async () => {
    await lock(c, 'k', 1, 7);
    await lock(c, 'k', 1, 7);
    await unlock(c, 'k', 1, 8);
    expect(await isLocked('k')).toBe(false);
  });

  it('parks a write of another thread until the unlock, but not a read', async () => {
    await put(c, 'k', 'v0', 1);
    await lock(c, 'k', 1, 1);
    let written = false;
    const parked = put(c, 'k', 'v1', 2).then((m) => {
      written = true;
      return textOf(mc.decodeMapPutResponse(m));
    });
    expect(await get('k')).toBe('v0');
    expect(written).toBe(false);
    await unlock(c, 'k', 1, 2);
    expect(await parked).toBe('v0');
    expect(await get('k')).toBe('v1');
  });

  it('parks tryLock for its timeout and answers true when the lock frees in time, false otherwise', async () => {
    await lock(c, 'k', 1, 1);
    const late = other.invoke(mc.encodeMapTryLockRequest(name, d('k'), 1, -1, 50, 1), pid('k'));
    expect(mc.decodeMapTryLockResponse(await late)).toBe(false);
    const waiting = other.invoke(mc.encodeMapTryLockRequest(name, d('k'), 1, -1, 60_000, 2), pid('k'));
    await unlock(c, 'k', 1, 2);
    expect(mc.decodeMapTryLockResponse(await waiting)).toBe(true);
    await other.invoke(mc.encodeMapForceUnlockRequest(name, d('k'), 3), pid('k'));
  });

  it('releases the locks of a client whose connections all closed, and forgets what it parked', async () => {
    cluster.mapService.clientLockReleaseDelayMs = 0;
    const leaving = await RawClient.connect(cluster.addresses()[0]);
    await leaving.authenticate();
    await lock(leaving, 'held', 1, 1);
    await lock(c, 'busy', 1, 1);
    void lock(leaving, 'busy', 1, 2).catch(() => undefined);
    await leaving.close();
    await waitFor(() => cluster.mapService.locks.lockedIds(name).size === 1, 5000, 'the release');
    await unlock(c, 'busy', 1, 2);
    expect(await isLocked('busy')).toBe(false);
    expect(await isLocked('held')).toBe(false);
  });

  it('gives entry views with "never" as Long.MAX_VALUE, and the max idle', async () => {
    await c.invoke(mc.encodeMapPutRequest(name, d('forever'), d('v'), 1, -1), pid('forever'));
    await c.invoke(mc.encodeMapPutWithMaxIdleRequest(name, d('idle'), d('v'), 1, 60_000, 30_000), pid('idle'));
    const forever = mc.decodeMapGetEntryViewResponse(await c.invoke(mc.encodeMapGetEntryViewRequest(name, d('forever'), 1), pid('forever')));
    expect(forever.response!.ttl.equals(Long.MAX_VALUE)).toBe(true);
    expect(forever.response!.expirationTime.equals(Long.MAX_VALUE)).toBe(true);
    expect(forever.maxIdle.equals(Long.MAX_VALUE)).toBe(true);
    const idle = mc.decodeMapGetEntryViewResponse(await c.invoke(mc.encodeMapGetEntryViewRequest(name, d('idle'), 1), pid('idle')));
    expect(idle.response!.ttl.toNumber()).toBe(60_000);
    expect(idle.maxIdle.toNumber()).toBe(30_000);
    const none = mc.decodeMapGetEntryViewResponse(await c.invoke(mc.encodeMapGetEntryViewRequest(name, d('none'), 1), pid('none')));
    expect(none.response).toBeNull();
  });

  it('iterates a partition in batches, the pointer counting down to -1', async () => {
    const p = 17;
    for (let i = 0; i < 7; i++) await c.invoke(mc.encodeMapPutRequest(name, d(`k${i}`), d(`v${i}`), 1, -1), p);
    const seen: string[] = [];
    let pointers: Array<[number, number]> = [[0x7fffffff, -1]];
    let rounds = 0;
    while (pointers[pointers.length - 1][0] >= 0) {
      const r = mc.decodeMapFetchEntriesResponse(await c.invoke(mc.encodeMapFetchEntriesRequest(name, pointers, 3), p));
      seen.push(...r.entries.map(([k]) => textOf(k)!));
      pointers = r.iterationPointers;
      rounds++;
    }
    expect(rounds).toBe(3);
    expect(seen.sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
    const keys = mc.decodeMapFetchKeysResponse(await c.invoke(mc.encodeMapFetchKeysRequest(name, [[0x7fffffff, -1]], 100), p));
    expect(keys.keys).toHaveLength(7);
    expect(keys.iterationPointers).toEqual([[-1, -1]]);
  });

  it('refuses a listener whose predicate it cannot read, and succeeds at flush and loadAll', async () => {
    const equal = new HeapData(Buffer.from([0, 0, 0, 0, 0xff, 0xff, 0xff, 0xfe, 1, 0xff, 0xff, 0xff, 0xec, 0, 0, 0, 3]));
    const error = await c.invoke(mc.encodeMapAddEntryListenerWithPredicateRequest(name, equal, true, 1, false)).catch((e: ErrorResponse) => e);
    // A truncated EqualPredicate.
    expect(error).toBeInstanceOf(ErrorResponse);
    expect((error as ErrorResponse).className).toBe('com.hazelcast.nio.serialization.HazelcastSerializationException');
    expect(cluster.mapService.events.registrations.size).toBe(0);
    await c.invoke(mc.encodeMapFlushRequest(name));
    await c.invoke(mc.encodeMapLoadAllRequest(name, true));
    await c.invoke(mc.encodeMapLoadGivenKeysRequest(name, [d('k')], false));
  });
});
