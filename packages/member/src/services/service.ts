import type { Dispatcher } from '../dispatch/dispatcher';
import type { Member } from '../cluster/member';
import type { ClientConnection } from '../network/connection';

/** A member-side service: registers its handlers once, and hears about cluster changes. */
export interface Service {
  register(dispatcher: Dispatcher): void;
  /** A client connection closed (its listeners go with it). */
  onConnectionClosed?(connection: ClientConnection): void;
  /** The member list or the partition table changed. */
  onMembershipChanged?(): void;
  /** A member is being removed; its connections are about to close. */
  onMemberRemoved?(member: Member): void;
  /** The cluster is shutting down: release timers and state. */
  shutdown?(): void;
}
