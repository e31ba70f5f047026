import { RecordStore } from './record-store';

/**
 * The cluster's data, partition by partition: for each partition, a record store per map name.
 * It lives at cluster level, not in a member, so a partition's data outlives the member that
 * owned it, as if restored from its backup on the new owner.
 */
export class PartitionStorage {
  private readonly partitions: Array<Map<string, RecordStore>>;

  constructor(readonly partitionCount: number) {
    this.partitions = Array.from({ length: partitionCount }, () => new Map<string, RecordStore>());
  }

  private partition(partitionId: number): Map<string, RecordStore> {
    const p = this.partitions[partitionId];
    if (p === undefined) throw new RangeError(`Partition id ${partitionId} is out of range 0..${this.partitionCount - 1}`);
    return p;
  }

  /** The store of `name` in `partitionId`, created when missing. */
  store(partitionId: number, name: string): RecordStore {
    const p = this.partition(partitionId);
    let s = p.get(name);
    if (s === undefined) {
      s = new RecordStore();
      p.set(name, s);
    }
    return s;
  }

  /** The store of `name` in `partitionId`, if it has one. */
  existing(partitionId: number, name: string): RecordStore | undefined {
    return this.partition(partitionId).get(name);
  }

  /** Every partition's store of `name`, with its partition id. */
  *stores(name: string): IterableIterator<[number, RecordStore]> {
    for (let p = 0; p < this.partitions.length; p++) {
      const s = this.partitions[p].get(name);
      if (s !== undefined) yield [p, s];
    }
  }

  /** Drops `name` from every partition. */
  destroy(name: string): void {
    for (const p of this.partitions) p.delete(name);
  }

  /** Drops everything. */
  clear(): void {
    for (const p of this.partitions) p.clear();
  }
}
