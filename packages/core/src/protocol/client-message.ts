import {
  BACKUP_EVENT_FLAG,
  CORRELATION_ID_FIELD_OFFSET,
  FRAME_HEADER_SIZE,
  IS_EVENT_FLAG,
  PARTITION_ID_FIELD_OFFSET,
  RESPONSE_BACKUP_ACKS_FIELD_OFFSET,
  TYPE_FIELD_OFFSET,
} from './constants';
import { FrameCursor } from './frame-cursor';
import { messageBuffers } from '../util/buffer-pool';

const TWO_POW_32 = 0x1_0000_0000;
const HEADER = FRAME_HEADER_SIZE;

/**
 * One protocol message: its frames back to back in a single Buffer, exactly as on the wire.
 * Header fields are read from and written to that buffer in place.
 */
export class ClientMessage {
  /** Whether the request may be sent again after a connection loss (from the definitions). */
  retryable = false;

  /**
   * @param buffer the frames
   * @param pooled the pooled buffer `buffer` is a view of, when the message was written into one
   */
  constructor(
    readonly buffer: Buffer,
    private pooled: Buffer | null = null,
  ) {}

  /** True once {@link recycle} gave the buffer back: the message must not be sent or read again. */
  recycled = false;

  /**
   * Gives a pooled buffer back for the next message. Only for a message nothing refers to any
   * more: a request whose response arrived (it was written out whole), a response the socket
   * took. Does nothing for a message that was not written into a pooled buffer.
   */
  recycle(): void {
    if (this.pooled === null) return;
    messageBuffers.give(this.pooled);
    this.pooled = null;
    this.recycled = true;
  }

  get messageType(): number {
    return this.buffer.readInt32LE(HEADER + TYPE_FIELD_OFFSET);
  }

  /** Flags of the initial frame. */
  get flags(): number {
    return this.buffer.readUInt16LE(4);
  }

  /** Correlation ids are below 2^53, so they are handled as numbers. */
  get correlationId(): number {
    const at = HEADER + CORRELATION_ID_FIELD_OFFSET;
    return this.buffer.readInt32LE(at + 4) * TWO_POW_32 + this.buffer.readUInt32LE(at);
  }

  set correlationId(id: number) {
    const at = HEADER + CORRELATION_ID_FIELD_OFFSET;
    this.buffer.writeUInt32LE(id % TWO_POW_32, at);
    this.buffer.writeInt32LE(Math.floor(id / TWO_POW_32), at + 4);
  }

  /** Partition id of a request or an event (-1 for none). */
  get partitionId(): number {
    return this.buffer.readInt32LE(HEADER + PARTITION_ID_FIELD_OFFSET);
  }

  set partitionId(id: number) {
    this.buffer.writeInt32LE(id, HEADER + PARTITION_ID_FIELD_OFFSET);
  }

  /** Number of backup acknowledgements the member will send for this response. */
  get backupAcks(): number {
    return this.buffer.readUInt8(HEADER + RESPONSE_BACKUP_ACKS_FIELD_OFFSET);
  }

  isEvent(): boolean {
    return (this.flags & IS_EVENT_FLAG) !== 0;
  }

  isBackupEvent(): boolean {
    return (this.flags & BACKUP_EVENT_FLAG) !== 0;
  }

  /** Sets or clears flags of the initial frame. */
  setFlag(flag: number, on: boolean): void {
    const flags = this.buffer.readUInt16LE(4);
    this.buffer.writeUInt16LE(on ? flags | flag : flags & ~flag, 4);
  }

  /** A cursor over the frames, positioned before the initial frame. */
  cursor(): FrameCursor {
    return new FrameCursor(this.buffer);
  }
}
