import type { ClientMessage } from '@hz/core/codec';
import { IllegalStateError } from '../../src/errors';
import { messageBuffers } from '../../src/util/buffer-pool';
import { fakeConnection, request, responseTo, service } from './fakes';

describe('request buffers', () => {
  it('go back to the pool once the response arrives, for the next message of their size', async () => {
    const { connection, written } = fakeConnection();
    const invocations = service([connection]);
    const req = request(10_240);
    const memory = req.buffer.buffer;
    const offset = req.buffer.byteOffset;
    const answered = invocations.invokeOnRandom(req);
    expect(written).toEqual([req]);
    expect(req.recycled).toBe(false);
    invocations.handleMessage(responseTo(req));
    await answered;
    expect(req.recycled).toBe(true);
    const next = request(10_000);
    expect(next.buffer.buffer).toBe(memory);
    expect(next.buffer.byteOffset).toBe(offset);
  });

  it('refuses to send a request that was answered and recycled already', async () => {
    const { connection } = fakeConnection();
    const invocations = service([connection]);
    const req = request(10_240);
    const answered = invocations.invokeOnRandom(req);
    invocations.handleMessage(responseTo(req));
    await answered;
    await expect(invocations.invokeOnRandom(req)).rejects.toBeInstanceOf(IllegalStateError);
  });

  it('stay with a request that was sent more than once', async () => {
    const closed = fakeConnection(false);
    const open = fakeConnection();
    const invocations = service([closed.connection, open.connection]);
    const req = request(10_240);
    const answered = invocations.invokeOnRandom(req);
    // The first connection refused it; the retry goes out on the second after a timer.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(open.written).toEqual([req]);
    invocations.handleMessage(responseTo(req));
    await answered;
    expect(req.recycled).toBe(false);
    const idle = messageBuffers.idleBytes();
    req.recycle();
    expect(messageBuffers.idleBytes()).toBeGreaterThan(idle);
  });

  it('stay with a listener registration, whose correlation id keeps routing its events', async () => {
    const { connection } = fakeConnection();
    const invocations = service([connection]);
    const req = request(10_240);
    const events: ClientMessage[] = [];
    const answered = invocations.invokeOnConnection(req, connection, (e) => events.push(e));
    const id = req.correlationId;
    invocations.handleMessage(responseTo(req));
    await answered;
    expect(req.recycled).toBe(false);
    expect(req.correlationId).toBe(id);
    request(10_240); // takes a pooled buffer of the same class: not the registration's
    expect(req.correlationId).toBe(id);
  });

  it('are not pooled for small messages, which recycle() leaves alone', () => {
    const req = request(100);
    const idle = messageBuffers.idleBytes();
    req.recycle();
    expect(req.recycled).toBe(false);
    expect(messageBuffers.idleBytes()).toBe(idle);
  });
});
