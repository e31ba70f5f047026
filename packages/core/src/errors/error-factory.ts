// Between errors and the ErrorHolders of the error response (message type 0): the client turns
// the holders a member sent into a typed error (createErrorFromServer); the development member
// turns a JS error into the holders a Java member would send (toErrorHolders).
import type { ErrorHolder, StackTraceElement } from '../codec/generated/custom';
import * as E from './error-classes';
import { ClientProtocolErrorCodes as C, javaClassNameOfErrorCode } from './error-codes';
import { HazelcastError, type HazelcastErrorOptions } from './hazelcast-error';

type ServerErrorClass = new (message: string, options: HazelcastErrorOptions) => HazelcastError;

/**
 * Code -> class (codes as numbers, with the ClientProtocolErrorCodes name beside each, so that a
 * client bundle need not carry the table of names). The same pairs as the official Node.js
 * client's ClientErrorFactory, with one refinement: HAZELCAST_OVERLOAD gives
 * HazelcastOverloadError (a HazelcastError subclass) where the official client gives a plain
 * HazelcastError. Every other code, the Jet and user ranges
 * included, gives UndefinedErrorCodeError.
 */
const CLASS_BY_CODE: ReadonlyMap<number, ServerErrorClass> = new Map<number, ServerErrorClass>([
  [1 /* ARRAY_INDEX_OUT_OF_BOUNDS */, E.ArrayIndexOutOfBoundsError],
  [2 /* ARRAY_STORE */, E.ArrayStoreError],
  [3 /* AUTHENTICATION */, E.AuthenticationError],
  [8 /* CALLER_NOT_MEMBER */, E.CallerNotMemberError],
  [9 /* CANCELLATION */, E.CancellationError],
  [10 /* CLASS_CAST */, E.ClassCastError],
  [11 /* CLASS_NOT_FOUND */, E.ClassNotFoundError],
  [12 /* CONCURRENT_MODIFICATION */, E.ConcurrentModificationError],
  [13 /* CONFIG_MISMATCH */, E.ConfigMismatchError],
  [14 /* DISTRIBUTED_OBJECT_DESTROYED */, E.DistributedObjectDestroyedError],
  [15 /* EOF */, E.IOError],
  [18 /* HAZELCAST */, HazelcastError],
  [19 /* HAZELCAST_INSTANCE_NOT_ACTIVE */, E.HazelcastInstanceNotActiveError],
  [20 /* HAZELCAST_OVERLOAD */, E.HazelcastOverloadError],
  [21 /* HAZELCAST_SERIALIZATION */, E.HazelcastSerializationError],
  [22 /* IO */, E.IOError],
  [23 /* ILLEGAL_ARGUMENT */, E.IllegalArgumentError],
  [26 /* ILLEGAL_MONITOR_STATE */, E.IllegalMonitorStateError],
  [27 /* ILLEGAL_STATE */, E.IllegalStateError],
  [29 /* INDEX_OUT_OF_BOUNDS */, E.IndexOutOfBoundsError],
  [30 /* INTERRUPTED */, E.InterruptedError],
  [31 /* INVALID_ADDRESS */, E.InvalidAddressError],
  [32 /* INVALID_CONFIGURATION */, E.InvalidConfigurationError],
  [33 /* MEMBER_LEFT */, E.MemberLeftError],
  [34 /* NEGATIVE_ARRAY_SIZE */, E.NegativeArraySizeError],
  [35 /* NO_SUCH_ELEMENT */, E.NoSuchElementError],
  [36 /* NOT_SERIALIZABLE */, E.IOError],
  [37 /* NULL_POINTER */, E.NullPointerError],
  [38 /* OPERATION_TIMEOUT */, E.OperationTimeoutError],
  [39 /* PARTITION_MIGRATING */, E.PartitionMigratingError],
  [40 /* QUERY */, E.QueryError],
  [41 /* QUERY_RESULT_SIZE_EXCEEDED */, E.QueryError],
  [42 /* SPLIT_BRAIN_PROTECTION */, E.SplitBrainProtectionError],
  [43 /* REACHED_MAX_SIZE */, E.ReachedMaxSizeError],
  [46 /* RETRYABLE_HAZELCAST */, E.RetryableHazelcastError],
  [47 /* RETRYABLE_IO */, E.RetryableIOError],
  [50 /* SOCKET */, E.IOError],
  [51 /* STALE_SEQUENCE */, E.StaleSequenceError],
  [52 /* TARGET_DISCONNECTED */, E.TargetDisconnectedError],
  [53 /* TARGET_NOT_MEMBER */, E.TargetNotMemberError],
  [55 /* TOPIC_OVERLOAD */, E.TopicOverloadError],
  [56 /* TRANSACTION */, E.TransactionError],
  [57 /* TRANSACTION_NOT_ACTIVE */, E.TransactionNotActiveError],
  [58 /* TRANSACTION_TIMED_OUT */, E.TransactionTimedOutError],
  [61 /* UNSUPPORTED_OPERATION */, E.UnsupportedOperationError],
  [67 /* NO_DATA_MEMBER */, E.NoDataMemberInClusterError],
  [76 /* STALE_TASK_ID */, E.StaleTaskIdError],
  [80 /* INDETERMINATE_OPERATION_STATE */, E.IndeterminateOperationStateError],
  [81 /* FLAKE_ID_NODE_ID_OUT_OF_RANGE_EXCEPTION */, E.NodeIdOutOfRangeError],
  [84 /* CONSISTENCY_LOST_EXCEPTION */, E.ConsistencyLostError],
  [85 /* SESSION_EXPIRED_EXCEPTION */, E.SessionExpiredError],
  [86 /* WAIT_KEY_CANCELLED_EXCEPTION */, E.WaitKeyCancelledError],
  [88 /* LOCK_OWNERSHIP_LOST_EXCEPTION */, E.LockOwnershipLostError],
  [89 /* CP_GROUP_DESTROYED_EXCEPTION */, E.CPGroupDestroyedError],
  [90 /* CANNOT_REPLICATE_EXCEPTION */, E.CannotReplicateError],
  [91 /* LEADER_DEMOTED_EXCEPTION */, E.LeaderDemotedError],
  [92 /* STALE_APPEND_REQUEST_EXCEPTION */, E.StaleAppendRequestError],
  [93 /* NOT_LEADER_EXCEPTION */, E.NotLeaderError],
]);

/** What the member sends for an error of a class: the code and the Java class name. */
interface JavaException {
  readonly errorCode: number;
  readonly className: string;
}

/**
 * Class -> what a member sends for it. The lowest code of a class wins, except IOError, which
 * four codes give (EOF, IO, NOT_SERIALIZABLE, SOCKET) and which is sent as IO.
 */
let javaExceptionsCache: ReadonlyMap<ServerErrorClass, JavaException> | undefined;

/** Built on first use: only the development member sends errors, so a client bundle leaves this (and the Java class names) out. */
function javaExceptions(): ReadonlyMap<ServerErrorClass, JavaException> {
  if (javaExceptionsCache !== undefined) return javaExceptionsCache;
  const map = new Map<ServerErrorClass, JavaException>();
  const primary = new Map<ServerErrorClass, number>([[E.IOError, C.IO]]);
  for (const [code, cls] of CLASS_BY_CODE) {
    if (map.has(cls) || (primary.has(cls) && primary.get(cls) !== code)) continue;
    map.set(cls, { errorCode: code, className: javaClassNameOfErrorCode(code) ?? 'com.hazelcast.core.HazelcastException' });
  }
  map.set(E.UndefinedErrorCodeError, { errorCode: C.UNDEFINED, className: 'com.hazelcast.client.UndefinedErrorCodeException' });
  return (javaExceptionsCache = map);
}

/** The holder each error made by createErrorFromServer came from, for an exact toErrorHolders. */
const SERVER_HOLDERS = new WeakMap<Error, ErrorHolder>();

/**
 * Turns the ErrorHolders of an error response into a typed error: the first holder gives the
 * error, each following holder the cause of the one before. Each error keeps the holder's Java
 * class name (`className`), code (`errorCode`) and stack trace (`serverStackTrace`, also appended
 * to `stack`). For a code without a class the error is an UndefinedErrorCodeError whose message
 * is `Class name: <java class>, Message: <message>` (the official client's wording). An empty
 * list (a malformed response) gives an UndefinedErrorCodeError too.
 */
export function createErrorFromServer(holders: readonly ErrorHolder[]): HazelcastError {
  let error: HazelcastError | undefined;
  for (let i = holders.length - 1; i >= 0; i--) {
    error = createOne(holders[i]!, error);
  }
  return error ?? new E.UndefinedErrorCodeError('The member sent an error response without any error in it');
}

function createOne(holder: ErrorHolder, cause: HazelcastError | undefined): HazelcastError {
  const cls = CLASS_BY_CODE.get(holder.errorCode);
  const options: HazelcastErrorOptions = {
    cause,
    serverStackTrace: holder.stackTraceElements,
    className: holder.className,
    errorCode: holder.errorCode,
  };
  const error =
    cls === undefined
      ? new E.UndefinedErrorCodeError(`Class name: ${holder.className}, Message: ${holder.message}`, options)
      : new cls(holder.message ?? '', options);
  SERVER_HOLDERS.set(error, holder);
  return error;
}

/**
 * The ErrorHolders a member sends for `error`: one for the error, then one for each `cause` that
 * is an error (a cycle ends the chain). For each error:
 * - one made by createErrorFromServer gives back the holder it came from;
 * - a HazelcastError gives the code and Java class of its class, or of the nearest ancestor class
 *   that has a code (IllegalArgumentError -> 23, `java.lang.IllegalArgumentException`; a
 *   client-side class such as ClientOfflineError -> 18, `com.hazelcast.core.HazelcastException`),
 *   unless its `errorCode` / `className` are set, which win;
 * - any other error gives UNDEFINED (0) and its `name` as the class name, like a Java member
 *   does for an exception class without a code.
 * The stack trace is `serverStackTrace` when set, else the V8 frames of `stack`, each as
 * `{ className, methodName, fileName, lineNumber }` (`new Foo` -> `Foo.<init>`).
 */
export function toErrorHolders(error: Error): ErrorHolder[] {
  const holders: ErrorHolder[] = [];
  const seen = new Set<Error>();
  let current: unknown = error;
  while (isError(current) && !seen.has(current)) {
    seen.add(current);
    holders.push(toErrorHolder(current));
    current = current.cause;
  }
  return holders;
}

/**
 * The client protocol error code a member sends for `error` (the first holder of
 * toErrorHolders): e.g. 23 for an IllegalArgumentError, 0 (UNDEFINED) for a plain Error.
 */
export function errorCodeOf(error: Error): number {
  return SERVER_HOLDERS.get(error)?.errorCode ?? describe(error).errorCode;
}

function toErrorHolder(error: Error): ErrorHolder {
  const fromServer = SERVER_HOLDERS.get(error);
  if (fromServer !== undefined) {
    return { ...fromServer, stackTraceElements: fromServer.stackTraceElements.map((e) => ({ ...e })) };
  }
  const { errorCode, className } = describe(error);
  const serverStackTrace = error instanceof HazelcastError ? error.serverStackTrace : undefined;
  return {
    errorCode,
    className,
    message: error.message,
    stackTraceElements: serverStackTrace !== undefined ? serverStackTrace.map((e) => ({ ...e })) : parseV8Stack(error.stack),
  };
}

function describe(error: Error): JavaException {
  const known = registeredAncestor(error);
  const hz = error instanceof HazelcastError ? error : undefined;
  const errorCode = hz?.errorCode ?? known?.errorCode ?? C.UNDEFINED;
  const className =
    hz?.className ??
    (hz?.errorCode !== undefined ? javaClassNameOfErrorCode(errorCode) : undefined) ??
    known?.className ??
    (error.name || 'Error');
  return { errorCode, className };
}

/** What the member sends for the nearest class in the error's prototype chain that has a code. */
function registeredAncestor(error: Error): JavaException | undefined {
  for (let proto: unknown = Object.getPrototypeOf(error); typeof proto === 'object' && proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (!Object.prototype.hasOwnProperty.call(proto, 'constructor')) continue;
    const found = javaExceptions().get((proto as { constructor: ServerErrorClass }).constructor);
    if (found !== undefined) return found;
  }
  return undefined;
}

function isError(value: unknown): value is Error {
  if (value instanceof Error) return true;
  // An error of another realm (vm context, worker) is not instanceof this realm's Error.
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string' && typeof (value as { name?: unknown }).name === 'string';
}

/** The frames of a V8 `stack` (`    at fn (file:line:col)` lines) as Java-style stack trace elements. */
function parseV8Stack(stack: string | undefined): StackTraceElement[] {
  if (stack === undefined) return [];
  const frames: StackTraceElement[] = [];
  for (const line of stack.split('\n')) {
    const at = /^\s+at (.*)$/.exec(line);
    if (at !== null) frames.push(parseV8Frame(at[1]!));
  }
  return frames;
}

function parseV8Frame(body: string): StackTraceElement {
  const call = /^(.*?) \((.*)\)$/.exec(body);
  const fn = call === null ? '' : call[1]!;
  const location = call === null ? body : call[2]!;
  const position = /^(.*):(\d+):(\d+)$/.exec(location);
  const fileName = position !== null ? position[1]! : location === 'native' || location === '<anonymous>' ? null : location;
  const lineNumber = position !== null ? Number(position[2]) : location === 'native' ? -2 : -1;

  const name = fn.replace(/^async /, '').replace(/ \[as [^\]]*\]$/, '');
  if (name.startsWith('new ')) {
    return { className: name.slice(4), methodName: '<init>', fileName, lineNumber };
  }
  const dot = name.lastIndexOf('.');
  return dot > 0
    ? { className: name.slice(0, dot), methodName: name.slice(dot + 1), fileName, lineNumber }
    : { className: '', methodName: name || '<anonymous>', fileName, lineNumber };
}
