import type { Socket } from 'node:net';
import type { Logger } from '../logging/logger';
import type { Address } from '../codec/generated/custom';
import { MalformedMessageError } from '../errors/hazelcast-error';
import type { ClientMessage } from '../protocol/client-message';
import { PROTOCOL_PREAMBLE } from '../protocol/constants';
import { ClientMessageReader } from '../protocol/message-reader';
import { writeBatch } from '../protocol/write-batch';
import type { UUID } from '../util/uuid';
import { formatAddress } from '../cluster/member';

export interface ConnectionOptions {
  /** Bytes queued in a tick after which the first write goes out at once, without waiting for the tick's end. */
  writeCoalesceBytes: number;
  maxMessageSize?: number;
  logger: Logger;
  onMessage(message: ClientMessage, connection: Connection): void;
  onClose(connection: Connection, reason: string, cause?: Error): void;
}

const PREAMBLE = Buffer.from(PROTOCOL_PREAMBLE, 'ascii');
/** Upper bound of one coalesced socket write (or writeCoalesceBytes, if larger). */
const MAX_WRITE_BYTES = 256 * 1024;
/** Requests unanswered, in bytes, from which the member is taken to be busy (see write()). */
const EARLY_WRITE_MAX_UNANSWERED_BYTES = 64 * 1024;
let nextConnectionId = 0;

/**
 * One TCP (or TLS) connection to a member. Messages written during one tick are coalesced into
 * as few socket writes as their size allows; incoming bytes are parsed without copying.
 */
export class Connection {
  readonly id = ++nextConnectionId;
  /** Set once authenticated. */
  memberUuid: UUID | null = null;
  /** The member's own address, once authenticated. */
  memberAddress: Address | null = null;
  serverVersion: string | null = null;
  lastReadTime = Date.now();
  lastWriteTime = Date.now();
  readonly openedAt = Date.now();

  private readonly reader: ClientMessageReader;
  private queue: Buffer[] = [];
  private queuedBytes = 0;
  private flushScheduled = false;
  /** Requests written and not answered yet, as far as this connection can tell (see onData). */
  private awaiting = 0;
  /** Moving average of the size of the requests written, to estimate the bytes unanswered. */
  private averageRequestBytes = 0;
  /** Whether this tick's first write went out early (see write()). */
  private startedEarly = false;
  private closedReason: string | null = null;
  private readonly flushBound = (): void => this.flush();
  private readonly onMessageBound = (message: ClientMessage): void => {
    // Events and backup acknowledgements answer no request of their own.
    if (!message.isEvent() && this.awaiting > 0) this.awaiting--;
    this.options.onMessage(message, this);
  };
  private readonly maxWriteBytes: number;

  constructor(
    private readonly socket: Socket,
    readonly remoteAddress: Address,
    private readonly options: ConnectionOptions,
  ) {
    this.reader = new ClientMessageReader({ maxMessageSize: options.maxMessageSize });
    this.maxWriteBytes = Math.max(MAX_WRITE_BYTES, options.writeCoalesceBytes);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.close(`socket error: ${error.message}`, error));
    socket.on('close', () => this.close('socket closed by the member'));
    socket.write(PREAMBLE);
  }

  /** "ip:port" of the client's end of the socket. */
  localAddress(): string {
    return `${this.socket.localAddress ?? ''}:${this.socket.localPort ?? ''}`;
  }

  isAlive(): boolean {
    return this.closedReason === null;
  }

  /**
   * Queues a message; it goes out with the others written in this tick, in writes of up to
   * 256 KiB. Once `writeCoalesceBytes` are queued, the tick's first write goes out at once if
   * the member may run out of work: it starts on those requests while the client is still
   * making the rest, instead of client and member taking turns with whole batches. When the
   * requests already sent and unanswered are more than one early write's worth, the member is
   * busy with them and an early write would only cost a system call.
   */
  write(message: ClientMessage): boolean {
    if (this.closedReason !== null) return false;
    const length = message.buffer.length;
    this.queue.push(message.buffer);
    this.queuedBytes += length;
    this.awaiting++;
    this.averageRequestBytes = this.averageRequestBytes === 0 ? length : this.averageRequestBytes + (length - this.averageRequestBytes) / 16;
    if (
      this.queuedBytes >= this.maxWriteBytes ||
      (!this.startedEarly && this.queuedBytes >= this.options.writeCoalesceBytes && (this.awaiting - this.queue.length) * this.averageRequestBytes < EARLY_WRITE_MAX_UNANSWERED_BYTES)
    ) {
      this.startedEarly = true;
      this.writeQueued();
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // With earlier requests still unanswered, more responses may be read in this turn of the
      // event loop, and the requests they lead to can go out in the same write: the flush
      // waits for the loop's check phase. With none, nothing else is coming: the tick's end.
      if (this.awaiting > this.queue.length) setImmediate(this.flushBound);
      else process.nextTick(this.flushBound);
    }
    return true;
  }

  /** The end of a tick: what is queued goes out. */
  private flush(): void {
    this.flushScheduled = false;
    this.startedEarly = false;
    this.writeQueued();
  }

  private writeQueued(): void {
    if (this.queue.length === 0 || this.closedReason !== null) return;
    const queue = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    const limit = this.maxWriteBytes;
    let batch: Buffer[] = [];
    let batchBytes = 0;
    for (const b of queue) {
      if (batchBytes > 0 && batchBytes + b.length > limit) {
        writeBatch(this.socket, batch, batchBytes);
        batch = [];
        batchBytes = 0;
      }
      batch.push(b);
      batchBytes += b.length;
    }
    if (batchBytes > 0) writeBatch(this.socket, batch, batchBytes);
    this.lastWriteTime = Date.now();
  }

  private onData(chunk: Buffer): void {
    this.lastReadTime = Date.now();
    try {
      this.reader.feed(chunk, this.onMessageBound);
    } catch (error) {
      if (error instanceof MalformedMessageError) {
        this.options.logger.error(`closing ${this.toString()}: malformed message from the member: ${error.message}`);
        this.close(`malformed message: ${error.message}`, error);
      } else {
        throw error;
      }
    }
  }

  /** Closes the socket; the first call's reason is the one reported. */
  close(reason: string, cause?: Error): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    this.queue = [];
    this.socket.destroy();
    this.options.onClose(this, reason, cause);
  }

  getCloseReason(): string | null {
    return this.closedReason;
  }

  toString(): string {
    return `Connection{id=${this.id}, member=${formatAddress(this.memberAddress ?? this.remoteAddress)}${this.memberUuid ? `, uuid=${this.memberUuid.toString()}` : ''}}`;
  }
}
