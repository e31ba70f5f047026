import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import pino from 'pino';
import { ClientMessage, IS_EVENT_FLAG, MessageWriter } from '@hz/core/codec';
import { Connection } from '../../src/network/connection';

/** Records each socket write; buffers written between cork() and uncork() count as one write (a writev). */
class FakeSocket extends EventEmitter {
  writes: Buffer[] = [];
  /** How many buffers each write had: more than 1 for a writev. */
  parts: number[] = [];
  destroyed = false;
  private corked: Buffer[] | null = null;
  write(b: Buffer): boolean {
    if (this.corked) this.corked.push(Buffer.from(b));
    else {
      this.writes.push(Buffer.from(b));
      this.parts.push(1);
    }
    return true;
  }
  cork(): void {
    this.corked = [];
  }
  uncork(): void {
    const group = this.corked ?? [];
    this.corked = null;
    this.writes.push(Buffer.concat(group));
    this.parts.push(group.length);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function message(payload: number): ClientMessage {
  const w = MessageWriter.request(0x0b00, 0, 6 + payload);
  w.bytes(Buffer.alloc(payload, 7));
  return w.finish();
}

function open(writeCoalesceBytes = 1024) {
  const socket = new FakeSocket();
  const received: ClientMessage[] = [];
  const closed: string[] = [];
  const connection = new Connection(socket as unknown as Socket, { host: '127.0.0.1', port: 5701 }, {
    writeCoalesceBytes,
    logger: pino({ level: 'silent' }),
    onMessage: (m) => received.push(m),
    onClose: (_c, reason) => closed.push(reason),
  });
  return { socket, connection, received, closed };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Connection', () => {
  it('starts with the protocol preamble', () => {
    const { socket } = open();
    expect(socket.writes[0].toString('ascii')).toBe('CP2');
  });

  it('coalesces the messages written in one tick into one socket write', async () => {
    const { socket, connection } = open();
    const messages = Array.from({ length: 10 }, () => message(20));
    for (const m of messages) connection.write(m);
    expect(socket.writes).toHaveLength(1); // nothing but the preamble yet
    await tick();
    expect(socket.writes).toHaveLength(2);
    expect(socket.writes[1].equals(Buffer.concat(messages.map((m) => m.buffer)))).toBe(true);
    connection.write(message(20));
    await tick();
    expect(socket.writes).toHaveLength(3);
  });

  it("sends a tick's first writeCoalesceBytes at once, and the rest at the tick's end", async () => {
    const { socket, connection } = open(200);
    const messages = Array.from({ length: 10 }, () => message(44)); // 72 bytes each
    for (const m of messages.slice(0, 2)) connection.write(m);
    expect(socket.writes).toHaveLength(1); // 144 bytes: below the threshold, nothing yet
    connection.write(messages[2]);
    expect(socket.writes).toHaveLength(2); // 216 bytes: the first three go out at once
    expect(socket.writes[1].equals(Buffer.concat(messages.slice(0, 3).map((m) => m.buffer)))).toBe(true);
    for (const m of messages.slice(3)) connection.write(m);
    expect(socket.writes).toHaveLength(2); // the rest of this tick waits for its end
    await tick();
    expect(socket.writes).toHaveLength(3);
    expect(socket.writes[2].equals(Buffer.concat(messages.slice(3).map((m) => m.buffer)))).toBe(true);
    // A new tick may start early again.
    for (const m of messages.slice(0, 3)) connection.write(m);
    expect(socket.writes).toHaveLength(4);
  });

  it('bounds one write by 256 KiB', async () => {
    const { socket, connection } = open();
    const messages = Array.from({ length: 40 }, () => message(10_240));
    for (const m of messages) connection.write(m);
    await tick();
    const batches = socket.writes.slice(1);
    expect(Buffer.concat(batches).equals(Buffer.concat(messages.map((m) => m.buffer)))).toBe(true);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    for (const b of batches) expect(b.length).toBeLessThanOrEqual(256 * 1024);
    expect(batches.some((b) => b.length > 128 * 1024)).toBe(true);
    // Large messages are not copied together: the batches of several go out as one writev.
    expect(socket.parts.slice(1).some((n) => n > 1)).toBe(true);
  });

  it('does not start early while more than 64 KiB of requests are unanswered', async () => {
    const { socket, connection } = open(1024);
    for (let i = 0; i < 8; i++) connection.write(message(10_240));
    await tick();
    const written = socket.writes.length;
    // 80 KiB unanswered: the member has work, so a new large request waits for the tick's end.
    connection.write(message(10_240));
    expect(socket.writes).toHaveLength(written);
    await tick();
    expect(socket.writes).toHaveLength(written + 1);
    // Once they are answered, the next tick's first large request goes out at once again.
    for (let i = 0; i < 9; i++) socket.emit('data', message(5).buffer);
    connection.write(message(10_240));
    expect(socket.writes).toHaveLength(written + 2);
  });

  it('with requests unanswered, sends what responses read in one turn of the event loop lead to in one write', async () => {
    const { socket, connection } = open(1 << 20);
    const requests = [message(20), message(20)];
    for (const m of requests) connection.write(m);
    // Nothing was awaited before: the batch goes out at the tick's end, before the loop turns.
    await new Promise((resolve) => process.nextTick(resolve));
    expect(socket.writes).toHaveLength(2);
    // Two responses arrive in two reads of the same turn; each leads to a new request.
    const next = [message(30), message(30)];
    socket.emit('data', message(5).buffer);
    connection.write(next[0]);
    await new Promise((resolve) => process.nextTick(resolve));
    // One request is still unanswered: its response may come in this turn too, so no write yet.
    expect(socket.writes).toHaveLength(2);
    socket.emit('data', message(5).buffer);
    connection.write(next[1]);
    await tick();
    expect(socket.writes).toHaveLength(3);
    expect(socket.writes[2].equals(Buffer.concat(next.map((m) => m.buffer)))).toBe(true);
  });

  it('does not count events as answers', async () => {
    const { socket, connection } = open(1 << 20);
    connection.write(message(20));
    await tick();
    const event = message(5);
    event.setFlag(IS_EVENT_FLAG, true);
    socket.emit('data', event.buffer);
    connection.write(message(30));
    await new Promise((resolve) => process.nextTick(resolve));
    // The first request is still unanswered: the write waits for the loop's check phase.
    expect(socket.writes).toHaveLength(2);
    await tick();
    expect(socket.writes).toHaveLength(3);
  });

  it('parses incoming messages and closes itself on malformed bytes', () => {
    const { socket, connection, received, closed } = open();
    const m = message(5);
    socket.emit('data', Buffer.concat([m.buffer, m.buffer.subarray(0, 3)]));
    socket.emit('data', m.buffer.subarray(3));
    expect(received).toHaveLength(2);
    const bad = Buffer.alloc(6);
    bad.writeInt32LE(-5, 0);
    socket.emit('data', bad);
    expect(connection.isAlive()).toBe(false);
    expect(closed[0]).toMatch(/malformed message/);
    expect(socket.destroyed).toBe(true);
    expect(connection.write(m)).toBe(false);
  });
});
