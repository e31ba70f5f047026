import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, JsonLineLogger, type Logger, type OfficialLogger } from '@hz/core';

/** pino with lines captured, to compare its output with ours. */
function pinoLines(level: string, bindings: Record<string, unknown>): { logger: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level, base: bindings }, stream), lines };
}

function ours(level: string, bindings: Record<string, unknown>): { logger: JsonLineLogger; lines: string[] } {
  const lines: string[] = [];
  return { logger: new JsonLineLogger(level, bindings, (l) => void lines.push(l)), lines };
}

describe('JsonLineLogger (the default logger of @hz/core)', () => {
  it('writes the same fields as pino for messages, fields and errors', () => {
    const bindings = { name: 'hazelcast-client', client: 'hz.client_1' };
    const p = pinoLines('debug', bindings);
    const o = ours('debug', bindings);
    const error = new RangeError('bad range');
    for (const l of [p.logger as Logger, o.logger]) {
      l.info('lifecycle: STARTED');
      l.warn({ member: '127.0.0.1:5701', attempt: 2 }, 'unable to connect');
      l.error({ err: error }, 'could not connect');
      l.debug('a debug line');
      l.trace('below the level');
    }
    const parsed = o.lines.map((l) => {
      expect(l.endsWith('\n')).toBe(true);
      return JSON.parse(l) as Record<string, unknown>;
    });
    const strip = (r: Record<string, unknown>): Record<string, unknown> => ({ ...r, time: 0 });
    expect(parsed.map(strip)).toEqual(p.lines.map(strip));
    expect(parsed).toHaveLength(4);
    expect(typeof parsed[0].time).toBe('number');
    expect((parsed[2].err as Record<string, unknown>).type).toBe('RangeError');
    expect((parsed[2].err as Record<string, unknown>).stack).toContain('bad range');
  });

  it('filters by level, changes level, and children carry their bindings', () => {
    const o = ours('warn', { name: 'x' });
    o.logger.info('dropped');
    o.logger.warn('kept');
    o.logger.level = 'silent';
    o.logger.fatal('dropped too');
    expect(o.lines.map((l) => JSON.parse(l).msg)).toEqual(['kept']);
    const child = o.logger.child({ member: 'm1' });
    expect(child.level).toBe('silent');
    const c = ours('info', { name: 'x' });
    c.logger.child({ member: 'm1' }).info({ n: 1 }, 'hello');
    expect(JSON.parse(c.lines[0])).toMatchObject({ level: 30, name: 'x', member: 'm1', n: 1, msg: 'hello' });
    expect(() => new JsonLineLogger('loud', {})).toThrow(RangeError);
  });

  it('never throws on fields that JSON cannot hold', () => {
    const o = ours('info', {});
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    o.logger.info({ cyclic, big: 12n }, 'odd fields');
    expect(JSON.parse(o.lines[0])).toMatchObject({ cyclic: { a: 1, self: '[Circular]' }, big: '12', msg: 'odd fields' });
  });
});

describe('createLogger', () => {
  it('uses a given pino logger through a child named after the client', () => {
    const p = pinoLines('info', {});
    createLogger(p.logger, 'info', 'hz.client_7').info('hello');
    expect(p.lines[0]).toMatchObject({ client: 'hz.client_7', msg: 'hello' });
  });

  it('adapts a logger written for the official client (objectName, message, furtherInfo)', () => {
    const calls: unknown[][] = [];
    const record = (level: string) => (...args: unknown[]) => void calls.push([level, ...args]);
    const official: OfficialLogger = {
      log: record('log'),
      error: record('error'),
      warn: record('warn'),
      info: record('info'),
      debug: record('debug'),
      trace: record('trace'),
    };
    const logger = createLogger(official, 'info', 'hz.client_8');
    logger.info('lifecycle: STARTED');
    const err = new Error('boom');
    logger.warn({ err }, 'listener threw');
    logger.fatal('fatal goes to error');
    logger.child({ member: 'm1' }).debug('from a child');
    expect(calls).toEqual([
      ['info', 'hz.client_8', 'lifecycle: STARTED'],
      ['warn', 'hz.client_8', 'listener threw', { err }],
      ['error', 'hz.client_8', 'fatal goes to error'],
      ['debug', 'hz.client_8 m1', 'from a child'],
    ]);
  });

  it('makes the default logger at the configured level', () => {
    const logger = createLogger(null, 'warn', 'hz.client_9');
    expect(logger).toBeInstanceOf(JsonLineLogger);
    expect(logger.level).toBe('warn');
  });
});
