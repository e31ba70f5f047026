import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { MessageWriter, type ClientMessage } from '@hz/core/codec';
import { ClientConnection } from '../src/network/connection';
import { recordingLogger } from './support/quiet';

/** A socket that records writes (cork..uncork as one) and reports `pendingBytes` as not yet taken by the kernel. */
class FakeSocket extends EventEmitter {
  writes: number[] = [];
  pendingBytes = 0;
  private corked: number | null = null;
  paused = 0;
  /** Callbacks of writes the "kernel" has not taken yet (while pendingBytes > 0). */
  private held: Array<() => void> = [];
  write(b: Buffer, callback?: (error?: Error | null) => void): boolean {
    if (this.corked !== null) this.corked += b.length;
    else this.writes.push(b.length);
    if (callback) {
      if (this.pendingBytes === 0) process.nextTick(callback);
      else this.held.push(() => callback());
    }
    // As net.Socket: false once more than its 16 KiB high-water mark went through in this write.
    return (this.corked ?? b.length) < 16 * 1024;
  }
  /** The kernel takes what was held. */
  drainAll(): void {
    this.pendingBytes = 0;
    for (const callback of this.held.splice(0)) callback();
  }
  cork(): void {
    this.corked = 0;
  }
  uncork(): void {
    this.writes.push(this.corked ?? 0);
    this.corked = null;
  }
  get writableLength(): number {
    return this.pendingBytes;
  }
  setNoDelay(): void {}
  pause(): void {
    this.paused++;
  }
  resume(): void {}
  destroy(): void {}
  end(): void {}
}

function response(payload: number): ClientMessage {
  const w = MessageWriter.response(0x0b01, 0, 6 + payload);
  w.bytes(Buffer.alloc(payload, 1));
  return w.finish();
}

function open() {
  const socket = new FakeSocket();
  const connection = new ClientConnection(socket as unknown as Socket, { onMessage: () => undefined, onClose: () => undefined }, recordingLogger(), 1 << 20);
  return { socket, connection };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ClientConnection writes', () => {
  it('writes small responses together at the end of the turn', async () => {
    const { socket, connection } = open();
    for (let i = 0; i < 10; i++) connection.write(response(100));
    expect(socket.writes).toEqual([]);
    await turn();
    expect(socket.writes).toHaveLength(1);
  });

  it('writes 64 KiB at a time while many large responses are being made', async () => {
    const { socket, connection } = open();
    for (let i = 0; i < 20; i++) connection.write(response(10_000));
    // Every 7th response brings the queue over 64 KiB: written before the turn ends.
    expect(socket.writes.length).toBe(2);
    for (const bytes of socket.writes) expect(bytes).toBeGreaterThanOrEqual(64 * 1024);
    await turn();
    expect(socket.writes.length).toBe(3);
  });

  it('recycles responses once the kernel took them, not while the socket still holds them', async () => {
    const { socket, connection } = open();
    const taken = [response(10_000), response(10_000)];
    for (const m of taken) connection.write(m);
    await turn();
    expect(taken.map((m) => m.recycled)).toEqual([true, true]);
    socket.pendingBytes = 5000;
    const held = [response(10_000), response(10_000)];
    for (const m of held) connection.write(m);
    await turn();
    expect(held.map((m) => m.recycled)).toEqual([false, false]);
    socket.drainAll();
    expect(held.map((m) => m.recycled)).toEqual([true, true]);
  });

  it('stops reading only when the kernel leaves over 1 MiB of responses unsent, not on write()\'s false', async () => {
    const { socket, connection } = open();
    for (let i = 0; i < 20; i++) connection.write(response(10_000));
    await turn();
    expect(socket.paused).toBe(0);
    socket.pendingBytes = 512 * 1024;
    for (let i = 0; i < 20; i++) connection.write(response(10_000));
    await turn();
    expect(socket.paused).toBe(0);
    socket.pendingBytes = 2 * 1024 * 1024;
    connection.write(response(10_000));
    await turn();
    expect(socket.paused).toBe(1);
  });
});
