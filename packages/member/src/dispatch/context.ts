import type { ClientMessage } from '@hz/core/codec';
import type { Member } from '../cluster/member';
import type { Cluster } from '../cluster/cluster';
import type { ClientConnection } from '../network/connection';

/** What a handler knows about the request it serves. */
export interface RequestContext {
  readonly cluster: Cluster;
  /** The member the request arrived at. */
  readonly member: Member;
  readonly connection: ClientConnection;
  readonly correlationId: number;
  /** Partition id from the request header (-1 when the request is not for one partition). */
  readonly partitionId: number;
}

/**
 * Serves one request: returns the response (or a promise of it, for work that waits).
 * Throwing a MemberError answers with that error.
 */
export type Handler = (request: ClientMessage, ctx: RequestContext) => ClientMessage | Promise<ClientMessage>;

export interface HandlerOptions {
  /** Served before the client has authenticated (authentication itself). */
  allowUnauthenticated?: boolean;
}
