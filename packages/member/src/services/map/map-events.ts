import { HeapData, type ClientMessage, type Data, type UUID } from '@hz/core';
import type { Cluster } from '../../cluster/cluster';
import type { Member } from '../../cluster/member';
import type { ClientConnection } from '../../network/connection';
import {
  encodeMapAddEntryListenerEntryEvent,
  encodeMapAddEntryListenerToKeyEntryEvent,
  encodeMapAddEntryListenerToKeyWithPredicateEntryEvent,
  encodeMapAddEntryListenerWithPredicateEntryEvent,
} from '../../codec';
import { keyOf } from '../../storage/record-store';
import { ListenerRegistry, sendEvent, type Registration } from '../listener-registry';
import { EntryEventType, type EntryEventTypeValue } from './entry-event-type';

/** Tests an entry (serialized key, and value or null) against a listener's predicate. */
export type EntryFilter = (key: Buffer, value: Buffer | null) => boolean;

export interface EntryListenerDetails {
  readonly mapName: string;
  readonly includeValue: boolean;
  /** EntryEventType bits the client listens to. */
  readonly flags: number;
  /** Only events of this key (addEntryListenerToKey...), as stored key bytes. */
  readonly key: string | null;
  /** Only events whose entry passes this predicate (add...WithPredicate). */
  readonly predicate: EntryFilter | null;
}

type EventEncoder = (
  key: Data | null,
  value: Data | null,
  oldValue: Data | null,
  mergingValue: Data | null,
  eventType: number,
  uuid: UUID,
  numberOfAffectedEntries: number,
) => ClientMessage;

/** Each kind of registration gets its events in its own message type. */
function encoderOf(d: EntryListenerDetails): { kind: string; encode: EventEncoder } {
  if (d.key !== null && d.predicate !== null) return { kind: 'key-predicate', encode: encodeMapAddEntryListenerToKeyWithPredicateEntryEvent };
  if (d.key !== null) return { kind: 'key', encode: encodeMapAddEntryListenerToKeyEntryEvent };
  if (d.predicate !== null) return { kind: 'predicate', encode: encodeMapAddEntryListenerWithPredicateEntryEvent };
  return { kind: 'map', encode: encodeMapAddEntryListenerEntryEvent };
}

/** Removal events are tested against the value the entry had; the others against the new one. */
function valueTested(eventType: number, value: Buffer | null, oldValue: Buffer | null): Buffer | null {
  const removal = eventType === EntryEventType.REMOVED || eventType === EntryEventType.EVICTED || eventType === EntryEventType.EXPIRED;
  return removal ? oldValue : value;
}

/**
 * Entry listener registrations of maps and the publishing of entry and map-wide events.
 * Which member sends an event follows the member: an entry event comes from the owner of the
 * key's partition, a map-wide event (clear, evictAll) from the member that ran the operation;
 * a registration made with localOnly hears only what its member sends. Every entry event counts
 * one affected entry; a map-wide event counts what the operation removed.
 */
export class MapEventPublisher {
  readonly registrations = new ListenerRegistry<EntryListenerDetails>();

  constructor(private readonly cluster: Cluster) {}

  add(connection: ClientConnection, correlationId: number, member: Member, localOnly: boolean, details: EntryListenerDetails): Registration<EntryListenerDetails> {
    return this.registrations.add(connection, correlationId, member, localOnly, details);
  }

  private matching(mapName: string, eventType: number): Array<Registration<EntryListenerDetails>> {
    const out: Array<Registration<EntryListenerDetails>> = [];
    for (const r of this.registrations.all()) {
      if (r.details.mapName === mapName && (r.details.flags & eventType) !== 0) out.push(r);
    }
    return out;
  }

  /** An event about one entry. `value` is the new value, `oldValue` the previous one. */
  entryEvent(
    partitionId: number,
    mapName: string,
    eventType: EntryEventTypeValue,
    key: Buffer,
    value: Buffer | null,
    oldValue: Buffer | null,
    mergingValue: Buffer | null = null,
  ): void {
    const targets = this.matching(mapName, eventType);
    if (targets.length === 0) return;
    const owner = this.cluster.partitionTable.ownerOf(partitionId);
    const sourceUuid = this.cluster.memberByUuid(owner)?.uuid ?? this.cluster.anyMemberUuid();
    const k = keyOf(key);
    const tested = valueTested(eventType, value, oldValue);
    const groups = new Map<string, { encode: EventEncoder; withValues: boolean; regs: Array<Registration<EntryListenerDetails>> }>();
    for (const r of targets) {
      if (r.localOnly && r.member.uuidString !== owner) continue;
      if (r.details.key !== null && r.details.key !== k) continue;
      if (r.details.predicate !== null && !this.passes(r.details.predicate, key, tested)) continue;
      // One encoding per (listener kind, include value); a copy per registration.
      const { kind, encode } = encoderOf(r.details);
      const group = `${kind}:${r.details.includeValue}`;
      let g = groups.get(group);
      if (g === undefined) groups.set(group, (g = { encode, withValues: r.details.includeValue, regs: [] }));
      g.regs.push(r);
    }
    const data = (b: Buffer | null, include: boolean): Data | null => (include && b !== null ? new HeapData(b) : null);
    for (const g of groups.values()) {
      const event = g.encode(new HeapData(key), data(value, g.withValues), data(oldValue, g.withValues), data(mergingValue, g.withValues), eventType, sourceUuid, 1);
      sendEvent(event, g.regs, partitionId);
    }
  }

  /** A predicate that cannot be evaluated on an entry lets no event of it through. */
  private passes(filter: EntryFilter, key: Buffer, value: Buffer | null): boolean {
    try {
      return filter(key, value);
    } catch (e) {
      this.cluster.logger.debug({ err: e instanceof Error ? e.message : String(e) }, 'Listener predicate failed on an entry');
      return false;
    }
  }

  /** A map-wide event (CLEAR_ALL, EVICT_ALL) published by `source`. Key listeners hear it too, as on a member. */
  mapEvent(source: Member, mapName: string, eventType: EntryEventTypeValue, affected: number): void {
    const targets = this.matching(mapName, eventType).filter((r) => !r.localOnly || r.member === source);
    const groups = new Map<string, { encode: EventEncoder; regs: Array<Registration<EntryListenerDetails>> }>();
    for (const r of targets) {
      const { kind, encode } = encoderOf(r.details);
      let g = groups.get(kind);
      if (g === undefined) groups.set(kind, (g = { encode, regs: [] }));
      g.regs.push(r);
    }
    for (const g of groups.values()) sendEvent(g.encode(null, null, null, null, eventType, source.uuid, affected), g.regs);
  }

  removeMap(mapName: string): void {
    this.registrations.removeWhere((r) => r.details.mapName === mapName);
  }
}
