import type Long from 'long';
import { UUID } from '../util/uuid';
import { BigDecimal } from './big-decimal';
import { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from './date-time';
import { HazelcastSerializationError } from './errors';
import { BooleanArray, Byte, Char, Double, Float, Integer, JavaClass, LinkedList, Short, StringArray } from './java-types';
import { ByteArrayObjectDataInput, type ObjectDataInput } from './object-data-input';
import type { ObjectDataOutput } from './object-data-output';
import type { Serializer } from './serializer';
import { TypeId } from './type-ids';

/*
 * The built-in serializers: one small object per Java type, with the member's type id and
 * payload layout. Writers accept the typed wrappers and, for the number types, plain numbers
 * (when `defaultNumberType` selects them), checked against the Java type's range.
 */

function checkedInteger(value: number, min: number, max: number, typeId: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new HazelcastSerializationError(
      `Cannot serialize ${String(value)} as a Java ${javaName(typeId)}: it needs an integer in [${min}, ${max}]`,
      { typeId },
    );
  }
  return value;
}

function javaName(typeId: number): string {
  switch (typeId) {
    case TypeId.BYTE:
      return 'byte';
    case TypeId.SHORT:
      return 'short';
    case TypeId.INTEGER:
      return 'int';
    default:
      return 'long';
  }
}

/** Java null (type id 0): no payload. */
export const NULL_SERIALIZER: Serializer<null> = {
  id: TypeId.NULL,
  read: () => null,
  write: () => undefined,
};

/** Java Boolean (-4): one byte, 0 or 1. */
export const BOOLEAN_SERIALIZER: Serializer<boolean> = {
  id: TypeId.BOOLEAN,
  read: (input) => input.readBoolean(),
  write: (output, value) => output.writeBoolean(value),
};

/** Java Byte (-3). Reads a number. */
export const BYTE_SERIALIZER: Serializer<number | Byte> = {
  id: TypeId.BYTE,
  read: (input) => input.readByte(),
  write: (output, value) => output.writeByte(value instanceof Byte ? value.value : checkedInteger(value, -0x80, 0x7f, TypeId.BYTE)),
};

/** Java Character (-5): a UTF-16 code unit. Reads a one-character string. */
export const CHAR_SERIALIZER: Serializer<string | Char> = {
  id: TypeId.CHAR,
  read: (input) => input.readChar(),
  write: (output, value) => output.writeChar(typeof value === 'string' ? value : value.value),
};

/** Java Short (-6). Reads a number. */
export const SHORT_SERIALIZER: Serializer<number | Short> = {
  id: TypeId.SHORT,
  read: (input) => input.readShort(),
  write: (output, value) => output.writeShort(value instanceof Short ? value.value : checkedInteger(value, -0x8000, 0x7fff, TypeId.SHORT)),
};

/** Java Integer (-7). Reads a number. */
export const INTEGER_SERIALIZER: Serializer<number | Integer> = {
  id: TypeId.INTEGER,
  read: (input) => input.readInt(),
  write: (output, value) =>
    output.writeInt(value instanceof Integer ? value.value : checkedInteger(value, -0x80000000, 0x7fffffff, TypeId.INTEGER)),
};

/** Java Long (-8). Reads a Long; writes a Long, or a safe integer when `defaultNumberType` is 'long'. */
export const LONG_SERIALIZER: Serializer<Long | number> = {
  id: TypeId.LONG,
  read: (input) => input.readLong(),
  write: (output, value) =>
    output.writeLong(typeof value === 'number' ? checkedInteger(value, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, TypeId.LONG) : value),
};

/** Java Float (-9). Reads a number (exactly the float32 value). */
export const FLOAT_SERIALIZER: Serializer<number | Float> = {
  id: TypeId.FLOAT,
  read: (input) => input.readFloat(),
  write: (output, value) => output.writeFloat(typeof value === 'number' ? value : value.value),
};

/** Java Double (-10). Reads a number. */
export const DOUBLE_SERIALIZER: Serializer<number | Double> = {
  id: TypeId.DOUBLE,
  read: (input) => input.readDouble(),
  write: (output, value) => output.writeDouble(typeof value === 'number' ? value : value.value),
};

/** Java String (-11): int32 UTF-8 byte length, then UTF-8 (Hazelcast 4 and later). */
export const STRING_SERIALIZER: Serializer<string> = {
  id: TypeId.STRING,
  read: (input) => input.readString() as string,
  write: (output, value) => output.writeString(value),
};

/**
 * Java byte[] (-12). Reads a Buffer; writes any Uint8Array (Buffer included) or Int8Array. The
 * Buffer read is a view into the Data when that pins little memory (as the official client's,
 * always a view; a copy costs as much as the rest of toObject for 1 KiB), else a copy.
 */
export const BYTE_ARRAY_SERIALIZER: Serializer<Buffer | Uint8Array | Int8Array> = {
  id: TypeId.BYTE_ARRAY,
  read: (input) => (input instanceof ByteArrayObjectDataInput ? input.readByteArrayShared() : input.readByteArray()) as Buffer,
  write: (output, value) => output.writeByteArray(value),
};

/** Java boolean[] (-13). Reads boolean[]; writes a BooleanArray. */
export const BOOLEAN_ARRAY_SERIALIZER: Serializer<boolean[] | BooleanArray> = {
  id: TypeId.BOOLEAN_ARRAY,
  read: (input) => input.readBooleanArray() as boolean[],
  write: (output, value) => output.writeBooleanArray(value instanceof BooleanArray ? value.values : value),
};

/** Java char[] (-14). Reads one-character strings; writes a Uint16Array of code units. */
export const CHAR_ARRAY_SERIALIZER: Serializer<string[] | Uint16Array> = {
  id: TypeId.CHAR_ARRAY,
  read: (input) => input.readCharArray() as string[],
  write: (output, value) => output.writeCharArray(value),
};

/** Java short[] (-15). Reads number[]; writes an Int16Array. */
export const SHORT_ARRAY_SERIALIZER: Serializer<ArrayLike<number>> = {
  id: TypeId.SHORT_ARRAY,
  read: (input) => input.readShortArray() as number[],
  write: (output, value) => output.writeShortArray(value),
};

/** Java int[] (-16). Reads number[]; writes an Int32Array. */
export const INT_ARRAY_SERIALIZER: Serializer<ArrayLike<number>> = {
  id: TypeId.INTEGER_ARRAY,
  read: (input) => input.readIntArray() as number[],
  write: (output, value) => output.writeIntArray(value),
};

/** Java long[] (-17). Reads Long[]; writes a BigInt64Array. */
export const LONG_ARRAY_SERIALIZER: Serializer<Long[] | BigInt64Array> = {
  id: TypeId.LONG_ARRAY,
  read: (input) => input.readLongArray() as Long[],
  write: (output, value) => output.writeLongArray(value),
};

/** Java float[] (-18). Reads number[]; writes a Float32Array. */
export const FLOAT_ARRAY_SERIALIZER: Serializer<ArrayLike<number>> = {
  id: TypeId.FLOAT_ARRAY,
  read: (input) => input.readFloatArray() as number[],
  write: (output, value) => output.writeFloatArray(value),
};

/** Java double[] (-19). Reads number[]; writes a Float64Array. */
export const DOUBLE_ARRAY_SERIALIZER: Serializer<ArrayLike<number>> = {
  id: TypeId.DOUBLE_ARRAY,
  read: (input) => input.readDoubleArray() as number[],
  write: (output, value) => output.writeDoubleArray(value),
};

/** Java String[] (-20). Reads (string | null)[]; writes a StringArray. */
export const STRING_ARRAY_SERIALIZER: Serializer<Array<string | null> | StringArray> = {
  id: TypeId.STRING_ARRAY,
  read: (input) => input.readStringArray() as Array<string | null>,
  write: (output, value) => output.writeStringArray(value instanceof StringArray ? value.values : value),
};

/** java.util.UUID (-21): most significant long, then least significant long. */
export const UUID_SERIALIZER: Serializer<UUID> = {
  id: TypeId.UUID,
  read: (input) => {
    const most = input.readLong();
    return new UUID(most, input.readLong());
  },
  write: (output, value) => {
    output.writeLong(value.mostSignificant);
    output.writeLong(value.leastSignificant);
  },
};

/** java.lang.Class (-24): the class name as a String. Reads the name; writes a JavaClass. */
export const JAVA_CLASS_SERIALIZER: Serializer<string | JavaClass> = {
  id: TypeId.JAVA_CLASS,
  read: (input) => input.readString() as string,
  write: (output, value) => output.writeString(typeof value === 'string' ? value : value.name),
};

/** java.util.Date (-25): milliseconds since the epoch as a long. Reads and writes a JavaScript Date. */
export const DATE_SERIALIZER: Serializer<Date> = {
  id: TypeId.DATE,
  read: (input) => new Date(input.readLong().toNumber()),
  write: (output, value) => {
    const millis = value.getTime();
    if (Number.isNaN(millis)) throw new HazelcastSerializationError('Cannot serialize an invalid Date (type id -25)', { typeId: TypeId.DATE });
    output.writeLong(millis);
  },
};

/** Java's `BigInteger.toByteArray()`: the minimal two's-complement bytes, big-endian. */
export function bigIntToBytes(value: bigint): Buffer {
  const magnitude = value < 0n ? ~value : value;
  const hex = magnitude === 0n ? '' : magnitude.toString(16);
  const bits = hex.length === 0 ? 0 : (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
  // One more bit for the sign.
  const size = (bits >> 3) + 1;
  return Buffer.from(BigInt.asUintN(size * 8, value).toString(16).padStart(size * 2, '0'), 'hex');
}

/** The inverse of {@link bigIntToBytes}. */
export function bigIntFromBytes(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  return BigInt.asIntN(bytes.length * 8, BigInt(`0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex')}`));
}

/**
 * java.math.BigInteger (-26), a JavaScript bigint: a byte array of the two's-complement value,
 * whose bytes are big-endian even in a little-endian stream (only the length follows it).
 */
export const BIG_INTEGER_SERIALIZER: Serializer<bigint> = {
  id: TypeId.BIG_INTEGER,
  read: (input) => bigIntFromBytes(input.readByteArray() ?? Buffer.alloc(0)),
  write: (output, value) => output.writeByteArray(bigIntToBytes(value)),
};

/** java.math.BigDecimal (-27): the unscaled value as a BigInteger, then the int scale. */
export const BIG_DECIMAL_SERIALIZER: Serializer<BigDecimal> = {
  id: TypeId.BIG_DECIMAL,
  read: (input) => {
    const unscaled = bigIntFromBytes(input.readByteArray() ?? Buffer.alloc(0));
    return new BigDecimal(unscaled, input.readInt());
  },
  write: (output, value) => {
    output.writeByteArray(bigIntToBytes(value.unscaledValue));
    output.writeInt(value.scale);
  },
};

function readList(input: ObjectDataInput): unknown[] {
  const count = input.readInt();
  // Every element takes at least its 4-byte type id: a corrupt count fails before allocating.
  if (count < 0 || count * 4 > input.available()) {
    throw new HazelcastSerializationError(`Malformed list: ${count} elements do not fit in ${input.available()} bytes`);
  }
  const items = new Array<unknown>(count);
  for (let i = 0; i < count; i++) items[i] = input.readObject();
  return items;
}

function writeList(output: ObjectDataOutput, items: readonly unknown[]): void {
  output.writeInt(items.length);
  for (let i = 0; i < items.length; i++) output.writeObject(items[i]);
}

/** java.util.ArrayList (-29), a JavaScript array: int count, then each element as a nested object. */
export const ARRAY_LIST_SERIALIZER: Serializer<readonly unknown[]> = {
  id: TypeId.ARRAY_LIST,
  read: readList,
  write: writeList,
};

/** java.util.LinkedList (-30): the ArrayList layout. Reads a plain array; writes a LinkedList. */
export const LINKED_LIST_SERIALIZER: Serializer<readonly unknown[] | LinkedList> = {
  id: TypeId.LINKED_LIST,
  read: readList,
  write: (output, value) => writeList(output, value instanceof LinkedList ? value.items : value),
};

function readLocalDate(input: ObjectDataInput): LocalDate {
  const year = input.readInt();
  const month = input.readByte();
  return new LocalDate(year, month, input.readByte());
}

function writeLocalDate(output: ObjectDataOutput, value: LocalDate): void {
  output.writeInt(value.year);
  output.writeByte(value.month);
  output.writeByte(value.date);
}

function readLocalTime(input: ObjectDataInput): LocalTime {
  const hour = input.readByte();
  const minute = input.readByte();
  const second = input.readByte();
  return new LocalTime(hour, minute, second, input.readInt());
}

function writeLocalTime(output: ObjectDataOutput, value: LocalTime): void {
  output.writeByte(value.hour);
  output.writeByte(value.minute);
  output.writeByte(value.second);
  output.writeInt(value.nano);
}

/** java.time.LocalDate (-51): int year, byte month, byte day. */
export const LOCAL_DATE_SERIALIZER: Serializer<LocalDate> = {
  id: TypeId.LOCAL_DATE,
  read: readLocalDate,
  write: writeLocalDate,
};

/** java.time.LocalTime (-52): byte hour, byte minute, byte second, int nanosecond. */
export const LOCAL_TIME_SERIALIZER: Serializer<LocalTime> = {
  id: TypeId.LOCAL_TIME,
  read: readLocalTime,
  write: writeLocalTime,
};

/** java.time.LocalDateTime (-53): the date, then the time. */
export const LOCAL_DATE_TIME_SERIALIZER: Serializer<LocalDateTime> = {
  id: TypeId.LOCAL_DATE_TIME,
  read: (input) => {
    const date = readLocalDate(input);
    return new LocalDateTime(date, readLocalTime(input));
  },
  write: (output, value) => {
    writeLocalDate(output, value.localDate);
    writeLocalTime(output, value.localTime);
  },
};

/** java.time.OffsetDateTime (-54): the date, the time, then the int offset in seconds. */
export const OFFSET_DATE_TIME_SERIALIZER: Serializer<OffsetDateTime> = {
  id: TypeId.OFFSET_DATE_TIME,
  read: (input) => {
    const date = readLocalDate(input);
    const time = readLocalTime(input);
    return new OffsetDateTime(new LocalDateTime(date, time), input.readInt());
  },
  write: (output, value) => {
    writeLocalDate(output, value.localDateTime.localDate);
    writeLocalTime(output, value.localDateTime.localTime);
    output.writeInt(value.offsetSeconds);
  },
};

/** Every built-in serializer except JSON, whose reader depends on the configuration. */
export const BUILTIN_SERIALIZERS: readonly Serializer[] = [
  NULL_SERIALIZER,
  BOOLEAN_SERIALIZER,
  BYTE_SERIALIZER,
  CHAR_SERIALIZER,
  SHORT_SERIALIZER,
  INTEGER_SERIALIZER,
  LONG_SERIALIZER,
  FLOAT_SERIALIZER,
  DOUBLE_SERIALIZER,
  STRING_SERIALIZER,
  BYTE_ARRAY_SERIALIZER,
  BOOLEAN_ARRAY_SERIALIZER,
  CHAR_ARRAY_SERIALIZER,
  SHORT_ARRAY_SERIALIZER,
  INT_ARRAY_SERIALIZER,
  LONG_ARRAY_SERIALIZER,
  FLOAT_ARRAY_SERIALIZER,
  DOUBLE_ARRAY_SERIALIZER,
  STRING_ARRAY_SERIALIZER,
  UUID_SERIALIZER,
  JAVA_CLASS_SERIALIZER,
  DATE_SERIALIZER,
  BIG_INTEGER_SERIALIZER,
  BIG_DECIMAL_SERIALIZER,
  ARRAY_LIST_SERIALIZER,
  LINKED_LIST_SERIALIZER,
  LOCAL_DATE_SERIALIZER,
  LOCAL_TIME_SERIALIZER,
  LOCAL_DATE_TIME_SERIALIZER,
  OFFSET_DATE_TIME_SERIALIZER,
] as readonly Serializer[];

type Class = abstract new (...args: never[]) => unknown;

/**
 * The classes of the built-in object types and their serializers, for the service's lookup
 * (an exact-class map first, then `instanceof` for subclasses). Plain arrays, Buffers and Longs
 * are handled by the service itself.
 */
export const BUILTIN_CLASSES: ReadonlyArray<readonly [Class, Serializer]> = [
  [Uint8Array, BYTE_ARRAY_SERIALIZER],
  [Int8Array, BYTE_ARRAY_SERIALIZER],
  [Uint16Array, CHAR_ARRAY_SERIALIZER],
  [Int16Array, SHORT_ARRAY_SERIALIZER],
  [Int32Array, INT_ARRAY_SERIALIZER],
  [BigInt64Array, LONG_ARRAY_SERIALIZER],
  [Float32Array, FLOAT_ARRAY_SERIALIZER],
  [Float64Array, DOUBLE_ARRAY_SERIALIZER],
  [Date, DATE_SERIALIZER],
  [UUID, UUID_SERIALIZER],
  [BigDecimal, BIG_DECIMAL_SERIALIZER],
  [LocalDate, LOCAL_DATE_SERIALIZER],
  [LocalTime, LOCAL_TIME_SERIALIZER],
  [LocalDateTime, LOCAL_DATE_TIME_SERIALIZER],
  [OffsetDateTime, OFFSET_DATE_TIME_SERIALIZER],
  [Byte, BYTE_SERIALIZER],
  [Short, SHORT_SERIALIZER],
  [Integer, INTEGER_SERIALIZER],
  [Float, FLOAT_SERIALIZER],
  [Double, DOUBLE_SERIALIZER],
  [Char, CHAR_SERIALIZER],
  [BooleanArray, BOOLEAN_ARRAY_SERIALIZER],
  [StringArray, STRING_ARRAY_SERIALIZER],
  [JavaClass, JAVA_CLASS_SERIALIZER],
  [LinkedList, LINKED_LIST_SERIALIZER],
] as ReadonlyArray<readonly [Class, Serializer]>;
