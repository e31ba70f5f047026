import pino from 'pino';

/** Levels of the member's log, from quietest to most verbose. */
export type LogLevel = 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

type LogFn = (obj: object | string, msg?: string) => void;

/** The part of pino's logger interface the member uses; pass any pino logger. */
export interface MemberLogger {
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
  child(bindings: Record<string, unknown>): MemberLogger;
}

/** The member's logger: pino, named hz-member. */
export function createLogger(level: LogLevel): MemberLogger {
  return pino({ name: 'hz-member', level });
}
