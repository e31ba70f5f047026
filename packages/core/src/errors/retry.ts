// When the invocation service sends an invocation again after it failed.
//
// The rules are those of the official Node.js client 5.6.0 (`Invocation.shouldRetry` in
// lib/invocation/InvocationService.js), which are those of the Java client's ClientInvocation,
// checked in this order:
//   1. InvocationMightContainCompactDataError: retried (the Compact schemas are sent first).
//   2. An invocation bound to one connection (e.g. a listener registration on it, or the
//      authentication) is not retried after IOError or TargetDisconnectedError: that connection
//      is gone, another one would not do.
//   3. An invocation sent to a given member (by UUID) is not retried after TargetNotMemberError:
//      the member left and will not come back.
//   4. IOError, HazelcastInstanceNotActiveError and the RetryableHazelcastError family
//      (TargetNotMemberError, CallerNotMemberError, MemberLeftError, PartitionMigratingError,
//      RetryableIOError, CannotReplicateError): always retried. The client raises IOError when
//      it finds no connection to send on, i.e. before the request reached any member, so a retry
//      can not run it twice.
//   5. TargetDisconnectedError (the connection closed while the request was in flight, so the
//      member may have run it): retried only when the request is retryable (read-only or
//      idempotent; the flag of the request message) or when `redoOperation` is on in the
//      network config.
//   6. Everything else: not retried (the error goes to the caller).
// Besides this, the official invocation service itself (rejectIfNotRetryable):
//   - rejects with ClientNotActiveError('Client is shutting down.', cause) once the client is
//     not running, whatever the error;
//   - rejects with OperationTimeoutError('Invocation <correlation id>) reached its deadline.',
//     cause) when a retryable error comes after the invocation's deadline (invocation timeout,
//     120 s by default);
//   - retries at once for the first MAX_FAST_INVOCATION_COUNT (5) attempts, then after
//     `invocationRetryPauseMillis` (1 s by default).
// Those are the invocation service's to do; isRetryableError covers the rules 1 to 6.
import * as E from './error-classes';

/** What the invocation service knows about the invocation that failed. */
export interface RetryContext {
  /** The invocation must go over one given connection (official: `invocation.connection` set). */
  boundToConnection?: boolean;
  /** The invocation is sent to one member, by UUID (official: `invocation.uuid` set). */
  targetsMember?: boolean;
  /** The request message is retryable: read-only or idempotent (`ClientMessage` retryable flag). */
  requestRetryable?: boolean;
  /** `network.redoOperation` of the client config: retry even non-retryable requests. */
  redoOperation?: boolean;
}

/**
 * Whether an invocation that failed with `error` is sent again (see the rules at the top of this
 * file, those of the official client). `context` defaults to an invocation that is not bound to
 * a connection nor to a member, of a non-retryable request, with redoOperation off. A boolean
 * stands for `{ requestRetryable: value }`: "the request may run twice" (it is retryable, or
 * redoOperation is on).
 */
export function isRetryableError(error: unknown, context: RetryContext | boolean = {}): boolean {
  if (typeof context === 'boolean') context = { requestRetryable: context };
  if (error instanceof E.InvocationMightContainCompactDataError) return true;
  const connectionLost = error instanceof E.IOError || error instanceof E.TargetDisconnectedError;
  if (context.boundToConnection === true && connectionLost) return false;
  if (context.targetsMember === true && error instanceof E.TargetNotMemberError) return false;
  if (error instanceof E.IOError || error instanceof E.HazelcastInstanceNotActiveError || error instanceof E.RetryableHazelcastError) {
    return true;
  }
  if (error instanceof E.TargetDisconnectedError) {
    return context.requestRetryable === true || context.redoOperation === true;
  }
  return false;
}
