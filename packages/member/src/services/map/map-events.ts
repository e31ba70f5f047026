import { HeapData } from '@hz/core';
import type { Cluster } from '../../cluster/cluster';
import type { Member } from '../../cluster/member';
import type { ClientConnection } from '../../network/connection';
import { encodeMapAddEntryListenerEntryEvent, encodeMapAddEntryListenerToKeyEntryEvent } from '../../codec';
import { keyOf } from '../../storage/record-store';
import { ListenerRegistry, sendEvent, type Registration } from '../listener-registry';
import type { EntryEventTypeValue } from './entry-event-type';

export interface EntryListenerDetails {
  readonly mapName: string;
  readonly includeValue: boolean;
  /** EntryEventType bits the client listens to. */
  readonly flags: number;
  /** Only events of this key (addEntryListenerToKey), as stored key bytes. */
  readonly key: string | null;
}

/**
 * Entry listener registrations of maps and the publishing of entry and map-wide events.
 * Which member sends an event follows the member: an entry event comes from the owner of the
 * key's partition, a map-wide event (clear, evictAll) from the member that ran the operation;
 * a registration made with localOnly hears only what its member sends.
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
  entryEvent(partitionId: number, mapName: string, eventType: EntryEventTypeValue, key: Buffer, value: Buffer | null, oldValue: Buffer | null): void {
    const targets = this.matching(mapName, eventType);
    if (targets.length === 0) return;
    const owner = this.cluster.partitionTable.ownerOf(partitionId);
    const source = this.cluster.memberByUuid(owner);
    const sourceUuid = source?.uuid ?? this.cluster.anyMemberUuid();
    const k = keyOf(key);
    const keyData = new HeapData(key);
    const groups: Record<string, Array<Registration<EntryListenerDetails>>> = {};
    for (const r of targets) {
      if (r.localOnly && r.member.uuidString !== owner) continue;
      if (r.details.key !== null && r.details.key !== k) continue;
      // One encoding per (listener kind, include value); a copy per registration.
      const group = `${r.details.key === null ? 'map' : 'key'}:${r.details.includeValue}`;
      (groups[group] ??= []).push(r);
    }
    for (const [group, regs] of Object.entries(groups)) {
      const withValues = group.endsWith('true');
      const v = withValues && value !== null ? new HeapData(value) : null;
      const ov = withValues && oldValue !== null ? new HeapData(oldValue) : null;
      const encode = group.startsWith('key') ? encodeMapAddEntryListenerToKeyEntryEvent : encodeMapAddEntryListenerEntryEvent;
      sendEvent(encode(keyData, v, ov, null, eventType, sourceUuid, 1), regs, partitionId);
    }
  }

  /** A map-wide event (CLEAR_ALL, EVICT_ALL) published by `source`. */
  mapEvent(source: Member, mapName: string, eventType: EntryEventTypeValue, affected: number): void {
    const targets = this.matching(mapName, eventType).filter((r) => !r.localOnly || r.member === source);
    const map = targets.filter((r) => r.details.key === null);
    const key = targets.filter((r) => r.details.key !== null);
    if (map.length > 0) sendEvent(encodeMapAddEntryListenerEntryEvent(null, null, null, null, eventType, source.uuid, affected), map);
    if (key.length > 0) sendEvent(encodeMapAddEntryListenerToKeyEntryEvent(null, null, null, null, eventType, source.uuid, affected), key);
  }

  removeMap(mapName: string): void {
    this.registrations.removeWhere((r) => r.details.mapName === mapName);
  }
}
