// Errors as a Hazelcast member reports them to clients: a protocol error code (the numbers of
// ClientProtocolErrorCodes) and the Java class name of the exception.

/** Error codes of the client protocol, as members send them in an error response. */
export const ErrorCode = {
  UNDEFINED: 0,
  ARRAY_INDEX_OUT_OF_BOUNDS: 1,
  AUTHENTICATION: 3,
  CALLER_NOT_MEMBER: 8,
  CLASS_CAST: 10,
  CONCURRENT_MODIFICATION: 12,
  CONFIG_MISMATCH: 13,
  DISTRIBUTED_OBJECT_DESTROYED: 14,
  EOF: 15,
  EXECUTION: 17,
  HAZELCAST: 18,
  HAZELCAST_INSTANCE_NOT_ACTIVE: 19,
  HAZELCAST_OVERLOAD: 20,
  HAZELCAST_SERIALIZATION: 21,
  IO: 22,
  ILLEGAL_ARGUMENT: 23,
  ILLEGAL_MONITOR_STATE: 26,
  ILLEGAL_STATE: 27,
  INDEX_OUT_OF_BOUNDS: 29,
  INTERRUPTED: 30,
  MEMBER_LEFT: 33,
  NO_SUCH_ELEMENT: 35,
  NULL_POINTER: 37,
  OPERATION_TIMEOUT: 38,
  PARTITION_MIGRATING: 39,
  QUERY: 40,
  RETRYABLE_HAZELCAST: 46,
  RETRYABLE_IO: 47,
  RUNTIME: 48,
  SECURITY: 49,
  STALE_SEQUENCE: 51,
  TARGET_DISCONNECTED: 52,
  TARGET_NOT_MEMBER: 53,
  TIMEOUT: 54,
  TRANSACTION: 56,
  UNSUPPORTED_OPERATION: 61,
  WRONG_TARGET: 62,
  ACCESS_CONTROL: 64,
  MAX_MESSAGE_SIZE_EXCEEDED: 69,
  SERVICE_NOT_FOUND: 75,
} as const;

/** The Java exception class a member reports with each error code. */
const CLASS_NAMES: Readonly<Record<number, string>> = {
  [ErrorCode.ARRAY_INDEX_OUT_OF_BOUNDS]: 'java.lang.ArrayIndexOutOfBoundsException',
  [ErrorCode.AUTHENTICATION]: 'com.hazelcast.client.AuthenticationException',
  [ErrorCode.CALLER_NOT_MEMBER]: 'com.hazelcast.spi.exception.CallerNotMemberException',
  [ErrorCode.CLASS_CAST]: 'java.lang.ClassCastException',
  [ErrorCode.CONCURRENT_MODIFICATION]: 'java.util.ConcurrentModificationException',
  [ErrorCode.CONFIG_MISMATCH]: 'com.hazelcast.config.ConfigMismatchException',
  [ErrorCode.DISTRIBUTED_OBJECT_DESTROYED]: 'com.hazelcast.spi.exception.DistributedObjectDestroyedException',
  [ErrorCode.EOF]: 'java.io.EOFException',
  [ErrorCode.EXECUTION]: 'java.util.concurrent.ExecutionException',
  [ErrorCode.HAZELCAST]: 'com.hazelcast.core.HazelcastException',
  [ErrorCode.HAZELCAST_INSTANCE_NOT_ACTIVE]: 'com.hazelcast.core.HazelcastInstanceNotActiveException',
  [ErrorCode.HAZELCAST_OVERLOAD]: 'com.hazelcast.core.HazelcastOverloadException',
  [ErrorCode.HAZELCAST_SERIALIZATION]: 'com.hazelcast.nio.serialization.HazelcastSerializationException',
  [ErrorCode.IO]: 'java.io.IOException',
  [ErrorCode.ILLEGAL_ARGUMENT]: 'java.lang.IllegalArgumentException',
  [ErrorCode.ILLEGAL_MONITOR_STATE]: 'java.lang.IllegalMonitorStateException',
  [ErrorCode.ILLEGAL_STATE]: 'java.lang.IllegalStateException',
  [ErrorCode.INDEX_OUT_OF_BOUNDS]: 'java.lang.IndexOutOfBoundsException',
  [ErrorCode.INTERRUPTED]: 'java.lang.InterruptedException',
  [ErrorCode.MEMBER_LEFT]: 'com.hazelcast.core.MemberLeftException',
  [ErrorCode.NO_SUCH_ELEMENT]: 'java.util.NoSuchElementException',
  [ErrorCode.NULL_POINTER]: 'java.lang.NullPointerException',
  [ErrorCode.OPERATION_TIMEOUT]: 'com.hazelcast.core.OperationTimeoutException',
  [ErrorCode.PARTITION_MIGRATING]: 'com.hazelcast.spi.exception.PartitionMigratingException',
  [ErrorCode.QUERY]: 'com.hazelcast.query.QueryException',
  [ErrorCode.RETRYABLE_HAZELCAST]: 'com.hazelcast.spi.exception.RetryableHazelcastException',
  [ErrorCode.RETRYABLE_IO]: 'com.hazelcast.spi.exception.RetryableIOException',
  [ErrorCode.RUNTIME]: 'java.lang.RuntimeException',
  [ErrorCode.SECURITY]: 'java.lang.SecurityException',
  [ErrorCode.STALE_SEQUENCE]: 'com.hazelcast.ringbuffer.StaleSequenceException',
  [ErrorCode.TARGET_DISCONNECTED]: 'com.hazelcast.spi.exception.TargetDisconnectedException',
  [ErrorCode.TARGET_NOT_MEMBER]: 'com.hazelcast.spi.exception.TargetNotMemberException',
  [ErrorCode.TIMEOUT]: 'java.util.concurrent.TimeoutException',
  [ErrorCode.TRANSACTION]: 'com.hazelcast.transaction.TransactionException',
  [ErrorCode.UNSUPPORTED_OPERATION]: 'java.lang.UnsupportedOperationException',
  [ErrorCode.WRONG_TARGET]: 'com.hazelcast.spi.exception.WrongTargetException',
  [ErrorCode.ACCESS_CONTROL]: 'java.security.AccessControlException',
  [ErrorCode.MAX_MESSAGE_SIZE_EXCEEDED]: 'com.hazelcast.client.impl.protocol.exception.MaxMessageSizeExceeded',
  [ErrorCode.SERVICE_NOT_FOUND]: 'com.hazelcast.spi.exception.ServiceNotFoundException',
};

/** The Java class name a member reports for an error code (HazelcastException when unknown). */
export function javaClassNameOf(code: number): string {
  return CLASS_NAMES[code] ?? 'com.hazelcast.core.HazelcastException';
}

/**
 * An exception raised while serving a request, sent to the client as an error response.
 * `causes` follow the exception in the response, as a Java member lists an exception's causes.
 */
export class MemberError extends Error {
  readonly className: string;

  constructor(
    readonly code: number,
    message: string,
    className?: string,
    readonly causes: readonly MemberError[] = [],
  ) {
    super(message);
    this.name = 'MemberError';
    this.className = className ?? javaClassNameOf(code);
  }
}
