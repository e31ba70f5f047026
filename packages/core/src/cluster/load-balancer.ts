import type { Member } from './member';

/** What a load balancer can see of the cluster. */
export interface MemberSource {
  getMembers(): Member[];
}

/**
 * Chooses the member for operations that have no partition or target (the official client's
 * interface). `initLoadBalancer` is called once the client knows the cluster.
 */
export interface LoadBalancer {
  initLoadBalancer(cluster: MemberSource, config: unknown): void;
  next(): Member | null;
  /** A member that holds data (not lite); optional. */
  nextDataMember?(): Member | null;
  canGetNextDataMember?(): boolean;
}

abstract class MemberListBalancer implements LoadBalancer {
  protected cluster: MemberSource | null = null;

  initLoadBalancer(cluster: MemberSource): void {
    this.cluster = cluster;
  }

  protected members(dataOnly: boolean): Member[] {
    const all = this.cluster?.getMembers() ?? [];
    return dataOnly ? all.filter((m) => !m.liteMember) : all;
  }

  next(): Member | null {
    return this.pick(this.members(false));
  }

  nextDataMember(): Member | null {
    return this.pick(this.members(true));
  }

  canGetNextDataMember(): boolean {
    return true;
  }

  protected abstract pick(members: Member[]): Member | null;
}

/** Takes the members in turn. The default. */
export class RoundRobinLB extends MemberListBalancer {
  private index = Math.floor(Math.random() * 1024);

  protected pick(members: Member[]): Member | null {
    if (members.length === 0) return null;
    this.index = (this.index + 1) % 0x7fffffff;
    return members[this.index % members.length];
  }
}

/** Takes a random member each time. */
export class RandomLB extends MemberListBalancer {
  protected pick(members: Member[]): Member | null {
    return members.length === 0 ? null : members[Math.floor(Math.random() * members.length)];
  }
}
