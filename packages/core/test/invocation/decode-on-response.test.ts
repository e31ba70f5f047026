import { encodeErrorResponse } from '../../src/codec/errors';
import { IllegalArgumentError } from '../../src/errors';
import { fakeConnection, request, responseTo, service } from './fakes';

/** The member's answer to `req`: java.lang.IllegalArgumentException (error code 23). */
function errorResponseTo(req: ReturnType<typeof request>) {
  const m = encodeErrorResponse([{ errorCode: 23, className: 'java.lang.IllegalArgumentException', message: 'no', stackTraceElements: [] }]);
  m.correlationId = req.correlationId;
  return m;
}

describe('invokeOnPartitionAndDecode', () => {
  it('resolves with what the decoder makes of the response', async () => {
    const { connection, written } = fakeConnection();
    const invocations = service([connection]);
    const req = request(10);
    const seen: number[] = [];
    const result = invocations.invokeOnPartitionAndDecode(req, 3, (response) => {
      seen.push(response.correlationId);
      return `decoded ${response.messageType}`;
    });
    expect(written).toEqual([req]);
    expect(req.partitionId).toBe(3);
    invocations.handleMessage(responseTo(req));
    // Decoded as the response is handled, before any await.
    expect(seen).toEqual([req.correlationId]);
    await expect(result).resolves.toBe(`decoded ${0x0b01}`);
  });

  it('rejects with what the decoder throws, and forgets the invocation', async () => {
    const { connection } = fakeConnection();
    const invocations = service([connection]);
    const req = request(10);
    const failure = new RangeError('bad response');
    const result = invocations.invokeOnPartitionAndDecode(req, 0, () => {
      throw failure;
    });
    invocations.handleMessage(responseTo(req));
    await expect(result).rejects.toBe(failure);
    // A second response for the same id finds nothing to complete.
    expect(() => invocations.handleMessage(responseTo(req))).not.toThrow();
  });

  it('does not decode an error response: the typed error rejects instead', async () => {
    const { connection } = fakeConnection();
    const invocations = service([connection]);
    const req = request(10);
    req.retryable = false;
    const decode = jest.fn(() => 'never');
    const result = invocations.invokeOnPartitionAndDecode(req, 0, decode);
    invocations.handleMessage(errorResponseTo(req));
    await expect(result).rejects.toBeInstanceOf(IllegalArgumentError);
    expect(decode).not.toHaveBeenCalled();
  });

  it('decodes the response of a retry', async () => {
    const first = fakeConnection(false);
    const second = fakeConnection();
    const invocations = service([first.connection, second.connection]);
    const req = request(10);
    const result = invocations.invokeOnPartitionAndDecode(req, 0, (response) => response.correlationId);
    // The first connection refused the write: the invocation was retried on the second.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second.written).toEqual([req]);
    invocations.handleMessage(responseTo(req));
    await expect(result).resolves.toBe(req.correlationId);
  });
});
