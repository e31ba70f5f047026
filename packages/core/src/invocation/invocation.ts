import type { ClientMessage } from '../protocol/client-message';
import type { Connection } from '../network/connection';
import type { UUID } from '../util/uuid';

/** Where an invocation goes; at most one of these is set. */
export interface InvocationTarget {
  /** The partition whose owner gets it. */
  partitionId?: number;
  /** The member that gets it. */
  uuid?: UUID;
  /** The connection that must carry it (not retried elsewhere). */
  connection?: Connection;
}

/** One request in flight: what to send, where, until when it may be retried, and its outcome. */
export class Invocation {
  /** When the invocation stops being retried (ms since epoch). */
  readonly deadline: number;
  correlationId = -1;
  /** The connection the request went out on last. */
  sentOn: Connection | null = null;
  /** Backup acknowledgements still expected, once the response arrived. */
  pendingBackups = 0;
  /** The response waiting for its backup acknowledgements. */
  response: ClientMessage | null = null;
  backupDeadline = 0;
  attempts = 0;
  /** For listener registrations: receives the events sent with this correlation id. */
  eventHandler: ((event: ClientMessage) => void) | null = null;
  settled = false;
  /** Turns the response into the caller's result before it resolves; null: the response itself. */
  decode: ((response: ClientMessage) => unknown) | null = null;

  constructor(
    readonly request: ClientMessage,
    readonly target: InvocationTarget,
    timeoutMillis: number,
    readonly resolve: (result: unknown) => void,
    readonly reject: (error: Error) => void,
  ) {
    this.deadline = Date.now() + timeoutMillis;
  }
}
