import type Long from 'long';
import { MalformedMessageError } from '../errors/hazelcast-error';
import { HeapData } from '../serialization/data';
import { UUID } from '../util/uuid';
import { BEGIN_DATA_STRUCTURE_FLAG, END_DATA_STRUCTURE_FLAG, FRAME_HEADER_SIZE, IS_NULL_FLAG, LONG_SIZE } from './constants';
import { readLongLE } from './long-bytes';

/**
 * Walks the frames of a received message without copying them. `next()` takes a frame;
 * the fixed-size readers then read fields of that frame's content in place.
 */
export class FrameCursor {
  /** Content bounds and flags of the frame taken last. */
  start = 0;
  stop = 0;
  flags = 0;
  private pos: number;

  constructor(
    readonly buf: Buffer,
    from = 0,
    private readonly end = buf.length,
  ) {
    this.pos = from;
  }

  /** Takes the next frame. */
  next(): this {
    const at = this.pos;
    if (at + FRAME_HEADER_SIZE > this.end) {
      throw new MalformedMessageError('Message ended before an expected frame');
    }
    const length = this.buf.readInt32LE(at);
    if (length < FRAME_HEADER_SIZE || at + length > this.end) {
      throw new MalformedMessageError(`Frame length ${length} does not fit the message`);
    }
    this.flags = this.buf.readUInt16LE(at + 4);
    this.start = at + FRAME_HEADER_SIZE;
    this.stop = at + length;
    this.pos = this.stop;
    return this;
  }

  hasNext(): boolean {
    return this.pos < this.end;
  }

  private peekFlags(): number {
    return this.pos + FRAME_HEADER_SIZE <= this.end ? this.buf.readUInt16LE(this.pos + 4) : 0;
  }

  /** If the next frame is a null frame, takes it and returns true. */
  nextIsNull(): boolean {
    if ((this.peekFlags() & IS_NULL_FLAG) !== 0) {
      this.next();
      return true;
    }
    return false;
  }

  /** Whether the next frame closes a data structure (it is not taken). */
  nextIsEnd(): boolean {
    return (this.peekFlags() & END_DATA_STRUCTURE_FLAG) !== 0;
  }

  /** Whether the next frame opens a data structure (it is not taken). */
  nextIsBegin(): boolean {
    return (this.peekFlags() & BEGIN_DATA_STRUCTURE_FLAG) !== 0;
  }

  /**
   * Takes frames up to and including the end frame of the structure being read, skipping
   * fields (and nested structures) that a newer peer added.
   */
  skipToEnd(): void {
    let depth = 1;
    while (depth > 0) {
      this.next();
      if ((this.flags & END_DATA_STRUCTURE_FLAG) !== 0) depth--;
      else if ((this.flags & BEGIN_DATA_STRUCTURE_FLAG) !== 0) depth++;
    }
  }

  /** Whether the current frame's content holds `size` bytes at `offset` (fields newer than the peer are missing). */
  has(offset: number, size: number): boolean {
    return this.stop - this.start >= offset + size;
  }

  byte(offset: number): number {
    return this.buf.readInt8(this.start + offset);
  }

  bool(offset: number): boolean {
    return this.buf[this.start + offset] !== 0;
  }

  int(offset: number): number {
    return this.buf.readInt32LE(this.start + offset);
  }

  float(offset: number): number {
    return this.buf.readFloatLE(this.start + offset);
  }

  long(offset: number): Long {
    return readLongLE(this.buf, this.start + offset);
  }

  uuid(offset: number): UUID | null {
    return readUuidAt(this.buf, this.start + offset);
  }

  /** Content of the current frame as a view (no copy). */
  content(): Buffer {
    return this.buf.subarray(this.start, this.stop);
  }

  /** Takes a frame and returns its content as UTF-8 text. */
  string(): string {
    this.next();
    return this.buf.toString('utf8', this.start, this.stop);
  }

  /** Takes a frame and returns its content as `Data` (a view, no copy). */
  data(): HeapData {
    this.next();
    return new HeapData(this.buf.subarray(this.start, this.stop));
  }

  /** Takes a frame and returns its content as a view (no copy). */
  bytes(): Buffer {
    this.next();
    return this.buf.subarray(this.start, this.stop);
  }
}

/** Reads a UUID encoded at an absolute position: null flag, then the two halves. */
export function readUuidAt(buf: Buffer, at: number): UUID | null {
  if (buf[at] !== 0) return null;
  return new UUID(readLongLE(buf, at + 1), readLongLE(buf, at + 1 + LONG_SIZE));
}
