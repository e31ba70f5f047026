import type Long from 'long';

/**
 * An entry with its statistics, from `getEntryView` (the official client's SimpleEntryView).
 * Times are ms since the epoch; a time that never comes (no TTL, no max idle) is Long.MAX_VALUE.
 */
export class SimpleEntryView<K, V> {
  constructor(
    readonly key: K,
    readonly value: V,
    /** Memory the entry takes on the member, in bytes (an estimate). */
    readonly cost: Long,
    readonly creationTime: Long,
    readonly expirationTime: Long,
    /** How many times the entry was read. */
    readonly hits: Long,
    readonly lastAccessTime: Long,
    readonly lastStoredTime: Long,
    readonly lastUpdateTime: Long,
    /** Incremented on every update. */
    readonly version: Long,
    /** Time to live in ms. */
    readonly ttl: Long,
    /** Max idle in ms. */
    readonly maxIdle: Long,
  ) {}
}
