/**
 * Which member owns each partition. Ownership moves as members come and go, moving as few
 * partitions as it can (as a member's migrations do), and every change bumps the version that
 * clients use to tell a newer table from an older one.
 */
export class PartitionTable {
  private owners: string[];
  private stamp = 0;

  constructor(readonly partitionCount: number) {
    this.owners = new Array<string>(partitionCount).fill('');
  }

  /** Version of the table as sent to clients (PartitionsView); 0 before any assignment. */
  get version(): number {
    return this.stamp;
  }

  /** UUID of the owner of `partitionId` ('' before any member joined). */
  ownerOf(partitionId: number): string {
    return this.owners[partitionId] ?? '';
  }

  /** Partition ids by owner UUID, owners in `memberOrder`. */
  byOwner(memberOrder: readonly string[]): Array<[string, number[]]> {
    const groups = new Map<string, number[]>(memberOrder.map((m) => [m, []]));
    this.owners.forEach((owner, p) => groups.get(owner)?.push(p));
    return [...groups].filter(([, ps]) => ps.length > 0);
  }

  /**
   * Balances the table over `members` (in join order): partitions of members that left go to
   * the least loaded ones, then the most loaded give partitions to the least loaded until the
   * counts differ by at most one.
   */
  rebalance(members: readonly string[]): void {
    if (members.length === 0) {
      this.owners.fill('');
      this.stamp++;
      return;
    }
    const load = new Map<string, number[]>(members.map((m) => [m, []]));
    const orphans: number[] = [];
    this.owners.forEach((owner, p) => {
      const mine = load.get(owner);
      if (mine === undefined) orphans.push(p);
      else mine.push(p);
    });
    const n = members.length;
    const base = Math.floor(this.partitionCount / n);
    const extra = this.partitionCount % n;
    // The first `extra` members in join order carry one partition more.
    const target = new Map(members.map((m, i) => [m, base + (i < extra ? 1 : 0)]));
    for (const m of members) {
      const mine = load.get(m) as number[];
      const t = target.get(m) as number;
      while (mine.length > t) orphans.push(mine.pop() as number);
    }
    orphans.sort((a, b) => a - b);
    for (const m of members) {
      const mine = load.get(m) as number[];
      const t = target.get(m) as number;
      while (mine.length < t && orphans.length > 0) {
        const p = orphans.shift() as number;
        mine.push(p);
        this.owners[p] = m;
      }
    }
    this.stamp++;
  }
}
