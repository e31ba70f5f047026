import type { LogFn, Logger } from './logger';

/**
 * The logger interface of the official `hazelcast-client` package (its `ILogger`): a program
 * written for that client can pass the same `customLogger` here.
 */
export interface OfficialLogger {
  log(level: number, objectName: string, message: string, furtherInfo?: unknown): void;
  error(objectName: string, message: string, furtherInfo?: unknown): void;
  warn(objectName: string, message: string, furtherInfo?: unknown): void;
  info(objectName: string, message: string, furtherInfo?: unknown): void;
  debug(objectName: string, message: string, furtherInfo?: unknown): void;
  trace(objectName: string, message: string, furtherInfo?: unknown): void;
}

/** An official-style logger has `log(level, ...)` and no pino-style `child()`. */
export function isOfficialLogger(logger: object): logger is OfficialLogger {
  const l = logger as Partial<Record<string, unknown>>;
  return typeof l.log === 'function' && typeof l.child !== 'function';
}

type Method = 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Our log calls on an official-style logger: the object name is the client's name (with any
 * bindings of a child), the message is the message, and the fields (`err` ...) are the
 * further info. That logger filters by level itself, so every call is passed on.
 */
export function adaptOfficialLogger(target: OfficialLogger, objectName: string): Logger {
  const call = (method: Method): LogFn =>
    ((obj: object | string, msg?: string) => {
      if (typeof obj === 'string') target[method](objectName, obj);
      else target[method](objectName, msg ?? (obj instanceof Error ? obj.message : ''), obj);
    }) as LogFn;
  return {
    level: 'trace',
    fatal: call('error'),
    error: call('error'),
    warn: call('warn'),
    info: call('info'),
    debug: call('debug'),
    trace: call('trace'),
    child: (bindings) => adaptOfficialLogger(target, [objectName, ...Object.values(bindings).map(String)].join(' ')),
  };
}
