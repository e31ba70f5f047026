import type { Data } from '../serialization/data';
import { UUID } from '../util/uuid';

const MIN_INT32 = -0x80000000;

/**
 * The partition of a partition hash, by the member's rule: -2^31 (whose absolute value does
 * not fit an int) maps to 0, any other hash to |hash| modulo the partition count.
 */
export function partitionIdOfHash(hash: number, partitionCount: number): number {
  return hash === MIN_INT32 ? 0 : Math.abs(hash) % partitionCount;
}

/** Anything that can say its partition hash (serialized keys). */
export interface PartitionHashed {
  getPartitionHash(): number;
}

/**
 * The partition table: which member owns each partition, from the partitions view events.
 */
export class PartitionService {
  private owners: Array<UUID | undefined> = [];
  private version = -1;
  private count = 0;

  /** The number of partitions; 0 until the client has authenticated. */
  getPartitionCount(): number {
    return this.count;
  }

  /** The partition of a serialized key. */
  getPartitionId(key: PartitionHashed | Data): number {
    if (this.count === 0) throw new Error('The partition count is not known before the client connects');
    return partitionIdOfHash((key as PartitionHashed).getPartitionHash(), this.count);
  }

  /** The member that owns a partition, if known. */
  getPartitionOwner(partitionId: number): UUID | undefined {
    return this.owners[partitionId];
  }

  /** @internal Partition count from the authentication response. Returns false on a mismatch. */
  checkAndSetPartitionCount(count: number): boolean {
    if (this.count === 0) {
      this.count = count;
      return true;
    }
    return this.count === count;
  }

  /** @internal A new cluster: the next table is taken whatever its version. */
  reset(): void {
    this.version = -1;
    this.owners = [];
  }

  /** @internal Applies a PartitionsView event. */
  handlePartitionsView(version: number, partitions: Array<[UUID, number[]]>): void {
    if (version <= this.version && this.version >= 0) return;
    const owners: Array<UUID | undefined> = new Array(this.count);
    for (const [uuid, ids] of partitions) for (const id of ids) owners[id] = uuid;
    this.owners = owners;
    this.version = version;
  }
}
