import type { Logger } from '../logging/logger';
import type { MemberInfo } from '../codec/generated/custom';
import type { UUID } from '../util/uuid';
import type { MemberSource } from './load-balancer';
import { Member } from './member';
import type { MembershipListener } from './membership';

/** Picks members; `getMembers(selector)` returns those it accepts. */
export type MemberSelector = (member: Member) => boolean;

/**
 * The member list, from the cluster view events the client gets on its cluster view listener.
 * A newer list version replaces the old one; membership listeners hear the difference.
 */
export class ClusterService implements MemberSource {
  private members = new Map<string, Member>();
  private version = -1;
  private readonly listeners = new Map<string, MembershipListener>();
  private nextId = 0;
  private initialListReceived!: Promise<void>;
  private markInitialListReceived!: () => void;

  constructor(private readonly logger: Logger) {
    this.resetInitialList();
  }

  /** Members in the order the cluster gave them, optionally filtered. */
  getMembers(selector?: MemberSelector): Member[] {
    const all = [...this.members.values()];
    return selector ? all.filter(selector) : all;
  }

  getMember(uuid: UUID | string): Member | undefined {
    return this.members.get(typeof uuid === 'string' ? uuid : uuid.toString());
  }

  size(): number {
    return this.members.size;
  }

  /** Adds a listener; one with `init` is first given the current members. Returns its id. */
  addMembershipListener(listener: MembershipListener): string {
    const id = `membership-${++this.nextId}`;
    this.listeners.set(id, listener);
    if (listener.init && this.version >= 0) listener.init({ members: this.getMembers() });
    return id;
  }

  removeMembershipListener(id: string): boolean {
    return this.listeners.delete(id);
  }

  /** Resolves when the first member list after a (re)connection has arrived. */
  waitInitialMemberList(): Promise<void> {
    return this.initialListReceived;
  }

  /** @internal A new cluster: the next member list is taken whatever its version. */
  reset(): void {
    this.version = -1;
    this.resetInitialList();
  }

  private resetInitialList(): void {
    this.initialListReceived = new Promise((resolve) => (this.markInitialListReceived = resolve));
  }

  /** @internal Applies a MembersView event. */
  handleMembersView(version: number, infos: MemberInfo[]): void {
    if (version <= this.version && this.version >= 0) return;
    const first = this.version < 0;
    const previous = this.members;
    const next = new Map<string, Member>();
    for (const info of infos) {
      const key = info.uuid.toString();
      next.set(key, previous.get(key) ?? new Member(info));
    }
    this.members = next;
    this.version = version;
    const removed = [...previous.values()].filter((m) => !next.has(m.uuid.toString()));
    const added = [...next.values()].filter((m) => !previous.has(m.uuid.toString()));
    if (removed.length || added.length || first) {
      this.logger.info(`members [${next.size}] {\n${[...next.values()].map((m) => `\t${m.toString()}`).join('\n')}\n}`);
    }
    const members = this.getMembers();
    for (const member of removed) this.fire((l) => l.memberRemoved?.({ member, members }));
    for (const member of added) this.fire((l) => l.memberAdded?.({ member, members }));
    if (first) {
      for (const l of this.listeners.values()) l.init?.({ members });
      this.markInitialListReceived();
    }
  }

  private fire(call: (l: MembershipListener) => void): void {
    for (const l of this.listeners.values()) {
      try {
        call(l);
      } catch (error) {
        this.logger.warn({ err: error }, 'membership listener threw');
      }
    }
  }
}
