/** Event types of map entry listeners (com.hazelcast.core.EntryEventType), one bit each. */
export const EntryEventType = {
  ADDED: 1,
  REMOVED: 2,
  UPDATED: 4,
  EVICTED: 8,
  EXPIRED: 16,
  EVICT_ALL: 32,
  CLEAR_ALL: 64,
  MERGED: 128,
  INVALIDATION: 256,
  LOADED: 512,
} as const;

export type EntryEventTypeValue = (typeof EntryEventType)[keyof typeof EntryEventType];
