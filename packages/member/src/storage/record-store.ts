import { SlabAllocator } from '@hz/core/codec';

/** One entry of a map, as the client serialized it. */
export interface MapRecord {
  /** Serialized key and value (Data bytes, header included), owned by the store. */
  readonly key: Buffer;
  value: Buffer;
  readonly creationTime: number;
  lastUpdateTime: number;
  lastAccessTime: number;
  hits: number;
  /** Incremented on every update of the value. */
  version: number;
  /** Time to live in ms (0 = forever). */
  ttl: number;
  /** When the entry expires, in ms since the epoch (Infinity = never). */
  expirationTime: number;
}

/** Store keys by their bytes: latin1 maps each byte to one UTF-16 unit, so equal bytes give equal strings. */
export function keyOf(bytes: Buffer): string {
  return bytes.toString('latin1');
}

/**
 * Values of 4-8 KiB are carved out of shared 64 KiB buffers: a Buffer of their own cost more
 * than the copy, and at tens of thousands of writes a second their creation and collection were
 * a large part of the member's time. A shared buffer lives as long as any value in it, so at
 * worst one is kept for one value (at most 16x its size).
 */
const values = new SlabAllocator(64 * 1024, 4 * 1024, 8 * 1024);

/**
 * From this size on the store keeps the received bytes themselves: the reader never reuses what
 * it delivers (views of Node's read chunks, or buffers of their own), a chunk is at most 64 KiB,
 * so a kept view pins at most 8x its size, no worse than a shared buffer, and saves the copy.
 */
const KEEP_RECEIVED_FROM = 8 * 1024;

/**
 * The bytes the store keeps for a received key or value. Small ones are copied so that the store
 * never pins a read chunk for a few bytes; see KEEP_RECEIVED_FROM for large ones. Callers hand
 * in bytes that nothing writes to again (received messages, fresh serialization output).
 */
export function own(bytes: Buffer): Buffer {
  if (bytes.length >= KEEP_RECEIVED_FROM) return bytes;
  const copy = values.allocate(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** The entries of one map in one partition. Knows nothing of the protocol or of events. */
export class RecordStore {
  private readonly records = new Map<string, MapRecord>();

  get size(): number {
    return this.records.size;
  }

  get(key: Buffer): MapRecord | undefined {
    return this.records.get(keyOf(key));
  }

  /** Sets the value of `key`; returns the record and the previous value, if any. */
  put(key: Buffer, value: Buffer, ttl: number, now: number): { record: MapRecord; oldValue: Buffer | null } {
    const k = keyOf(key);
    const existing = this.records.get(k);
    const expirationTime = ttl > 0 ? now + ttl : Infinity;
    if (existing !== undefined) {
      const oldValue = existing.value;
      existing.value = own(value);
      existing.lastUpdateTime = now;
      existing.version++;
      existing.ttl = ttl > 0 ? ttl : 0;
      existing.expirationTime = expirationTime;
      return { record: existing, oldValue };
    }
    const record: MapRecord = {
      key: own(key),
      value: own(value),
      creationTime: now,
      lastUpdateTime: now,
      lastAccessTime: now,
      hits: 0,
      version: 0,
      ttl: ttl > 0 ? ttl : 0,
      expirationTime,
    };
    this.records.set(k, record);
    return { record, oldValue: null };
  }

  delete(key: Buffer): MapRecord | undefined {
    const k = keyOf(key);
    const r = this.records.get(k);
    if (r !== undefined) this.records.delete(k);
    return r;
  }

  /** Removes `record` if it is still the entry of its key. */
  deleteRecord(record: MapRecord): boolean {
    const k = keyOf(record.key);
    if (this.records.get(k) !== record) return false;
    this.records.delete(k);
    return true;
  }

  values(): IterableIterator<MapRecord> {
    return this.records.values();
  }

  /** Removes every entry; returns them. */
  clear(): MapRecord[] {
    const all = [...this.records.values()];
    this.records.clear();
    return all;
  }
}
