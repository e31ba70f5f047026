import type { Member } from './member';

/** A member joined or left. `members` is the member list after the change. */
export interface MembershipEvent {
  member: Member;
  members: Member[];
}

/** The member list when a listener is registered. */
export interface InitialMembershipEvent {
  members: Member[];
}

/** Gets told when members join or leave. */
export interface MembershipListener {
  memberAdded?(event: MembershipEvent): void;
  memberRemoved?(event: MembershipEvent): void;
  /** Called once at registration with the current members, when present. */
  init?(event: InitialMembershipEvent): void;
}
