// Error classes of the client. Names and hierarchy are those of the official Node.js client
// (hazelcast-client 5.6.0, lib/core/HazelcastError): code written against it catches the same
// classes here. In parentheses: the Java exception a member sends for it.
import type { UUID } from '../util/uuid';
import { HazelcastError, nameErrorClass, type HazelcastErrorOptions, type ServerErrorStackElement } from './hazelcast-error';

/** An object could not be serialized or deserialized (HazelcastSerializationException). */
export class HazelcastSerializationError extends HazelcastError {
  static {
    nameErrorClass(this, 'HazelcastSerializationError');
  }

  /** The serializer type id involved, when there is one. */
  declare typeId?: number;

  constructor(message?: string, causeOrOptions?: Error | (HazelcastErrorOptions & { typeId?: number }) | null, serverStackTrace?: ServerErrorStackElement[]) {
    super(message, causeOrOptions, serverStackTrace);
    const typeId = causeOrOptions && !(causeOrOptions instanceof Error) ? causeOrOptions.typeId : undefined;
    if (typeId !== undefined) this.typeId = typeId;
  }
}

/** The cluster rejected the client's credentials or cluster name (AuthenticationException). */
export class AuthenticationError extends HazelcastError {
  static {
    nameErrorClass(this, 'AuthenticationError');
  }
}

/** The client is shut down or shutting down; raised by every call made after shutdown. */
export class ClientNotActiveError extends HazelcastError {
  static {
    nameErrorClass(this, 'ClientNotActiveError');
  }
}

/** No connection to the cluster: the client is disconnected and the call can not be sent. */
export class ClientOfflineError extends HazelcastError {
  static {
    nameErrorClass(this, 'ClientOfflineError');
  }

  /**
   * The official signature is `new ClientOfflineError(cause?)`, with the message
   * "No connection found to cluster"; a message may also be given first.
   */
  constructor(messageOrCause?: string | Error | HazelcastErrorOptions | null, causeOrOptions?: Error | HazelcastErrorOptions | null) {
    if (typeof messageOrCause === 'string') super(messageOrCause, causeOrOptions);
    else super('No connection found to cluster', messageOrCause);
  }
}

/** The client can not use a cluster: the cluster blacklisted it, or its partition count differs from the other clusters'. */
export class ClientNotAllowedInClusterError extends HazelcastError {
  static {
    nameErrorClass(this, 'ClientNotAllowedInClusterError');
  }
}

/** The configuration is invalid (InvalidConfigurationException). */
export class InvalidConfigurationError extends HazelcastError {
  static {
    nameErrorClass(this, 'InvalidConfigurationError');
  }
}

/** A call was made in a state that does not allow it (IllegalStateException). */
export class IllegalStateError extends HazelcastError {
  static {
    nameErrorClass(this, 'IllegalStateError');
  }
}

/** An invocation may carry Compact data whose schema the cluster has not got yet; it is retried after the schemas are sent. */
export class InvocationMightContainCompactDataError extends HazelcastError {
  static {
    nameErrorClass(this, 'InvocationMightContainCompactDataError');
  }
}

/** A Ringbuffer read asked for a sequence that is no longer stored (StaleSequenceException). */
export class StaleSequenceError extends HazelcastError {
  static {
    nameErrorClass(this, 'StaleSequenceError');
  }
}

/** A Reliable Topic publish was rejected because the ringbuffer is full (TopicOverloadException). */
export class TopicOverloadError extends HazelcastError {
  static {
    nameErrorClass(this, 'TopicOverloadError');
  }
}

/** An I/O failure: no connection to send on, a socket error, EOF or a non-serializable value (IOException family). */
export class IOError extends HazelcastError {
  static {
    nameErrorClass(this, 'IOError');
  }
}

/** An operation or invocation did not complete before its deadline (OperationTimeoutException). */
export class OperationTimeoutError extends HazelcastError {
  static {
    nameErrorClass(this, 'OperationTimeoutError');
  }
}

/** Base of the errors after which an invocation is always retried (RetryableHazelcastException). */
export class RetryableHazelcastError extends HazelcastError {
  static {
    nameErrorClass(this, 'RetryableHazelcastError');
  }
}

/** The target of an invocation is not a member of the cluster (TargetNotMemberException). */
export class TargetNotMemberError extends RetryableHazelcastError {
  static {
    nameErrorClass(this, 'TargetNotMemberError');
  }
}

/** The caller of an operation is not a member of the cluster (CallerNotMemberException). */
export class CallerNotMemberError extends RetryableHazelcastError {
  static {
    nameErrorClass(this, 'CallerNotMemberError');
  }
}

/** A task or operation was cancelled (java.util.concurrent.CancellationException). */
export class CancellationError extends IllegalStateError {
  static {
    nameErrorClass(this, 'CancellationError');
  }
}

/** A value is not of the expected class (ClassCastException). */
export class ClassCastError extends HazelcastError {
  static {
    nameErrorClass(this, 'ClassCastError');
  }
}

/** The member does not have a class it needs (ClassNotFoundException). */
export class ClassNotFoundError extends HazelcastError {
  static {
    nameErrorClass(this, 'ClassNotFoundError');
  }
}

/** A data structure changed during iteration (ConcurrentModificationException). */
export class ConcurrentModificationError extends HazelcastError {
  static {
    nameErrorClass(this, 'ConcurrentModificationError');
  }
}

/** The configurations of two members or clusters do not match (ConfigMismatchException). */
export class ConfigMismatchError extends HazelcastError {
  static {
    nameErrorClass(this, 'ConfigMismatchError');
  }
}

/** The distributed object was destroyed (DistributedObjectDestroyedException). */
export class DistributedObjectDestroyedError extends HazelcastError {
  static {
    nameErrorClass(this, 'DistributedObjectDestroyedError');
  }
}

/** The member handling the request is not active, e.g. shutting down (HazelcastInstanceNotActiveException). */
export class HazelcastInstanceNotActiveError extends IllegalStateError {
  static {
    nameErrorClass(this, 'HazelcastInstanceNotActiveError');
  }
}

/** The member running an operation left the cluster (MemberLeftException). */
export class MemberLeftError extends RetryableHazelcastError {
  static {
    nameErrorClass(this, 'MemberLeftError');
  }
}

/** The partition of an operation is migrating (PartitionMigratingException). */
export class PartitionMigratingError extends RetryableHazelcastError {
  static {
    nameErrorClass(this, 'PartitionMigratingError');
  }
}

/** A query failed or its result exceeded the size limit (QueryException, QueryResultSizeExceededException). */
export class QueryError extends HazelcastError {
  static {
    nameErrorClass(this, 'QueryError');
  }
}

/** A transaction failed (TransactionException). */
export class TransactionError extends HazelcastError {
  static {
    nameErrorClass(this, 'TransactionError');
  }
}

/** An operation was made on a transaction that is not active (TransactionNotActiveException). */
export class TransactionNotActiveError extends HazelcastError {
  static {
    nameErrorClass(this, 'TransactionNotActiveError');
  }
}

/** A transaction exceeded its timeout (TransactionTimedOutException). */
export class TransactionTimedOutError extends HazelcastError {
  static {
    nameErrorClass(this, 'TransactionTimedOutError');
  }
}

/** An operation was rejected because the split-brain protection quorum is not met (SplitBrainProtectionException). */
export class SplitBrainProtectionError extends TransactionError {
  static {
    nameErrorClass(this, 'SplitBrainProtectionError');
  }
}

/** A retryable I/O failure on the member side (RetryableIOException). */
export class RetryableIOError extends RetryableHazelcastError {
  static {
    nameErrorClass(this, 'RetryableIOError');
  }
}

/** The connection an invocation was sent on closed before its response came (TargetDisconnectedException). */
export class TargetDisconnectedError extends HazelcastError {
  static {
    nameErrorClass(this, 'TargetDisconnectedError');
  }
}

/** The operation is not supported (UnsupportedOperationException). */
export class UnsupportedOperationError extends HazelcastError {
  static {
    nameErrorClass(this, 'UnsupportedOperationError');
  }
}

/** A PN counter lost its session consistency (ConsistencyLostException). */
export class ConsistencyLostError extends HazelcastError {
  static {
    nameErrorClass(this, 'ConsistencyLostError');
  }
}

/** The cluster has no data member to run a partition operation on (NoDataMemberInClusterException). */
export class NoDataMemberInClusterError extends HazelcastError {
  static {
    nameErrorClass(this, 'NoDataMemberInClusterError');
  }
}

/** A durable executor task id is no longer valid (StaleTaskIdException). */
export class StaleTaskIdError extends HazelcastError {
  static {
    nameErrorClass(this, 'StaleTaskIdError');
  }
}

/** A Flake ID generator member's node id is out of range (NodeIdOutOfRangeException). */
export class NodeIdOutOfRangeError extends HazelcastError {
  static {
    nameErrorClass(this, 'NodeIdOutOfRangeError');
  }
}

/** A map reached its maximum size (ReachedMaxSizeException). */
export class ReachedMaxSizeError extends HazelcastError {
  static {
    nameErrorClass(this, 'ReachedMaxSizeError');
  }
}

/** The outcome of an operation is unknown, e.g. backups did not acknowledge in time (IndeterminateOperationStateException). */
export class IndeterminateOperationStateError extends HazelcastError {
  static {
    nameErrorClass(this, 'IndeterminateOperationStateError');
  }
}

/** An array index was out of bounds on the member (ArrayIndexOutOfBoundsException). */
export class ArrayIndexOutOfBoundsError extends HazelcastError {
  static {
    nameErrorClass(this, 'ArrayIndexOutOfBoundsError');
  }
}

/** A value of the wrong type was stored into an array on the member (ArrayStoreException). */
export class ArrayStoreError extends HazelcastError {
  static {
    nameErrorClass(this, 'ArrayStoreError');
  }
}

/** An argument is invalid (IllegalArgumentException). */
export class IllegalArgumentError extends HazelcastError {
  static {
    nameErrorClass(this, 'IllegalArgumentError');
  }
}

/** An index was out of bounds (IndexOutOfBoundsException). */
export class IndexOutOfBoundsError extends HazelcastError {
  static {
    nameErrorClass(this, 'IndexOutOfBoundsError');
  }
}

/** A member-side thread was interrupted (InterruptedException). */
export class InterruptedError extends HazelcastError {
  static {
    nameErrorClass(this, 'InterruptedError');
  }
}

/** An address could not be parsed (AddressUtil.InvalidAddressException). */
export class InvalidAddressError extends HazelcastError {
  static {
    nameErrorClass(this, 'InvalidAddressError');
  }
}

/** An array of negative size was requested on the member (NegativeArraySizeException). */
export class NegativeArraySizeError extends HazelcastError {
  static {
    nameErrorClass(this, 'NegativeArraySizeError');
  }
}

/** A requested element does not exist (NoSuchElementException). */
export class NoSuchElementError extends HazelcastError {
  static {
    nameErrorClass(this, 'NoSuchElementError');
  }
}

/** A required value was null (NullPointerException). */
export class NullPointerError extends HazelcastError {
  static {
    nameErrorClass(this, 'NullPointerError');
  }
}

/** The CP session of the caller has expired (SessionExpiredException). */
export class SessionExpiredError extends HazelcastError {
  static {
    nameErrorClass(this, 'SessionExpiredError');
  }
}

/** The CP group of a CP data structure was destroyed (CPGroupDestroyedException). */
export class CPGroupDestroyedError extends HazelcastError {
  static {
    nameErrorClass(this, 'CPGroupDestroyedError');
  }
}

/** The caller lost the ownership of a FencedLock (LockOwnershipLostException). */
export class LockOwnershipLostError extends HazelcastError {
  static {
    nameErrorClass(this, 'LockOwnershipLostError');
  }
}

/** A lock or semaphore was released by a caller that does not hold it (IllegalMonitorStateException). */
export class IllegalMonitorStateError extends HazelcastError {
  static {
    nameErrorClass(this, 'IllegalMonitorStateError');
  }
}

/** A pending CP wait (lock, semaphore, latch) was cancelled (WaitKeyCancelledException). */
export class WaitKeyCancelledError extends HazelcastError {
  static {
    nameErrorClass(this, 'WaitKeyCancelledError');
  }
}

/** The CP group leader was demoted before committing an operation (LeaderDemotedException). */
export class LeaderDemotedError extends HazelcastError {
  static {
    nameErrorClass(this, 'LeaderDemotedError');
  }
}

/** A Raft append request is stale (StaleAppendRequestException). */
export class StaleAppendRequestError extends HazelcastError {
  static {
    nameErrorClass(this, 'StaleAppendRequestError');
  }
}

/** The CP group leader can not replicate more entries right now (CannotReplicateException). */
export class CannotReplicateError extends RetryableHazelcastError {
  static {
    nameErrorClass(this, 'CannotReplicateError');
  }
}

/** The member that received a CP operation is not the group leader (NotLeaderException). */
export class NotLeaderError extends HazelcastError {
  static {
    nameErrorClass(this, 'NotLeaderError');
  }
}

/** A member sent an error code this client does not map to a class; the message names the Java class. */
export class UndefinedErrorCodeError extends HazelcastError {
  static {
    nameErrorClass(this, 'UndefinedErrorCodeError');
  }
}

/** Too many pending invocations, on this client or on the member (HazelcastOverloadException); not in the official Node.js client, which raises a plain HazelcastError for the code. */
export class HazelcastOverloadError extends HazelcastError {
  static {
    nameErrorClass(this, 'HazelcastOverloadError');
  }
}

/** An error of SQL query execution, with the SQL error code and the member that raised it. */
export class HazelcastSqlException extends HazelcastError {
  static {
    nameErrorClass(this, 'HazelcastSqlException');
  }

  /** SQL error code (`SqlErrorCode` of the member). */
  readonly code: number;
  /** Suggested SQL statement to remediate the error, if any. */
  readonly suggestion: string | null;
  /** Member (or client) UUID that caused or initiated the error. */
  readonly originatingMemberId: UUID;

  constructor(
    originatingMemberId: UUID,
    code: number,
    message: string,
    suggestion: string | null = null,
    cause?: Error | HazelcastErrorOptions | null,
    serverStackTrace?: ServerErrorStackElement[],
  ) {
    super(message, cause, serverStackTrace);
    this.originatingMemberId = originatingMemberId;
    this.code = code;
    this.suggestion = suggestion;
  }
}
