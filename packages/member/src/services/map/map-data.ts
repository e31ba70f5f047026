import type { Data, UUID } from '@hz/core';
import type { Cluster } from '../../cluster/cluster';
import { partitionOf } from '../../storage/partitioning';
import { keyOf, type MapRecord, type RecordStore } from '../../storage/record-store';
import { EntryEventType } from './entry-event-type';
import type { MapEventPublisher } from './map-events';
import type { NearCacheInvalidator } from './near-cache-invalidation';

/** A live entry with where it lives. */
export interface LiveEntry {
  readonly partitionId: number;
  readonly record: MapRecord;
}

/** Expiry settings of a write, in ms: > 0 is the time, 0 forever, < 0 the map's default (forever here). */
export interface Expiry {
  readonly ttl: number;
  readonly maxIdle: number;
}

export const NO_EXPIRY: Expiry = { ttl: -1, maxIdle: -1 };

/** What the record store does not hold: max idle, where the TTL counts from, when the expiry task is due. */
interface RecordMeta {
  maxIdle: number;
  ttlFrom: number;
  scheduledAt: number;
}

/** The id of a key's lock and parked requests: its partition and bytes. */
export function resourceId(partitionId: number, key: Buffer): string {
  return `${partitionId}:${keyOf(key)}`;
}

/**
 * The entries of maps over the cluster's partition storage: reads and writes with TTL and max
 * idle, expiry (lazily on access and by the cluster's scheduler), and the entry events each
 * change fires. Knows nothing of the protocol.
 */
export class MapData {
  private readonly meta = new WeakMap<MapRecord, RecordMeta>();

  /**
   * The client whose request is changing entries (set by the map service around each request),
   * or null for changes of the member itself (expiry): the source of near cache invalidations.
   */
  currentSource: UUID | null = null;

  constructor(
    private readonly cluster: Cluster,
    private readonly events: MapEventPublisher,
    private readonly nearCache: NearCacheInvalidator | null = null,
  ) {}

  /** Runs `f` with `source` as the cause of the changes it makes. */
  withSource<T>(source: UUID | null, f: () => T): T {
    const previous = this.currentSource;
    this.currentSource = source;
    try {
      return f();
    } finally {
      this.currentSource = previous;
    }
  }

  private invalidate(name: string, partitionId: number, key: Buffer, source: UUID | null = this.currentSource): void {
    this.nearCache?.invalidateKey(name, partitionId, key, source);
  }

  /** The live record of `key` (an expired one is expired first), without counting an access. */
  peek(name: string, partitionId: number, key: Buffer): MapRecord | undefined {
    const store = this.cluster.storage.existing(partitionId, name);
    const rec = store?.get(key);
    if (rec === undefined || store === undefined) return undefined;
    if (rec.expirationTime <= Date.now()) {
      this.expire(partitionId, name, store, rec);
      return undefined;
    }
    return rec;
  }

  /** The live record of `key`, counted as a read access (hits, last access, max idle). */
  read(name: string, partitionId: number, key: Buffer): MapRecord | undefined {
    const rec = this.peek(name, partitionId, key);
    if (rec !== undefined) {
      rec.hits++;
      this.access(partitionId, name, rec, Date.now());
    }
    return rec;
  }

  /** Every live entry of a map, over all partitions. */
  all(name: string): LiveEntry[] {
    const now = Date.now();
    const out: LiveEntry[] = [];
    for (const [partitionId, store] of this.cluster.storage.stores(name)) {
      for (const record of [...store.values()]) {
        if (record.expirationTime <= now) this.expire(partitionId, name, store, record);
        else out.push({ partitionId, record });
      }
    }
    return out;
  }

  /** Live entries of the partitions of `keys` (serialized keys), or of every partition when null. */
  inPartitionsOf(name: string, keys: readonly Data[] | null): LiveEntry[] {
    if (keys === null) return this.all(name);
    const count = this.cluster.options.partitionCount;
    const partitions = [...new Set(keys.map((k) => partitionOf(k.toBuffer(), count)))].sort((a, b) => a - b);
    return partitions.flatMap((partitionId) => this.partition(name, partitionId).map((record) => ({ partitionId, record })));
  }

  /** Live entries of one partition, in insertion order. */
  partition(name: string, partitionId: number): MapRecord[] {
    const store = this.cluster.storage.existing(partitionId, name);
    if (store === undefined) return [];
    const now = Date.now();
    const out: MapRecord[] = [];
    for (const record of [...store.values()]) {
      if (record.expirationTime <= now) this.expire(partitionId, name, store, record);
      else out.push(record);
    }
    return out;
  }

  /** Puts and fires ADDED or UPDATED; returns the previous value. */
  put(name: string, partitionId: number, key: Buffer, value: Buffer, expiry: Expiry = NO_EXPIRY): Buffer | null {
    // An expired entry counts as absent: expire it first so that the put is an ADDED.
    this.peek(name, partitionId, key);
    const store = this.cluster.storage.store(partitionId, name);
    const now = Date.now();
    const { record, oldValue } = store.put(key, value, expiry.ttl, now);
    this.meta.set(record, { maxIdle: expiry.maxIdle > 0 ? expiry.maxIdle : 0, ttlFrom: now, scheduledAt: this.meta.get(record)?.scheduledAt ?? Infinity });
    this.access(partitionId, name, record, now);
    if (oldValue === null) this.events.entryEvent(partitionId, name, EntryEventType.ADDED, record.key, record.value, null);
    else this.events.entryEvent(partitionId, name, EntryEventType.UPDATED, record.key, record.value, oldValue);
    this.invalidate(name, partitionId, record.key);
    return oldValue;
  }

  /** Removes `key` and fires REMOVED or EVICTED; returns the removed value. */
  remove(name: string, partitionId: number, key: Buffer, eventType: typeof EntryEventType.REMOVED | typeof EntryEventType.EVICTED = EntryEventType.REMOVED): Buffer | null {
    const rec = this.peek(name, partitionId, key);
    if (rec === undefined) return null;
    this.cluster.storage.existing(partitionId, name)?.deleteRecord(rec);
    this.events.entryEvent(partitionId, name, eventType, rec.key, null, rec.value);
    this.invalidate(name, partitionId, rec.key);
    return rec.value;
  }

  /**
   * clear / evictAll: removes every entry whose resource id `keep` does not claim (locked keys
   * stay, as on a member); returns how many went. The map-wide event is the caller's; the near
   * cache invalidation of everything is sent here.
   */
  removeAll(name: string, keep: (partitionId: number, key: Buffer) => boolean): number {
    let removed = 0;
    for (const [partitionId, store] of this.cluster.storage.stores(name)) {
      for (const rec of [...store.values()]) {
        if (keep(partitionId, rec.key)) continue;
        store.deleteRecord(rec);
        removed++;
      }
    }
    this.nearCache?.invalidateAll(name, this.currentSource);
    return removed;
  }

  /** Gives a live entry a new TTL counted from now; false when there is no entry. */
  setTtl(name: string, partitionId: number, key: Buffer, ttl: number): boolean {
    const rec = this.peek(name, partitionId, key);
    if (rec === undefined) return false;
    rec.ttl = ttl > 0 ? ttl : 0;
    // The new TTL counts from now, not from the entry's creation or last update.
    const now = Date.now();
    this.metaOf(rec).ttlFrom = now;
    this.access(partitionId, name, rec, now);
    this.invalidate(name, partitionId, rec.key);
    return true;
  }

  /** Max idle of a record in ms (0 = none). */
  maxIdleOf(rec: MapRecord): number {
    return this.meta.get(rec)?.maxIdle ?? 0;
  }

  private metaOf(rec: MapRecord): RecordMeta {
    let m = this.meta.get(rec);
    if (m === undefined) this.meta.set(rec, (m = { maxIdle: 0, ttlFrom: rec.lastUpdateTime, scheduledAt: Infinity }));
    return m;
  }

  /**
   * A read or write access: the entry's idle time starts again. The expiration time is the
   * earlier of the TTL (from the last write) and max idle (from the last access).
   */
  private access(partitionId: number, name: string, rec: MapRecord, now: number): void {
    rec.lastAccessTime = now;
    const m = this.metaOf(rec);
    const byTtl = rec.ttl > 0 ? m.ttlFrom + rec.ttl : Infinity;
    const byIdle = m.maxIdle > 0 ? now + m.maxIdle : Infinity;
    rec.expirationTime = Math.min(byTtl, byIdle);
    this.scheduleExpiry(partitionId, name, rec);
  }

  /** One pending task per record: moved earlier when needed, pushed on when it fires early. */
  private scheduleExpiry(partitionId: number, name: string, rec: MapRecord): void {
    const at = rec.expirationTime;
    if (!Number.isFinite(at)) return;
    const m = this.metaOf(rec);
    if (m.scheduledAt <= at && m.scheduledAt > Date.now()) return;
    m.scheduledAt = at;
    const meta = m;
    this.cluster.expiry.schedule(at, () => {
      if (meta.scheduledAt !== at) return;
      meta.scheduledAt = Infinity;
      const store = this.cluster.storage.existing(partitionId, name);
      if (store === undefined || store.get(rec.key) !== rec) return;
      if (rec.expirationTime <= Date.now()) this.expire(partitionId, name, store, rec);
      else this.scheduleExpiry(partitionId, name, rec);
    });
  }

  private expire(partitionId: number, name: string, store: RecordStore, rec: MapRecord): void {
    if (!store.deleteRecord(rec)) return;
    this.events.entryEvent(partitionId, name, EntryEventType.EXPIRED, rec.key, null, rec.value);
    // Expiry is the member's doing, even when a client's access found it.
    this.invalidate(name, partitionId, rec.key, null);
  }
}
