import type { ExpiryScheduler } from '../../storage/expiry-scheduler';
import type { ClientConnection } from '../../network/connection';

/** Who holds or wants a lock: a client and one of its "threads" (the thread id the request carries). */
export interface LockOwner {
  readonly clientUuid: string;
  readonly threadId: string;
}

const ownerKey = (o: LockOwner): string => `${o.clientUuid}/${o.threadId}`;

interface LockResource {
  owner: LockOwner | null;
  count: number;
  /**
   * The reference id of the last lock or unlock applied: a retried request carries the same one
   * and is not applied twice. 0 means "none" (the request gets a unique one), as on a member.
   */
  referenceId: string;
  /** Lease end (ms since the epoch), Infinity without a lease. */
  expiresAt: number;
  acquiredAt: number;
  /** Changes with every acquire, so that a stale lease timer does nothing. */
  version: number;
}

/** A request parked until its owner may take the key's lock (or until its timeout). */
interface Waiter {
  readonly owner: LockOwner;
  readonly connection: ClientConnection;
  readonly ready: () => void;
  readonly timedOut: () => void;
  done: boolean;
}

let uniqueReference = 0;

/**
 * Map key locks: reentrant, owned by a client and a thread id, with an optional lease. A request
 * that must wait (lock, tryLock with a timeout, or a write to a key another owner locked) is
 * parked, never blocking the event loop: it runs when the lock frees, or times out through the
 * cluster's scheduler. Knows nothing of the protocol.
 */
export class LockStore {
  /** Per map: resource id (partition and key bytes) -> lock. */
  private readonly locks = new Map<string, Map<string, LockResource>>();
  private readonly waiters = new Map<string, Map<string, Waiter[]>>();

  constructor(private readonly scheduler: ExpiryScheduler) {}

  private resource(map: string, id: string): LockResource | undefined {
    return this.locks.get(map)?.get(id);
  }

  isLocked(map: string, id: string): boolean {
    return (this.resource(map, id)?.count ?? 0) > 0;
  }

  /** Whether any key of the map is (or was) locked; false means every key is free. */
  hasLocks(map: string): boolean {
    const byId = this.locks.get(map);
    return byId !== undefined && byId.size > 0;
  }

  /** Whether `owner` may take the lock, or write to the key: unlocked or its own. */
  canAcquire(map: string, id: string, owner: LockOwner): boolean {
    const r = this.resource(map, id);
    return r === undefined || r.count === 0 || (r.owner !== null && ownerKey(r.owner) === ownerKey(owner));
  }

  /** Who holds the lock, for error messages. */
  ownerInfo(map: string, id: string): string {
    const r = this.resource(map, id);
    if (r === undefined || r.count === 0 || r.owner === null) return '<not-locked>';
    return `Owner: ${r.owner.clientUuid}, thread ID: ${r.owner.threadId}, count: ${r.count}`;
  }

  /** Takes (or re-enters) the lock; false when another owner holds it. `leaseMs` < 0: no lease. */
  lock(map: string, id: string, owner: LockOwner, leaseMs: number, referenceId: string): boolean {
    if (!this.canAcquire(map, id, owner)) return false;
    let byId = this.locks.get(map);
    if (byId === undefined) this.locks.set(map, (byId = new Map()));
    let r = byId.get(id);
    if (r === undefined) byId.set(id, (r = { owner: null, count: 0, referenceId: '', expiresAt: Infinity, acquiredAt: 0, version: 0 }));
    const ref = referenceId === '0' ? `unique-${++uniqueReference}` : referenceId;
    if (r.count > 0 && r.referenceId === ref) return true; // a retry of a lock already applied
    if (r.count === 0) {
      r.owner = owner;
      r.acquiredAt = Date.now();
    }
    r.count++;
    r.referenceId = ref;
    r.version++;
    r.expiresAt = leaseMs < 0 ? Infinity : Date.now() + leaseMs;
    if (Number.isFinite(r.expiresAt)) {
      const version = r.version;
      const resource = r;
      this.scheduler.schedule(r.expiresAt, () => {
        if (resource.version === version && resource.count > 0) this.release(map, id);
      });
    }
    return true;
  }

  /** Releases one hold of `owner`; false when it does not hold the lock. */
  unlock(map: string, id: string, owner: LockOwner, referenceId: string): boolean {
    const r = this.resource(map, id);
    if (r === undefined || r.count === 0 || r.owner === null || ownerKey(r.owner) !== ownerKey(owner)) return false;
    const ref = referenceId === '0' ? `unique-${++uniqueReference}` : referenceId;
    if (r.referenceId === ref) return true; // a retry of an unlock already applied
    r.referenceId = ref;
    r.count--;
    if (r.count === 0) this.release(map, id);
    return true;
  }

  /** Releases the lock whoever holds it; false when it was not locked. */
  forceUnlock(map: string, id: string): boolean {
    if (!this.isLocked(map, id)) return false;
    this.release(map, id);
    return true;
  }

  /** Remaining lease of a lock in ms (Infinity without one), or -1 when not locked. */
  remainingLease(map: string, id: string): number {
    const r = this.resource(map, id);
    if (r === undefined || r.count === 0) return -1;
    return Number.isFinite(r.expiresAt) ? Math.max(0, r.expiresAt - Date.now()) : Infinity;
  }

  /** Resource ids of the locked keys of a map (clear and evictAll leave them). */
  lockedIds(map: string): Set<string> {
    const out = new Set<string>();
    for (const [id, r] of this.locks.get(map) ?? []) if (r.count > 0) out.add(id);
    return out;
  }

  /**
   * Runs `ready` once `owner` may take the lock of `id` (at once if it may now), or `timedOut`
   * after `timeoutMs` (< 0: no timeout). `ready` runs synchronously when the lock frees, before
   * the next waiter is considered, so that what it does (taking the lock) is seen by the others.
   */
  whenAvailable(map: string, id: string, owner: LockOwner, connection: ClientConnection, timeoutMs: number, ready: () => void, timedOut: () => void): void {
    if (this.canAcquire(map, id, owner)) {
      ready();
      return;
    }
    if (timeoutMs === 0) {
      timedOut();
      return;
    }
    const waiter: Waiter = { owner, connection, ready, timedOut, done: false };
    let byId = this.waiters.get(map);
    if (byId === undefined) this.waiters.set(map, (byId = new Map()));
    let queue = byId.get(id);
    if (queue === undefined) byId.set(id, (queue = []));
    queue.push(waiter);
    if (timeoutMs > 0) {
      this.scheduler.schedule(Date.now() + timeoutMs, () => {
        if (waiter.done) return;
        waiter.done = true;
        this.removeWaiter(map, id, waiter);
        waiter.timedOut();
      });
    }
  }

  private removeWaiter(map: string, id: string, waiter: Waiter): void {
    const byId = this.waiters.get(map);
    const queue = byId?.get(id);
    if (queue === undefined || byId === undefined) return;
    const i = queue.indexOf(waiter);
    if (i >= 0) queue.splice(i, 1);
    if (queue.length === 0) byId.delete(id);
    if (byId.size === 0) this.waiters.delete(map);
  }

  private release(map: string, id: string): void {
    const byId = this.locks.get(map);
    byId?.delete(id);
    if (byId?.size === 0) this.locks.delete(map);
    this.signal(map, id);
  }

  /** Wakes, in arrival order, the waiters that may go on now. */
  private signal(map: string, id: string): void {
    const queue = this.waiters.get(map)?.get(id);
    if (queue === undefined) return;
    for (const w of [...queue]) {
      if (w.done || !this.canAcquire(map, id, w.owner)) continue;
      w.done = true;
      this.removeWaiter(map, id, w);
      w.ready();
    }
  }

  /** A connection closed: what it parked is dropped (the client retries elsewhere if it still runs). */
  dropWaiters(connection: ClientConnection): void {
    for (const [map, byId] of [...this.waiters]) {
      for (const [id, queue] of [...byId]) {
        for (const w of queue.filter((x) => x.connection === connection)) {
          w.done = true;
          this.removeWaiter(map, id, w);
        }
      }
    }
  }

  /** A client left the cluster: the locks it held are released, as a member does. */
  releaseClient(clientUuid: string): void {
    for (const [map, byId] of [...this.locks]) {
      for (const [id, r] of [...byId]) if (r.owner?.clientUuid === clientUuid) this.release(map, id);
    }
  }

  /** Drops a destroyed map's locks; what waited on them goes on. */
  destroy(map: string): void {
    const ids = [...(this.locks.get(map)?.keys() ?? [])];
    this.locks.delete(map);
    for (const id of ids) this.signal(map, id);
  }

  clear(): void {
    this.locks.clear();
    this.waiters.clear();
  }
}
