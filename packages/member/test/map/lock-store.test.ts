import type { ClientConnection } from '../../src';
import { LockStore, type LockOwner } from '../../src/services/map/lock-store';
import { ExpiryScheduler } from '../../src/storage/expiry-scheduler';

const owner = (clientUuid: string, threadId: number): LockOwner => ({ clientUuid, threadId: String(threadId) });
const conn = (): ClientConnection => ({}) as ClientConnection;

describe('LockStore', () => {
  let scheduler: ExpiryScheduler;
  let locks: LockStore;
  const A = owner('client-1', 1);
  const B = owner('client-1', 2);
  const C = owner('client-2', 1);

  beforeEach(() => {
    scheduler = new ExpiryScheduler();
    locks = new LockStore(scheduler);
  });
  afterEach(() => scheduler.stop());

  it('is reentrant for its owner and refuses every other owner, of the same client or not', () => {
    expect(locks.lock('m', 'k', A, -1, '1')).toBe(true);
    expect(locks.lock('m', 'k', A, -1, '2')).toBe(true);
    expect(locks.lock('m', 'k', B, -1, '3')).toBe(false);
    expect(locks.lock('m', 'k', C, -1, '4')).toBe(false);
    expect(locks.unlock('m', 'k', B, '5')).toBe(false);
    expect(locks.ownerInfo('m', 'k')).toBe('Owner: client-1, thread ID: 1, count: 2');
    expect(locks.unlock('m', 'k', A, '6')).toBe(true);
    expect(locks.isLocked('m', 'k')).toBe(true);
    expect(locks.unlock('m', 'k', A, '7')).toBe(true);
    expect(locks.isLocked('m', 'k')).toBe(false);
    expect(locks.unlock('m', 'k', A, '8')).toBe(false);
    expect(locks.ownerInfo('m', 'k')).toBe('<not-locked>');
  });

  it('applies a retried lock or unlock (same reference id) once; reference id 0 is always new', () => {
    expect(locks.lock('m', 'k', A, -1, '10')).toBe(true);
    expect(locks.lock('m', 'k', A, -1, '10')).toBe(true);
    expect(locks.unlock('m', 'k', A, '11')).toBe(true);
    expect(locks.isLocked('m', 'k')).toBe(false);
    expect(locks.lock('m', 'k', A, -1, '0')).toBe(true);
    expect(locks.lock('m', 'k', A, -1, '0')).toBe(true);
    expect(locks.unlock('m', 'k', A, '0')).toBe(true);
    expect(locks.isLocked('m', 'k')).toBe(true);
    expect(locks.unlock('m', 'k', A, '0')).toBe(true);
    expect(locks.isLocked('m', 'k')).toBe(false);
  });

  it('keeps locks of different maps and keys apart, and lists the locked keys of a map', () => {
    locks.lock('m', 'k1', A, -1, '1');
    locks.lock('m', 'k2', C, -1, '2');
    locks.lock('other', 'k1', B, -1, '3');
    expect([...locks.lockedIds('m')].sort()).toEqual(['k1', 'k2']);
    expect(locks.forceUnlock('m', 'k2')).toBe(true);
    expect(locks.forceUnlock('m', 'k2')).toBe(false);
    expect([...locks.lockedIds('m')]).toEqual(['k1']);
  });

  it('wakes waiters in arrival order when the lock frees; what one takes the next one sees', () => {
    const order: string[] = [];
    locks.lock('m', 'k', A, -1, '1');
    const take = (o: LockOwner, name: string) => () => {
      order.push(name);
      locks.lock('m', 'k', o, -1, `${name}-ref`);
    };
    locks.whenAvailable('m', 'k', B, conn(), -1, take(B, 'B'), () => order.push('B timed out'));
    locks.whenAvailable('m', 'k', C, conn(), -1, take(C, 'C'), () => order.push('C timed out'));
    expect(order).toEqual([]);
    locks.unlock('m', 'k', A, '2');
    expect(order).toEqual(['B']);
    locks.unlock('m', 'k', B, '3');
    expect(order).toEqual(['B', 'C']);
    // The owner itself never waits.
    let ran = false;
    locks.whenAvailable('m', 'k', C, conn(), -1, () => (ran = true), () => undefined);
    expect(ran).toBe(true);
  });

  it('times a waiter out, and answers a zero timeout at once', async () => {
    locks.lock('m', 'k', A, -1, '1');
    const outcome = await new Promise<string>((resolve) => locks.whenAvailable('m', 'k', B, conn(), 30, () => resolve('ready'), () => resolve('timed out')));
    expect(outcome).toBe('timed out');
    let immediate = '';
    locks.whenAvailable('m', 'k', B, conn(), 0, () => (immediate = 'ready'), () => (immediate = 'timed out'));
    expect(immediate).toBe('timed out');
    // A timed-out waiter is gone: releasing the lock does not run it.
    locks.unlock('m', 'k', A, '2');
  });

  it('releases a lock at the end of its lease and lets the next waiter in', async () => {
    locks.lock('m', 'k', A, 30, '1');
    await new Promise<void>((resolve) => locks.whenAvailable('m', 'k', B, conn(), -1, resolve, () => undefined));
    expect(locks.isLocked('m', 'k')).toBe(false);
  });

  it('drops the waiters of a closed connection, and releases the locks of a client that left', () => {
    const c1 = conn();
    let woken = false;
    locks.lock('m', 'k', A, -1, '1');
    locks.whenAvailable('m', 'k', C, c1, -1, () => (woken = true), () => undefined);
    locks.dropWaiters(c1);
    locks.lock('m', 'other', A, -1, '2');
    locks.lock('m', 'theirs', C, -1, '3');
    locks.releaseClient('client-1');
    expect(woken).toBe(false);
    expect([...locks.lockedIds('m')]).toEqual(['theirs']);
  });

  it('lets waiters go on when the map is destroyed', () => {
    let woken = false;
    locks.lock('m', 'k', A, -1, '1');
    locks.whenAvailable('m', 'k', B, conn(), -1, () => (woken = true), () => undefined);
    locks.destroy('m');
    expect(woken).toBe(true);
  });
});
