import Long from 'long';
import type { Data } from './data';
import { HazelcastSerializationError } from './errors';
import { allocateBuffer } from '../util/buffer-slab';

/** A 64-bit integer to write: a Long (any version of the 'long' package), a bigint or a safe integer. */
export type LongValue = Long | bigint | number;

/** Writes nested objects for an output; the serialization service. */
export interface ObjectWriter {
  writeObject(output: ObjectDataOutput, value: unknown): void;
}

/**
 * A stream of Hazelcast-encoded values (Java `ObjectDataOutput`): primitives in the output's
 * byte order, strings as an int32 UTF-8 byte length (-1 for null) and the UTF-8 bytes, arrays
 * as an int32 element count (-1 for null) and the elements. Integers are written modulo their
 * width, as a Java cast would; the object-level serializers check ranges before they get here.
 */
export interface ObjectDataOutput {
  /** True for big-endian payloads (the default), false for little-endian. */
  isBigEndian(): boolean;
  /**
   * The write position, in bytes from the start of the serialized form (the Data header
   * included, so Portable and Compact offsets are absolute). With an argument, moves it there;
   * bytes skipped over that were never written read as zeros.
   */
  position(newPosition?: number): number;
  /** A copy of the bytes written so far (up to the position). */
  toBuffer(): Buffer;
  /** Forgets everything written; keeps the memory for reuse. */
  clear(): void;
  /** Raw bytes, no length prefix: one byte (its low 8 bits) or all of an array. */
  write(bytes: number | Uint8Array): void;
  /** `count` zero bytes, for space to fill in later with the `pwrite` methods. */
  writeZeroBytes(count: number): void;
  writeBoolean(value: boolean): void;
  writeByte(value: number): void;
  /** A UTF-16 code unit (2 bytes): the first one of a string, or the number itself. */
  writeChar(value: string | number): void;
  writeShort(value: number): void;
  writeInt(value: number): void;
  /** An int32 big-endian whatever the output's byte order (Data headers). */
  writeIntBE(value: number): void;
  writeLong(value: LongValue): void;
  writeFloat(value: number): void;
  writeDouble(value: number): void;
  /**
   * int32 UTF-8 byte length then the bytes; -1 for null. Throws HazelcastSerializationError
   * for a string with a lone surrogate, which UTF-8 cannot encode.
   */
  writeString(value: string | null): void;
  /** @deprecated The Hazelcast 3 name of {@link writeString}; same bytes. */
  writeUTF(value: string | null): void;
  /** Each UTF-16 code unit as 2 bytes, no length prefix (Java `writeChars`). */
  writeChars(text: string): void;
  /** The low 8 bits of each UTF-16 code unit, no length prefix (Java `writeBytes`). */
  writeBytes(text: string): void;
  writeBooleanArray(values: readonly boolean[] | null): void;
  writeByteArray(values: Uint8Array | Int8Array | null): void;
  /** Characters as one-code-unit strings or code units. */
  writeCharArray(values: ReadonlyArray<string | number> | Uint16Array | null): void;
  writeShortArray(values: ArrayLike<number> | null): void;
  writeIntArray(values: ArrayLike<number> | null): void;
  writeLongArray(values: ReadonlyArray<LongValue> | BigInt64Array | null): void;
  writeFloatArray(values: ArrayLike<number> | null): void;
  writeDoubleArray(values: ArrayLike<number> | null): void;
  writeStringArray(values: ReadonlyArray<string | null> | null): void;
  /** @deprecated The Hazelcast 3 name of {@link writeStringArray}. */
  writeUTFArray(values: ReadonlyArray<string | null> | null): void;
  /** A serialized value as a byte array (int32 length, -1 for null, then the whole Data). */
  writeData(data: Data | null): void;
  /** A nested object: its type id, then its payload, through the serialization service. */
  writeObject(value: unknown): void;
}

/** An output whose already written bytes can be overwritten in place (Portable and Compact offsets). */
export interface PositionalObjectDataOutput extends ObjectDataOutput {
  pwrite(position: number, bytes: number | Uint8Array): void;
  pwriteBoolean(position: number, value: boolean): void;
  pwriteByte(position: number, value: number): void;
  pwriteChar(position: number, value: string | number): void;
  pwriteShort(position: number, value: number): void;
  pwriteInt(position: number, value: number): void;
  pwriteIntBE(position: number, value: number): void;
  pwriteLong(position: number, value: LongValue): void;
  pwriteFloat(position: number, value: number): void;
  pwriteDouble(position: number, value: number): void;
}

const TWO_POW_32 = 0x1_0000_0000;
// Below this many code units a JavaScript loop beats a native call for ASCII; above it the
// native encoder wins (measured on Node 20).
const SHORT_STRING = 32;
// Above this many code units the exact UTF-8 length is computed first, so that reserving the
// worst case (3 bytes per code unit) does not triple the buffer for a large string.
const LARGE_STRING = 1 << 16;

// Up to this many bytes toBuffer copies with a loop (measured on Node 20).
const SMALL_COPY = 64;

type WellFormed = string & { isWellFormed(): boolean };

/**
 * The output the serialization service writes to: one growable Buffer, grown by doubling in
 * one place ({@link ensure}), written in place with no allocation per write.
 */
export class ByteArrayObjectDataOutput implements PositionalObjectDataOutput {
  private buf: Buffer;
  private pos = 0;
  // Highest position reached before a move backwards; bytes below it were written.
  private end = 0;

  constructor(
    private readonly bigEndian: boolean,
    private readonly writer?: ObjectWriter,
    initialSize = 256,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(initialSize, 16));
  }

  /** Bytes of memory held, for callers that drop outputs grown too large to keep. */
  capacity(): number {
    return this.buf.length;
  }

  isBigEndian(): boolean {
    return this.bigEndian;
  }

  position(newPosition?: number): number {
    if (newPosition === undefined) return this.pos;
    if (!Number.isInteger(newPosition) || newPosition < 0) throw new RangeError(`Invalid position ${newPosition}`);
    const end = Math.max(this.end, this.pos);
    if (newPosition > end) {
      this.ensure(newPosition - this.pos);
      this.buf.fill(0, end, newPosition);
    }
    this.end = Math.max(end, newPosition);
    this.pos = newPosition;
    return newPosition;
  }

  toBuffer(): Buffer {
    const length = this.pos;
    const copy = allocateBuffer(length);
    if (length <= SMALL_COPY) {
      // For a few bytes a loop is cheaper than the native copy's call and argument checks.
      const buf = this.buf;
      for (let i = 0; i < length; i++) copy[i] = buf[i];
    } else {
      this.buf.copy(copy, 0, 0, length);
    }
    return copy;
  }

  /** The bytes written so far, without a copy: valid until the output is written again. */
  view(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  clear(): void {
    this.pos = 0;
    this.end = 0;
  }

  write(bytes: number | Uint8Array): void {
    if (typeof bytes === 'number') {
      this.writeByte(bytes);
      return;
    }
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  writeZeroBytes(count: number): void {
    this.ensure(count);
    this.buf.fill(0, this.pos, this.pos + count);
    this.pos += count;
  }

  writeBoolean(value: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = value ? 1 : 0;
  }

  writeByte(value: number): void {
    this.ensure(1);
    this.buf[this.pos++] = value;
  }

  writeChar(value: string | number): void {
    this.writeShort(typeof value === 'string' ? value.charCodeAt(0) : value);
  }

  writeShort(value: number): void {
    this.ensure(2);
    this.put16(this.pos, value);
    this.pos += 2;
  }

  writeInt(value: number): void {
    this.ensure(4);
    this.put32(this.pos, value, this.bigEndian);
    this.pos += 4;
  }

  writeIntBE(value: number): void {
    this.ensure(4);
    this.put32(this.pos, value, true);
    this.pos += 4;
  }

  writeLong(value: LongValue): void {
    this.ensure(8);
    this.put64(this.pos, value);
    this.pos += 8;
  }

  writeFloat(value: number): void {
    this.ensure(4);
    if (this.bigEndian) this.buf.writeFloatBE(value, this.pos);
    else this.buf.writeFloatLE(value, this.pos);
    this.pos += 4;
  }

  writeDouble(value: number): void {
    this.ensure(8);
    if (this.bigEndian) this.buf.writeDoubleBE(value, this.pos);
    else this.buf.writeDoubleLE(value, this.pos);
    this.pos += 8;
  }

  writeString(value: string | null): void {
    if (value === null) {
      this.writeInt(-1);
      return;
    }
    const length = value.length;
    if (length <= SHORT_STRING) {
      // ASCII fast path: one byte per code unit, no native call, no length computed twice.
      this.ensure(4 + 3 * length);
      const buf = this.buf;
      const start = this.pos + 4;
      let i = 0;
      for (; i < length; i++) {
        const c = value.charCodeAt(i);
        if (c >= 0x80) break;
        buf[start + i] = c;
      }
      if (i === length) {
        this.put32(this.pos, length, this.bigEndian);
        this.pos = start + length;
        return;
      }
    } else if (length > LARGE_STRING) {
      this.ensure(4 + Buffer.byteLength(value, 'utf8'));
    } else {
      this.ensure(4 + 3 * length);
    }
    // The content goes after a reserved length field, which is then filled in with the count
    // the encoder returns: the UTF-8 length is never computed separately.
    const written = this.buf.write(value, this.pos + 4, 'utf8');
    // Any non-ASCII code unit makes the UTF-8 longer than the string, so only then can there be
    // a lone surrogate (which Node would silently replace with U+FFFD).
    if (written !== length && !(value as WellFormed).isWellFormed()) throw loneSurrogate(value);
    this.put32(this.pos, written, this.bigEndian);
    this.pos += 4 + written;
  }

  writeUTF(value: string | null): void {
    this.writeString(value);
  }

  writeChars(text: string): void {
    const length = text.length;
    this.ensure(2 * length);
    for (let i = 0; i < length; i++) this.put16(this.pos + 2 * i, text.charCodeAt(i));
    this.pos += 2 * length;
  }

  writeBytes(text: string): void {
    const length = text.length;
    this.ensure(length);
    const buf = this.buf;
    for (let i = 0; i < length; i++) buf[this.pos + i] = text.charCodeAt(i);
    this.pos += length;
  }

  writeBooleanArray(values: readonly boolean[] | null): void {
    if (values === null) return this.writeInt(-1);
    this.writeInt(values.length);
    this.ensure(values.length);
    for (let i = 0; i < values.length; i++) this.buf[this.pos + i] = values[i] ? 1 : 0;
    this.pos += values.length;
  }

  writeByteArray(values: Uint8Array | Int8Array | null): void {
    if (values === null) return this.writeInt(-1);
    this.writeInt(values.length);
    this.write(values instanceof Uint8Array ? values : new Uint8Array(values.buffer, values.byteOffset, values.length));
  }

  writeCharArray(values: ReadonlyArray<string | number> | Uint16Array | null): void {
    if (values === null) return this.writeInt(-1);
    this.writeInt(values.length);
    this.ensure(2 * values.length);
    for (let i = 0; i < values.length; i++) {
      const c = values[i];
      this.put16(this.pos, typeof c === 'string' ? c.charCodeAt(0) : c);
      this.pos += 2;
    }
  }

  writeShortArray(values: ArrayLike<number> | null): void {
    if (values === null) return this.writeInt(-1);
    this.writeInt(values.length);
    this.ensure(2 * values.length);
    for (let i = 0; i < values.length; i++) {
      this.put16(this.pos, values[i]);
      this.pos += 2;
    }
  }

  writeIntArray(values: ArrayLike<number> | null): void {
    if (values === null) return this.writeInt(-1);
    this.writeInt(values.length);
    this.ensure(4 * values.length);
    for (let i = 0; i < values.length; i++) {
      this.put32(this.pos, values[i], this.bigEndian);
      this.pos += 4;
    }
  }

  writeLongArray(values: ReadonlyArray<LongValue> | BigInt64Array | null): void {
    if (values === null) return this.writeInt(-1);
    this.writeInt(values.length);
    this.ensure(8 * values.length);
    for (let i = 0; i < values.length; i++) {
      this.put64(this.pos, values[i]);
      this.pos += 8;
    }
  }

  writeFloatArray(values: ArrayLike<number> | null): void {
    if (values === null) return this.writeInt(-1);
    this.writeInt(values.length);
    for (let i = 0; i < values.length; i++) this.writeFloat(values[i]);
  }

  writeDoubleArray(values: ArrayLike<number> | null): void {
    if (values === null) return this.writeInt(-1);
    this.writeInt(values.length);
    for (let i = 0; i < values.length; i++) this.writeDouble(values[i]);
  }

  writeStringArray(values: ReadonlyArray<string | null> | null): void {
    if (values === null) return this.writeInt(-1);
    this.writeInt(values.length);
    for (let i = 0; i < values.length; i++) this.writeString(values[i]);
  }

  writeUTFArray(values: ReadonlyArray<string | null> | null): void {
    this.writeStringArray(values);
  }

  writeData(data: Data | null): void {
    this.writeByteArray(data === null ? null : data.toBuffer());
  }

  writeObject(value: unknown): void {
    if (this.writer === undefined) {
      throw new HazelcastSerializationError('This output has no serialization service to write nested objects with');
    }
    this.writer.writeObject(this, value);
  }

  pwrite(position: number, bytes: number | Uint8Array): void {
    if (typeof bytes === 'number') {
      this.pwriteByte(position, bytes);
      return;
    }
    this.checkWritten(position, bytes.length);
    this.buf.set(bytes, position);
  }

  pwriteBoolean(position: number, value: boolean): void {
    this.checkWritten(position, 1);
    this.buf[position] = value ? 1 : 0;
  }

  pwriteByte(position: number, value: number): void {
    this.checkWritten(position, 1);
    this.buf[position] = value;
  }

  pwriteChar(position: number, value: string | number): void {
    this.pwriteShort(position, typeof value === 'string' ? value.charCodeAt(0) : value);
  }

  pwriteShort(position: number, value: number): void {
    this.checkWritten(position, 2);
    this.put16(position, value);
  }

  pwriteInt(position: number, value: number): void {
    this.checkWritten(position, 4);
    this.put32(position, value, this.bigEndian);
  }

  pwriteIntBE(position: number, value: number): void {
    this.checkWritten(position, 4);
    this.put32(position, value, true);
  }

  pwriteLong(position: number, value: LongValue): void {
    this.checkWritten(position, 8);
    this.put64(position, value);
  }

  pwriteFloat(position: number, value: number): void {
    this.checkWritten(position, 4);
    if (this.bigEndian) this.buf.writeFloatBE(value, position);
    else this.buf.writeFloatLE(value, position);
  }

  pwriteDouble(position: number, value: number): void {
    this.checkWritten(position, 8);
    if (this.bigEndian) this.buf.writeDoubleBE(value, position);
    else this.buf.writeDoubleLE(value, position);
  }

  /** Makes room for `count` more bytes: the only place the buffer is reallocated. */
  private ensure(count: number): void {
    const needed = this.pos + count;
    if (needed > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, 2 * this.buf.length));
      this.buf.copy(grown, 0, 0, Math.max(this.pos, this.end));
      this.buf = grown;
    }
  }

  // Positional writes only overwrite bytes already written, so they never expose the
  // uninitialized memory of a grown buffer.
  private checkWritten(position: number, size: number): void {
    if (!(position >= 0 && position + size <= Math.max(this.pos, this.end))) {
      throw new RangeError(`Cannot write ${size} bytes at ${position}: only ${Math.max(this.pos, this.end)} bytes are written`);
    }
  }

  private put16(at: number, value: number): void {
    const buf = this.buf;
    if (this.bigEndian) {
      buf[at] = value >>> 8;
      buf[at + 1] = value;
    } else {
      buf[at] = value;
      buf[at + 1] = value >>> 8;
    }
  }

  private put32(at: number, value: number, bigEndian: boolean): void {
    const buf = this.buf;
    if (bigEndian) {
      buf[at] = value >>> 24;
      buf[at + 1] = value >>> 16;
      buf[at + 2] = value >>> 8;
      buf[at + 3] = value;
    } else {
      buf[at] = value;
      buf[at + 1] = value >>> 8;
      buf[at + 2] = value >>> 16;
      buf[at + 3] = value >>> 24;
    }
  }

  private put64(at: number, value: LongValue): void {
    let high: number;
    let low: number;
    if (typeof value === 'bigint') {
      high = Number(BigInt.asIntN(32, value >> 32n));
      low = Number(BigInt.asIntN(32, value));
    } else if (typeof value === 'number') {
      // Exact for safe integers: the low word is the value modulo 2^32.
      high = Math.floor(value / TWO_POW_32);
      low = value;
    } else {
      high = value.high;
      low = value.low;
    }
    if (this.bigEndian) {
      this.put32(at, high, true);
      this.put32(at + 4, low, true);
    } else {
      this.put32(at, low, false);
      this.put32(at + 4, high, false);
    }
  }
}

function loneSurrogate(value: string): HazelcastSerializationError {
  let index = 0;
  for (; index < value.length; index++) {
    const c = value.charCodeAt(index);
    if (c >= 0xd800 && c <= 0xdbff && index + 1 < value.length) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) break;
  }
  return new HazelcastSerializationError(
    `Cannot serialize a String (type id -11) with a lone surrogate (code unit 0x${value.charCodeAt(index).toString(16)} at index ${index}): UTF-8 cannot encode it`,
    { typeId: -11 },
  );
}

/** True for a Long of any version of the 'long' package (they mark instances with `__isLong__`). */
export function isLong(value: unknown): value is Long {
  return Long.isLong(value);
}
