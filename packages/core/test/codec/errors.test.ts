import { decodeErrorResponse, encodeErrorResponse, ERROR_RESPONSE_TYPE, ClientMessage } from '@hz/core/codec';

describe('error response', () => {
  it('round-trips the exception chain with stack traces', () => {
    const errors = [
      {
        errorCode: 33,
        className: 'com.hazelcast.core.HazelcastException',
        message: 'boom',
        stackTraceElements: [{ className: 'A', methodName: 'run', fileName: 'A.java', lineNumber: 12 }],
      },
      { errorCode: 15, className: 'java.lang.IllegalStateException', message: null, stackTraceElements: [] },
    ];
    const m = encodeErrorResponse(errors);
    expect(m.messageType).toBe(ERROR_RESPONSE_TYPE);
    expect(decodeErrorResponse(new ClientMessage(Buffer.from(m.buffer)))).toEqual(errors);
  });
});
