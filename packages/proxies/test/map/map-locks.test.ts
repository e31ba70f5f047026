import { IllegalMonitorStateError } from '@hz/core';
import { getMap, LockOwner, withLockOwner, type IMap } from '@hz/proxies/map';
import { eventually, itDev, MapTestContext } from './support';

/** Tracks whether a promise has settled, to check that a parked request is still waiting. */
function track<T>(p: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  const promise = p.finally(() => (done = true));
  return { promise, settled: () => done };
}

describe('IMap locks: owned by an async flow (LockOwner), waited for without blocking', () => {
  const ctx = new MapTestContext(2);
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  /** A round trip to the key's partition owner: requests sent before it on the connection were seen first. */
  const roundTrip = (map: IMap<string, string>, key: string): Promise<unknown> => map.get(key);

  it('locks and unlocks, reentrantly, on keys with or without an entry', async () => {
    const map = await ctx.map<string, string>();
    expect(await map.isLocked('k')).toBe(false);
    await map.lock('k');
    await map.lock('k');
    expect(await map.isLocked('k')).toBe(true);
    await map.put('k', 'the owner writes to its locked key');
    await map.unlock('k');
    expect(await map.isLocked('k')).toBe(true);
    await map.unlock('k');
    expect(await map.isLocked('k')).toBe(false);
    await expect(map.unlock('k')).rejects.toThrow(IllegalMonitorStateError);
    expect(await map.get('k')).toBe('the owner writes to its locked key');
  });

  it('gives each flow of withLockOwner its own lock: another flow cannot unlock it, forceUnlock can', async () => {
    const map = await ctx.map<string, string>();
    await withLockOwner(() => map.lock('k'));
    await withLockOwner(async () => {
      await expect(map.unlock('k')).rejects.toThrow(IllegalMonitorStateError);
      expect(await map.tryLock('k')).toBe(false);
      expect(await map.isLocked('k')).toBe(true);
    });
    // Code outside any owner is one more owner.
    await expect(map.unlock('k')).rejects.toThrow(IllegalMonitorStateError);
    await map.forceUnlock('k');
    expect(await map.isLocked('k')).toBe(false);
    expect(await withLockOwner(() => map.tryLock('k'))).toBe(true);
    await map.forceUnlock('k');
  });

  it('keeps the owner across awaits and timers inside the flow', async () => {
    const map = await ctx.map<string, string>();
    await withLockOwner(async () => {
      await map.lock('k');
      await new Promise((r) => setTimeout(r, 5));
      await new Promise<void>((resolve, reject) => setImmediate(() => map.unlock('k').then(resolve, reject)));
    });
    expect(await map.isLocked('k')).toBe(false);
  });

  it('lets code hand a lock to another flow explicitly with LockOwner.run', async () => {
    const map = await ctx.map<string, string>();
    const owner = new LockOwner();
    await owner.run(() => map.lock('k'));
    expect(LockOwner.current()).toBe(LockOwner.default);
    await withLockOwner(() => owner.run(() => map.unlock('k')));
    expect(await map.isLocked('k')).toBe(false);
  });

  it('shares the default owner between flows outside any owner, as the official client does', async () => {
    const map = await ctx.map<string, string>();
    const flowA = async (): Promise<void> => map.lock('k');
    const flowB = async (): Promise<void> => map.unlock('k');
    await flowA();
    await flowB();
    expect(await map.isLocked('k')).toBe(false);
  });

  it("parks another flow's write to a locked key until the lock is released", async () => {
    const map = await ctx.map<string, string>();
    await map.put('k', 'before');
    const a = new LockOwner();
    await a.run(() => map.lock('k'));
    const put = track(withLockOwner(() => map.put('k', 'from B')));
    const remove = track(withLockOwner(() => map.delete('k')));
    await a.run(() => roundTrip(map, 'k'));
    expect(put.settled()).toBe(false);
    expect(remove.settled()).toBe(false);
    // Reads do not wait; the owner's own writes do not either.
    expect(await map.get('k')).toBe('before');
    await a.run(() => map.set('k', 'from A'));
    expect(await withLockOwner(() => map.tryPut('k', 'too late', 50))).toBe(false);
    expect(await withLockOwner(() => map.tryRemove('k', 50))).toBe(false);
    await a.run(() => map.unlock('k'));
    expect(await put.promise).toBe('from A');
    await remove.promise;
    expect(await map.containsKey('k')).toBe(false);
  });

  it('waits in lock() and tryLock(timeout) until the holder unlocks, without blocking anything else', async () => {
    const map = await ctx.map<string, string>();
    const a = new LockOwner();
    await a.run(() => map.lock('k'));
    const lockB = track(withLockOwner(async () => {
      await map.lock('k');
      await map.put('k', 'B had it');
      await map.unlock('k');
    }));
    const tryC = track(withLockOwner(() => map.tryLock('k', 60_000)));
    // Meanwhile the client and the member go on serving other requests.
    for (let i = 0; i < 20; i++) await map.put(`other-${i}`, 'x');
    await a.run(() => roundTrip(map, 'k'));
    expect(lockB.settled()).toBe(false);
    expect(tryC.settled()).toBe(false);
    await a.run(() => map.unlock('k'));
    await lockB.promise;
    expect(await tryC.promise).toBe(true);
    expect(await map.get('k')).toBe('B had it');
    await map.forceUnlock('k');
  });

  it('gives up tryLock after its timeout', async () => {
    const map = await ctx.map<string, string>();
    await withLockOwner(() => map.lock('k'));
    expect(await withLockOwner(() => map.tryLock('k', 100))).toBe(false);
    expect(await withLockOwner(() => map.tryLock('k'))).toBe(false);
    await map.forceUnlock('k');
  });

  it('releases a lock when its lease ends, and lets the next waiter in', async () => {
    const map = await ctx.map<string, string>();
    await withLockOwner(() => map.lock('leased', 1000));
    expect(await map.isLocked('leased')).toBe(true);
    const waiter = withLockOwner(() => map.tryLock('leased', 30_000, 1000));
    expect(await waiter).toBe(true);
    await eventually(async () => expect(await map.isLocked('leased')).toBe(false), 10_000, 100);
  });

  it('keeps locks apart between clients: one cannot unlock the other, and waits for it', async () => {
    const other = await ctx.newClient();
    const name = `locks-two-clients-${Date.now()}`;
    const mine = await getMap<string, string>(ctx.client, name);
    const theirs = await getMap<string, string>(other, name);
    await mine.lock('k');
    await expect(theirs.unlock('k')).rejects.toThrow(IllegalMonitorStateError);
    expect(await theirs.tryLock('k')).toBe(false);
    expect(await theirs.isLocked('k')).toBe(true);
    const waiting = track(theirs.lock('k'));
    await theirs.get('k');
    expect(waiting.settled()).toBe(false);
    await mine.unlock('k');
    await waiting.promise;
    await expect(mine.unlock('k')).rejects.toThrow(IllegalMonitorStateError);
    await theirs.unlock('k');
  });

  it('leaves locked keys in place on clear and evictAll', async () => {
    const map = await ctx.map<string, string>();
    await map.putAll([['locked', '1'], ['free', '2']]);
    await map.lock('locked');
    await map.clear();
    expect(await map.keySet()).toEqual(['locked']);
    await map.put('free', '2');
    await map.evictAll();
    expect(await map.keySet()).toEqual(['locked']);
    await map.unlock('locked');
  });

  itDev('releases the locks of a client that leaves the cluster', async () => {
    ctx.cluster.dev!.mapService.clientLockReleaseDelayMs = 0;
    const leaving = await ctx.newClient();
    const name = `locks-leaving-${Date.now()}`;
    await (await getMap<string, string>(leaving, name)).lock('k');
    const map = await getMap<string, string>(ctx.client, name);
    expect(await map.isLocked('k')).toBe(true);
    const waiting = map.lock('k');
    await leaving.shutdown();
    await waiting;
    await map.unlock('k');
  });

  itDev('keeps a lock and a waiting lock() across the death of the key owner', async () => {
    const dev = ctx.cluster.dev!;
    await dev.startMember();
    const name = `locks-failover-${Date.now()}`;
    const holder = await ctx.newClient();
    const waiter = await ctx.newClient();
    await eventually(() => expect(waiter.connections.getActiveConnections()).toHaveLength(dev.members.length));
    const held = await getMap<string, string>(holder, name);
    const waiting = await getMap<string, string>(waiter, name);
    await held.lock('k');
    const lock = track(waiting.lock('k'));
    await waiting.get('k');
    expect(lock.settled()).toBe(false);
    const owner = dev.ownerOf(ctx.client.getPartitionService().getPartitionId('k'))!;
    await dev.killMember(owner);
    // The lock survives (as if from its backup); the parked request is sent again to the new owner.
    expect(await held.isLocked('k')).toBe(true);
    await held.unlock('k');
    await lock.promise;
    await expect(held.unlock('k')).rejects.toThrow(IllegalMonitorStateError);
    await waiting.unlock('k');
  });
});
