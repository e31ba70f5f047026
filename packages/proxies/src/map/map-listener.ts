import { IllegalArgumentError, type Member } from '@hz/core';

/** An event about one entry (the official client's EntryEvent). */
export class EntryEvent<K, V> {
  constructor(
    /** The map's name. */
    readonly name: string,
    readonly key: K,
    /** The new value; null when the listener was added without values, or for removals. */
    readonly value: V | null,
    /** The previous value (updates, removals, evictions, expirations), when values are included. */
    readonly oldValue: V | null,
    /** The value that was merged in (merge events), when values are included. */
    readonly mergingValue: V | null,
    /** The member that sent the event; undefined when this client does not know it yet. */
    readonly member: Member | undefined,
  ) {}
}

/** An event about the whole map: clear or evictAll (the official client's MapEvent). */
export class MapEvent {
  constructor(
    readonly name: string,
    /** How many entries the operation removed. */
    readonly numberOfAffectedEntries: number,
    readonly member: Member | undefined,
  ) {}
}

export type EntryEventListener<K, V> = (event: EntryEvent<K, V>) => void;
export type MapEventListener = (event: MapEvent) => void;

/**
 * What to call for each kind of event; the events of the functions given are the ones the
 * member sends (the official client's MapListener / EntryListener).
 */
export interface MapListener<K, V> {
  added?: EntryEventListener<K, V>;
  removed?: EntryEventListener<K, V>;
  updated?: EntryEventListener<K, V>;
  merged?: EntryEventListener<K, V>;
  evicted?: EntryEventListener<K, V>;
  expired?: EntryEventListener<K, V>;
  loaded?: EntryEventListener<K, V>;
  /** evictAll() */
  mapEvicted?: MapEventListener;
  /** clear() */
  mapCleared?: MapEventListener;
}

/** Event types of entry listeners (the member's EntryEventType), one bit each. */
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

const ENTRY_EVENTS = {
  added: EntryEventType.ADDED,
  removed: EntryEventType.REMOVED,
  updated: EntryEventType.UPDATED,
  evicted: EntryEventType.EVICTED,
  expired: EntryEventType.EXPIRED,
  merged: EntryEventType.MERGED,
  loaded: EntryEventType.LOADED,
} as const;
const MAP_EVENTS = { mapEvicted: EntryEventType.EVICT_ALL, mapCleared: EntryEventType.CLEAR_ALL } as const;

/**
 * Checks a listener and returns the event flags it asks for: it must be an object whose known
 * members are functions (or absent).
 */
export function listenerFlags(listener: unknown): number {
  if (typeof listener !== 'object' || listener === null) {
    throw new IllegalArgumentError(`A map listener must be an object with functions such as added(event), got ${listener === null ? 'null' : typeof listener}`);
  }
  let flags = 0;
  for (const [name, flag] of Object.entries({ ...ENTRY_EVENTS, ...MAP_EVENTS })) {
    const fn = (listener as Record<string, unknown>)[name];
    if (fn === undefined) continue;
    if (typeof fn !== 'function') throw new IllegalArgumentError(`The listener's "${name}" must be a function, got ${fn === null ? 'null' : typeof fn}`);
    flags |= flag;
  }
  return flags;
}

/** The raw parts of an entry event, as decoded. */
export interface RawEntryEvent<K, V> {
  eventType: number;
  numberOfAffectedEntries: number;
  key: () => K;
  value: () => V | null;
  oldValue: () => V | null;
  mergingValue: () => V | null;
  member: Member | undefined;
}

/** Calls the listener's function for the event's type. */
export function dispatchEntryEvent<K, V>(name: string, listener: MapListener<K, V>, e: RawEntryEvent<K, V>): void {
  for (const [fn, flag] of Object.entries(MAP_EVENTS) as Array<[keyof typeof MAP_EVENTS, number]>) {
    if (e.eventType === flag) {
      listener[fn]?.(new MapEvent(name, e.numberOfAffectedEntries, e.member));
      return;
    }
  }
  for (const [fn, flag] of Object.entries(ENTRY_EVENTS) as Array<[keyof typeof ENTRY_EVENTS, number]>) {
    if (e.eventType === flag) {
      listener[fn]?.(new EntryEvent(name, e.key(), e.value(), e.oldValue(), e.mergingValue(), e.member));
      return;
    }
  }
}
