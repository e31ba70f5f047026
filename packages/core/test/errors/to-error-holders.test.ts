import { ClientMessage, decodeErrorResponse, encodeErrorResponse } from '../../src/codec';
import type { ErrorHolder } from '../../src/codec/generated/custom';
import * as errors from '../../src/errors';
import {
  ClientOfflineError,
  ClientProtocolErrorCodes,
  createErrorFromServer,
  errorCodeOf,
  HazelcastError,
  HazelcastOverloadError,
  IllegalArgumentError,
  IllegalStateError,
  IOError,
  javaClassNameOfErrorCode,
  MalformedMessageError,
  toErrorHolders,
  UndefinedErrorCodeError,
} from '../../src/errors';
import { classNameOf, officialCreateError } from './official-client';

type ErrorClass = new (message: string) => Error;

/** Classes that createErrorFromServer gives for some code: code -> class. */
function classesWithCode(): Map<ErrorClass, number[]> {
  const map = new Map<ErrorClass, number[]>();
  for (const code of Object.values(ClientProtocolErrorCodes)) {
    const cls = createErrorFromServer([{ errorCode: code, className: 'x', message: 'm', stackTraceElements: [] }]).constructor as ErrorClass;
    if (cls === UndefinedErrorCodeError) continue;
    map.set(cls, [...(map.get(cls) ?? []), code]);
  }
  return map;
}

function viaCodec(holders: ErrorHolder[]): ErrorHolder[] {
  return decodeErrorResponse(new ClientMessage(Buffer.from(encodeErrorResponse(holders).buffer)));
}

describe('toErrorHolders', () => {
  it('gives back exactly the holders an error from a member was made of', () => {
    const holders: ErrorHolder[] = [
      {
        errorCode: 15,
        className: 'java.io.EOFException',
        message: 'end of stream',
        stackTraceElements: [{ className: 'com.hazelcast.A', methodName: 'read', fileName: 'A.java', lineNumber: 3 }],
      },
      { errorCode: 987, className: 'com.acme.Custom', message: null, stackTraceElements: [{ className: 'com.acme.B', methodName: 'm', fileName: null, lineNumber: -2 }] },
      { errorCode: 35, className: 'java.util.NoSuchElementException', message: null, stackTraceElements: [] },
    ];
    const error = createErrorFromServer(holders);
    expect(toErrorHolders(error)).toEqual(holders);
    expect(viaCodec(toErrorHolders(createErrorFromServer(viaCodec(holders))))).toEqual(holders);
    expect(errorCodeOf(error)).toBe(15);
    expect(errorCodeOf(error.cause as Error)).toBe(987);
  });

  it('gives the code and Java class of each class that a code maps to, and round-trips to that class', () => {
    const withCode = classesWithCode();
    expect(withCode.size).toBeGreaterThan(50);
    for (const [cls, codes] of withCode) {
      const [h] = toErrorHolders(new cls('m'));
      const expectedCode = cls === IOError ? ClientProtocolErrorCodes.IO : codes[0]!;
      expect({ cls: cls.name, code: h!.errorCode, className: h!.className, message: h!.message }).toEqual({
        cls: cls.name,
        code: expectedCode,
        className: javaClassNameOfErrorCode(expectedCode),
        message: 'm',
      });
      expect(createErrorFromServer(viaCodec([h!])).constructor).toBe(cls);
      // What the official client makes of our member's answer.
      const official = officialCreateError([h!])!;
      expect(classNameOf(official)).toBe(cls === HazelcastOverloadError ? 'HazelcastError' : cls.name);
    }
  });

  it('answers an IllegalArgumentError with 23 and java.lang.IllegalArgumentException', () => {
    const [h, ...rest] = toErrorHolders(new IllegalArgumentError('bad key'));
    expect(rest).toEqual([]);
    expect(h).toMatchObject({ errorCode: 23, className: 'java.lang.IllegalArgumentException', message: 'bad key' });
    expect(errorCodeOf(new IllegalArgumentError('x'))).toBe(ClientProtocolErrorCodes.ILLEGAL_ARGUMENT);
  });

  it('uses the nearest ancestor with a code for a class without one', () => {
    class ArgumentTooLong extends IllegalArgumentError {}
    expect(toErrorHolders(new ArgumentTooLong('x'))[0]).toMatchObject({ errorCode: 23, className: 'java.lang.IllegalArgumentException' });
    const clientOnly = [new ClientOfflineError(), new errors.ClientNotActiveError('x'), new MalformedMessageError('x'), new errors.InvocationMightContainCompactDataError('x')];
    for (const e of clientOnly) {
      expect(toErrorHolders(e)[0]).toMatchObject({ errorCode: 18, className: 'com.hazelcast.core.HazelcastException' });
    }
    expect(toErrorHolders(new UndefinedErrorCodeError('x'))[0]).toMatchObject({ errorCode: 0, className: 'com.hazelcast.client.UndefinedErrorCodeException' });
  });

  it('lets errorCode and className given to the error win', () => {
    expect(toErrorHolders(new IOError('eof', { errorCode: 15 }))[0]).toMatchObject({ errorCode: 15, className: 'java.io.EOFException' });
    expect(toErrorHolders(new IllegalStateError('x', { className: 'com.acme.MyStateException' }))[0]).toMatchObject({ errorCode: 27, className: 'com.acme.MyStateException' });
    expect(toErrorHolders(new HazelcastError('x', { errorCode: 1001, className: 'com.acme.UserException' }))[0]).toMatchObject({ errorCode: 1001, className: 'com.acme.UserException' });
  });

  it('answers any other error with UNDEFINED and its name', () => {
    expect(toErrorHolders(new Error('plain'))[0]).toMatchObject({ errorCode: 0, className: 'Error', message: 'plain' });
    expect(toErrorHolders(new TypeError('t'))[0]).toMatchObject({ errorCode: 0, className: 'TypeError' });
    expect(errorCodeOf(new RangeError('r'))).toBe(0);
    const e = createErrorFromServer(viaCodec(toErrorHolders(new TypeError('t'))));
    expect(e).toBeInstanceOf(UndefinedErrorCodeError);
    expect(e.message).toBe('Class name: TypeError, Message: t');
  });

  it('follows the cause chain, stopping at a non-error cause and at a cycle', () => {
    const root = new TypeError('root');
    const e = new IllegalStateError('outer', { cause: new IOError('middle', { cause: root }) });
    expect(toErrorHolders(e).map((h) => [h.errorCode, h.className, h.message])).toEqual([
      [27, 'java.lang.IllegalStateException', 'outer'],
      [22, 'java.io.IOException', 'middle'],
      [0, 'TypeError', 'root'],
    ]);
    expect(toErrorHolders(new IllegalStateError('x', { cause: 'a string' }))).toHaveLength(1);
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.defineProperty(a, 'cause', { value: b });
    expect(toErrorHolders(a).map((h) => h.message)).toEqual(['a', 'b']);
    // Round trip of a local chain: same classes, same messages.
    const back = createErrorFromServer(viaCodec(toErrorHolders(e)));
    expect(back).toBeInstanceOf(IllegalStateError);
    expect(back.cause).toBeInstanceOf(IOError);
    expect((back.cause as IOError).cause).toBeInstanceOf(UndefinedErrorCodeError);
  });

  it('sends the JS frames of the stack as stack trace elements', () => {
    class Thrower {
      constructor() {
        throw new IllegalStateError('from constructor');
      }
    }
    let thrown: Error | undefined;
    try {
      new Thrower();
    } catch (e) {
      thrown = e as Error;
    }
    const [h] = toErrorHolders(thrown!);
    expect(h!.stackTraceElements.length).toBeGreaterThan(0);
    const top = h!.stackTraceElements[0]!;
    expect(top).toMatchObject({ className: 'Thrower', methodName: '<init>' });
    expect(top.fileName).toMatch(/to-error-holders\.test\.ts$/);
    expect(top.lineNumber).toBeGreaterThan(0);
    for (const frame of h!.stackTraceElements) {
      expect(typeof frame.className).toBe('string');
      expect(typeof frame.methodName).toBe('string');
      expect(Number.isInteger(frame.lineNumber)).toBe(true);
    }
  });

  it('parses the V8 frame forms', () => {
    const e = new Error('x');
    e.stack = [
      'Error: x',
      '    at Foo.bar (/app/foo.js:10:5)',
      '    at async Promise.all (index 0)',
      '    at baz (file:///app/baz.mjs:3:1)',
      '    at /app/anon.js:7:9',
      '    at Object.<anonymous> [as run] (/app/obj.js:1:1)',
      '    at Array.forEach (<anonymous>)',
      '    at new Widget (/app/w.js:2:3)',
      '    at node:internal/main:5:6',
      '    at Math.max (native)',
    ].join('\n');
    expect(toErrorHolders(e)[0]!.stackTraceElements).toEqual([
      { className: 'Foo', methodName: 'bar', fileName: '/app/foo.js', lineNumber: 10 },
      { className: 'Promise', methodName: 'all', fileName: 'index 0', lineNumber: -1 },
      { className: '', methodName: 'baz', fileName: 'file:///app/baz.mjs', lineNumber: 3 },
      { className: '', methodName: '<anonymous>', fileName: '/app/anon.js', lineNumber: 7 },
      { className: 'Object', methodName: '<anonymous>', fileName: '/app/obj.js', lineNumber: 1 },
      { className: 'Array', methodName: 'forEach', fileName: null, lineNumber: -1 },
      { className: 'Widget', methodName: '<init>', fileName: '/app/w.js', lineNumber: 2 },
      { className: '', methodName: '<anonymous>', fileName: 'node:internal/main', lineNumber: 5 },
      { className: 'Math', methodName: 'max', fileName: null, lineNumber: -2 },
    ]);
    const noStack = new Error('n');
    delete noStack.stack;
    expect(toErrorHolders(noStack)[0]!.stackTraceElements).toEqual([]);
  });

  it('sends serverStackTrace rather than the JS frames when the error has one', () => {
    const trace = [{ className: 'com.acme.X', methodName: 'y', fileName: 'X.java', lineNumber: 1 }];
    expect(toErrorHolders(new IllegalStateError('x', null, trace))[0]!.stackTraceElements).toEqual(trace);
  });
});
