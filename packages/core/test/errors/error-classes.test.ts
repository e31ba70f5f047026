import { inspect } from 'node:util';
import * as errors from '../../src/errors';
import {
  CancellationError,
  ClientOfflineError,
  HazelcastError,
  HazelcastInstanceNotActiveError,
  HazelcastOverloadError,
  HazelcastSqlException,
  IllegalArgumentError,
  IllegalStateError,
  IOError,
  MalformedMessageError,
  MemberLeftError,
  RetryableHazelcastError,
  SplitBrainProtectionError,
  TargetDisconnectedError,
  TargetNotMemberError,
  TransactionError,
  type ServerErrorStackElement,
} from '../../src/errors';
import { UUID } from '../../src/util/uuid';
import { officialErrorClasses, parentNameOf } from './official-client';

type ErrorClass = new (...args: never[]) => Error;

/** Our exports that are error classes, by export name. */
const ourErrorClasses = new Map(
  Object.entries(errors as Record<string, unknown>).filter((entry): entry is [string, ErrorClass] => typeof entry[1] === 'function' && (entry[1] as { prototype: unknown }).prototype instanceof Error),
);

/** Official exports marked @internal there (Compact schema plumbing), not part of the public API. */
const OFFICIAL_INTERNAL = ['SchemaNotFoundError', 'SchemaNotReplicatedError'];
/** Ours only. */
const OURS_ONLY = ['MalformedMessageError', 'HazelcastOverloadError'];

/** An instance of any of our error classes, with message 'm'. */
function make(name: string, cls: ErrorClass): Error {
  if (name === 'ClientOfflineError') return new ClientOfflineError('m');
  if (name === 'HazelcastSqlException') return new HazelcastSqlException(UUID.fromString('00000000-0000-0000-0000-000000000001'), 1, 'm');
  return new (cls as unknown as new (message: string) => Error)('m');
}

describe('error classes', () => {
  it('has every public error class of the official client, with the same parent class', () => {
    const expected = [...officialErrorClasses.keys()].filter((name) => !OFFICIAL_INTERNAL.includes(name));
    expect(expected.length).toBeGreaterThan(55);
    for (const name of expected) {
      const ours = ourErrorClasses.get(name);
      expect({ name, found: ours !== undefined }).toEqual({ name, found: true });
      expect({ name, parent: parentNameOf(ours!) }).toEqual({ name, parent: parentNameOf(officialErrorClasses.get(name)!) });
    }
    const extra = [...ourErrorClasses.keys()].filter((name) => !officialErrorClasses.has(name)).sort();
    expect(extra).toEqual([...OURS_ONLY].sort());
    expect(parentNameOf(MalformedMessageError)).toBe('HazelcastError');
    expect(parentNameOf(HazelcastOverloadError)).toBe('HazelcastError');
  });

  it('names every error after its class, also on the prototype (safe from bundler renames)', () => {
    for (const [name, cls] of ourErrorClasses) {
      expect(cls.name).toBe(name);
      expect(Object.prototype.hasOwnProperty.call(cls.prototype, 'name')).toBe(true);
      const error = make(name, cls);
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(cls);
      expect(error).toBeInstanceOf(HazelcastError);
      expect(error).toBeInstanceOf(Error);
      expect(String(error.stack).split('\n')[0]).toBe(`${name}: ${error.message}`);
      // Nothing but what was given shows up as own enumerable properties (util.inspect shows those).
      expect(Object.keys(error).filter((key) => !['code', 'suggestion', 'originatingMemberId'].includes(key))).toEqual([]);
    }
  });

  it('names a subclass made outside this module after its own class (new.target)', () => {
    class MyError extends IllegalStateError {}
    class MyOtherError extends MyError {}
    const e = new MyOtherError('custom');
    expect(e.name).toBe('MyOtherError');
    expect(new MyError('x').name).toBe('MyError');
    expect(String(e.stack).startsWith('MyOtherError: custom')).toBe(true);
    expect(e).toBeInstanceOf(MyError);
    expect(e).toBeInstanceOf(IllegalStateError);
    expect(e).toBeInstanceOf(HazelcastError);
    expect(new IllegalStateError('x').name).toBe('IllegalStateError');
  });

  it('keeps the hierarchy of the official client for instanceof', () => {
    for (const cls of [TargetNotMemberError, MemberLeftError, errors.CallerNotMemberError, errors.PartitionMigratingError, errors.RetryableIOError, errors.CannotReplicateError]) {
      expect(new cls('m')).toBeInstanceOf(RetryableHazelcastError);
    }
    expect(new HazelcastInstanceNotActiveError('m')).toBeInstanceOf(IllegalStateError);
    expect(new CancellationError('m')).toBeInstanceOf(IllegalStateError);
    expect(new SplitBrainProtectionError('m')).toBeInstanceOf(TransactionError);
    expect(new TargetDisconnectedError('m')).not.toBeInstanceOf(IOError);
    expect(new TargetDisconnectedError('m')).not.toBeInstanceOf(RetryableHazelcastError);
    expect(new IOError('m')).not.toBeInstanceOf(RetryableHazelcastError);
    expect(new IllegalArgumentError('m')).not.toBeInstanceOf(IllegalStateError);
    expect(() => {
      throw new MemberLeftError('gone');
    }).toThrow(RetryableHazelcastError);
  });

  it('accepts the official positional form (message, cause, serverStackTrace)', () => {
    const cause = new Error('root');
    const trace: ServerErrorStackElement[] = [{ className: 'com.hazelcast.A', methodName: 'run', fileName: 'A.java', lineNumber: 7 }];
    const e = new IllegalStateError('outer', cause, trace);
    expect(e.message).toBe('outer');
    expect(e.cause).toBe(cause);
    expect(e.serverStackTrace).toBe(trace);
    expect(e.className).toBeUndefined();
    expect(e.errorCode).toBeUndefined();
  });

  it('accepts an options object, the form the rest of the code base uses', () => {
    const cause = new IOError('socket closed');
    const e = new MalformedMessageError('bad frame', { cause });
    expect(e.cause).toBe(cause);
    expect(e.serverStackTrace).toBeUndefined();
    const full = new IllegalArgumentError('bad', { cause: 'not an error', className: 'java.lang.IllegalArgumentException', errorCode: 23, serverStackTrace: [] });
    expect(full.cause).toBe('not an error');
    expect(full.className).toBe('java.lang.IllegalArgumentException');
    expect(full.errorCode).toBe(23);
    expect(full.serverStackTrace).toEqual([]);
  });

  it('has no cause property without a cause, and an empty message without one', () => {
    const e = new HazelcastError();
    expect(e.message).toBe('');
    expect('cause' in e).toBe(false);
    expect(new HazelcastError('m', null).cause).toBeUndefined();
  });

  it('shows the cause the ES2022 way in util.inspect', () => {
    const e = new TargetDisconnectedError('outer', { cause: new IOError('inner') });
    expect(inspect(e)).toContain('[cause]: IOError: inner');
  });

  it('appends the server stack trace to the stack, Java style', () => {
    const trace: ServerErrorStackElement[] = [
      { className: 'com.hazelcast.map.impl.proxy.MapProxyImpl', methodName: 'put', fileName: 'MapProxyImpl.java', lineNumber: 120 },
      { className: 'com.hazelcast.Gen', methodName: 'gen', fileName: null, lineNumber: -1 },
      { className: 'sun.misc.Unsafe', methodName: 'park', fileName: 'Unsafe.java', lineNumber: -2 },
      { className: 'com.hazelcast.NoLine', methodName: 'm', fileName: 'NoLine.java', lineNumber: -1 },
    ];
    const e = new IllegalStateError('failed', { serverStackTrace: trace, className: 'java.lang.IllegalStateException' });
    const stack = String(e.stack);
    expect(stack.startsWith('IllegalStateError: failed\n    at ')).toBe(true);
    expect(stack).toContain(
      [
        'Server-side stack trace (java.lang.IllegalStateException):',
        '    at com.hazelcast.map.impl.proxy.MapProxyImpl.put(MapProxyImpl.java:120)',
        '    at com.hazelcast.Gen.gen(Unknown Source)',
        '    at sun.misc.Unsafe.park(Native Method)',
        '    at com.hazelcast.NoLine.m(NoLine.java)',
      ].join('\n'),
    );
    expect(stack.endsWith('(NoLine.java)')).toBe(true);
    expect(String(new IllegalStateError('x', null, trace.slice(0, 1)).stack)).toContain('Server-side stack trace:\n    at com.hazelcast.map');
    expect(String(new IllegalStateError('x', null, []).stack)).not.toContain('Server-side');
    expect(errors.formatServerStackTrace([{ className: '', methodName: 'fn', fileName: 'x.js', lineNumber: 3 }])).toBe('    at fn(x.js:3)');
  });

  it('builds ClientOfflineError like the official client, or with a message', () => {
    const cause = new IOError('down');
    const official = new ClientOfflineError(cause);
    expect(official.message).toBe('No connection found to cluster');
    expect(official.cause).toBe(cause);
    expect(new ClientOfflineError().message).toBe('No connection found to cluster');
    const withMessage = new ClientOfflineError('offline (ASYNC reconnect)', { cause });
    expect(withMessage.message).toBe('offline (ASYNC reconnect)');
    expect(withMessage.cause).toBe(cause);
  });

  it('keeps the SQL details of HazelcastSqlException', () => {
    const id = UUID.fromString('12345678-1234-1234-1234-123456789abc');
    const cause = new Error('c');
    const e = new HazelcastSqlException(id, 1003, 'parse error', 'SELECT 1', cause);
    expect(e.originatingMemberId).toBe(id);
    expect(e.code).toBe(1003);
    expect(e.suggestion).toBe('SELECT 1');
    expect(e.message).toBe('parse error');
    expect(e.cause).toBe(cause);
    expect(new HazelcastSqlException(id, 1, 'm').suggestion).toBeNull();
  });
});
