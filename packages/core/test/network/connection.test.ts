import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import pino from 'pino';
import { ClientMessage, MessageWriter } from '@hz/core/codec';
import { Connection } from '../../src/network/connection';

class FakeSocket extends EventEmitter {
  writes: Buffer[] = [];
  destroyed = false;
  write(b: Buffer): boolean {
    this.writes.push(Buffer.from(b));
    return true;
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

  it('bounds one write by the coalescing limit', async () => {
    const { socket, connection } = open(200);
    const messages = Array.from({ length: 10 }, () => message(44)); // 72 bytes each
    for (const m of messages) connection.write(m);
    await tick();
    const batches = socket.writes.slice(1);
    expect(Buffer.concat(batches).equals(Buffer.concat(messages.map((m) => m.buffer)))).toBe(true);
    expect(batches.length).toBeGreaterThan(3);
    for (const b of batches) expect(b.length).toBeLessThanOrEqual(200);
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
