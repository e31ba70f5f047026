import Long from 'long';
import { HeapData, UUID } from '@hz/core';
import type { Cluster } from '../../cluster/cluster';
import type { Member } from '../../cluster/member';
import type { ClientConnection } from '../../network/connection';
import { encodeMapAddNearCacheInvalidationListenerIMapInvalidationEvent } from '../../codec';
import { ErrorCode, MemberError } from '../../dispatch/errors';
import { partitionOf } from '../../storage/partitioning';
import { EntryEventType } from './entry-event-type';
import { ListenerRegistry, sendEvent, type Registration } from '../listener-registry';

export interface NearCacheListenerDetails {
  readonly mapName: string;
  /** EntryEventType bits of the registration: it hears invalidations when INVALIDATION is set. */
  readonly flags: number;
}

/** What Map.fetchNearCacheInvalidationMetadata answers. */
export interface InvalidationMetadata {
  readonly namePartitionSequenceList: Array<[string, Array<[number, Long]>]>;
  readonly partitionUuidList: Array<[number, UUID]>;
}

/** A serialized String (type id -11), as a member hashes a map name to find its partition. */
function serializedString(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const b = Buffer.alloc(8 + payload.length);
  b.writeInt32BE(-11, 4);
  payload.copy(b, 8);
  return b;
}

/**
 * Near cache invalidation of maps, as a Hazelcast 5.x member does it (Invalidator and
 * MetaDataGenerator):
 * - every change of a key of a map that has near cache listeners sends an IMapInvalidation with
 *   the key, the UUID of who caused it (the client, or the owner member for member-side causes
 *   such as expiry), the partition's UUID and the next sequence of (map, partition), starting at 1;
 * - clear and evictAll send one invalidation with a null key ("everything") on the partition of
 *   the map's name, then reset every partition's metadata (new UUID, sequence 0), as
 *   MapOperation.invalidateAllKeysInNearCaches does;
 * - the event goes to every registration, the causing client's too (a 5.x member sends it and the
 *   client skips what it caused itself); a localOnly registration hears only what its member owns;
 * - a partition's UUID survives a migration (the metadata moves with the data) but changes when
 *   the partition's owner dies (the promoted backup has its own UUID).
 * Sequences only count while the map has a near cache listener, as on a member.
 */
export class NearCacheInvalidator {
  readonly registrations = new ListenerRegistry<NearCacheListenerDetails>();
  private readonly uuids: Array<UUID | undefined>;
  private readonly sequences = new Map<string, number[]>();
  /** Owner of each partition when last seen, to tell a dead owner from a migration. */
  private owners: string[];

  constructor(private readonly cluster: Cluster) {
    const count = cluster.options.partitionCount;
    this.uuids = new Array<UUID | undefined>(count).fill(undefined);
    this.owners = this.currentOwners();
  }

  add(connection: ClientConnection, correlationId: number, member: Member, localOnly: boolean, mapName: string, flags: number): Registration<NearCacheListenerDetails> {
    return this.registrations.add(connection, correlationId, member, localOnly, { mapName, flags });
  }

  hasListeners(mapName: string): boolean {
    for (const r of this.registrations.all()) if (r.details.mapName === mapName) return true;
    return false;
  }

  /** The partition's UUID, made on first use (MetaDataGenerator.getOrCreateUuid). */
  partitionUuid(partitionId: number): UUID {
    let u = this.uuids[partitionId];
    if (u === undefined) this.uuids[partitionId] = u = UUID.random();
    return u;
  }

  currentSequence(mapName: string, partitionId: number): number {
    return this.sequences.get(mapName)?.[partitionId] ?? 0;
  }

  private nextSequence(mapName: string, partitionId: number): number {
    let seqs = this.sequences.get(mapName);
    if (seqs === undefined) this.sequences.set(mapName, (seqs = new Array<number>(this.cluster.options.partitionCount).fill(0)));
    return ++seqs[partitionId];
  }

  /** Who caused a change: the client, or else the partition's owner member. */
  private sourceOf(partitionId: number, source: UUID | null): UUID {
    if (source !== null) return source;
    return this.cluster.ownerOf(partitionId)?.uuid ?? this.cluster.anyMemberUuid();
  }

  /** A key of `mapName` changed or went away. */
  invalidateKey(mapName: string, partitionId: number, key: Buffer, source: UUID | null): void {
    if (!this.hasListeners(mapName)) return;
    this.send(mapName, partitionId, key, source);
  }

  /** clear / evictAll: everything of the map is invalid. */
  invalidateAll(mapName: string, source: UUID | null): void {
    if (!this.hasListeners(mapName)) return;
    const count = this.cluster.options.partitionCount;
    this.send(mapName, partitionOf(serializedString(mapName), count), null, source);
    for (let p = 0; p < count; p++) this.resetPartition(mapName, p);
  }

  private resetPartition(mapName: string, partitionId: number): void {
    this.uuids[partitionId] = UUID.random();
    const seqs = this.sequences.get(mapName);
    if (seqs !== undefined) seqs[partitionId] = 0;
  }

  private send(mapName: string, partitionId: number, key: Buffer | null, source: UUID | null): void {
    const sequence = this.nextSequence(mapName, partitionId);
    const owner = this.cluster.partitionTable.ownerOf(partitionId);
    const targets: Array<Registration<NearCacheListenerDetails>> = [];
    for (const r of this.registrations.all()) {
      if (r.details.mapName !== mapName || (r.details.flags & EntryEventType.INVALIDATION) === 0) continue;
      if (r.localOnly && r.member.uuidString !== owner) continue;
      targets.push(r);
    }
    if (targets.length === 0) return;
    const event = encodeMapAddNearCacheInvalidationListenerIMapInvalidationEvent(
      key === null ? null : new HeapData(key),
      this.sourceOf(partitionId, source),
      this.partitionUuid(partitionId),
      Long.fromNumber(sequence),
    );
    sendEvent(event, targets, partitionId);
  }

  /**
   * Map.fetchNearCacheInvalidationMetadata for the member `memberUuid`: the sequences (those not
   * 0) of the partitions it owns, per map name, and the UUIDs of those partitions.
   */
  metadata(names: readonly string[], memberUuid: UUID): InvalidationMetadata {
    const member = this.cluster.memberByUuid(memberUuid.toString());
    if (member === undefined) throw new MemberError(ErrorCode.TARGET_NOT_MEMBER, `Not Member! target: ${memberUuid.toString()}`);
    const owned: number[] = [];
    for (let p = 0; p < this.cluster.options.partitionCount; p++) if (this.cluster.partitionTable.ownerOf(p) === member.uuidString) owned.push(p);
    const namePartitionSequenceList: Array<[string, Array<[number, Long]>]> = names.map((name) => {
      const seqs: Array<[number, Long]> = [];
      for (const p of owned) {
        const s = this.currentSequence(name, p);
        if (s !== 0) seqs.push([p, Long.fromNumber(s)]);
      }
      return [name, seqs];
    });
    return { namePartitionSequenceList, partitionUuidList: owned.map((p) => [p, this.partitionUuid(p)]) };
  }

  /** The partition table changed: partitions whose owner is gone get a new UUID. */
  onMembershipChanged(): void {
    const live = new Set(this.cluster.members.map((m) => m.uuidString));
    const now = this.currentOwners();
    for (let p = 0; p < now.length; p++) {
      const before = this.owners[p];
      if (before !== now[p] && before !== '' && !live.has(before) && this.uuids[p] !== undefined) this.uuids[p] = UUID.random();
    }
    this.owners = now;
  }

  private currentOwners(): string[] {
    const out: string[] = [];
    for (let p = 0; p < this.cluster.options.partitionCount; p++) out.push(this.cluster.partitionTable.ownerOf(p));
    return out;
  }

  removeMap(mapName: string): void {
    this.registrations.removeWhere((r) => r.details.mapName === mapName);
    this.sequences.delete(mapName);
  }
}
