import type {
  BigDecimal,
  LocalDate,
  LocalDateTime,
  LocalTime,
  Long,
  LongValue,
  ObjectDataInput,
  ObjectDataOutput,
  OffsetDateTime,
} from '@hz/core';

/**
 * The type of a Portable field (Java `FieldType`, with its ids: they are in the bytes). `UTF` and
 * `STRING` are the same type, as are `UTF_ARRAY` and `STRING_ARRAY`.
 */
export const FieldType = {
  PORTABLE: 0,
  BYTE: 1,
  BOOLEAN: 2,
  CHAR: 3,
  SHORT: 4,
  INT: 5,
  LONG: 6,
  FLOAT: 7,
  DOUBLE: 8,
  UTF: 9,
  STRING: 9,
  PORTABLE_ARRAY: 10,
  BYTE_ARRAY: 11,
  BOOLEAN_ARRAY: 12,
  CHAR_ARRAY: 13,
  SHORT_ARRAY: 14,
  INT_ARRAY: 15,
  LONG_ARRAY: 16,
  FLOAT_ARRAY: 17,
  DOUBLE_ARRAY: 18,
  UTF_ARRAY: 19,
  STRING_ARRAY: 19,
  DECIMAL: 20,
  DECIMAL_ARRAY: 21,
  TIME: 22,
  TIME_ARRAY: 23,
  DATE: 24,
  DATE_ARRAY: 25,
  TIMESTAMP: 26,
  TIMESTAMP_ARRAY: 27,
  TIMESTAMP_WITH_TIMEZONE: 28,
  TIMESTAMP_WITH_TIMEZONE_ARRAY: 29,
} as const;

/** One of {@link FieldType}'s values. */
export type FieldType = (typeof FieldType)[keyof typeof FieldType];

const FIELD_TYPE_NAMES = [
  'PORTABLE',
  'BYTE',
  'BOOLEAN',
  'CHAR',
  'SHORT',
  'INT',
  'LONG',
  'FLOAT',
  'DOUBLE',
  'UTF',
  'PORTABLE_ARRAY',
  'BYTE_ARRAY',
  'BOOLEAN_ARRAY',
  'CHAR_ARRAY',
  'SHORT_ARRAY',
  'INT_ARRAY',
  'LONG_ARRAY',
  'FLOAT_ARRAY',
  'DOUBLE_ARRAY',
  'UTF_ARRAY',
  'DECIMAL',
  'DECIMAL_ARRAY',
  'TIME',
  'TIME_ARRAY',
  'DATE',
  'DATE_ARRAY',
  'TIMESTAMP',
  'TIMESTAMP_ARRAY',
  'TIMESTAMP_WITH_TIMEZONE',
  'TIMESTAMP_WITH_TIMEZONE_ARRAY',
] as const;

/** Java's name of a field type id (`INT`, `UTF` ...), or the number when it is not one. */
export function fieldTypeName(type: number): string {
  return FIELD_TYPE_NAMES[type] ?? `field type ${type}`;
}

/** Whether a number is a field type id. */
export function isFieldType(type: unknown): type is FieldType {
  return typeof type === 'number' && Number.isInteger(type) && type >= 0 && type < FIELD_TYPE_NAMES.length;
}

/**
 * Writes the named fields of a {@link Portable} (Java `PortableWriter`). Each field is written
 * once; its name and type are in the bytes and in the class definition.
 */
export interface PortableWriter {
  writeInt(fieldName: string, value: number): void;
  writeLong(fieldName: string, value: LongValue): void;
  /** @deprecated The Hazelcast 4.1 name of {@link writeString}. */
  writeUTF(fieldName: string, value: string | null): void;
  writeString(fieldName: string, value: string | null): void;
  writeBoolean(fieldName: string, value: boolean): void;
  /** A Java byte: -128..127 (255 is written as -1, as a Java cast would). */
  writeByte(fieldName: string, value: number): void;
  /** A UTF-16 code unit: the first one of a string, or the number. */
  writeChar(fieldName: string, value: string | number): void;
  writeDouble(fieldName: string, value: number): void;
  writeFloat(fieldName: string, value: number): void;
  writeShort(fieldName: string, value: number): void;
  /** A nested Portable; for null use {@link writeNullPortable} (the field needs its factory and class ids). */
  writePortable(fieldName: string, portable: Portable | null): void;
  writeNullPortable(fieldName: string, factoryId: number, classId: number): void;
  writeDecimal(fieldName: string, value: BigDecimal | null): void;
  writeTime(fieldName: string, value: LocalTime | null): void;
  writeDate(fieldName: string, value: LocalDate | null): void;
  writeTimestamp(fieldName: string, value: LocalDateTime | null): void;
  writeTimestampWithTimezone(fieldName: string, value: OffsetDateTime | null): void;
  writeByteArray(fieldName: string, bytes: Uint8Array | Int8Array | null): void;
  writeBooleanArray(fieldName: string, booleans: readonly boolean[] | null): void;
  writeCharArray(fieldName: string, chars: ReadonlyArray<string | number> | Uint16Array | null): void;
  writeIntArray(fieldName: string, ints: ArrayLike<number> | null): void;
  writeLongArray(fieldName: string, longs: ReadonlyArray<LongValue> | BigInt64Array | null): void;
  writeDoubleArray(fieldName: string, values: ArrayLike<number> | null): void;
  writeFloatArray(fieldName: string, values: ArrayLike<number> | null): void;
  writeShortArray(fieldName: string, values: ArrayLike<number> | null): void;
  /** @deprecated The Hazelcast 4.1 name of {@link writeStringArray}. */
  writeUTFArray(fieldName: string, values: ReadonlyArray<string | null> | null): void;
  writeStringArray(fieldName: string, values: ReadonlyArray<string | null> | null): void;
  /** Portables of the field's one class (the first item's, or the class definition's). */
  writePortableArray(fieldName: string, values: readonly Portable[] | null): void;
  writeDecimalArray(fieldName: string, values: readonly BigDecimal[] | null): void;
  writeTimeArray(fieldName: string, values: readonly LocalTime[] | null): void;
  writeDateArray(fieldName: string, values: readonly LocalDate[] | null): void;
  writeTimestampArray(fieldName: string, values: readonly LocalDateTime[] | null): void;
  writeTimestampWithTimezoneArray(fieldName: string, values: readonly OffsetDateTime[] | null): void;
  /**
   * A stream for data after the named fields (Java `getRawDataOutput`): no named field may be
   * written after it is asked for. Raw data is not versioned and queries cannot see it.
   */
  getRawDataOutput(): ObjectDataOutput;
}

/**
 * Reads the named fields of a {@link Portable} (Java `PortableReader`). When the data was
 * written by another version of the class, a field missing from the data reads as its type's
 * default (0, false, null) and numbers read as a wider type where Java allows it.
 */
export interface PortableReader {
  /** The version of the class definition the data was written with. */
  getVersion(): number;
  hasField(fieldName: string): boolean;
  getFieldNames(): string[];
  /** Throws a HazelcastSerializationError when there is no such field. */
  getFieldType(fieldName: string): FieldType;
  readInt(fieldName: string): number;
  readLong(fieldName: string): Long;
  /** @deprecated The Hazelcast 4.1 name of {@link readString}. */
  readUTF(fieldName: string): string | null;
  readString(fieldName: string): string | null;
  readBoolean(fieldName: string): boolean;
  readByte(fieldName: string): number;
  /** A one-character string (a UTF-16 code unit). */
  readChar(fieldName: string): string;
  readDouble(fieldName: string): number;
  readFloat(fieldName: string): number;
  readShort(fieldName: string): number;
  /**
   * A nested Portable; a GenericRecord when no factory is configured for its factory id.
   * `T` is not checked.
   */
  readPortable<T = Portable>(fieldName: string): T | null;
  readDecimal(fieldName: string): BigDecimal | null;
  readTime(fieldName: string): LocalTime | null;
  readDate(fieldName: string): LocalDate | null;
  readTimestamp(fieldName: string): LocalDateTime | null;
  readTimestampWithTimezone(fieldName: string): OffsetDateTime | null;
  readByteArray(fieldName: string): Buffer | null;
  readBooleanArray(fieldName: string): boolean[] | null;
  readCharArray(fieldName: string): string[] | null;
  readIntArray(fieldName: string): number[] | null;
  readLongArray(fieldName: string): Long[] | null;
  readDoubleArray(fieldName: string): number[] | null;
  readFloatArray(fieldName: string): number[] | null;
  readShortArray(fieldName: string): number[] | null;
  /** @deprecated The Hazelcast 4.1 name of {@link readStringArray}. */
  readUTFArray(fieldName: string): Array<string | null> | null;
  readStringArray(fieldName: string): Array<string | null> | null;
  /** `T` is not checked. */
  readPortableArray<T = Portable>(fieldName: string): T[] | null;
  readDecimalArray(fieldName: string): BigDecimal[] | null;
  readTimeArray(fieldName: string): LocalTime[] | null;
  readDateArray(fieldName: string): LocalDate[] | null;
  readTimestampArray(fieldName: string): LocalDateTime[] | null;
  readTimestampWithTimezoneArray(fieldName: string): OffsetDateTime[] | null;
  /** The data written after the named fields (Java `getRawDataInput`); no named field may be read after it. */
  getRawDataInput(): ObjectDataInput;
}

/** A value serialized as Portable (the official client's interface). */
export interface Portable {
  /** Must be the id of a factory in `serialization.portableFactories` on the readers. */
  factoryId: number;
  /** Not 0. */
  classId: number;
  /** Reads the fields written by {@link writePortable}, by name. */
  readPortable(reader: PortableReader): void;
  writePortable(writer: PortableWriter): void;
}

/** A Portable whose class has its own version, instead of `serialization.portableVersion`. */
export interface VersionedPortable extends Portable {
  version: number;
}

/** Creates an empty Portable of a class of the factory, to read into; undefined when the class is unknown. */
export type PortableFactory = (classId: number) => Portable | null | undefined;

/** Whether a value declares itself Portable (the official client's test). */
export function isPortable(value: unknown): value is Portable {
  const v = value as Partial<Portable> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.factoryId === 'number' &&
    typeof v.classId === 'number' &&
    typeof v.readPortable === 'function' &&
    typeof v.writePortable === 'function'
  );
}
