import { adaptOfficialLogger, isOfficialLogger, type OfficialLogger } from './official-logger';
import { JsonLineLogger } from './json-line-logger';

/** A log call: a message, or an object of fields (`err` for an error) and a message. */
export interface LogFn {
  (msg: string): void;
  (obj: object, msg?: string): void;
}

/**
 * What the client logs through: the method shape of a pino logger, so any pino instance can
 * be passed as `customLogger` and is used as is.
 */
export interface Logger {
  /** The threshold level name (`'info'`, `'silent'`, ...). */
  level: string;
  fatal: LogFn;
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
  trace: LogFn;
  /** A logger whose lines carry `bindings` too. */
  child(bindings: Record<string, unknown>): Logger;
}

/** Makes the client's logger when the user gave none; `@hz/client` passes one backed by pino. */
export type DefaultLoggerFactory = (level: string, bindings: { name: string; client: string }) => Logger;

/** pino-format JSON lines on stdout, without pino: what `@hz/core` alone logs through. */
export const jsonLineLoggerFactory: DefaultLoggerFactory = (level, bindings) => new JsonLineLogger(level, bindings);

/**
 * The client's logger. A pino logger (or anything of its shape) given by the user is used
 * through a child carrying the client's name; a logger written for the official client
 * (`log`/`info(objectName, message, furtherInfo)`) is adapted; else the default factory makes
 * one at the configured level. Callers never put credentials or tokens into log lines.
 */
export function createLogger(
  custom: Logger | OfficialLogger | null,
  level: string,
  clientName: string,
  makeDefault: DefaultLoggerFactory = jsonLineLoggerFactory,
): Logger {
  if (custom !== null && isOfficialLogger(custom)) return adaptOfficialLogger(custom, clientName);
  if (custom !== null) return custom.child({ client: clientName });
  return makeDefault(level, { name: 'hazelcast-client', client: clientName });
}
