import type { Data } from '../serialization/data';
import type { UUID } from '../util/uuid';
import { ClientMessage } from './client-message';
import {
  BEGIN_DATA_STRUCTURE_FLAG,
  END_DATA_STRUCTURE_FLAG,
  EVENT_HEADER_SIZE,
  FRAME_HEADER_SIZE,
  IS_EVENT_FLAG,
  IS_FINAL_FLAG,
  IS_NULL_FLAG,
  REQUEST_HEADER_SIZE,
  RESPONSE_HEADER_SIZE,
  UNFRAGMENTED_MESSAGE,
} from './constants';
import { writeLongLE, type LongLike } from './long-bytes';
import { messageBuffers } from '../util/buffer-pool';
import { allocateBuffer } from '../util/buffer-slab';

/**
 * Writes one message into a single buffer whose exact size the caller computed first.
 * Frames are appended in order; fixed-size fields are appended into the frame opened last.
 */
export class MessageWriter {
  readonly buf: Buffer;
  pos = 0;
  private lastFrame = 0;
  /** The pooled buffer `buf` is a view of, for messages large enough to pool. */
  private readonly pooled: Buffer | null;

  constructor(size: number) {
    this.pooled = messageBuffers.take(size);
    this.buf = this.pooled === null ? allocateBuffer(size) : this.pooled.subarray(0, size);
  }

  /** Starts a request: `fixedSize` bytes of fixed parameters, `varSize` bytes of frames after the initial one. */
  static request(messageType: number, fixedSize: number, varSize: number): MessageWriter {
    const w = MessageWriter.initial(messageType, REQUEST_HEADER_SIZE, fixedSize, varSize, UNFRAGMENTED_MESSAGE);
    w.int(-1); // partition id, set when routed
    return w;
  }

  static response(messageType: number, fixedSize: number, varSize: number): MessageWriter {
    const w = MessageWriter.initial(messageType, RESPONSE_HEADER_SIZE, fixedSize, varSize, UNFRAGMENTED_MESSAGE);
    w.byte(0); // backup acks
    return w;
  }

  static event(messageType: number, fixedSize: number, varSize: number): MessageWriter {
    const w = MessageWriter.initial(messageType, EVENT_HEADER_SIZE, fixedSize, varSize, UNFRAGMENTED_MESSAGE | IS_EVENT_FLAG);
    w.int(-1); // partition id
    return w;
  }

  /** Writes the initial frame's header, message type and a zero correlation id. */
  private static initial(messageType: number, headerSize: number, fixedSize: number, varSize: number, flags: number): MessageWriter {
    const initialLength = FRAME_HEADER_SIZE + headerSize + fixedSize;
    const w = new MessageWriter(initialLength + varSize);
    w.buf.writeInt32LE(initialLength, 0);
    w.buf.writeUInt16LE(flags, 4);
    w.pos = FRAME_HEADER_SIZE;
    w.int(messageType);
    w.long(0); // correlation id, set when sent
    return w;
  }

  /** Opens a frame of `contentSize` bytes of fixed-size fields, written next. */
  frame(contentSize: number): void {
    this.header(contentSize, 0);
  }

  private header(contentSize: number, flags: number): void {
    const at = this.pos;
    this.buf.writeInt32LE(contentSize + FRAME_HEADER_SIZE, at);
    this.buf.writeUInt16LE(flags, at + 4);
    this.lastFrame = at;
    this.pos = at + FRAME_HEADER_SIZE;
  }

  begin(): void {
    this.header(0, BEGIN_DATA_STRUCTURE_FLAG);
  }

  end(): void {
    this.header(0, END_DATA_STRUCTURE_FLAG);
  }

  nullFrame(): void {
    this.header(0, IS_NULL_FLAG);
  }

  byte(v: number): void {
    this.buf.writeInt8(v, this.pos);
    this.pos += 1;
  }

  bool(v: boolean): void {
    this.buf[this.pos++] = v ? 1 : 0;
  }

  int(v: number): void {
    this.buf.writeInt32LE(v, this.pos);
    this.pos += 4;
  }

  float(v: number): void {
    this.buf.writeFloatLE(v, this.pos);
    this.pos += 4;
  }

  long(v: LongLike): void {
    writeLongLE(this.buf, v, this.pos);
    this.pos += 8;
  }

  uuid(v: UUID | null): void {
    const b = this.buf;
    if (v === null) {
      b.fill(0, this.pos + 1, this.pos + 17);
      b[this.pos] = 1;
    } else {
      b[this.pos] = 0;
      writeLongLE(b, v.mostSignificant, this.pos + 1);
      writeLongLE(b, v.leastSignificant, this.pos + 9);
    }
    this.pos += 17;
  }

  /** A frame holding the UTF-8 bytes of `s`. */
  string(s: string): void {
    const at = this.pos;
    const n = this.buf.write(s, at + FRAME_HEADER_SIZE, 'utf8');
    this.header(n, 0);
    this.pos = at + FRAME_HEADER_SIZE + n;
  }

  /** A frame holding `bytes`. */
  bytes(bytes: Uint8Array): void {
    this.header(bytes.length, 0);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  data(d: Data): void {
    this.bytes(d.toBuffer());
  }

  /** Marks the last frame final and returns the message. */
  finish(retryable = false): ClientMessage {
    if (this.pos !== this.buf.length) {
      throw new Error(`Encoder wrote ${this.pos} bytes into a message of ${this.buf.length}`);
    }
    this.buf.writeUInt16LE(this.buf.readUInt16LE(this.lastFrame + 4) | IS_FINAL_FLAG, this.lastFrame + 4);
    const message = new ClientMessage(this.buf, this.pooled);
    message.retryable = retryable;
    return message;
  }
}
