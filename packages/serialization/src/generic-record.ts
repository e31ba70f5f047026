import {
  BigDecimal,
  HazelcastSerializationError,
  LocalDate,
  LocalDateTime,
  LocalTime,
  Long,
  OffsetDateTime,
  describeType,
  isLong,
} from '@hz/core';
import { FieldKind, fieldKindName } from './field-kind';

/**
 * A Compact or Portable value without its class: its fields by name, with their kinds (Java and
 * the official client's `GenericRecord`). Reading data of a type that has no serializer (Compact)
 * or no factory (Portable) gives one; `GenericRecords.compact()` / `GenericRecords.portable()`
 * build one to write. Getters check the field's kind; a non-nullable getter also reads the
 * nullable kind of the same type, and throws when the value is null.
 */
export interface GenericRecord {
  /** A copy, with some fields given new values (checked against their kinds). */
  clone(fieldsToUpdate?: { [fieldName: string]: unknown }): GenericRecord;
  getFieldNames(): Set<string>;
  /** Throws a HazelcastSerializationError when there is no such field. */
  getFieldKind(fieldName: string): FieldKind;
  hasField(fieldName: string): boolean;
  getBoolean(fieldName: string): boolean;
  getInt8(fieldName: string): number;
  /** Portable CHAR fields: a one-character string. */
  getChar(fieldName: string): string;
  getInt16(fieldName: string): number;
  getInt32(fieldName: string): number;
  getInt64(fieldName: string): Long;
  getFloat32(fieldName: string): number;
  getFloat64(fieldName: string): number;
  getString(fieldName: string): string | null;
  getDecimal(fieldName: string): BigDecimal | null;
  getTime(fieldName: string): LocalTime | null;
  getDate(fieldName: string): LocalDate | null;
  getTimestamp(fieldName: string): LocalDateTime | null;
  getTimestampWithTimezone(fieldName: string): OffsetDateTime | null;
  /** A nested Compact (COMPACT) or Portable (PORTABLE) field. */
  getGenericRecord(fieldName: string): GenericRecord | null;
  getArrayOfBoolean(fieldName: string): boolean[] | null;
  getArrayOfInt8(fieldName: string): Buffer | null;
  /** Portable CHAR_ARRAY fields: one-character strings. */
  getArrayOfChar(fieldName: string): string[] | null;
  getArrayOfInt16(fieldName: string): number[] | null;
  getArrayOfInt32(fieldName: string): number[] | null;
  getArrayOfInt64(fieldName: string): Long[] | null;
  getArrayOfFloat32(fieldName: string): number[] | null;
  getArrayOfFloat64(fieldName: string): number[] | null;
  getArrayOfString(fieldName: string): Array<string | null> | null;
  getArrayOfDecimal(fieldName: string): Array<BigDecimal | null> | null;
  getArrayOfTime(fieldName: string): Array<LocalTime | null> | null;
  getArrayOfDate(fieldName: string): Array<LocalDate | null> | null;
  getArrayOfTimestamp(fieldName: string): Array<LocalDateTime | null> | null;
  getArrayOfTimestampWithTimezone(fieldName: string): Array<OffsetDateTime | null> | null;
  getArrayOfGenericRecord(fieldName: string): Array<GenericRecord | null> | null;
  getNullableBoolean(fieldName: string): boolean | null;
  getNullableInt8(fieldName: string): number | null;
  getNullableInt16(fieldName: string): number | null;
  getNullableInt32(fieldName: string): number | null;
  getNullableInt64(fieldName: string): Long | null;
  getNullableFloat32(fieldName: string): number | null;
  getNullableFloat64(fieldName: string): number | null;
  getArrayOfNullableBoolean(fieldName: string): Array<boolean | null> | null;
  getArrayOfNullableInt8(fieldName: string): Array<number | null> | null;
  getArrayOfNullableInt16(fieldName: string): Array<number | null> | null;
  getArrayOfNullableInt32(fieldName: string): Array<number | null> | null;
  getArrayOfNullableInt64(fieldName: string): Array<Long | null> | null;
  getArrayOfNullableFloat32(fieldName: string): Array<number | null> | null;
  getArrayOfNullableFloat64(fieldName: string): Array<number | null> | null;
  toString(): string;
}

/** Field values of a record, by name. */
export type RecordValues = { [fieldName: string]: unknown };

const K = FieldKind;

/**
 * What both kinds of records share: values by name, read through getters that check the kind.
 * Values are checked and normalized when the record is built (INT64 values become Longs).
 */
export abstract class AbstractGenericRecord implements GenericRecord {
  /** @internal Which format writes this record. */
  abstract readonly recordFormat: 'compact' | 'portable';
  /** @internal The values, by field name, as stored. */
  protected readonly values: RecordValues;

  protected constructor(values: RecordValues) {
    this.values = values;
  }

  /** The kind of a field of this record, or undefined when it has none. */
  protected abstract kindOf(fieldName: string): FieldKind | undefined;
  /** The field names in the record's order. */
  protected abstract names(): readonly string[];
  /** Names the record's type in messages. */
  protected abstract describe(): string;
  abstract clone(fieldsToUpdate?: RecordValues): GenericRecord;

  /** @internal A value as stored (no kind check). */
  valueOf(fieldName: string): unknown {
    return this.values[fieldName];
  }

  getFieldNames(): Set<string> {
    return new Set(this.names());
  }

  getFieldKind(fieldName: string): FieldKind {
    const kind = this.kindOf(fieldName);
    if (kind === undefined) throw this.noField(fieldName);
    return kind;
  }

  hasField(fieldName: string): boolean {
    return this.kindOf(fieldName) !== undefined;
  }

  getBoolean(fieldName: string): boolean {
    return this.nonNull(fieldName, K.BOOLEAN, K.NULLABLE_BOOLEAN) as boolean;
  }
  getInt8(fieldName: string): number {
    return this.nonNull(fieldName, K.INT8, K.NULLABLE_INT8) as number;
  }
  getChar(fieldName: string): string {
    return this.get(fieldName, K.CHAR) as string;
  }
  getInt16(fieldName: string): number {
    return this.nonNull(fieldName, K.INT16, K.NULLABLE_INT16) as number;
  }
  getInt32(fieldName: string): number {
    return this.nonNull(fieldName, K.INT32, K.NULLABLE_INT32) as number;
  }
  getInt64(fieldName: string): Long {
    return this.nonNull(fieldName, K.INT64, K.NULLABLE_INT64) as Long;
  }
  getFloat32(fieldName: string): number {
    return this.nonNull(fieldName, K.FLOAT32, K.NULLABLE_FLOAT32) as number;
  }
  getFloat64(fieldName: string): number {
    return this.nonNull(fieldName, K.FLOAT64, K.NULLABLE_FLOAT64) as number;
  }
  getString(fieldName: string): string | null {
    return this.get(fieldName, K.STRING) as string | null;
  }
  getDecimal(fieldName: string): BigDecimal | null {
    return this.get(fieldName, K.DECIMAL) as BigDecimal | null;
  }
  getTime(fieldName: string): LocalTime | null {
    return this.get(fieldName, K.TIME) as LocalTime | null;
  }
  getDate(fieldName: string): LocalDate | null {
    return this.get(fieldName, K.DATE) as LocalDate | null;
  }
  getTimestamp(fieldName: string): LocalDateTime | null {
    return this.get(fieldName, K.TIMESTAMP) as LocalDateTime | null;
  }
  getTimestampWithTimezone(fieldName: string): OffsetDateTime | null {
    return this.get(fieldName, K.TIMESTAMP_WITH_TIMEZONE) as OffsetDateTime | null;
  }
  getGenericRecord(fieldName: string): GenericRecord | null {
    return this.get(fieldName, K.COMPACT, K.PORTABLE) as GenericRecord | null;
  }
  getArrayOfBoolean(fieldName: string): boolean[] | null {
    return this.nonNullItems(fieldName, K.ARRAY_OF_BOOLEAN, K.ARRAY_OF_NULLABLE_BOOLEAN) as boolean[] | null;
  }
  getArrayOfInt8(fieldName: string): Buffer | null {
    const kind = this.kindOf(fieldName);
    const value = this.nonNullItems(fieldName, K.ARRAY_OF_INT8, K.ARRAY_OF_NULLABLE_INT8);
    if (value === null || kind === K.ARRAY_OF_INT8) return value as Buffer | null;
    return Buffer.from(Int8Array.from(value as number[]).buffer);
  }
  getArrayOfChar(fieldName: string): string[] | null {
    return this.get(fieldName, K.ARRAY_OF_CHAR) as string[] | null;
  }
  getArrayOfInt16(fieldName: string): number[] | null {
    return this.nonNullItems(fieldName, K.ARRAY_OF_INT16, K.ARRAY_OF_NULLABLE_INT16) as number[] | null;
  }
  getArrayOfInt32(fieldName: string): number[] | null {
    return this.nonNullItems(fieldName, K.ARRAY_OF_INT32, K.ARRAY_OF_NULLABLE_INT32) as number[] | null;
  }
  getArrayOfInt64(fieldName: string): Long[] | null {
    return this.nonNullItems(fieldName, K.ARRAY_OF_INT64, K.ARRAY_OF_NULLABLE_INT64) as Long[] | null;
  }
  getArrayOfFloat32(fieldName: string): number[] | null {
    return this.nonNullItems(fieldName, K.ARRAY_OF_FLOAT32, K.ARRAY_OF_NULLABLE_FLOAT32) as number[] | null;
  }
  getArrayOfFloat64(fieldName: string): number[] | null {
    return this.nonNullItems(fieldName, K.ARRAY_OF_FLOAT64, K.ARRAY_OF_NULLABLE_FLOAT64) as number[] | null;
  }
  getArrayOfString(fieldName: string): Array<string | null> | null {
    return this.get(fieldName, K.ARRAY_OF_STRING) as Array<string | null> | null;
  }
  getArrayOfDecimal(fieldName: string): Array<BigDecimal | null> | null {
    return this.get(fieldName, K.ARRAY_OF_DECIMAL) as Array<BigDecimal | null> | null;
  }
  getArrayOfTime(fieldName: string): Array<LocalTime | null> | null {
    return this.get(fieldName, K.ARRAY_OF_TIME) as Array<LocalTime | null> | null;
  }
  getArrayOfDate(fieldName: string): Array<LocalDate | null> | null {
    return this.get(fieldName, K.ARRAY_OF_DATE) as Array<LocalDate | null> | null;
  }
  getArrayOfTimestamp(fieldName: string): Array<LocalDateTime | null> | null {
    return this.get(fieldName, K.ARRAY_OF_TIMESTAMP) as Array<LocalDateTime | null> | null;
  }
  getArrayOfTimestampWithTimezone(fieldName: string): Array<OffsetDateTime | null> | null {
    return this.get(fieldName, K.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE) as Array<OffsetDateTime | null> | null;
  }
  getArrayOfGenericRecord(fieldName: string): Array<GenericRecord | null> | null {
    return this.get(fieldName, K.ARRAY_OF_COMPACT, K.ARRAY_OF_PORTABLE) as Array<GenericRecord | null> | null;
  }
  getNullableBoolean(fieldName: string): boolean | null {
    return this.get(fieldName, K.NULLABLE_BOOLEAN, K.BOOLEAN) as boolean | null;
  }
  getNullableInt8(fieldName: string): number | null {
    return this.get(fieldName, K.NULLABLE_INT8, K.INT8) as number | null;
  }
  getNullableInt16(fieldName: string): number | null {
    return this.get(fieldName, K.NULLABLE_INT16, K.INT16) as number | null;
  }
  getNullableInt32(fieldName: string): number | null {
    return this.get(fieldName, K.NULLABLE_INT32, K.INT32) as number | null;
  }
  getNullableInt64(fieldName: string): Long | null {
    return this.get(fieldName, K.NULLABLE_INT64, K.INT64) as Long | null;
  }
  getNullableFloat32(fieldName: string): number | null {
    return this.get(fieldName, K.NULLABLE_FLOAT32, K.FLOAT32) as number | null;
  }
  getNullableFloat64(fieldName: string): number | null {
    return this.get(fieldName, K.NULLABLE_FLOAT64, K.FLOAT64) as number | null;
  }
  getArrayOfNullableBoolean(fieldName: string): Array<boolean | null> | null {
    return this.get(fieldName, K.ARRAY_OF_NULLABLE_BOOLEAN, K.ARRAY_OF_BOOLEAN) as Array<boolean | null> | null;
  }
  getArrayOfNullableInt8(fieldName: string): Array<number | null> | null {
    const value = this.get(fieldName, K.ARRAY_OF_NULLABLE_INT8, K.ARRAY_OF_INT8);
    return value instanceof Uint8Array ? Array.from(new Int8Array(value.buffer, value.byteOffset, value.length)) : (value as Array<number | null> | null);
  }
  getArrayOfNullableInt16(fieldName: string): Array<number | null> | null {
    return this.get(fieldName, K.ARRAY_OF_NULLABLE_INT16, K.ARRAY_OF_INT16) as Array<number | null> | null;
  }
  getArrayOfNullableInt32(fieldName: string): Array<number | null> | null {
    return this.get(fieldName, K.ARRAY_OF_NULLABLE_INT32, K.ARRAY_OF_INT32) as Array<number | null> | null;
  }
  getArrayOfNullableInt64(fieldName: string): Array<Long | null> | null {
    return this.get(fieldName, K.ARRAY_OF_NULLABLE_INT64, K.ARRAY_OF_INT64) as Array<Long | null> | null;
  }
  getArrayOfNullableFloat32(fieldName: string): Array<number | null> | null {
    return this.get(fieldName, K.ARRAY_OF_NULLABLE_FLOAT32, K.ARRAY_OF_FLOAT32) as Array<number | null> | null;
  }
  getArrayOfNullableFloat64(fieldName: string): Array<number | null> | null {
    return this.get(fieldName, K.ARRAY_OF_NULLABLE_FLOAT64, K.ARRAY_OF_FLOAT64) as Array<number | null> | null;
  }

  toString(): string {
    const fields = this.names().map((name) => `${JSON.stringify(name)}: ${show(this.values[name])}`);
    return `${this.describe()} {${fields.join(', ')}}`;
  }

  private get(fieldName: string, ...kinds: FieldKind[]): unknown {
    const kind = this.kindOf(fieldName);
    if (kind === undefined) throw this.noField(fieldName);
    if (!kinds.includes(kind)) {
      throw new HazelcastSerializationError(
        `The field "${fieldName}" of ${this.describe()} is ${fieldKindName(kind)}, not ${kinds.map(fieldKindName).join(' or ')}`,
      );
    }
    return this.values[fieldName];
  }

  private nonNull(fieldName: string, kind: FieldKind, nullable: FieldKind): unknown {
    const value = this.get(fieldName, kind, nullable);
    if (value === null) {
      throw new HazelcastSerializationError(`The field "${fieldName}" of ${this.describe()} is null: read it with the getter of its nullable kind`);
    }
    return value;
  }

  private nonNullItems(fieldName: string, kind: FieldKind, nullable: FieldKind): unknown {
    const value = this.get(fieldName, kind, nullable);
    if (this.kindOf(fieldName) === nullable && Array.isArray(value) && value.includes(null)) {
      throw new HazelcastSerializationError(`The field "${fieldName}" of ${this.describe()} holds a null item: read it with the getter of its nullable kind`);
    }
    return value;
  }

  private noField(fieldName: string): HazelcastSerializationError {
    return new HazelcastSerializationError(`${this.describe()} has no field named "${fieldName}"`);
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Buffer.isBuffer(value)) return `<Buffer ${value.toString('hex')}>`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return String(value);
}

function fail(fieldName: string, kind: FieldKind, value: unknown, why = ''): never {
  throw new HazelcastSerializationError(`Invalid value for the ${fieldKindName(kind)} field "${fieldName}": ${describeType(value)}${why}`);
}

function integer(fieldName: string, kind: FieldKind, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(fieldName, kind, value, typeof value === 'number' ? ` ${value} is not an integer in [${min}, ${max}]` : '');
  }
  return value;
}

function toLong(fieldName: string, kind: FieldKind, value: unknown): Long {
  if (isLong(value)) {
    // A Long of another copy of the 'long' package (the official client bundles its own).
    const { low, high } = value as { low: number; high: number };
    return value instanceof Long ? value : Long.fromBits(low, high);
  }
  if (typeof value === 'bigint') {
    if (value < -(2n ** 63n) || value >= 2n ** 63n) fail(fieldName, kind, value, ' out of the 64-bit range');
    return Long.fromString(value.toString());
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return Long.fromNumber(value);
  return fail(fieldName, kind, value, typeof value === 'number' ? ` ${value} is not a safe integer` : '');
}

function number(fieldName: string, kind: FieldKind, value: unknown): number {
  if (typeof value !== 'number') fail(fieldName, kind, value);
  return value;
}

function instance<T>(type: abstract new (...args: never[]) => T, fieldName: string, kind: FieldKind, value: unknown): T | null {
  if (value !== null && !(value instanceof type)) fail(fieldName, kind, value);
  return value as T | null;
}

function array<T>(fieldName: string, kind: FieldKind, value: unknown, item: (v: unknown) => T): T[] | null {
  if (value === null) return null;
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) fail(fieldName, kind, value, ', not an array');
  return Array.from(value as ArrayLike<unknown>, item);
}

/**
 * Checks a value for a field of a kind and returns it as records store it (a Long for 64-bit
 * integers, a Buffer for ARRAY_OF_INT8, plain arrays for typed arrays). `nested` checks nested
 * records (COMPACT, PORTABLE and their arrays), which only the record's format knows.
 */
export function normalizeValue(fieldName: string, kind: FieldKind, value: unknown, nested: (record: unknown) => boolean): unknown {
  if (value === undefined) fail(fieldName, kind, value, ': every field needs a value (null where the kind allows it)');
  const nullable = <T>(check: (v: unknown) => T) => (v: unknown): T | null => (v === null ? null : check(v));
  switch (kind) {
    case K.BOOLEAN:
      if (typeof value !== 'boolean') fail(fieldName, kind, value);
      return value;
    case K.INT8:
      return integer(fieldName, kind, value, -0x80, 0x7f);
    case K.CHAR:
      if (typeof value !== 'string' || value.length !== 1) fail(fieldName, kind, value, ', not a one-character string');
      return value;
    case K.INT16:
      return integer(fieldName, kind, value, -0x8000, 0x7fff);
    case K.INT32:
      return integer(fieldName, kind, value, -0x80000000, 0x7fffffff);
    case K.INT64:
      return toLong(fieldName, kind, value);
    case K.FLOAT32:
    case K.FLOAT64:
      return number(fieldName, kind, value);
    case K.STRING:
      if (value !== null && typeof value !== 'string') fail(fieldName, kind, value);
      return value;
    case K.DECIMAL:
      return instance(BigDecimal, fieldName, kind, value);
    case K.TIME:
      return instance(LocalTime, fieldName, kind, value);
    case K.DATE:
      return instance(LocalDate, fieldName, kind, value);
    case K.TIMESTAMP:
      return instance(LocalDateTime, fieldName, kind, value);
    case K.TIMESTAMP_WITH_TIMEZONE:
      return instance(OffsetDateTime, fieldName, kind, value);
    case K.COMPACT:
    case K.PORTABLE:
      if (value !== null && !nested(value)) fail(fieldName, kind, value, `, not a ${kind === K.COMPACT ? 'Compact' : 'Portable'} GenericRecord`);
      return value;
    case K.NULLABLE_BOOLEAN:
      if (value !== null && typeof value !== 'boolean') fail(fieldName, kind, value);
      return value;
    case K.NULLABLE_INT8:
      return value === null ? null : integer(fieldName, kind, value, -0x80, 0x7f);
    case K.NULLABLE_INT16:
      return value === null ? null : integer(fieldName, kind, value, -0x8000, 0x7fff);
    case K.NULLABLE_INT32:
      return value === null ? null : integer(fieldName, kind, value, -0x80000000, 0x7fffffff);
    case K.NULLABLE_INT64:
      return value === null ? null : toLong(fieldName, kind, value);
    case K.NULLABLE_FLOAT32:
    case K.NULLABLE_FLOAT64:
      return value === null ? null : number(fieldName, kind, value);
    case K.ARRAY_OF_BOOLEAN:
      return array(fieldName, kind, value, (v) => (typeof v === 'boolean' ? v : fail(fieldName, kind, v)));
    case K.ARRAY_OF_INT8: {
      if (value === null) return null;
      if (value instanceof Uint8Array || value instanceof Int8Array) return Buffer.from(value.buffer, value.byteOffset, value.length);
      const items = array(fieldName, kind, value, (v) => integer(fieldName, kind, v, -0x80, 0xff));
      return Buffer.from(Uint8Array.from(items ?? []));
    }
    case K.ARRAY_OF_CHAR:
      return array(fieldName, kind, value, (v) =>
        typeof v === 'number' ? String.fromCharCode(v) : typeof v === 'string' && v.length === 1 ? v : fail(fieldName, kind, v),
      );
    case K.ARRAY_OF_INT16:
      return array(fieldName, kind, value, (v) => integer(fieldName, kind, v, -0x8000, 0x7fff));
    case K.ARRAY_OF_INT32:
      return array(fieldName, kind, value, (v) => integer(fieldName, kind, v, -0x80000000, 0x7fffffff));
    case K.ARRAY_OF_INT64:
      return array(fieldName, kind, value, (v) => toLong(fieldName, kind, v));
    case K.ARRAY_OF_FLOAT32:
    case K.ARRAY_OF_FLOAT64:
      return array(fieldName, kind, value, (v) => number(fieldName, kind, v));
    case K.ARRAY_OF_STRING:
      return array(fieldName, kind, value, nullable((v) => (typeof v === 'string' ? v : fail(fieldName, kind, v))));
    case K.ARRAY_OF_DECIMAL:
      return array(fieldName, kind, value, (v) => instance(BigDecimal, fieldName, kind, v));
    case K.ARRAY_OF_TIME:
      return array(fieldName, kind, value, (v) => instance(LocalTime, fieldName, kind, v));
    case K.ARRAY_OF_DATE:
      return array(fieldName, kind, value, (v) => instance(LocalDate, fieldName, kind, v));
    case K.ARRAY_OF_TIMESTAMP:
      return array(fieldName, kind, value, (v) => instance(LocalDateTime, fieldName, kind, v));
    case K.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE:
      return array(fieldName, kind, value, (v) => instance(OffsetDateTime, fieldName, kind, v));
    case K.ARRAY_OF_COMPACT:
    case K.ARRAY_OF_PORTABLE:
      return array(fieldName, kind, value, (v) => (v === null || nested(v) ? v : fail(fieldName, kind, v, ', not a GenericRecord of the same format')));
    case K.ARRAY_OF_NULLABLE_BOOLEAN:
      return array(fieldName, kind, value, nullable((v) => (typeof v === 'boolean' ? v : fail(fieldName, kind, v))));
    case K.ARRAY_OF_NULLABLE_INT8:
      return array(fieldName, kind, value, nullable((v) => integer(fieldName, kind, v, -0x80, 0x7f)));
    case K.ARRAY_OF_NULLABLE_INT16:
      return array(fieldName, kind, value, nullable((v) => integer(fieldName, kind, v, -0x8000, 0x7fff)));
    case K.ARRAY_OF_NULLABLE_INT32:
      return array(fieldName, kind, value, nullable((v) => integer(fieldName, kind, v, -0x80000000, 0x7fffffff)));
    case K.ARRAY_OF_NULLABLE_INT64:
      return array(fieldName, kind, value, nullable((v) => toLong(fieldName, kind, v)));
    case K.ARRAY_OF_NULLABLE_FLOAT32:
    case K.ARRAY_OF_NULLABLE_FLOAT64:
      return array(fieldName, kind, value, nullable((v) => number(fieldName, kind, v)));
    default:
      throw new HazelcastSerializationError(`Invalid field kind ${fieldKindName(kind)} for field "${fieldName}"`);
  }
}
