import type { LogFn, Logger } from './logger';

/** pino's numeric levels, so that the lines read the same as a pino logger's. */
export const LEVEL_VALUES: Readonly<Record<string, number>> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

/** An error as pino's standard serializer shows it: its class name, message, stack and own fields. */
function serializeError(error: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.constructor?.name ?? 'Error', message: error.message, stack: error.stack };
  for (const [k, v] of Object.entries(error)) if (!(k in out) && typeof v !== 'function') out[k] = v instanceof Error ? serializeError(v) : v;
  if (error.cause instanceof Error) out.cause = serializeError(error.cause);
  return out;
}

/** JSON.stringify that survives cycles and bigints: a log call must never throw. */
function stringify(record: Record<string, unknown>): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(record, (_key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Error) return serializeError(value);
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[Circular]';
      seen.add(value);
    }
    return value;
  });
}

/**
 * A small logger that writes one JSON object per line to stdout in pino's format (`level` as
 * a number, `time`, the bindings, then the fields and `msg`), so that log tooling made for
 * pino reads it. It spares a bundle pino and its worker-thread transport.
 */
export class JsonLineLogger implements Logger {
  private threshold: number;
  private prefix: string | null = null;

  constructor(
    private levelName: string,
    private readonly bindings: Record<string, unknown>,
    private readonly write: (line: string) => void = (line) => void process.stdout.write(line),
  ) {
    this.threshold = JsonLineLogger.valueOf(levelName);
  }

  private static valueOf(level: string): number {
    const value = LEVEL_VALUES[level];
    if (value === undefined) throw new RangeError(`Unknown log level "${level}"; expected one of ${Object.keys(LEVEL_VALUES).join(', ')}`);
    return value;
  }

  get level(): string {
    return this.levelName;
  }

  set level(level: string) {
    this.threshold = JsonLineLogger.valueOf(level);
    this.levelName = level;
  }

  readonly fatal: LogFn = (obj: object | string, msg?: string) => this.log(60, obj, msg);
  readonly error: LogFn = (obj: object | string, msg?: string) => this.log(50, obj, msg);
  readonly warn: LogFn = (obj: object | string, msg?: string) => this.log(40, obj, msg);
  readonly info: LogFn = (obj: object | string, msg?: string) => this.log(30, obj, msg);
  readonly debug: LogFn = (obj: object | string, msg?: string) => this.log(20, obj, msg);
  readonly trace: LogFn = (obj: object | string, msg?: string) => this.log(10, obj, msg);

  child(bindings: Record<string, unknown>): Logger {
    return new JsonLineLogger(this.levelName, { ...this.bindings, ...bindings }, this.write);
  }

  private log(value: number, obj: object | string, msg?: string): void {
    if (value < this.threshold) return;
    // The fixed part of every line, the bindings, made once.
    if (this.prefix === null) {
      const fixed = stringify(this.bindings);
      this.prefix = fixed.length > 2 ? `,${fixed.slice(1, -1)}` : '';
    }
    let fields = '';
    if (typeof obj === 'string') {
      msg = obj;
    } else if (obj instanceof Error) {
      fields = `,"err":${stringify(serializeError(obj))}`;
      msg ??= obj.message;
    } else {
      const text = stringify(obj as Record<string, unknown>);
      if (text.length > 2) fields = `,${text.slice(1, -1)}`;
    }
    const message = msg === undefined ? '' : `,"msg":${JSON.stringify(msg)}`;
    this.write(`{"level":${value},"time":${Date.now()}${this.prefix}${fields}${message}}\n`);
  }
}

