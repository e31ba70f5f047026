import type { Socket } from 'node:net';
import { ClientMessageReader, PROTOCOL_PREAMBLE, writeBatch, type ClientMessage } from '@hz/core/codec';
import type { MemberLogger } from '../logging';

const PREAMBLE = Buffer.from(PROTOCOL_PREAMBLE, 'latin1');
/** Queued response bytes that are written at once instead of at the end of the loop's turn. */
const EARLY_FLUSH_BYTES = 64 * 1024;
/** Responses the kernel has not taken yet, in bytes, from which the client's requests wait. */
const PAUSE_READING_ABOVE = 1024 * 1024;

/** What a connection hands its messages to, and tells when it closes. */
export interface ConnectionHandler {
  onMessage(connection: ClientConnection, message: ClientMessage): void;
  onClose(connection: ClientConnection, reason: string): void;
}

let nextConnectionId = 1;

/**
 * One client's TCP (or TLS) connection to a member: checks the "CP2" preamble, turns the byte
 * stream into messages, and writes responses and events with per-tick coalescing: whatever is
 * written during one turn of the event loop leaves in one socket write.
 */
export class ClientConnection {
  readonly id = nextConnectionId++;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** When the connection last received bytes (heartbeats count), in ms since the epoch. */
  lastReadAt = Date.now();
  readonly openedAt = Date.now();
  /** UUID of the client, once it has authenticated on this connection. */
  clientUuid: string | null = null;
  private preambleHave = 0;
  private readonly reader: ClientMessageReader;
  private queue: Buffer[] = [];
  private readonly flushBound = (): void => this.flush();
  /** The messages among the queued bytes, to recycle once written. */
  private written: ClientMessage[] = [];
  private queuedBytes = 0;
  private flushImmediate: NodeJS.Immediate | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  private closeReason: string | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly handler: ConnectionHandler,
    private readonly logger: MemberLogger,
    maxMessageSize: number,
  ) {
    this.remoteAddress = socket.remoteAddress ?? 'unknown';
    this.remotePort = socket.remotePort ?? 0;
    this.reader = new ClientMessageReader({ maxMessageSize });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => this.close(`socket error: ${e.message}`));
    socket.on('close', () => this.close('closed by the peer'));
    socket.on('drain', () => socket.resume());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get reasonClosed(): string | null {
    return this.closeReason;
  }

  toString(): string {
    return `Connection[id=${this.id}, remote=${this.remoteAddress}:${this.remotePort}]`;
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.lastReadAt = Date.now();
    let from = 0;
    if (this.preambleHave < PREAMBLE.length) {
      while (from < chunk.length && this.preambleHave < PREAMBLE.length) {
        if (chunk[from] !== PREAMBLE[this.preambleHave]) {
          this.logger.warn({ connection: this.toString() }, 'Connection does not start with the CP2 protocol preamble; closing it');
          this.close('wrong protocol preamble');
          return;
        }
        from++;
        this.preambleHave++;
      }
      if (from === chunk.length) return;
    }
    try {
      this.reader.feed(from === 0 ? chunk : chunk.subarray(from), (m) => this.handler.onMessage(this, m));
    } catch (e) {
      this.logger.warn({ connection: this.toString(), err: (e as Error).message }, 'Malformed message from a client; closing its connection');
      this.close(`malformed message: ${(e as Error).message}`);
    }
  }

  /** Queues a message; it is written with the others of this turn of the event loop, at its end or once 64 KiB are queued. */
  write(message: ClientMessage): void {
    if (this.closed) return;
    this.writeBytes(message.buffer);
    this.written.push(message);
  }

  /** Queues raw bytes (fault injection writes broken frames this way). */
  writeBytes(bytes: Buffer): void {
    if (this.closed) return;
    this.queue.push(bytes);
    this.queuedBytes += bytes.length;
    // A chunk of requests can make megabytes of responses (a getAll of large values): they go
    // out 64 KiB at a time, so that the client reads the first while the rest are made.
    if (this.queuedBytes >= EARLY_FLUSH_BYTES) this.flush();
    else if (this.flushImmediate === null) this.flushImmediate = setImmediate(this.flushBound);
  }

  private flush(): void {
    if (this.flushImmediate !== null) clearImmediate(this.flushImmediate);
    this.flushImmediate = null;
    if (this.closed || this.queue.length === 0) return;
    const queue = this.queue;
    const bytes = this.queuedBytes;
    this.queue = [];
    this.queuedBytes = 0;
    const written = this.written;
    this.written = [];
    // Once the kernel has every byte of the batch, the messages' pooled buffers can take the
    // next responses: at once when the socket's queue is empty after the write (the responses
    // the rest of this turn makes reuse them), else when the socket reports the batch written.
    let held = written.length > 0;
    const recycle = (error?: Error | null): void => {
      if (!held || error) return;
      held = false;
      for (const message of written) message.recycle();
    };
    writeBatch(this.socket, queue, bytes, held ? recycle : undefined);
    if (this.socket.writableLength === 0) recycle();
    // A client that does not read its responses stops being read from until it catches up.
    // Not write()'s false: that says more than 16 KiB went through the socket's queue in this
    // write, even when the kernel took all of it at once (pausing then cost two system calls
    // per batch of responses, and the reading stalled).
    if (this.socket.writableLength > PAUSE_READING_ABOVE) this.socket.pause();
  }

  /** Runs `fn` after `ms` unless the connection closes first. */
  schedule(fn: () => void, ms: number): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(t);
  }

  /**
   * Closes the connection. `graceful` writes what is queued first; otherwise the socket is
   * destroyed at once, as when a member process dies.
   */
  close(reason: string, graceful = false): void {
    if (this.closed) return;
    if (graceful) this.flush();
    this.closed = true;
    this.closeReason = reason;
    if (this.flushImmediate !== null) clearImmediate(this.flushImmediate);
    this.flushImmediate = null;
    this.queue = [];
    this.written = [];
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (graceful) this.socket.end();
    this.socket.destroy();
    this.handler.onClose(this, reason);
  }
}
