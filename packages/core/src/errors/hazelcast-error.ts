import type { StackTraceElement } from '../codec/generated/custom';

/**
 * One frame of a member-side (Java) stack trace, as the member sends it in an error response.
 * `fileName` is null when the class was compiled without debug information; `lineNumber` is
 * negative when unknown (-2: native method), as in `java.lang.StackTraceElement`.
 */
export type ServerErrorStackElement = StackTraceElement;

/** Optional parts of a {@link HazelcastError}. */
export interface HazelcastErrorOptions {
  /** The error that caused this one (ES2022 `Error.cause`). */
  cause?: unknown;
  /** Member-side stack trace, for an error that a member sent. */
  serverStackTrace?: ServerErrorStackElement[];
  /** Java class name of the member-side exception, e.g. `java.lang.IllegalStateException`. */
  className?: string;
  /** Client protocol error code the member sent (see `ClientProtocolErrorCodes`). */
  errorCode?: number;
}

/**
 * Base class of every error the client raises, and of errors a member sends.
 *
 * Drop-in for the official client's `HazelcastError`: it accepts the official positional form
 * `new XError(message, cause?, serverStackTrace?)` as well as `new XError(message, options?)`.
 * An error that came from a member also keeps the Java class name (`className`), the protocol
 * error code (`errorCode`) and the member's stack trace (`serverStackTrace`), and its `stack`
 * ends with the member's frames after a `Server-side stack trace (<class>):` line.
 */
export class HazelcastError extends Error {
  static {
    nameErrorClass(this, 'HazelcastError');
  }

  // `declare`: no own property (shown by util.inspect) unless the error has the value.
  /** Member-side stack trace, when this error was sent by a member (or given explicitly). */
  declare serverStackTrace?: ServerErrorStackElement[];
  /** Java class name of the member-side exception, when this error was sent by a member. */
  declare className?: string;
  /** Client protocol error code, when this error was sent by a member. */
  declare errorCode?: number;

  constructor(message?: string, causeOrOptions?: Error | HazelcastErrorOptions | null, serverStackTrace?: ServerErrorStackElement[]) {
    const options: HazelcastErrorOptions = isPlainObject(causeOrOptions)
      ? (causeOrOptions as HazelcastErrorOptions)
      : causeOrOptions === undefined || causeOrOptions === null
        ? {}
        : { cause: causeOrOptions };
    super(message ?? '', options.cause === undefined ? undefined : { cause: options.cause });
    // A subclass without its own prototype `name` (a user's subclass) is named after its class.
    if (!Object.prototype.hasOwnProperty.call(new.target.prototype, 'name')) {
      Object.defineProperty(this, 'name', { value: new.target.name, writable: true, configurable: true, enumerable: false });
    }
    const trace = serverStackTrace ?? options.serverStackTrace;
    if (trace !== undefined) this.serverStackTrace = trace;
    if (options.className !== undefined) this.className = options.className;
    if (options.errorCode !== undefined) this.errorCode = options.errorCode;
    if (trace !== undefined && trace.length > 0 && typeof this.stack === 'string') {
      const header = this.className === undefined ? 'Server-side stack trace:' : `Server-side stack trace (${this.className}):`;
      this.stack += `\n${header}\n${formatServerStackTrace(trace)}`;
    }
  }
}

/**
 * Bytes from the network that do not form a valid protocol message: a frame length that is
 * negative, shorter than a frame header or over the configured maximum, or fragments that do
 * not fit together. The connection that produced them is closed; the client goes on.
 */
export class MalformedMessageError extends HazelcastError {
  static {
    nameErrorClass(this, 'MalformedMessageError');
  }
}

/**
 * Formats a member-side stack trace the way Java prints one: `    at cls.method(File.java:12)`,
 * one frame a line, `Unknown Source` without a file name and `Native Method` for line -2.
 * A frame without a class name (a plain JS function) is printed as `    at method(...)`.
 */
export function formatServerStackTrace(trace: readonly ServerErrorStackElement[]): string {
  return trace.map((e) => `    at ${e.className === '' ? '' : `${e.className}.`}${e.methodName}(${formatLocation(e)})`).join('\n');
}

function formatLocation(e: ServerErrorStackElement): string {
  if (e.lineNumber === -2) return 'Native Method';
  if (e.fileName === null) return 'Unknown Source';
  return e.lineNumber >= 0 ? `${e.fileName}:${e.lineNumber}` : e.fileName;
}

/**
 * Gives an error class its name on the prototype, so `error.name` stays right when a bundler
 * renames the class binding (rollup turns a clashing `IOError` into `IOError$1`).
 * @internal
 */
export function nameErrorClass(cls: abstract new (...args: never[]) => Error, name: string): void {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true, enumerable: false });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
