import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

type PinoFactory = (options: { name: string; level: LogLevel }) => MemberLogger;

/**
 * pino is a dependency of @hz/core, not of this package, so it is resolved at run time from
 * beside @hz/core (and first from here, should the member get it as its own dependency).
 */
function loadPino(): PinoFactory | null {
  if (typeof __filename !== 'string') return null;
  const req = createRequire(__filename);
  const attempts: Array<() => unknown> = [
    () => req('pino'),
    () => req(req.resolve('pino', { paths: [join(dirname(__filename), '..', 'node_modules', '@hz', 'core')] })),
    // Installed from the registry: wherever @hz/core itself was put.
    () => createRequire(req.resolve('@hz/core'))('pino'),
  ];
  for (const attempt of attempts) {
    try {
      const mod = attempt() as PinoFactory | { default: PinoFactory };
      return typeof mod === 'function' ? mod : mod.default;
    } catch {
      // try the next place
    }
  }
  return null;
}

const RANK: Record<LogLevel, number> = { silent: 0, fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6 };

/** Line-per-record JSON on stderr, when pino cannot be found. */
class ConsoleLogger implements MemberLogger {
  constructor(
    private readonly level: LogLevel,
    private readonly bindings: Record<string, unknown>,
  ) {}

  private log(level: LogLevel, obj: object | string, msg?: string): void {
    if (RANK[level] > RANK[this.level]) return;
    const record = typeof obj === 'string' ? { msg: obj } : { ...obj, msg };
    process.stderr.write(JSON.stringify({ level, time: Date.now(), ...this.bindings, ...record }) + '\n');
  }

  error: LogFn = (obj, msg) => this.log('error', obj, msg);
  warn: LogFn = (obj, msg) => this.log('warn', obj, msg);
  info: LogFn = (obj, msg) => this.log('info', obj, msg);
  debug: LogFn = (obj, msg) => this.log('debug', obj, msg);

  child(bindings: Record<string, unknown>): MemberLogger {
    return new ConsoleLogger(this.level, { ...this.bindings, ...bindings });
  }
}

/** The member's logger: pino when it can be loaded, else JSON lines on stderr. */
export function createLogger(level: LogLevel): MemberLogger {
  const pino = loadPino();
  if (pino !== null) return pino({ name: 'hz-member', level });
  return new ConsoleLogger(level, { name: 'hz-member' });
}
