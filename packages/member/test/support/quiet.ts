import type { MemberLogger } from '../../src/logging';

export interface LogRecord {
  level: string;
  msg: string | undefined;
  fields: Record<string, unknown>;
}

/** A logger that keeps records in memory, to check what the member logs without printing it. */
export function recordingLogger(records: LogRecord[] = [], bindings: Record<string, unknown> = {}): MemberLogger & { records: LogRecord[] } {
  const log =
    (level: string) =>
    (obj: object | string, msg?: string): void => {
      if (typeof obj === 'string') records.push({ level, msg: obj, fields: { ...bindings } });
      else records.push({ level, msg, fields: { ...bindings, ...(obj as Record<string, unknown>) } });
    };
  return {
    records,
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: (b) => recordingLogger(records, { ...bindings, ...b }),
  };
}
