import { isData, type Data } from '../serialization/data';
import { hashToPartitionId } from '../serialization/partition-id';
import type { UUID } from '../util/uuid';
import { IllegalArgumentError, IllegalStateError } from '../errors';

/**
 * The partition table: which member owns each partition, from the partitions view events.
 */
export class PartitionService {
  /** @param toData serializes keys that are not serialized yet */
  constructor(private readonly toData: (key: unknown) => Data | null) {}

  private owners: Array<UUID | undefined> = [];
  private version = -1;
  private count = 0;

  /** The number of partitions; 0 until the client has authenticated. */
  getPartitionCount(): number {
    return this.count;
  }

  /** The partition of a key (serialized here unless it already is), by the member's rule. */
  getPartitionId(key: unknown): number {
    if (this.count === 0) throw new IllegalStateError('The partition count is not known before the client connects');
    const data = isData(key) ? key : this.toData(key);
    if (data === null) throw new IllegalArgumentError('A null key has no partition');
    return hashToPartitionId(data.getPartitionHash(), this.count);
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
