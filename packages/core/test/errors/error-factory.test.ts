import { ClientMessage, decodeErrorResponse, encodeErrorResponse } from '../../src/codec';
import type { ErrorHolder } from '../../src/codec/generated/custom';
import * as errors from '../../src/errors';
import {
  ClientProtocolErrorCodes,
  createErrorFromServer,
  HazelcastError,
  HazelcastOverloadError,
  IllegalArgumentError,
  IllegalStateError,
  IOError,
  TargetNotMemberError,
  UndefinedErrorCodeError,
} from '../../src/errors';
import { classNameOf, officialCreateError, parentNameOf } from './official-client';

function holder(errorCode: number, className: string, message: string | null, lineNumber = 10): ErrorHolder {
  return {
    errorCode,
    className,
    message,
    stackTraceElements: [
      { className: 'com.hazelcast.spi.impl.Operation', methodName: 'run', fileName: 'Operation.java', lineNumber },
      { className: 'java.lang.Thread', methodName: 'run', fileName: null, lineNumber: -1 },
    ],
  };
}

/** Codes from the table, negative and unknown ones, the Jet range and the user range. */
const CODES = [...Object.values(ClientProtocolErrorCodes), -1, 100, 499, 500, 501, 507, 600, 1000, 2 ** 31 - 1];

describe('createErrorFromServer', () => {
  it.each(CODES)('gives the class the official client gives for code %i', (code) => {
    const h = holder(code, 'com.example.SomeException', 'boom');
    const ours = createErrorFromServer([h]);
    const official = officialCreateError([h])!;
    if (code === ClientProtocolErrorCodes.HAZELCAST_OVERLOAD) {
      // Refinement: a HazelcastError subclass where the official client gives HazelcastError.
      expect(ours).toBeInstanceOf(HazelcastOverloadError);
      expect(classNameOf(official)).toBe('HazelcastError');
      expect(parentNameOf(HazelcastOverloadError)).toBe('HazelcastError');
    } else {
      expect(ours.constructor.name).toBe(classNameOf(official));
    }
    // The class is the exported one of that name.
    expect(ours.constructor).toBe((errors as Record<string, unknown>)[ours.constructor.name]);
    expect(ours.name).toBe(ours.constructor.name);
    expect(ours.message).toBe(official.message);
    expect(ours.className).toBe('com.example.SomeException');
    expect(ours.errorCode).toBe(code);
    expect(ours.serverStackTrace).toEqual(h.stackTraceElements);
  });

  it('attaches message, Java class name, code and the server stack (also in `stack`)', () => {
    const e = createErrorFromServer([holder(23, 'java.lang.IllegalArgumentException', 'key must not be null', 42)]);
    expect(e).toBeInstanceOf(IllegalArgumentError);
    expect(e.message).toBe('key must not be null');
    expect(e.className).toBe('java.lang.IllegalArgumentException');
    expect(e.errorCode).toBe(23);
    expect(e.serverStackTrace).toHaveLength(2);
    expect(e.cause).toBeUndefined();
    const stack = String(e.stack);
    expect(stack.startsWith('IllegalArgumentError: key must not be null\n')).toBe(true);
    expect(stack).toContain(
      'Server-side stack trace (java.lang.IllegalArgumentException):\n' +
        '    at com.hazelcast.spi.impl.Operation.run(Operation.java:42)\n' +
        '    at java.lang.Thread.run(Unknown Source)',
    );
  });

  it('builds the cause chain from the following holders, as the official client does', () => {
    const holders = [
      holder(27, 'java.lang.IllegalStateException', 'outer', 1),
      holder(53, 'com.hazelcast.spi.exception.TargetNotMemberException', 'middle', 2),
      holder(4242, 'com.acme.CustomException', 'inner', 3),
    ];
    const e = createErrorFromServer(holders);
    const chain: Error[] = [];
    for (let c: unknown = e; c instanceof Error; c = c.cause) chain.push(c);
    expect(chain.map((c) => c.constructor.name)).toEqual(['IllegalStateError', 'TargetNotMemberError', 'UndefinedErrorCodeError']);
    expect(chain.map((c) => c.message)).toEqual(['outer', 'middle', 'Class name: com.acme.CustomException, Message: inner']);
    const officialChain: Error[] = [];
    for (let c: Error | undefined | null = officialCreateError(holders); c; c = (c as { cause?: Error }).cause) officialChain.push(c);
    expect(officialChain.map(classNameOf)).toEqual(chain.map((c) => c.constructor.name));

    expect(e).toBeInstanceOf(IllegalStateError);
    expect(e.cause).toBeInstanceOf(TargetNotMemberError);
    const middle = e.cause as TargetNotMemberError;
    expect(middle.className).toBe('com.hazelcast.spi.exception.TargetNotMemberException');
    expect(middle.serverStackTrace?.[0]?.lineNumber).toBe(2);
    const inner = middle.cause as UndefinedErrorCodeError;
    expect(inner.errorCode).toBe(4242);
    expect(inner.className).toBe('com.acme.CustomException');
    expect(inner.cause).toBeUndefined();
    expect(inner.serverStackTrace?.[0]?.lineNumber).toBe(3);
  });

  it('maps an unknown code to UndefinedErrorCodeError naming the Java class', () => {
    const e = createErrorFromServer([holder(777, 'com.acme.BadThing', 'it broke')]);
    expect(e).toBeInstanceOf(UndefinedErrorCodeError);
    expect(e.message).toBe('Class name: com.acme.BadThing, Message: it broke');
    expect(createErrorFromServer([holder(777, 'com.acme.BadThing', null)]).message).toBe('Class name: com.acme.BadThing, Message: null');
    // A code of the table that has no class of its own (as in the official client).
    const exec = createErrorFromServer([holder(ClientProtocolErrorCodes.EXECUTION, 'java.util.concurrent.ExecutionException', 'x')]);
    expect(exec).toBeInstanceOf(UndefinedErrorCodeError);
    expect(exec.message).toBe('Class name: java.util.concurrent.ExecutionException, Message: x');
  });

  it('gives an empty message for a null one of a known code', () => {
    const e = createErrorFromServer([holder(ClientProtocolErrorCodes.NOT_LEADER_EXCEPTION, 'com.hazelcast.cp.exception.NotLeaderException', null)]);
    expect(e).toBeInstanceOf(errors.NotLeaderError);
    expect(e.message).toBe('');
  });

  it('maps the I/O family and the query codes like the official client', () => {
    for (const code of [ClientProtocolErrorCodes.EOF, ClientProtocolErrorCodes.IO, ClientProtocolErrorCodes.NOT_SERIALIZABLE, ClientProtocolErrorCodes.SOCKET]) {
      expect(createErrorFromServer([holder(code, 'x', 'm')])).toBeInstanceOf(IOError);
    }
    expect(createErrorFromServer([holder(ClientProtocolErrorCodes.QUERY_RESULT_SIZE_EXCEEDED, 'x', 'm')])).toBeInstanceOf(errors.QueryError);
    expect(createErrorFromServer([holder(ClientProtocolErrorCodes.HAZELCAST, 'x', 'm')]).constructor).toBe(HazelcastError);
  });

  it('still gives an error for an error response without holders', () => {
    const e = createErrorFromServer([]);
    expect(e).toBeInstanceOf(UndefinedErrorCodeError);
    expect(e.message).toMatch(/without any error/);
  });

  it('works on what the error response codec decodes', () => {
    const holders = [holder(19, 'com.hazelcast.core.HazelcastInstanceNotActiveException', 'Hazelcast instance is not active!'), holder(22, 'java.io.IOException', null)];
    const m = encodeErrorResponse(holders);
    const e = createErrorFromServer(decodeErrorResponse(new ClientMessage(Buffer.from(m.buffer))));
    expect(e).toBeInstanceOf(errors.HazelcastInstanceNotActiveError);
    expect(e).toBeInstanceOf(IllegalStateError);
    expect(e.message).toBe('Hazelcast instance is not active!');
    expect(e.cause).toBeInstanceOf(IOError);
    expect((e.cause as IOError).serverStackTrace).toEqual(holders[1]!.stackTraceElements);
  });
});
