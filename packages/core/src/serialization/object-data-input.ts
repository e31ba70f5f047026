import Long from 'long';
import { HeapData, type Data } from './data';
import { HazelcastSerializationError } from './errors';

/** Reads nested objects for an input; the serialization service. */
export interface ObjectReader {
  readObject<T = unknown>(input: ObjectDataInput): T;
}

/**
 * Reads what an {@link ObjectDataOutput} wrote (Java `ObjectDataInput`). Methods that take a
 * `position` read there without moving the stream. Reading past the end throws (a RangeError,
 * which the serialization service reports as a HazelcastSerializationError).
 */
export interface ObjectDataInput {
  isBigEndian(): boolean;
  /** The read position, in bytes from the start of the serialized form (the Data header included). With an argument, moves it. */
  position(newPosition?: number): number;
  /** Bytes left to read. */
  available(): number;
  skipBytes(count: number): void;
  /** One byte, unsigned (Java `read()`). */
  read(position?: number): number;
  /** A copy of the next `length` raw bytes (Java `readFully`). */
  readFully(length: number): Buffer;
  readBoolean(position?: number): boolean;
  readByte(position?: number): number;
  readUnsignedByte(position?: number): number;
  /** A UTF-16 code unit, as a one-character string (as the official Node.js client returns it). */
  readChar(position?: number): string;
  readShort(position?: number): number;
  readUnsignedShort(position?: number): number;
  readInt(position?: number): number;
  readLong(position?: number): Long;
  readFloat(position?: number): number;
  readDouble(position?: number): number;
  readString(): string | null;
  /** @deprecated The Hazelcast 3 name of {@link readString}. */
  readUTF(): string | null;
  readBooleanArray(): boolean[] | null;
  /** A copy, so that it does not pin the buffer it was read from. */
  readByteArray(): Buffer | null;
  readCharArray(): string[] | null;
  readShortArray(): number[] | null;
  readIntArray(): number[] | null;
  readLongArray(): Long[] | null;
  readFloatArray(): number[] | null;
  readDoubleArray(): number[] | null;
  readStringArray(): Array<string | null> | null;
  /** @deprecated The Hazelcast 3 name of {@link readStringArray}. */
  readUTFArray(): Array<string | null> | null;
  /** A Data written with `writeData` (a copy of its bytes), or null. */
  readData(): Data | null;
  /** A nested object written with `writeObject`. `T` is not checked. */
  readObject<T = unknown>(): T;
}

/** The most memory a byte array read as a view may keep alive beyond itself (see readByteArrayShared). */
export const MAX_SHARED_PIN = 64 * 1024;

/**
 * Reads a Buffer in place: primitives come straight out of it, nothing is copied but byte
 * arrays (so that a small value does not keep a large received message alive).
 */
export class ByteArrayObjectDataInput implements ObjectDataInput {
  private pos: number;

  /**
   * @param buf the whole serialized form; positions count from its first byte
   * @param offset where reading starts (8, after the header, for a Data)
   */
  constructor(
    private readonly buf: Buffer,
    offset: number,
    private readonly bigEndian: boolean,
    private readonly reader?: ObjectReader,
  ) {
    this.pos = offset;
  }

  isBigEndian(): boolean {
    return this.bigEndian;
  }

  position(newPosition?: number): number {
    if (newPosition !== undefined) {
      if (!Number.isInteger(newPosition) || newPosition < 0 || newPosition > this.buf.length) {
        throw new RangeError(`Invalid position ${newPosition} in ${this.buf.length} bytes`);
      }
      this.pos = newPosition;
    }
    return this.pos;
  }

  available(): number {
    return this.buf.length - this.pos;
  }

  skipBytes(count: number): void {
    this.need(count);
    this.pos += count;
  }

  read(position?: number): number {
    return this.readUnsignedByte(position);
  }

  readFully(length: number): Buffer {
    this.need(length);
    const copy = Buffer.allocUnsafe(length);
    this.buf.copy(copy, 0, this.pos, this.pos + length);
    this.pos += length;
    return copy;
  }

  readBoolean(position?: number): boolean {
    return this.readUnsignedByte(position) !== 0;
  }

  readByte(position?: number): number {
    if (position !== undefined) return this.buf.readInt8(position);
    const value = this.buf.readInt8(this.pos);
    this.pos += 1;
    return value;
  }

  readUnsignedByte(position?: number): number {
    if (position !== undefined) return this.buf.readUInt8(position);
    const value = this.buf.readUInt8(this.pos);
    this.pos += 1;
    return value;
  }

  readChar(position?: number): string {
    return String.fromCharCode(this.readUnsignedShort(position));
  }

  readShort(position?: number): number {
    const at = position ?? this.pos;
    const value = this.bigEndian ? this.buf.readInt16BE(at) : this.buf.readInt16LE(at);
    if (position === undefined) this.pos += 2;
    return value;
  }

  readUnsignedShort(position?: number): number {
    const at = position ?? this.pos;
    const value = this.bigEndian ? this.buf.readUInt16BE(at) : this.buf.readUInt16LE(at);
    if (position === undefined) this.pos += 2;
    return value;
  }

  readInt(position?: number): number {
    const at = position ?? this.pos;
    const value = this.bigEndian ? this.buf.readInt32BE(at) : this.buf.readInt32LE(at);
    if (position === undefined) this.pos += 4;
    return value;
  }

  readLong(position?: number): Long {
    const at = position ?? this.pos;
    const buf = this.buf;
    const value = this.bigEndian
      ? Long.fromBits(buf.readInt32BE(at + 4), buf.readInt32BE(at))
      : Long.fromBits(buf.readInt32LE(at), buf.readInt32LE(at + 4));
    if (position === undefined) this.pos += 8;
    return value;
  }

  readFloat(position?: number): number {
    const at = position ?? this.pos;
    const value = this.bigEndian ? this.buf.readFloatBE(at) : this.buf.readFloatLE(at);
    if (position === undefined) this.pos += 4;
    return value;
  }

  readDouble(position?: number): number {
    const at = position ?? this.pos;
    const value = this.bigEndian ? this.buf.readDoubleBE(at) : this.buf.readDoubleLE(at);
    if (position === undefined) this.pos += 8;
    return value;
  }

  readString(): string | null {
    const length = this.readInt();
    if (length === -1) return null;
    this.need(length, 'String');
    const value = this.buf.toString('utf8', this.pos, this.pos + length);
    this.pos += length;
    return value;
  }

  readUTF(): string | null {
    return this.readString();
  }

  readBooleanArray(): boolean[] | null {
    const count = this.readCount(1, 'boolean[]');
    if (count < 0) return null;
    const values = new Array<boolean>(count);
    for (let i = 0; i < count; i++) values[i] = this.buf[this.pos + i] !== 0;
    this.pos += count;
    return values;
  }

  readByteArray(): Buffer | null {
    const count = this.readCount(1, 'byte[]');
    return count < 0 ? null : this.readFully(count);
  }

  /**
   * A byte array as a view into the bytes read (no copy) when that keeps little memory alive:
   * the memory under them is at most {@link MAX_SHARED_PIN} or twice the array. Otherwise a
   * copy, as {@link readByteArray}. The view shares memory with the Data it was read from.
   */
  readByteArrayShared(): Buffer | null {
    const count = this.readCount(1, 'byte[]');
    if (count < 0) return null;
    if (this.buf.buffer.byteLength > Math.max(MAX_SHARED_PIN, 2 * count)) return this.readFully(count);
    const view = this.buf.subarray(this.pos, this.pos + count);
    this.pos += count;
    return view;
  }

  readCharArray(): string[] | null {
    const count = this.readCount(2, 'char[]');
    if (count < 0) return null;
    const values = new Array<string>(count);
    for (let i = 0; i < count; i++) values[i] = this.readChar();
    return values;
  }

  readShortArray(): number[] | null {
    const count = this.readCount(2, 'short[]');
    if (count < 0) return null;
    const values = new Array<number>(count);
    for (let i = 0; i < count; i++) values[i] = this.readShort();
    return values;
  }

  readIntArray(): number[] | null {
    const count = this.readCount(4, 'int[]');
    if (count < 0) return null;
    const values = new Array<number>(count);
    for (let i = 0; i < count; i++) values[i] = this.readInt();
    return values;
  }

  readLongArray(): Long[] | null {
    const count = this.readCount(8, 'long[]');
    if (count < 0) return null;
    const values = new Array<Long>(count);
    for (let i = 0; i < count; i++) values[i] = this.readLong();
    return values;
  }

  readFloatArray(): number[] | null {
    const count = this.readCount(4, 'float[]');
    if (count < 0) return null;
    const values = new Array<number>(count);
    for (let i = 0; i < count; i++) values[i] = this.readFloat();
    return values;
  }

  readDoubleArray(): number[] | null {
    const count = this.readCount(8, 'double[]');
    if (count < 0) return null;
    const values = new Array<number>(count);
    for (let i = 0; i < count; i++) values[i] = this.readDouble();
    return values;
  }

  readStringArray(): Array<string | null> | null {
    // Each element takes at least its 4-byte length.
    const count = this.readCount(4, 'String[]');
    if (count < 0) return null;
    const values = new Array<string | null>(count);
    for (let i = 0; i < count; i++) values[i] = this.readString();
    return values;
  }

  readUTFArray(): Array<string | null> | null {
    return this.readStringArray();
  }

  readData(): Data | null {
    const bytes = this.readByteArray();
    return bytes === null ? null : new HeapData(bytes);
  }

  readObject<T = unknown>(): T {
    if (this.reader === undefined) {
      throw new HazelcastSerializationError('This input has no serialization service to read nested objects with');
    }
    return this.reader.readObject<T>(this);
  }

  // A count read from corrupt bytes must not allocate a huge array before failing.
  private readCount(elementSize: number, what: string): number {
    const count = this.readInt();
    if (count === -1) return -1;
    if (count < 0 || count * elementSize > this.buf.length - this.pos) {
      throw new HazelcastSerializationError(
        `Malformed ${what}: ${count} elements do not fit in the ${this.buf.length - this.pos} bytes left`,
      );
    }
    return count;
  }

  private need(length: number, what = 'bytes'): void {
    if (length < 0 || length > this.buf.length - this.pos) {
      throw new HazelcastSerializationError(`Malformed ${what}: ${length} bytes do not fit in the ${this.buf.length - this.pos} bytes left`);
    }
  }
}
